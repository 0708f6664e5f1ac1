import { describe, expect, it, vi } from 'vitest'
import { buttonTexts, CODES, mountWithApp, readable } from '@/test/mountWithApp'
import { queuePage } from '@/test/fixtures'

const talentGet = vi.fn(async () => queuePage())
const policyGet = vi.fn(async () => ({ measures: [{ code: 'QJY-05', title: '高校毕业生租房补贴' }] }))
vi.mock('@/api/client', () => ({
  api: () => ({ talent: { GET: talentGet }, policy: { GET: policyGet } }),
  call: (request: Promise<unknown>) => request,
}))

const { default: QueueScreen } = await import('./QueueScreen.vue')

describe('the queue an officer reads', () => {
  it('shows measures, statuses and the countdown in words, never codes', async () => {
    const { wrapper } = await mountWithApp(QueueScreen)
    const text = readable(wrapper)
    expect(text).toContain('青年驿站免费住宿')
    expect(text).toContain('待审核')
    expect(text).toContain('已超期 2 个工作日')
    expect(text).toContain('今天到期')
    expect(text).toContain('剩 4 个工作日')
    expect(text).toContain('免申即享')
    expect(text).toContain('hr2')
    expect(text).toContain('待办中已超期 1 件')
    expect(text).not.toMatch(CODES)
    wrapper.unmount()
  })

  it('counts every status on its button', async () => {
    const { wrapper } = await mountWithApp(QueueScreen)
    const labels = wrapper.findAll('.el-radio-button').map((b) => b.text().trim())
    expect(labels).toContain('全部待办（3）')
    expect(labels).toContain('待审核（2）')
    expect(labels).toContain('已通过（7）')
    expect(labels).toContain('未通过（0）')
    expect(buttonTexts(wrapper)).toContain('清除筛选')
    wrapper.unmount()
  })

  it('opens an application from its row', async () => {
    const { wrapper, router } = await mountWithApp(QueueScreen)
    const open = wrapper.findAll('button').find((b) => b.text() === '办理')!
    await open.trigger('click')
    await new Promise((r) => setTimeout(r, 0))
    expect(router.currentRoute.value.path).toBe('/applications/a1')
    wrapper.unmount()
  })

  it('reads English when switched', async () => {
    const { i18n } = await import('@/i18n')
    i18n.global.locale.value = 'en'
    try {
      const { wrapper } = await mountWithApp(QueueScreen)
      expect(readable(wrapper)).toContain('2 working days overdue')
      expect(readable(wrapper)).toContain('To review')
      wrapper.unmount()
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
  })
})
