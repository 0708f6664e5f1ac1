import { beforeEach, describe, expect, it, vi } from 'vitest'
import { computed, ref } from 'vue'
import { flushPromises } from '@vue/test-utils'
import { ApiProblem } from '@shared/api/problem'
import { buttonTexts, mountWithApp, readable } from '@/test/mountWithApp'
import { FACTS, station } from './fixtures'

const user = ref('admin1')
vi.mock('@/auth/useAuth', () => ({
  HR_OFFICER: 'hr-officer',
  POLICY_ADMIN: 'policy-admin',
  useAuth: () => ({ userName: computed(() => user.value), authenticated: computed(() => true),
    hasRole: () => true, restore: async () => {}, init: async () => {}, login: async () => {}, logout: async () => {} }),
}))

const draftMeasure = station()
draftMeasure.criteria![0] = { ...draftMeasure.criteria![0], expr: 'applicant.age >= 18 && applicant.age <= 30' }
const draft = (approved = false) => ({ code: 'QJY-01', status: 'ACTIVE', currentVersion: 1, draftRevision: 2, approved,
  savedBy: 'admin1', savedAt: '2026-11-29T02:00:00Z', editors: ['admin1'], approvedBy: approved ? 'admin2' : undefined,
  approvedAt: approved ? '2026-11-29T03:00:00Z' : undefined, disagreements: [], oneSidedExclusions: [], measure: draftMeasure })
const impact = { code: 'QJY-01', draftRevision: 2, state: 'READY', evaluated: 12, startedAt: '2026-11-29T02:00:00Z', impact: {
  publishedVersion: 1, draftVersion: 2, asOf: '2026-11-29', catalogueRevision: 41, computedAt: '2026-11-29T02:00:01Z', took: 840,
  applicants: 12, becomeEligible: 0, loseEligibility: 2, changed: 2,
  outcomes: [{ outcome: 'ELIGIBLE', before: 5, after: 3 }, { outcome: 'INELIGIBLE', before: 7, after: 9 }],
  examples: [{ change: 'LOSES_ELIGIBILITY', outcomeBefore: 'ELIGIBLE', outcomeAfter: 'INELIGIBLE',
    criteria: [{ id: 'age', before: 'PASSED', after: 'FAILED', values: { age: 33 } }] }] } }
let approved = false
async function policyGetDefault(path: string): Promise<unknown> {
  switch (path) {
    case '/api/policy/admin/measures/{code}/history': return { code: 'QJY-01', status: 'ACTIVE', currentVersion: 1,
      versions: [{ version: 1, publishedAt: '2026-01-01T00:00:00Z', draftedBy: 'seed', approvedBy: 'seed', publishedBy: 'seed' }],
      log: [{ action: 'SEEDED', version: 1, by: 'seed', at: '2026-01-01T00:00:00Z' }, { action: 'DRAFT_SAVED', version: 1, by: 'admin1', at: '2026-11-29T02:00:00Z' }] }
    case '/api/policy/admin/measures/{code}/draft': return draft(approved)
    case '/api/policy/admin/measures/{code}/versions/{version}': return { code: 'QJY-01', version: 1, measure: station() }
    case '/api/policy/admin/measures/{code}/draft/impact': return impact
    case '/api/policy/vocabulary': return { facts: FACTS, units: [] }
    case '/api/policy/admin/measures': return [{ code: 'QJY-01', title: '青年驿站免费住宿' }]
    case '/api/policy/admin/rematch': return { catalogueRevision: 42, asOf: '2026-11-29', applicants: 12, upToDate: 12, behind: 0, running: false }
    default: throw new Error(`unexpected GET ${path}`)
  }
}
const policyGet = vi.fn(policyGetDefault)
const policyPost = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ policy: { GET: policyGet, POST: policyPost, DELETE: vi.fn() } }),
  call: (request: Promise<unknown>) => request,
}))

const { default: MeasureScreen } = await import('./MeasureScreen.vue')
const { REMATCH_POLL_MS } = await import('./useMeasure')
const { REMATCH_FINISHED_SHOW_MS } = await import('./rematchNotice')

async function open() {
  const { wrapper } = await mountWithApp(MeasureScreen, { route: '/measures/QJY-01', props: { code: 'QJY-01' } })
  await flushPromises()
  return wrapper
}

