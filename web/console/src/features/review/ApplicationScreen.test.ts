import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { ApiProblem } from '@shared/api/problem'
import { buttonTexts, CODES, mountWithApp, readable } from '@/test/mountWithApp'
import { DECISION_REASONS, reviewDetail } from '@/test/fixtures'
import type { ReviewDetail } from './useApplication'

let current: ReviewDetail
const OFFICERS = [{ userName: 'hr1', me: true }, { userName: 'hr2', me: false }]
const talentGet = vi.fn(async (path: string) => (path.endsWith('decision-reasons') ? [...DECISION_REASONS]
  : path.endsWith('/officers') ? OFFICERS : current))
const talentPost = vi.fn()
const talentDelete = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ talent: { GET: talentGet, POST: talentPost, DELETE: talentDelete } }),
  call: (request: Promise<unknown>) => request,
}))

const { default: ApplicationScreen } = await import('./ApplicationScreen.vue')

async function open(detail: ReviewDetail): Promise<VueWrapper> {
  current = detail
  const { wrapper } = await mountWithApp(ApplicationScreen, { props: { id: detail.id }, route: `/applications/${detail.id}` })
  return wrapper
}

/** Picks a reason as the select would (Element's dropdown renders in a teleported popper). */
async function chooseReason(wrapper: VueWrapper, code: string): Promise<void> {
  const card = wrapper.findComponent({ name: 'DecisionCard' })
  ;(card.vm as unknown as { $: { setupState: { d: { reasonCode: { value: string } } } } }).$.setupState.d.reasonCode.value = code
  await flushPromises()
}

function decisions(wrapper: VueWrapper): string[] {
  return wrapper.findAll('label.el-radio-button').map((b) => b.text().trim())
}

async function click(wrapper: VueWrapper, text: string): Promise<void> {
  const target = wrapper.findAll('button, label.el-radio-button').find((b) => b.text().trim() === text)
  if (!target) throw new Error(`no "${text}" among ${buttonTexts(wrapper).join(' | ')}`)
  await target.trigger('click')
  await flushPromises()
}

