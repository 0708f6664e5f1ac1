import { describe, expect, it, vi } from 'vitest'
import { computed, ref } from 'vue'
import { mountWithApp } from '@/test/mountWithApp'

const roles = ref<string[]>([])
vi.mock('@/auth/useAuth', () => ({
  HR_OFFICER: 'hr-officer',
  POLICY_ADMIN: 'policy-admin',
  useAuth: () => ({ userName: computed(() => 'someone'), authenticated: computed(() => true),
    hasRole: (role: string) => roles.value.includes(role), logout: async () => {} }),
}))

const { default: App } = await import('@/App.vue')

async function menu(withRoles: string[], route: string): Promise<string[]> {
  roles.value = withRoles
  const { wrapper } = await mountWithApp(App, { route })
  const items = wrapper.findAll('[role="menuitem"]').map((item) => item.text().trim())
  wrapper.unmount()
  return items
}

describe('the menu follows the officer\'s roles', () => {
  it('an HR officer sees the review screens and the uptake, not the measures', async () => {
    expect(await menu(['hr-officer'], '/queue')).toEqual(['审核队列', '免申即享确认', '兑现统计'])
  })

  it('a policy admin sees the measures and the uptake, not the review screens', async () => {
    expect(await menu(['policy-admin'], '/measures')).toEqual(['政策管理', '兑现统计'])
  })

  it('an officer with both roles sees both parts', async () => {
    expect(await menu(['hr-officer', 'policy-admin'], '/measures'))
      .toEqual(['审核队列', '免申即享确认', '政策管理', '兑现统计'])
  })
})
