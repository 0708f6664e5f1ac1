import { beforeEach, describe, expect, it, vi } from 'vitest'
import { computed, ref } from 'vue'
import { createMemoryHistory } from 'vue-router'

const authenticated = ref(false)
const roles = ref<string[]>([])
const login = vi.fn(async () => {})
vi.mock('@/auth/useAuth', () => ({
  HR_OFFICER: 'hr-officer',
  POLICY_ADMIN: 'policy-admin',
  useAuth: () => ({
    authenticated: computed(() => authenticated.value),
    hasRole: (role: string) => roles.value.includes(role),
    restore: async () => {},
    init: async () => {},
    login,
  }),
}))

const { createAppRouter } = await import('./router')

describe('who may see the review screens', () => {
  beforeEach(() => {
    login.mockClear()
  })

  it('sends someone not signed in to the Keycloak login, back to where they were going', async () => {
    authenticated.value = false
    const router = createAppRouter(createMemoryHistory())
    await router.push('/applications/a1')
    expect(login).toHaveBeenCalledWith('/applications/a1')
  })

  it('shows "no access" to a signed-in person without the HR officer role', async () => {
    authenticated.value = true
    roles.value = ['applicant']
    const router = createAppRouter(createMemoryHistory())
    await router.push('/queue')
    expect(router.currentRoute.value.path).toBe('/no-access')
  })

  it('lets an HR officer in', async () => {
    authenticated.value = true
    roles.value = ['hr-officer']
    const router = createAppRouter(createMemoryHistory())
    await router.push('/')
    expect(router.currentRoute.value.path).toBe('/queue')
  })

  it('starts a policy admin at the measures and keeps the review screens from them', async () => {
    authenticated.value = true
    roles.value = ['policy-admin']
    const router = createAppRouter(createMemoryHistory())
    await router.push('/')
    expect(router.currentRoute.value.path).toBe('/measures')
    await router.push('/queue')
    expect(router.currentRoute.value.path).toBe('/no-access')
    expect(router.currentRoute.value.query.role).toBe('hr-officer')
  })

  it('keeps the policy screens from an HR officer without the policy admin role', async () => {
    authenticated.value = true
    roles.value = ['hr-officer']
    const router = createAppRouter(createMemoryHistory())
    for (const path of ['/measures', '/measures/QJY-01', '/measures/QJY-01/draft']) {
      await router.push(path)
      expect(router.currentRoute.value.path, path).toBe('/no-access')
      expect(router.currentRoute.value.query.role).toBe('policy-admin')
    }
  })

  it('lets an officer with both roles see both parts, starting at the review queue', async () => {
    authenticated.value = true
    roles.value = ['hr-officer', 'policy-admin']
    const router = createAppRouter(createMemoryHistory())
    await router.push('/')
    expect(router.currentRoute.value.path).toBe('/queue')
    await router.push('/measures/QJY-01/draft')
    expect(router.currentRoute.value.path).toBe('/measures/QJY-01/draft')
  })

  it('opens the statistics to HR and policy officers, and not the review screens to a policy officer', async () => {
    authenticated.value = true
    for (const role of ['hr-officer', 'policy-admin']) {
      roles.value = [role]
      const router = createAppRouter(createMemoryHistory())
      await router.push('/statistics')
      expect(router.currentRoute.value.path).toBe('/statistics')
    }
    roles.value = ['policy-admin']
    const router = createAppRouter(createMemoryHistory())
    await router.push('/queue')
    expect(router.currentRoute.value.path).toBe('/no-access')
    roles.value = ['applicant']
    const resident = createAppRouter(createMemoryHistory())
    await resident.push('/statistics')
    expect(resident.currentRoute.value.path).toBe('/no-access')
  })
})
