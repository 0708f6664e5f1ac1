import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Ref } from 'vue'
import { ApiProblem } from '@/api/problem'

const mocks = vi.hoisted(() => ({ GET: vi.fn(), authenticated: undefined as unknown as Ref<boolean> }))
vi.mock('@/api/client', () => ({ api: () => ({ notification: { GET: mocks.GET } }), call: (request: Promise<unknown>) => request }))
vi.mock('@/auth/useAuth', async () => {
  const { ref } = await import('vue')
  mocks.authenticated = ref(false)
  return { useAuth: () => ({ authenticated: mocks.authenticated }) }
})

const { useUnread } = await import('./useUnread')

beforeEach(() => {
  mocks.GET.mockReset()
  mocks.authenticated.value = false
})

describe('useUnread', () => {
  it('counts nothing for a signed-out visitor, without asking', async () => {
    const { unread, refreshUnread, setUnread } = useUnread()
    setUnread(4)
    await refreshUnread()
    expect(unread.value).toBe(0)
    expect(mocks.GET).not.toHaveBeenCalled()
  })

  it('reads the count from the newest page once signed in', async () => {
    mocks.GET.mockResolvedValue({ items: [], total: 7, unread: 3 })
    mocks.authenticated.value = true
    const { unread, refreshUnread } = useUnread()
    await refreshUnread()
    expect(mocks.GET).toHaveBeenCalledWith('/api/notifications/me', { params: { query: { page: 0, size: 1 } } })
    expect(unread.value).toBe(3)
  })

  it('keeps the last count when the refresh fails, and never goes below zero', async () => {
    mocks.authenticated.value = true
    const { unread, refreshUnread, setUnread } = useUnread()
    setUnread(2)
    mocks.GET.mockRejectedValue(new ApiProblem(503, 'UNAVAILABLE', undefined))
    await refreshUnread()
    expect(unread.value).toBe(2)
    setUnread(-1)
    expect(unread.value).toBe(0)
  })
})
