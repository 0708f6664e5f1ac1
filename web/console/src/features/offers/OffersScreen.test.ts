import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { CODES, mountWithApp, readable } from '@/test/mountWithApp'

const offers = (ids: string[]) => ({
  items: ids.map((id, i) => ({ id, kind: 'OFFER', measureCode: 'QJY-36', measureTitle: '体育场馆青年优惠',
    status: 'OFFERED', applicantName: `王${i}*`, submittedAt: '2026-11-26T03:00:00Z', dueDate: '2026-12-03',
    workingDaysLeft: 4, version: 1 })),
  page: 0, size: 20, total: ids.length, counts: [], overdue: 0,
})
const REASONS = [
  { code: 'CRITERIA_MET', decision: 'APPROVE', label: '符合全部条件', zh: '符合全部条件', en: 'All criteria met' },
  { code: 'DUPLICATE', decision: 'REJECT', label: '该政策已有申请', zh: '该政策已有申请', en: 'An application for this measure exists already' },
  { code: 'CRITERIA_NOT_MET', decision: 'REJECT', label: '不符合条件', zh: '不符合条件', en: 'Criteria not met' },
]
const talentGet = vi.fn()
let page = offers(['o1', 'o2', 'o3'])
const talentPost = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ talent: { GET: talentGet, POST: talentPost } }),
  call: (request: Promise<unknown>) => request,
}))

const { default: OffersScreen } = await import('./OffersScreen.vue')

function confirmButton(wrapper: VueWrapper) {
  return wrapper.findAll('button').find((b) => b.text().startsWith('确认选中的'))!
}

describe('confirming 免申即享 offers in bulk', () => {
  beforeEach(() => {
    page = offers(['o1', 'o2', 'o3'])
    talentGet.mockReset().mockImplementation(async (path: string) =>
      path === '/api/talent/review/decision-reasons' ? REASONS : page)
    talentPost.mockReset()
  })

  it('lists the offers waiting for confirmation in words', async () => {
    const { wrapper } = await mountWithApp(OffersScreen, { route: '/offers' })
    expect(talentGet).toHaveBeenCalledWith('/api/talent/review/applications', { params: { query: expect.objectContaining({ status: 'OFFERED', page: 0 }) } })
    const text = readable(wrapper)
    expect(text).toContain('体育场馆青年优惠')
    expect(text).toContain('剩 4 个工作日')
    expect(text).not.toMatch(CODES)
    expect(confirmButton(wrapper).attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('selects the whole page at once and confirms exactly those', async () => {
    const { wrapper } = await mountWithApp(OffersScreen, { route: '/offers' })
    await wrapper.find('.toolbar input[type="checkbox"]').setValue(true)
    expect(confirmButton(wrapper).text()).toBe('确认选中的 3 项')
    talentPost.mockResolvedValue({ confirmed: ['o1', 'o2'], skipped: ['o3'] })
    page = offers([])

    await confirmButton(wrapper).trigger('click')
    await flushPromises()

    expect(talentPost).toHaveBeenCalledWith('/api/talent/review/offers/confirm', { body: { ids: ['o1', 'o2', 'o3'] } })
    const text = readable(wrapper)
    expect(text).toContain('已确认 2 项。')
    expect(text).toContain('1 项已由其他经办人员处理或申请人已放弃，未作更改。')
    expect(text).toContain('没有待确认的免申即享事项')
    wrapper.unmount()
  })

  it('a single offer can be picked and unpicked', async () => {
    const { wrapper } = await mountWithApp(OffersScreen, { route: '/offers' })
    const rows = wrapper.findAll('.el-table__body input[type="checkbox"]')
    await rows[1].setValue(true)
    expect(confirmButton(wrapper).text()).toBe('确认选中的 1 项')
    await rows[1].setValue(false)
    expect(confirmButton(wrapper).text()).toBe('确认选中的 0 项')
    wrapper.unmount()
  })

  it('rejects the selection with one reason the applicant reads, and names each offer left alone and why', async () => {
    const { wrapper } = await mountWithApp(OffersScreen, { route: '/offers' })
    await wrapper.find('.toolbar input[type="checkbox"]').setValue(true)
    const reject = wrapper.findAll('button').find((b) => b.text() === '驳回选中的 3 项')!
    await reject.trigger('click')
    await flushPromises()
    const dialog = document.querySelector('.el-dialog')!
    expect(dialog.textContent).toContain('驳回原因（申请人会看到）')
    const submit = [...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === '驳回 3 项')!
    expect(submit.disabled).toBe(true)

    const screen = wrapper.findComponent({ name: 'RejectOffersDialog' })
    expect(screen.props('reasons')).toEqual(REASONS.filter((r) => r.decision === 'REJECT'))
    talentPost.mockResolvedValue({ rejected: ['o1'], skipped: [{ id: 'o2', status: 'CONFIRMED' },
      { id: 'o3', status: 'OFFERED', claimedBy: 'hr2' }] })
    page = offers([])
    screen.vm.$emit('reject', 'DUPLICATE', ' 已在他处享受 ')
    await flushPromises()

    expect(talentPost).toHaveBeenCalledWith('/api/talent/review/offers/reject', { body: { ids: ['o1', 'o2', 'o3'],
      reasonCode: 'DUPLICATE', comment: '已在他处享受' } })
    const text = readable(wrapper)
    expect(text).toContain('已驳回 1 项。以下 2 项未作更改：')
    expect(text).toContain('王1*（体育场馆青年优惠）：已由其他经办人员确认')
    expect(text).toContain('王2*（体育场馆青年优惠）：hr2 正在办理')
    expect(text).not.toMatch(CODES)
    wrapper.unmount()
  })
})