describe('a draft under four eyes', () => {
  beforeEach(() => {
    approved = false
    policyPost.mockReset()
  })

  it('its author sees the diff and the impact but is not offered the approval', async () => {
    user.value = 'admin1'
    const wrapper = await open()
    const text = readable(wrapper)
    expect(text).toContain('您编辑过这份草稿，须由另一位政策管理员审核后才能发布。')
    expect(buttonTexts(wrapper)).not.toContain('审核通过')
    expect(text).toContain('条件“年龄18至35周岁”的规则')
    expect(text).toContain('applicant.age >= 18 && applicant.age <= 30')
    expect(text).toMatch(/不再符合条件\s*2 人/)
    expect(text).toContain('年龄18至35周岁：符合 → 不符合（年龄：33 岁）')
    expect(text).not.toMatch(/LOSES_ELIGIBILITY|INELIGIBLE|PASSED|ACTIVE|DRAFT_SAVED/)
    wrapper.unmount()
  })

  it('another officer approves, and the refusal of an author is explained in words if it happens', async () => {
    user.value = 'admin2'
    const wrapper = await open()
    expect(buttonTexts(wrapper)).toContain('审核通过')
    policyPost.mockRejectedValueOnce(new ApiProblem(403, 'AUTHOR_CANNOT_APPROVE', 'You edited this draft'))

    await wrapper.findAll('button').find((b) => b.text() === '审核通过')!.trigger('click')
    await flushPromises()

    expect(readable(wrapper)).toContain('您编辑过这份草稿，不能自己审核。请另一位政策管理员审核。')
    wrapper.unmount()
  })

  it('an approved draft is published, then the re-match progress is shown', async () => {
    user.value = 'admin2'
    approved = true
    const wrapper = await open()
    expect(readable(wrapper)).toContain('admin2 于')
    policyPost.mockResolvedValueOnce({ code: 'QJY-01', version: 2 })

    await wrapper.findAll('button').find((b) => b.text() === '发布为第 2 版')!.trigger('click')
    await flushPromises()

    expect(policyPost).toHaveBeenCalledWith('/api/policy/admin/measures/{code}/publish', { params: { path: { code: 'QJY-01' } } })
    expect(readable(wrapper)).toContain('重新匹配已完成，12 位申请人的结果均已按最新政策更新。')
    expect(readable(wrapper)).toContain('已发布，12 位申请人已全部按新版本重新匹配。')
    expect(readable(wrapper)).not.toContain('已发布，系统正在为所有申请人重新匹配。')
    wrapper.unmount()
  })

  it('says re-matching while it runs, then that it has finished, and then the notice goes away', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      user.value = 'admin2'
      approved = true
      let behind = 9
      policyGet.mockImplementation(async (path: string) => path === '/api/policy/admin/rematch'
        ? { catalogueRevision: 42, asOf: '2026-11-29', applicants: 12, upToDate: 12 - behind, behind, running: behind > 0 }
        : policyGetDefault(path))
      const wrapper = await open()
      policyPost.mockResolvedValueOnce({ code: 'QJY-01', version: 2 })
      await wrapper.findAll('button').find((b) => b.text() === '发布为第 2 版')!.trigger('click')
      await flushPromises()
      expect(readable(wrapper)).toContain('已发布，系统正在为所有申请人重新匹配。')
      expect(readable(wrapper)).toContain('已完成 3 / 共 12 位申请人')

      behind = 0
      await vi.advanceTimersByTimeAsync(REMATCH_POLL_MS)
      await flushPromises()
      expect(readable(wrapper)).toContain('已发布，12 位申请人已全部按新版本重新匹配。')

      await vi.advanceTimersByTimeAsync(REMATCH_FINISHED_SHOW_MS)
      await flushPromises()
      expect(readable(wrapper)).not.toContain('已发布，12 位申请人已全部按新版本重新匹配。')
      expect(readable(wrapper)).not.toContain('重新匹配进度')
      expect(readable(wrapper)).not.toContain('重新匹配已完成')
      wrapper.unmount()
    } finally {
      policyGet.mockImplementation(policyGetDefault)
      vi.useRealTimers()
    }
  })
})
