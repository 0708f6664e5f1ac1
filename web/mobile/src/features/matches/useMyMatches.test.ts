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

const STATUS = '/api/talent/me/matches/status'
/** The status as openapi-fetch hands it over: 200 with an ETag, or 304 without a body. */
const status = (profileVersion: number, evaluatedProfileVersion: number) => ({
  data: { profileVersion, evaluatedProfileVersion, current: profileVersion === evaluatedProfileVersion },
  response: new Response(null, { status: 200, headers: { ETag: `"${profileVersion}-${evaluatedProfileVersion}"` } }),
})
const unchanged = () => ({ data: undefined, error: undefined, response: new Response(null, { status: 304 }) })

/** talent-service: the saved profile version, no applications, and the status answers in turn (the last repeats). */
function talent(version: number, ...answers: Array<() => unknown>) {
  talentGet.mockImplementation(async (path: string) => {
    if (path === '/api/talent/me/profile') return { version }
    if (path !== STATUS) return []
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!
    return answer()
  })
}
const statusCalls = () => talentGet.mock.calls.filter(([path]) => path === STATUS)
type StatusParams = { params: { header: Record<string, string | undefined>; query: Record<string, number> } }
const sentTag = (call: unknown[]) => (call[1] as StatusParams).params.header['If-None-Match']
const sentQuery = (call: unknown[]) => (call[1] as StatusParams).params.query

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

  it('results of an older profile: asks the small status at once, to wait for the saved version, and reads the results only once current', async () => {
    policyGet.mockResolvedValueOnce(results(1)).mockResolvedValue(results(2))
    talent(2, () => status(2, 1), unchanged, () => status(2, 2), unchanged)
    const m = useMyMatches()
    await m.load()
    expect(m.rematching.value).toBe(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(statusCalls()).toHaveLength(1)
    expect(sentTag(statusCalls()[0]!)).toBeUndefined()
    expect(sentQuery(statusCalls()[0]!)).toEqual({ version: 2, waitSeconds: 20 })
    expect(policyGet).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(2000)
    expect(sentTag(statusCalls()[1]!)).toBe('"2-1"')
    expect(policyGet).toHaveBeenCalledTimes(1)
    expect(m.rematching.value).toBe(true)
    await vi.advanceTimersByTimeAsync(2000)
    expect(sentTag(statusCalls()[2]!)).toBe('"2-1"')
    expect(policyGet).toHaveBeenCalledTimes(2)
    expect(m.results.value?.profileVersion).toBe(2)
    expect(m.rematching.value).toBe(false)
    await vi.advanceTimersByTimeAsync(10000)
    expect(statusCalls()).toHaveLength(3)
    expect(policyGet).toHaveBeenCalledTimes(2)
  })

  it('results still behind a current status are read again on the next poll, though the status is unchanged', async () => {
    policyGet.mockResolvedValueOnce(results(1)).mockResolvedValueOnce(results(1)).mockResolvedValue(results(2))
    talent(2, () => status(2, 2), unchanged)
    const m = useMyMatches()
    await m.load()
    await vi.advanceTimersByTimeAsync(0)
    expect(m.rematching.value).toBe(true)
    await vi.advanceTimersByTimeAsync(2000)
    expect(sentTag(statusCalls()[1]!)).toBe('"2-2"')
    expect(policyGet).toHaveBeenCalledTimes(3)
    expect(m.rematching.value).toBe(false)
  })

  it('a profile saved again meanwhile keeps it matching until that version is evaluated', async () => {
    policyGet.mockResolvedValueOnce(results(1)).mockResolvedValue(results(3))
    talent(2, () => status(3, 2), () => status(3, 3))
    const m = useMyMatches()
    await m.load()
    await vi.advanceTimersByTimeAsync(0)
    expect(m.profileVersion.value).toBe(3)
    expect(m.rematching.value).toBe(true)
    expect(policyGet).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(2000)
    expect(sentQuery(statusCalls()[1]!)).toEqual({ version: 3, waitSeconds: 20 })
    expect(m.results.value?.profileVersion).toBe(3)
    expect(m.rematching.value).toBe(false)
  })

  it('a saved profile without results yet is matching too, not "no profile"', async () => {
    policyGet.mockRejectedValueOnce(notFound()).mockResolvedValue(results(1))
    talent(1, () => status(1, 1))
    const m = useMyMatches()
    await m.load()
    expect(m.noProfile.value).toBe(false)
    expect(m.rematching.value).toBe(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(m.results.value?.profileVersion).toBe(1)
    expect(m.rematching.value).toBe(false)
  })

  it('a status that waited for the results is asked again at once; one answered at once, only after 2 s', async () => {
    policyGet.mockResolvedValueOnce(results(1)).mockResolvedValue(results(2))
    const afterWaiting = () => new Promise((resolve) => setTimeout(() => resolve(unchanged()), 20000))
    talent(2, () => status(2, 1), afterWaiting, () => status(2, 2))
    const m = useMyMatches()
    await m.load()
    await vi.advanceTimersByTimeAsync(0)
    expect(statusCalls()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1999)
    expect(statusCalls()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(statusCalls()).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(19999)
    expect(statusCalls()).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1) // the wait ends: 304
    await vi.advanceTimersByTimeAsync(10)
    expect(statusCalls()).toHaveLength(3)
    expect(m.rematching.value).toBe(false)
    expect(m.results.value?.profileVersion).toBe(2)
  })

  it('a screen left while its status waits stops asking: the question is cancelled, none follows', async () => {
    policyGet.mockResolvedValue(results(1))
    const afterWaiting = () => new Promise((resolve) => setTimeout(() => resolve(status(2, 2)), 20000))
    talent(2, afterWaiting)
    const m = useMyMatches()
    await m.load()
    await vi.advanceTimersByTimeAsync(0)
    expect(statusCalls()).toHaveLength(1)
    m.stop()
    expect((statusCalls()[0]![1] as { signal: AbortSignal }).signal.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(30000)
    expect(statusCalls()).toHaveLength(1)
    expect(policyGet).toHaveBeenCalledTimes(1)
  })

  it('gives up calmly after about a minute, keeping the older results', async () => {
    policyGet.mockResolvedValue(results(1))
    talent(2, () => status(2, 1), unchanged)
    const m = useMyMatches({ intervalMs: 2000, giveUpMs: 60000 })
    await m.load()
    await vi.advanceTimersByTimeAsync(61000)
    expect(m.slow.value).toBe(true)
    const calls = statusCalls().length
    expect(calls).toBeGreaterThanOrEqual(30)
    expect(calls).toBeLessThanOrEqual(32)
    await vi.advanceTimersByTimeAsync(10000)
    expect(statusCalls()).toHaveLength(calls)
    expect(policyGet).toHaveBeenCalledTimes(1)
    expect(m.results.value?.profileVersion).toBe(1)
  })

  it('a failing poll keeps the results and tries again; a failing first read is a problem', async () => {
    policyGet.mockResolvedValueOnce(results(1)).mockResolvedValue(results(2))
    talent(2, () => { throw new ApiProblem(503, 'UNAVAILABLE', 'x') }, () => status(2, 2))
    const m = useMyMatches()
    await m.load()
    await vi.advanceTimersByTimeAsync(0)
    expect(statusCalls()).toHaveLength(1)
    expect(m.results.value?.profileVersion).toBe(1)
    await vi.advanceTimersByTimeAsync(2000)
    expect(m.rematching.value).toBe(false)

    policyGet.mockReset().mockRejectedValue(new ApiProblem(500, 'INTERNAL', 'x'))
    const failed = useMyMatches()
    await failed.load()
    expect(failed.problem.value).toBeInstanceOf(ApiProblem)
    expect(failed.noProfile.value).toBe(false)
  })

  it('waits as long as a 429 or 503 says in Retry-After before asking again', async () => {
    policyGet.mockResolvedValueOnce(results(1)).mockRejectedValueOnce(new ApiProblem(503, 'UNAVAILABLE', 'x', [], 7))
      .mockResolvedValue(results(2))
    talent(2, () => { throw new ApiProblem(429, 'TOO_MANY_REQUESTS', 'x', [], 10) }, () => status(2, 2))
    const m = useMyMatches()
    await m.load()
    await vi.advanceTimersByTimeAsync(0)
    expect(statusCalls()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(2000)
    expect(statusCalls()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(7000)
    expect(statusCalls()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(statusCalls()).toHaveLength(2)
    expect(policyGet).toHaveBeenCalledTimes(2) // current, but the results answered 503, Retry-After 7
    await vi.advanceTimersByTimeAsync(6000)
    expect(policyGet).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1000)
    expect(policyGet).toHaveBeenCalledTimes(3)
    expect(m.rematching.value).toBe(false)
  })
})
