import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { ApiProblem } from '@/api/problem'
import { mountWithApp, readable } from '@/test/mountWithApp'
import ApplicationDetailScreen from './ApplicationDetailScreen.vue'
import type { Application, TimelineEntry } from './wording'

const GET = vi.fn()
const POST = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ talent: { GET, POST } }),
  call: async (request: Promise<{ data: unknown }>) => (await request).data,
}))

enableAutoUnmount(afterEach)

const submitted: TimelineEntry = { at: '2026-11-20T02:00:00Z', actor: 'APPLICANT', to: 'SUBMITTED', reasonCode: 'SUBMITTED', reason: '已提交' }

function application(overrides: Partial<Application>): Application {
  return {
    id: 'app-1', kind: 'APPLICATION', measureCode: 'QJY-02', measureTitle: '青年人才租房补贴', status: 'SUBMITTED', open: true,
    version: 1, submittedAt: '2026-11-20T02:00:00Z', dueDate: '2026-12-02', timeline: [submitted], ...overrides,
  }
}

async function show(shown: Application) {
  GET.mockResolvedValue({ data: shown })
  const mounted = await mountWithApp(ApplicationDetailScreen, { props: { id: shown.id }, route: `/applications/${shown.id}` })
  expect(GET).toHaveBeenCalledWith('/api/talent/me/applications/{id}', { params: { path: { id: shown.id } } })
  return mounted
}

const buttons = (wrapper: Awaited<ReturnType<typeof show>>['wrapper']) =>
  wrapper.findAll('.actions button').map((button) => button.text())

