import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { i18n } from '@/i18n'
import { ApiProblem, NetworkProblem } from '@/api/problem'
import { mountWithApp, readable } from '@/test/mountWithApp'
import LoadState from './LoadState.vue'

/** A screen's content inside <LoadState>, so the test sees whether the content or a state shows. */
const Screen = defineComponent({
  props: { loading: Boolean, problem: { type: Error, required: false }, empty: Boolean, inline: Boolean },
  emits: ['retry'],
  setup(props, { emit }) {
    return () => h(LoadState, { ...props, onRetry: () => emit('retry') }, () => h('p', { class: 'content' }, '内容'))
  },
})

async function show(props: { loading?: boolean; problem?: Error; empty?: boolean; inline?: boolean }) {
  i18n.global.locale.value = 'zh-CN'
  const { wrapper } = await mountWithApp(Screen, { props })
  return wrapper
}

describe('LoadState', () => {
  it('429 with Retry-After: a calm "请稍候 N 秒" and a retry button, never a blank area', async () => {
    const wrapper = await show({ problem: new ApiProblem(429, 'RATE_LIMITED', 'Too Many Requests', [], 17) })
    const alert = wrapper.find('[role="alert"]')
    expect(readable(alert)).toContain('现在使用的人较多，请稍候 17 秒再试。')
    expect(alert.text()).not.toContain('Too Many Requests')
    expect(wrapper.find('.content').exists()).toBe(false)

    const retry = wrapper.find('button')
    expect(retry.text()).toBe('重试')
    await retry.trigger('click')
    expect(wrapper.emitted('retry')).toHaveLength(1)
  })

  it('429 or 503 without a time, and offline: calm texts with a retry', async () => {
    const cases: [Error, string][] = [
      [new ApiProblem(429, 'RATE_LIMITED', undefined), '现在使用的人较多，请稍后再试。'],
      [new ApiProblem(503, 'SERVICE_UNAVAILABLE', 'upstream connect error'), '现在使用的人较多，请稍后再试。'],
      [new ApiProblem(503, 'SERVICE_UNAVAILABLE', undefined, [], 5), '现在使用的人较多，请稍候 5 秒再试。'],
      [new NetworkProblem(), '网络不太顺畅，请检查网络后重试。'],
    ]
    for (const [problem, text] of cases) {
      const wrapper = await show({ problem })
      expect(readable(wrapper.find('[role="alert"]')), problem.message).toContain(text)
      expect(wrapper.text()).not.toMatch(/upstream|HTTP_|SERVICE_UNAVAILABLE|RATE_LIMITED|NETWORK/)
      expect(wrapper.find('button').text()).toBe('重试')
      wrapper.unmount()
    }
  })

  it('404: the not-found text; other problems: the server’s sentence, or a general one', async () => {
    expect(readable(await show({ problem: new ApiProblem(404, 'NOT_FOUND', '未找到该申请。') }))).toContain('没有找到您要的内容。')
    expect(readable(await show({ problem: new ApiProblem(409, 'PROFILE_CONFLICT', '该身份证号已被其他账号使用。') })))
      .toContain('该身份证号已被其他账号使用。')
    expect(readable(await show({ problem: new ApiProblem(500, 'HTTP_500', undefined) }))).toContain('出了点问题，请稍后再试。')
    expect(readable(await show({ problem: new Error('TypeError: x is undefined') }))).toContain('出了点问题，请稍后再试。')
  })

  it('loading: a skeleton announced as loading; empty: the empty text; otherwise the content', async () => {
    const loading = await show({ loading: true })
    expect(loading.find('[role="status"]').attributes('aria-label')).toBe('正在加载…')
    expect(loading.find('.van-skeleton').exists()).toBe(true)
    expect(loading.find('.content').exists()).toBe(false)

    expect(readable(await show({ empty: true }))).toBe('暂无内容')
    expect(readable(await show({}))).toBe('内容')
  })

  it('inline (one section of a screen): a line and a small retry, calm when it passes by itself, no picture', async () => {
    const offline = await show({ problem: new NetworkProblem(), inline: true })
    const alert = offline.find('[role="alert"]')
    expect(readable(alert)).toContain('网络不太顺畅，请检查网络后重试。')
    expect(alert.classes()).toContain('notice-calm')
    expect(offline.find('.van-empty').exists()).toBe(false)
    await offline.find('button').trigger('click')
    expect(offline.emitted('retry')).toHaveLength(1)
    offline.unmount()

    const refused = await show({ problem: new ApiProblem(403, 'FORBIDDEN', '无权查看这些材料。'), inline: true })
    expect(readable(refused.find('[role="alert"]'))).toContain('无权查看这些材料。')
    expect(refused.find('[role="alert"]').classes()).not.toContain('notice-calm')
  })
})
