import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import BackBar from './BackBar.vue'
import { mountWithApp } from '@/test/mountWithApp'

describe('the nav bar of a screen below a tab', () => {
  it('offers 返回 as a real button that leads to the screen above', async () => {
    const { wrapper, router } = await mountWithApp(BackBar, { props: { title: '消息设置', to: '/me' }, route: '/settings/notifications' })

    const back = wrapper.get('button')
    expect(back.text()).toBe('返回')
    expect(wrapper.text()).toContain('消息设置')
    await back.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/me')
  })

  it('without history in this tab, a detail screen goes to its list', async () => {
    const { wrapper, router } = await mountWithApp(BackBar, { props: { title: '申请详情', to: '/applications', history: true }, route: '/applications/42' })

    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/applications')
  })
})
