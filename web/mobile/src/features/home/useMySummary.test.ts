import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import { ApiProblem } from '@/api/problem'
import { fetchStanding, useMySummary } from './useMySummary'

const mocks = vi.hoisted(() => ({ GET: vi.fn(), authenticated: undefined as unknown as { value: boolean } }))
vi.mock('@/api/client', () => ({ api: () => ({ policy: { GET: mocks.GET } }), call: (request: Promise<unknown>) => request }))
vi.mock('@/auth/useAuth', () => ({ useAuth: () => ({ authenticated: mocks.authenticated }) }))

describe('fetchStanding', () => {
  beforeEach(() => { mocks.GET.mockReset() })

  it('reads the summary of my results', async () => {
    mocks.GET.mockResolvedValue({ summary: { eligible: 10, needsInfo: 24 }, results: [] })
    expect(await fetchStanding()).toEqual({ hasProfile: true, summary: { eligible: 10, nearMisses: 0, needsInfo: 24 } })
    expect(mocks.GET).toHaveBeenCalledWith('/api/policy/me/results')
  })

  it('takes 404 as "no profile yet", not as an error', async () => {
    mocks.GET.mockRejectedValue(new ApiProblem(404, 'NOT_FOUND', 'not found'))
    expect(await fetchStanding()).toEqual({ hasProfile: false })
  })

  it('lets other problems through to the load state', async () => {
    mocks.GET.mockRejectedValue(new ApiProblem(503, 'UNAVAILABLE', undefined))
    await expect(fetchStanding()).rejects.toMatchObject({ status: 503 })
  })
})

describe('useMySummary', () => {
  it('loads only once the resident is signed in', async () => {
    mocks.GET.mockReset().mockResolvedValue({ summary: { eligible: 2 } })
    mocks.authenticated = ref(false)
    const standing = useMySummary()
    expect(mocks.GET).not.toHaveBeenCalled()
    mocks.authenticated.value = true
    await nextTick()
    await vi.waitFor(() => expect(standing.data.value).toEqual({ hasProfile: true, summary: { eligible: 2, nearMisses: 0, needsInfo: 0 } }))
  })
})
