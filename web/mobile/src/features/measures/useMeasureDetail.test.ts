import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '@/api/problem'

const policyGet = vi.fn()
const talentGet = vi.fn()
const talentPost = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ policy: { GET: policyGet }, talent: { GET: talentGet, POST: talentPost } }),
  call: (request: Promise<unknown>) => request,
}))

const { useMeasureDetail } = await import('./useMeasureDetail')

const detail = (mode = 'APPLY') => ({ code: 'QJY-02', title: '就业见习补贴', mode })
function routeGets(outcome: string, applications: unknown[] = []) {
  policyGet.mockImplementation(async (path: string) =>
    path === '/api/policy/me/results'
      ? { results: [{ measureCode: 'QJY-01', outcome: 'INELIGIBLE' }, { measureCode: 'QJY-02', outcome }] }
      : detail())
  talentGet.mockResolvedValue(applications)
}

describe('useMeasureDetail', () => {
  beforeEach(() => {
    policyGet.mockReset()
    talentGet.mockReset()
    talentPost.mockReset()
  })

  it('anonymous: the measure only, no personal calls', async () => {
    policyGet.mockResolvedValue(detail())
    const d = useMeasureDetail(() => 'QJY-02', () => false)
    await d.load()
    expect(d.measure.value?.title).toBe('就业见习补贴')
    expect(policyGet).toHaveBeenCalledTimes(1)
    expect(talentGet).not.toHaveBeenCalled()
    expect(d.canApply.value).toBe(false)
  })

  it('signed in and eligible for an APPLY measure: the resident can apply', async () => {
    routeGets('ELIGIBLE')
    const d = useMeasureDetail(() => 'QJY-02', () => true)
    await d.load()
    expect(d.mine.value?.measureCode).toBe('QJY-02')
    expect(d.canApply.value).toBe(true)
  })

  it('no Apply when not eligible, when automatic, or with an application in progress', async () => {
    routeGets('NEEDS_INFO')
    const needsInfo = useMeasureDetail(() => 'QJY-02', () => true)
    await needsInfo.load()
    expect(needsInfo.canApply.value).toBe(false)

    routeGets('ELIGIBLE', [{ id: 'a1', measureCode: 'QJY-02', open: true }, { id: 'a0', measureCode: 'QJY-02', open: false }])
    const open = useMeasureDetail(() => 'QJY-02', () => true)
    await open.load()
    expect(open.openApplication.value?.id).toBe('a1')
    expect(open.canApply.value).toBe(false)

    routeGets('ELIGIBLE', [{ id: 'h', measureCode: 'QJY-02', status: 'APPROVED', open: false }])
    const held = useMeasureDetail(() => 'QJY-02', () => true)
    await held.load()
    expect(held.heldApplication.value?.id).toBe('h')
    expect(held.canApply.value).toBe(false)

    routeGets('ELIGIBLE')
    policyGet.mockImplementation(async (path: string) =>
      path === '/api/policy/me/results' ? { results: [{ measureCode: 'QJY-02', outcome: 'ELIGIBLE' }] } : detail('AUTO_GRANT'))
    const auto = useMeasureDetail(() => 'QJY-02', () => true)
    await auto.load()
    expect(auto.autoGrant.value).toBe(true)
    expect(auto.canApply.value).toBe(false)
  })

  it('no results yet (404) is not an error', async () => {
    policyGet.mockImplementation(async (path: string) => {
      if (path === '/api/policy/me/results') throw new ApiProblem(404, 'NOT_FOUND', 'x')
      return detail()
    })
    talentGet.mockResolvedValue([])
    const d = useMeasureDetail(() => 'QJY-02', () => true)
    await d.load()
    expect(d.problem.value).toBeUndefined()
    expect(d.matched.value).toBe(false)
    expect(d.mine.value).toBeUndefined()
  })

  it('apply: 201 gives the new application; 409 gives the reasons', async () => {
    routeGets('ELIGIBLE')
    const d = useMeasureDetail(() => 'QJY-02', () => true)
    await d.load()
    talentPost.mockResolvedValueOnce({ id: 'new', measureCode: 'QJY-02', status: 'SUBMITTED', open: true })
    const created = await d.apply()
    expect(talentPost).toHaveBeenCalledWith('/api/talent/me/applications', { body: { measureCode: 'QJY-02' } })
    expect(created?.id).toBe('new')
    expect(d.canApply.value).toBe(false)

    const again = useMeasureDetail(() => 'QJY-02', () => true)
    await again.load()
    talentPost.mockRejectedValueOnce(new ApiProblem(409, 'APPLICATION_REFUSED', 'x', [], undefined, { reasons: ['ALREADY_OPEN'] }))
    expect(await again.apply()).toBeUndefined()
    expect(again.failure.value).toEqual({ kind: 'refused', reasons: ['ALREADY_OPEN'] })
    expect(again.applying.value).toBe(false)
  })
})
