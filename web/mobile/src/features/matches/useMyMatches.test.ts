import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '@/api/problem'

const policyGet = vi.fn()
const talentGet = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ policy: { GET: policyGet }, talent: { GET: talentGet } }),
  call: (request: Promise<unknown>) => request,
}))
vi.mock('@/features/measures/useCatalogue', () => ({
  loadCatalogue: vi.fn(async () => ({ measures: [{ code: 'QJY-02', benefit: { months: 12 } }] })),
}))

const { appliedByMeasure, useMyMatches } = await import('./useMyMatches')

const notFound = () => new ApiProblem(404, 'NOT_FOUND', 'x')
const results = (profileVersion: number) => ({ profileVersion, results: [{ measureCode: 'QJY-02', outcome: 'ELIGIBLE' }] })

describe('useMyMatches', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    policyGet.mockReset()
    talentGet.mockReset()
  })
  afterEach(() => vi.useRealTimers())

  it('shows current results with the catalogue and does not poll', async () => {
    policyGet.mockResolvedValue(results(3))
    talentGet.mockResolvedValue({ version: 3 })
    const m = useMyMatches()
    await m.load()
    expect(m.results.value?.profileVersion).toBe(3)
    expect(m.measures.value[0]?.code).toBe('QJY-02')
    expect(m.rematching.value).toBe(false)
    await vi.advanceTimersByTimeAsync(10000)
    expect(policyGet).toHaveBeenCalledTimes(1)
  })

  it('marks measures applied for or held, from the applications', async () => {
    policyGet.mockResolvedValue(results(3))
    talentGet.mockImplementation(async (path: string) => path === '/api/talent/me/profile'
      ? { version: 3 }
      : [{ measureCode: 'QJY-02', status: 'SUBMITTED', open: true }])
    const m = useMyMatches()
    await m.load()
    expect(m.applied.value.get('QJY-02')).toBe('SUBMITTED')
    expect(appliedByMeasure([
      { measureCode: 'A', status: 'APPROVED', open: false },
      { measureCode: 'B', status: 'REJECTED', open: false },
      { measureCode: 'C', status: 'WITHDRAWN', open: false },
      { measureCode: 'C', status: 'INFO_REQUESTED', open: true },
      { measureCode: 'D', status: 'CONFIRMED', open: true },
      { measureCode: 'D', status: 'APPROVED', open: false },
    ])).toEqual(new Map([['A', 'APPROVED'], ['C', 'INFO_REQUESTED'], ['D', 'CONFIRMED']]))
  })

  it('no profile and no results: the empty state', async () => {
    policyGet.mockRejectedValue(notFound())
    talentGet.mockRejectedValue(notFound())
    const m = useMyMatches()
    await m.load()
    expect(m.noProfile.value).toBe(true)
    expect(m.problem.value).toBeUndefined()
    expect(m.rematching.value).toBe(false)
  })

  it('results of an older profile: polls every 2 s until they catch up', async () => {
    policyGet.mockResolvedValueOnce(results(1)).mockResolvedValueOnce(results(1)).mockResolvedValue(results(2))
    talentGet.mockResolvedValue({ version: 2 })
    const m = useMyMatches()
    await m.load()
    expect(m.rematching.value).toBe(true)
    await vi.advanceTimersByTimeAsync(2000)
    expect(policyGet).toHaveBeenCalledTimes(2)
    expect(m.rematching.value).toBe(true)
    await vi.advanceTimersByTimeAsync(2000)
    expect(policyGet).toHaveBeenCalledTimes(3)
    expect(m.rematching.value).toBe(false)
    await vi.advanceTimersByTimeAsync(10000)
    expect(policyGet).toHaveBeenCalledTimes(3)
  })

  it('a saved profile without results yet is matching too, not "no profile"', async () => {
    policyGet.mockRejectedValueOnce(notFound()).mockResolvedValue(results(1))
    talentGet.mockResolvedValue({ version: 1 })
    const m = useMyMatches()
    await m.load()
    expect(m.noProfile.value).toBe(false)
    expect(m.rematching.value).toBe(true)
    await vi.advanceTimersByTimeAsync(2000)
    expect(m.results.value?.profileVersion).toBe(1)
    expect(m.rematching.value).toBe(false)
  })

  it('gives up calmly after about a minute, keeping the older results', async () => {
    policyGet.mockResolvedValue(results(1))
    talentGet.mockResolvedValue({ version: 2 })
    const m = useMyMatches({ intervalMs: 2000, giveUpMs: 60000 })
    await m.load()
    await vi.advanceTimersByTimeAsync(61000)
    expect(m.slow.value).toBe(true)
    const calls = policyGet.mock.calls.length
    expect(calls).toBeGreaterThanOrEqual(30)
    expect(calls).toBeLessThanOrEqual(32)
    await vi.advanceTimersByTimeAsync(10000)
    expect(policyGet).toHaveBeenCalledTimes(calls)
    expect(m.results.value?.profileVersion).toBe(1)
  })

  it('a failing poll keeps the results and tries again; a failing first read is a problem', async () => {
    policyGet.mockResolvedValueOnce(results(1)).mockRejectedValueOnce(new ApiProblem(503, 'UNAVAILABLE', 'x')).mockResolvedValue(results(2))
    talentGet.mockResolvedValue({ version: 2 })
    const m = useMyMatches()
    await m.load()
    await vi.advanceTimersByTimeAsync(2000)
    expect(m.results.value?.profileVersion).toBe(1)
    await vi.advanceTimersByTimeAsync(2000)
    expect(m.rematching.value).toBe(false)

    policyGet.mockReset().mockRejectedValue(new ApiProblem(500, 'INTERNAL', 'x'))
    const failed = useMyMatches()
    await failed.load()
    expect(failed.problem.value).toBeInstanceOf(ApiProblem)
    expect(failed.noProfile.value).toBe(false)
  })
})
