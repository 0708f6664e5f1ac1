import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '@shared/api/problem'
import { DECISION_REASONS, reviewDetail } from '@/test/fixtures'

const talentGet = vi.fn()
const talentPost = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ talent: { GET: talentGet, POST: talentPost } }),
  call: (request: Promise<unknown>) => request,
}))

const { decisionProblem, useDecision } = await import('./useDecision')

describe('deciding', () => {
  beforeEach(() => {
    talentGet.mockReset().mockResolvedValue([...DECISION_REASONS])
    talentPost.mockReset()
  })

  it('offers the reasons of the chosen decision and sends them at the version read', async () => {
    const reload = vi.fn(async () => {})
    const d = useDecision('a1', () => reviewDetail({ version: 4 }), reload)
    await d.reasons.load()
    d.choose('REQUEST_INFO')
    expect(d.reasonsForDecision.value.map((r) => r.code)).toEqual(['DOCUMENTS_MISSING'])
    expect(d.ready.value).toBe(false)
    d.reasonCode.value = 'DOCUMENTS_MISSING'
    d.comment.value = '  请补充租赁合同  '
    expect(d.chosenReason.value?.en).toBe('Documents missing')
    talentPost.mockResolvedValue({})

    expect(await d.submit()).toBe(true)
    expect(talentPost).toHaveBeenCalledWith('/api/talent/review/applications/{id}/decision', {
      params: { path: { id: 'a1' } },
      body: { version: 4, decision: 'REQUEST_INFO', reasonCode: 'DOCUMENTS_MISSING', comment: '请补充租赁合同' },
    })
    expect(d.done.value).toBe('REQUEST_INFO')
    expect(reload).toHaveBeenCalled()
  })

  it('a colleague deciding first is explained and the application read again', async () => {
    const reload = vi.fn(async () => {})
    const d = useDecision('a1', () => reviewDetail(), reload)
    await d.reasons.load()
    d.choose('APPROVE')
    d.reasonCode.value = 'CRITERIA_MET'
    talentPost.mockRejectedValue(new ApiProblem(409, 'STALE_VERSION', '数据已被修改'))

    expect(await d.submit()).toBe(false)
    expect(d.problem.value).toEqual({ key: 'review.problem.stale' })
    expect(reload).toHaveBeenCalled()
  })

  it('a full quota shows the places left; a refused approval the server\u2019s words', () => {
    expect(decisionProblem(new ApiProblem(409, 'QUOTA_EXHAUSTED', 'x'), reviewDetail())).toEqual({
      key: 'review.problem.quota', values: { left: 0, quota: 100, period: '2026年' } })
    expect(decisionProblem(new ApiProblem(409, 'APPROVAL_EXCLUDED', '不能批准“高校毕业生租房补贴”'), reviewDetail()))
      .toEqual({ text: '不能批准“高校毕业生租房补贴”' })
    expect(decisionProblem(new ApiProblem(409, 'TRANSITION_NOT_ALLOWED', '状态为 APPROVED 的申请…'), reviewDetail()))
      .toEqual({ key: 'review.problem.stale' })
  })
})