describe('ApplicationDetailScreen', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
    GET.mockReset()
    POST.mockReset()
    document.body.innerHTML = ''
  })

  it('submitted: the status, when to expect an answer, and only 撤回申请', async () => {
    const { wrapper } = await show(application({}))
    expect(wrapper.find('h1').text()).toBe('青年人才租房补贴')
    expect(wrapper.find('.status-line').text()).toContain('已提交')
    expect(wrapper.find('.due').text()).toBe('预计 2026年12月2日 前答复')
    expect(buttons(wrapper)).toEqual(['撤回申请'])
  })

  it('more documents requested: the officer’s note, a way to the profile, 重新提交 and 撤回申请', async () => {
    const { wrapper } = await show(application({
      status: 'INFO_REQUESTED',
      timeline: [submitted, { at: '2026-11-21T06:30:00Z', actor: 'OFFICER', from: 'SUBMITTED', to: 'INFO_REQUESTED', reasonCode: 'DOCUMENTS_MISSING', comment: '请补充在衢江的租房合同' }],
    }))
    expect(wrapper.find('.status-line').text()).toBe('需补充材料')
    const callout = wrapper.find('.callout')
    expect(callout.text()).toContain('经办人员需要您补充材料。')
    expect(callout.find('.comment').text()).toBe('经办人员留言：请补充在衢江的租房合同')
    expect(callout.find('button').text()).toBe('更新个人资料')
    expect(buttons(wrapper)).toEqual(['重新提交', '撤回申请'])
  })

  it('a confirmed offer: 接受 and 放弃; a pending one: only 放弃', async () => {
    const offer = { kind: 'OFFER' as const, measureCode: 'QJY-25', measureTitle: '青年家庭育儿补贴' }
    const confirmed = await show(application({ ...offer, id: 'offer-1', status: 'CONFIRMED' }))
    expect(confirmed.wrapper.text()).toContain('免申即享')
    expect(confirmed.wrapper.find('.callout').text()).toBe('区里已确认您可以享受这项政策，请确认是否领取。')
    expect(buttons(confirmed.wrapper)).toEqual(['接受', '放弃'])
    confirmed.wrapper.unmount()

    const offered = await show(application({ ...offer, id: 'offer-2', status: 'OFFERED' }))
    expect(offered.wrapper.find('.due').text()).toBe('预计 2026年12月2日 前确认')
    expect(buttons(offered.wrapper)).toEqual(['放弃'])
  })

  it('approved, refused or withdrawn: nothing left to do, no buttons', async () => {
    for (const status of ['APPROVED', 'REJECTED', 'WITHDRAWN', 'DECLINED', 'LAPSED'] as const) {
      const { wrapper } = await show(application({ status, open: false }))
      expect(wrapper.find('.actions').exists(), status).toBe(false)
      expect(wrapper.find('.due').exists(), status).toBe(false)
      wrapper.unmount()
    }
  })

  it('the timeline, newest first: what happened, who and when, and why in words', async () => {
    const { wrapper } = await show(application({
      status: 'REJECTED', open: false,
      timeline: [
        submitted,
        { at: '2026-11-21T06:30:00Z', actor: 'OFFICER', from: 'SUBMITTED', to: 'INFO_REQUESTED', reasonCode: 'DOCUMENTS_MISSING', reason: '材料不全', comment: '请补充在衢江的租房合同' },
        { at: '2026-11-22T01:00:00Z', actor: 'APPLICANT', from: 'INFO_REQUESTED', to: 'SUBMITTED', reasonCode: 'RESUBMITTED', reason: '已补充材料并重新提交' },
        { at: '2026-11-25T08:15:00Z', actor: 'OFFICER', from: 'SUBMITTED', to: 'REJECTED', reasonCode: 'CRITERIA_NOT_MET', reason: '不符合条件' },
        // A reason an officer chose that the app has no words for: the server falls back to the code itself.
        { at: '2026-11-26T08:15:00Z', actor: 'SYSTEM', from: 'REJECTED', to: 'LAPSED', reasonCode: 'QUOTA_USED_UP', reason: 'QUOTA_USED_UP' },
      ],
    }))
    const steps = wrapper.findAll('.van-step').map((step) => ({
      title: step.find('.step-title').text(),
      meta: step.find('.step-meta').text(),
      reason: step.find('.step-reason').exists() ? step.find('.step-reason').text() : undefined,
      comment: step.find('.step-comment').exists() ? step.find('.step-comment').text() : undefined,
    }))
    expect(steps.map((s) => s.title)).toEqual(['已失效', '审核未通过', '补充材料后重新提交', '需要补充材料', '提交申请'])
    expect(steps.map((s) => s.reason)).toEqual(['原因：其他原因', '原因：不符合政策条件', undefined, '原因：材料不全', undefined])
    expect(steps[3]!.comment).toBe('经办人员留言：请补充在衢江的租房合同')
    expect(steps.map((s) => s.meta.split(' · ')[0])).toEqual(['系统', '经办人员', '您本人', '经办人员', '您本人'])
    // Times in Qujiang's time zone: 08:15Z is 16:15 there.
    expect(steps[1]!.meta).toBe('经办人员 · 2026/11/25 16:15')
    expect(readable(wrapper)).not.toMatch(/[A-Z]{2,}_[A-Z]|\b(?:SUBMITTED|REJECTED|LAPSED|OFFICER|APPLICANT|SYSTEM)\b/)
  })

  it('撤回申请 asks first, then withdraws and shows the new status', async () => {
    const { wrapper } = await show(application({}))
    POST.mockResolvedValue({ data: application({ status: 'WITHDRAWN', open: false, timeline: [submitted, { at: '2026-11-23T01:00:00Z', actor: 'APPLICANT', from: 'SUBMITTED', to: 'WITHDRAWN', reasonCode: 'WITHDRAWN' }] }) })
    await wrapper.find('.actions button').trigger('click')
    await flushPromises()
    const dialog = document.querySelector('.van-dialog')
    expect(dialog?.textContent).toContain('撤回这份申请？')
    expect(POST).not.toHaveBeenCalled()
    ;(document.querySelector('.van-dialog__confirm') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(POST).toHaveBeenCalledWith('/api/talent/me/applications/{id}/withdraw', { params: { path: { id: 'app-1' } } }))
    await flushPromises()
    expect(wrapper.find('.status-line').text()).toBe('已撤回')
    expect(wrapper.find('.actions').exists()).toBe(false)
  })

  it('an action refused because the application moved on: says so in words and shows it as it is now', async () => {
    const { wrapper } = await show(application({ kind: 'OFFER', status: 'CONFIRMED' }))
    POST.mockRejectedValue(new ApiProblem(409, 'TRANSITION_NOT_ALLOWED', 'Transition not allowed'))
    GET.mockResolvedValue({ data: application({ kind: 'OFFER', status: 'LAPSED', open: false }) })
    await wrapper.find('.actions button').trigger('click')
    await flushPromises()
    expect(wrapper.find('.action-problem').text()).toBe('这份申请的状态刚刚有了变化，已为您刷新。')
    expect(wrapper.find('.action-problem').attributes('role')).toBe('alert')
    expect(GET).toHaveBeenCalledTimes(2)
  })

  it('a missing application: the not-found text with a retry, never a blank page', async () => {
    GET.mockRejectedValue(new ApiProblem(404, 'NOT_FOUND', '未找到该申请。'))
    const { wrapper } = await mountWithApp(ApplicationDetailScreen, { props: { id: 'nope' }, route: '/applications/nope' })
    expect(readable(wrapper.find('[role="alert"]'))).toContain('没有找到您要的内容。')
    expect(wrapper.find('[role="alert"] button').text()).toBe('重试')
  })
})
