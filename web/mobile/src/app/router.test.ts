import { beforeEach, describe, expect, it, vi } from 'vitest'
import { computed, ref } from 'vue'
import { createMemoryHistory } from 'vue-router'

const authenticated = ref(false)
const login = vi.fn(async () => {})
const restore = vi.fn(async () => {})
vi.mock('@/auth/useAuth', () => ({
  useAuth: () => ({ authenticated: computed(() => authenticated.value), restore, init: async () => {}, login }),
}))

const { createAppRouter } = await import('./router')

describe('which screens ask a resident to sign in', () => {
  beforeEach(() => {
    login.mockClear()
    restore.mockClear()
  })

  it('lets anyone use the public screens', async () => {
    authenticated.value = false
    const router = createAppRouter(createMemoryHistory())
    await router.push('/calculator')
    expect(router.currentRoute.value.path).toBe('/calculator')
    expect(login).not.toHaveBeenCalled()
  })

  it('sends a resident who is not signed in to the login page, to come back to the same screen', async () => {
    authenticated.value = false
    const router = createAppRouter(createMemoryHistory())
    await router.push('/applications?tab=open')
    expect(login).toHaveBeenCalledWith('/applications?tab=open')
  })

  it('restores the session once per page load and takes the login answer out of the address', async () => {
    authenticated.value = true
    const router = createAppRouter(createMemoryHistory())
    await router.push('/applications?tab=open&state=s1&code=c1&session_state=x&iss=y')
    expect(router.currentRoute.value.fullPath).toBe('/applications?tab=open')
    await router.push('/inbox')
    expect(restore).toHaveBeenCalledTimes(1)
  })
})