describe('an application as the officer reads it', () => {
  beforeEach(() => {
    talentPost.mockReset()
    talentDelete.mockReset()
  })

  it('shows who applied (masked, an age), the facts and every condition in words, never codes', async () => {
    const wrapper = await open(reviewDetail())
    const text = readable(wrapper)
    expect(text).toContain('高校毕业生租房补贴')
    expect(text).toContain('3308**********1234')
    expect(text).toContain('26 岁')
    expect(text).toContain('最高学历')
    expect(text).toContain('本科')
    expect(text).toContain('在衢江租房')
    expect(text).toContain('符合条件')
    expect(text).toContain('2026年剩余 0 个（共 100 个）')
    expect(text).toContain('申请人：提交申请')
    expect(text).not.toMatch(CODES)
    wrapper.unmount()
  })

  it('warns when the applicant now holds a measure that excludes this one', async () => {
    const detail = reviewDetail()
    detail.eligibilityNow!.result!.outcome = 'EXCLUDED'
    detail.eligibilityNow!.result!.excludedBy = [{ measureCode: 'QJY-07', title: '人才购房补贴' }]
    const wrapper = await open(detail)
    expect(readable(wrapper)).toContain('申请人现已享受与本政策不可同时享受的政策：人才购房补贴')
    wrapper.unmount()
  })

  it('offers the decisions the status allows, and ending a granted benefit', async () => {
    const submitted = await open(reviewDetail())
    expect(decisions(submitted)).toEqual(['通过', '不通过', '要求补充材料'])
    submitted.unmount()

    const rejected = await open(reviewDetail({ status: 'REJECTED' }))
    expect(buttonTexts(rejected)).not.toContain('我来办理')
    expect(readable(rejected)).toContain('此申请当前状态下无需审核决定。')
    rejected.unmount()

    const resubmittable = await open(reviewDetail({ status: 'INFO_REQUESTED' }))
    expect(decisions(resubmittable)).toEqual(['通过', '不通过'])
    resubmittable.unmount()

    const offer = await open(reviewDetail({ kind: 'OFFER', status: 'OFFERED' }))
    expect(decisions(offer)).toEqual(['不通过'])
    offer.unmount()

    const approved = await open(reviewDetail({ status: 'APPROVED', grant: { held: true, grantedFrom: '2026-11-21', term: 'ONE_OFF' } }))
    expect(readable(approved)).toContain('此申请当前状态下无需审核决定。')
    expect(buttonTexts(approved)).toContain('终止享受…')
    expect(readable(approved)).toContain('长期享受')
    approved.unmount()
  })

  it('shows the zh and en words the applicant will read for the chosen reason', async () => {
    const wrapper = await open(reviewDetail())
    await click(wrapper, '要求补充材料')
    expect(buttonTexts(wrapper)).toContain('提交决定')
    expect(wrapper.find('button[type="submit"]').attributes('disabled')).toBeDefined()
    await chooseReason(wrapper, 'DOCUMENTS_MISSING')
    const text = readable(wrapper)
    expect(text).toContain('申请人将看到')
    expect(text).toContain('中文：材料不全')
    expect(text).toContain('英文：Documents missing')
    expect(wrapper.find('button[type="submit"]').attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })

  it('explains that a colleague decided meanwhile and shows the application as it is now', async () => {
    const wrapper = await open(reviewDetail())
    await click(wrapper, '通过')
    await chooseReason(wrapper, 'CRITERIA_MET')
    talentPost.mockRejectedValueOnce(new ApiProblem(409, 'STALE_VERSION', '数据已被修改'))
    current = reviewDetail({ version: 2, status: 'REJECTED' })
    await click(wrapper, '提交决定')
    const text = readable(wrapper)
    expect(text).toContain('其他经办人员已处理此申请，页面已刷新为最新状态')
    expect(text).toContain('未通过')
    expect(text).toContain('此申请当前状态下无需审核决定。')
    wrapper.unmount()
  })

  it('a colleague holding the application keeps the decision closed; taking it is one click', async () => {
    const held = await open(reviewDetail({ claim: { byName: 'hr2', at: '2026-11-26T02:00:00Z', mine: false } }))
    expect(readable(held)).toContain('hr2 正在办理此申请，您暂时不能作出决定。')
    expect(held.findAll('label.el-radio-button.is-disabled').length).toBe(3)
    held.unmount()

    const free = await open(reviewDetail())
    talentPost.mockResolvedValueOnce(reviewDetail({ claim: { byName: 'hr1', at: '2026-11-26T02:00:00Z', mine: true } }))
    await click(free, '我来办理')
    expect(talentPost).toHaveBeenCalledWith('/api/talent/review/applications/{id}/claim', { params: { path: { id: 'a1' } } })
    expect(readable(free)).toContain('由您办理中')
    expect(buttonTexts(free)).toContain('释放')
    free.unmount()
  })

  it('hands the application to a colleague from the officers\' list, and then shows who holds it', async () => {
    const wrapper = await open(reviewDetail())
    const assign = wrapper.findComponent({ name: 'AssignControl' })
    expect((assign.vm as unknown as { $: { setupState: { officers: { colleagues: { value: string[] } } } } })
      .$.setupState.officers.colleagues.value).toEqual(['hr2'])
    expect(buttonTexts(wrapper)).toContain('转交')
    expect(readable(wrapper)).not.toContain('hr1 转交给 hr2')
    talentPost.mockResolvedValueOnce(reviewDetail({ claim: { byName: 'hr2', at: '2026-11-26T02:00:00Z', mine: false },
      handovers: [{ at: '2026-11-26T02:00:00Z', byName: 'hr1', toName: 'hr2' }] }))
    assign.vm.$emit('assign', 'hr2')
    await flushPromises()
    expect(talentPost).toHaveBeenCalledWith('/api/talent/review/applications/{id}/assign',
      { params: { path: { id: 'a1' } }, body: { userName: 'hr2' } })
    expect(readable(wrapper)).toContain('hr2 正在办理此申请，您暂时不能作出决定。')
    expect(readable(wrapper)).toContain('hr1 转交给 hr2')
    expect(buttonTexts(wrapper)).not.toContain('转交')
    wrapper.unmount()
  })
})

describe('the audited full identity', () => {
  it('is shown only after the officer confirms, and the history then says who looked', async () => {
    talentPost.mockReset()
    const wrapper = await open(reviewDetail())
    expect(readable(wrapper)).not.toContain('330803200003151234')
    await click(wrapper, '查看完整身份信息…')
    expect(readable({ text: () => document.body.textContent ?? '' })).toContain('本次查看会记录您的账号和时间')
    expect(talentPost).not.toHaveBeenCalled()

    talentPost.mockResolvedValueOnce({ applicationId: 'a1', idNumber: '330803200003151234', birthDate: '2000-03-15',
      disclosedAt: '2026-11-29T08:00:00Z' })
    current = reviewDetail({ identityDisclosures: [{ at: '2026-11-29T08:00:00Z', byName: 'hr1' }] })
    const confirm = wrapper.findAllComponents({ name: 'ElButton' }).find((b) => b.text() === '确认查看')!
    await confirm.trigger('click')
    await flushPromises()

    expect(talentPost).toHaveBeenCalledWith('/api/talent/review/applications/{id}/identity', { params: { path: { id: 'a1' } } })
    const text = readable(wrapper)
    expect(text).toContain('330803200003151234')
    expect(text).toContain('2000年3月15日')
    expect(text).toContain('已显示完整身份信息，本次查看已记录')
    expect(text).toContain('经办人员（hr1）：查看了完整身份信息')
    wrapper.unmount()
  })
})
