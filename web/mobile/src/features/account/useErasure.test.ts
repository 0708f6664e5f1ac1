import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '@/api/problem'
import { takeErasureNotice } from './erasureNotice'
import { useErasure } from './useErasure'

const mocks = vi.hoisted(() => ({ DELETE: vi.fn(), logout: vi.fn() }))
vi.mock('@/api/client', () => ({ api: () => ({ talent: { DELETE: mocks.DELETE } }), call: (request: Promise<unknown>) => request }))
vi.mock('@/auth/useAuth', () => ({ useAuth: () => ({ logout: mocks.logout }) }))

beforeEach(() => {
  vi.resetAllMocks()
  sessionStorage.clear()
})

describe('useErasure', () => {
  it('does nothing until the resident ticked that they understand', async () => {
    const erasure = useErasure()
    expect(erasure.canErase.value).toBe(false)
    expect(await erasure.erase()).toBe(false)
    expect(mocks.DELETE).not.toHaveBeenCalled()
  })

  it('erases, signs out and leaves a note for the home screen', async () => {
    mocks.DELETE.mockResolvedValue(undefined)
    mocks.logout.mockResolvedValue(undefined)
    const erasure = useErasure()
    erasure.understood.value = true
    expect(await erasure.erase()).toBe(true)
    expect(mocks.DELETE).toHaveBeenCalledWith('/api/talent/me')
    expect(mocks.logout).toHaveBeenCalled()
    expect(takeErasureNotice()).toBe(true)
    expect(takeErasureNotice()).toBe(false) // shown once
  })

  it('stays signed in and says why when the erasure failed', async () => {
    mocks.DELETE.mockRejectedValue(new ApiProblem(503, 'UNAVAILABLE', undefined))
    const erasure = useErasure()
    erasure.understood.value = true
    expect(await erasure.erase()).toBe(false)
    expect(erasure.problem.value).toBeInstanceOf(ApiProblem)
    expect(erasure.erasing.value).toBe(false)
    expect(erasure.canErase.value).toBe(true)
    expect(mocks.logout).not.toHaveBeenCalled()
    expect(takeErasureNotice()).toBe(false)
  })

  it('still goes home signed out when the sign-out round trip fails', async () => {
    mocks.DELETE.mockResolvedValue(undefined)
    mocks.logout.mockRejectedValue(new Error('keycloak unreachable'))
    const goHome = vi.fn()
    const erasure = useErasure(goHome)
    erasure.understood.value = true
    expect(await erasure.erase()).toBe(true)
    expect(goHome).toHaveBeenCalled()
  })

  it('starts every confirmation unticked', () => {
    const erasure = useErasure()
    erasure.understood.value = true
    erasure.reset()
    expect(erasure.understood.value).toBe(false)
  })
})
