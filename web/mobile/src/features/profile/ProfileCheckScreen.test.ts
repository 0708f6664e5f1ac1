import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { ApiProblem } from '@/api/problem'
import { setConfig } from '@/app/config'
import { mountWithApp, readable } from '@/test/mountWithApp'
import { resetVocabulary } from '@/features/vocabulary/useVocabulary'
import { vocabularyFixture } from '@/features/vocabulary/vocabulary.fixture'
import ProfileCheckScreen from './ProfileCheckScreen.vue'
import ProfileStepScreen from './ProfileStepScreen.vue'
import { resetProfileDraft } from './useProfileDraft'

const talentGet = vi.fn()
const PUT = vi.fn()
const policyGet = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ talent: { GET: talentGet, PUT }, policy: { GET: policyGet } }),
  call: async (request: Promise<{ data: unknown }>) => (await request).data,
}))

enableAutoUnmount(afterEach)

/** A stored profile whose ID number has the right shape but a wrong check character (the app cannot tell). */
function stored(overrides: Record<string, unknown> = {}) {
  return {
    version: 4, name: '李华', idNumber: '330802199903150018', phone: '13912345678', preferredLanguage: 'zh',
    education: { degree: 'BACHELOR', school: '浙江大学', graduationDate: '2031-06-30', otherDegrees: [{ degree: 'JUNIOR_COLLEGE', graduationDate: '2028-06-30' }] },
    employment: { status: 'EMPLOYED', employer: '衢江数字科技有限公司', employerCreditCode: '91330803ABC', employerInQujiang: true, industry: 'DIGITAL_ECONOMY', socialInsuranceInQujiangSince: '2026-05-01', socialInsuranceGapMonths: 0 },
    hukou: 'OUT_OF_PROVINCE',
    consent: { noticeVersion: '2026-01', consentedAt: '2026-11-01T08:00:00Z' }, currentNoticeVersion: '2026-01',
    ...overrides,
  }
}
const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { headers: { ETag: '"4"' } }) })

/** PUT /api/talent/me/profile as talent-service answered such a profile on 2026-11-29. */
const validationFailed = () => new ApiProblem(400, 'VALIDATION_FAILED', '部分字段不合规，请查看 errors。', [
  { message: '校验码不正确，请核对号码', field: 'idNumber' },
  { message: '须为18位统一社会信用代码且校验码正确', field: 'employment.employerCreditCode' },
  { message: '日期不在合理范围内', field: 'education.graduationDate' },
])

async function saveOn(route = '/profile/check') {
  const mounted = await mountWithApp(ProfileCheckScreen, { route, attach: true })
  await mounted.wrapper.find('#save').trigger('click')
  await flushPromises()
  return mounted
}

describe('ProfileCheckScreen', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
    setConfig({ apiBase: 'http://gw', keycloakUrl: '', realm: '', clientId: '', privacyNoticeVersion: '2026-01' })
    resetProfileDraft()
    resetVocabulary()
    sessionStorage.clear()
    talentGet.mockReset()
    PUT.mockReset()
    policyGet.mockReset()
    policyGet.mockResolvedValue({ data: vocabularyFixture })
  })

  it('shows every answer in words, grouped by step', async () => {
    talentGet.mockImplementation(() => ok(stored()))
    const { wrapper } = await mountWithApp(ProfileCheckScreen, { route: '/profile/check' })
    const answers = Object.fromEntries(wrapper.findAll('.check__row').map((row) => [row.find('dt').text(), row.find('.check__value').text()]))
    expect(answers).toMatchObject({
      '最高学历（含在读）': '本科', 毕业时间: '2031年6月30日', 其他学历: '大专（2028年6月30日）', 目前的工作状态: '已就业', 所在行业: '数字经济', 户籍所在地: '浙江省外',
      从什么时候开始在衢江区缴纳社保: '2026年5月1日', 此后中断缴纳过几个月: '0 个月', 单位是否在衢江区: '是',
      接收通知的语言: '中文', 是否已婚: '未填写', 子女的出生日期: '未填写',
    })
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['基本信息', '学历和技能', '工作', '住房和户籍', '家庭', '创业'])
    const text = readable(wrapper)
    expect(text).not.toMatch(/BACHELOR|JUNIOR_COLLEGE|DIGITAL_ECONOMY|OUT_OF_PROVINCE|EMPLOYED/)
  })

  it('puts the server’s field errors beside each answer and in the summary at the top, each a link to its question', async () => {
    talentGet.mockImplementation(() => ok(stored()))
    PUT.mockRejectedValue(validationFailed())
    const { wrapper, router } = await saveOn()
    expect(PUT).toHaveBeenCalledTimes(1)

    const summary = wrapper.find('.error-summary')
    expect(summary.attributes('role')).toBe('alert')
    expect(summary.find('h2').text()).toBe('请先处理以下问题')
    // Focused, so a screen reader reads it out and the resident sees it.
    expect(document.activeElement).toBe(summary.element)
    const links = summary.findAll('a').map((a) => [a.text(), a.attributes('href')])
    expect(links).toEqual([
      ['身份证号码：校验码不正确，请核对号码', '/profile/basic?field=idNumber&from=check'],
      ['毕业时间：日期不在合理范围内', '/profile/education?field=education.graduationDate&from=check'],
      ['单位统一社会信用代码：须为18位统一社会信用代码且校验码正确', '/profile/work?field=employment.employerCreditCode&from=check'],
    ])

    const beside = wrapper.findAll('.check__row--error').map((row) => [row.find('dt').text(), row.find('.check__error').text()])
    expect(beside).toEqual([
      ['身份证号码', '校验码不正确，请核对号码'],
      ['毕业时间', '日期不在合理范围内'],
      ['单位统一社会信用代码', '须为18位统一社会信用代码且校验码正确'],
    ])
    // Problems the resident can fix are not a failure of the service.
    expect(wrapper.text()).not.toContain('保存没有成功')
    expect(wrapper.text()).not.toContain('部分字段不合规')

    await summary.find('a').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/profile/basic?field=idNumber&from=check')
  })

  it('back on the step, the server’s message is beside the question and described by it; changing the answer clears it', async () => {
    talentGet.mockImplementation(() => ok(stored()))
    PUT.mockRejectedValue(validationFailed())
    await saveOn()

    const { wrapper } = await mountWithApp(ProfileStepScreen, { route: '/profile/basic?field=idNumber&from=check', attach: true })
    const input = wrapper.find('input#f-idNumber')
    expect(input.exists()).toBe(true)
    const error = wrapper.find('#f-idNumber-error')
    expect(error.text()).toBe('校验码不正确，请核对号码')
    expect(error.attributes('role')).toBe('alert')
    expect(input.attributes('aria-describedby')).toContain('f-idNumber-error')
    expect(document.activeElement).toBe(input.element)
    expect(wrapper.find('button[type="submit"]').text()).toBe('返回检查页')
    // The step's own summary at the top lists the server's problem too, linking to the question.
    expect(wrapper.find('a[href="#f-idNumber"]').text()).toContain('校验码不正确，请核对号码')

    await input.setValue('33080219990315001X')
    expect(wrapper.find('#f-idNumber-error').exists()).toBe(false)
    expect(wrapper.find('a[href="#f-idNumber"]').exists()).toBe(false)
  })

  it('without consent to the current notice, the save is blocked with the message beside the notice and in the summary', async () => {
    talentGet.mockImplementation(() => ok(stored({ consent: { noticeVersion: '2025-01' }, currentNoticeVersion: '2026-01', idNumber: '33080219990315001X' })))
    const { wrapper, router } = await saveOn()
    expect(PUT).not.toHaveBeenCalled()

    const beside = wrapper.find('.check__consent .check__error')
    expect(beside.text()).toBe('请先阅读并勾选同意个人信息保护说明')
    expect(beside.attributes('role')).toBe('alert')
    const link = wrapper.find('.error-summary a')
    expect(link.text()).toBe('请先阅读并勾选同意个人信息保护说明')
    expect(link.attributes('href')).toBe('#consent-accept')
    expect(wrapper.find('#consent-accept').exists()).toBe(true)

    PUT.mockImplementation(() => ok(stored({ version: 5, idNumber: '33080219990315001X' })))
    await wrapper.find('#consent-accept').trigger('click')
    await wrapper.find('#save').trigger('click')
    await flushPromises()
    expect(PUT).toHaveBeenCalledTimes(1)
    expect(PUT.mock.calls[0]![1].body).toMatchObject({ version: 4, consent: { noticeVersion: '2026-01', accepted: true } })
    expect(wrapper.find('.error-summary').exists()).toBe(false)
    expect(router.currentRoute.value.path).toBe('/matches')
  })

  it('a busy service while saving: a calm sentence with the wait, not field errors', async () => {
    talentGet.mockImplementation(() => ok(stored({ idNumber: '33080219990315001X' })))
    PUT.mockRejectedValue(new ApiProblem(429, 'RATE_LIMITED', undefined, [], 12))
    const { wrapper } = await saveOn()
    expect(wrapper.find('.notice-calm').text())
      .toMatch(/^服务繁忙，刚才的操作没有完成。请在 \d{2}:\d{2}:\d{2}（约 12 秒后）再试一次。$/)
    expect(wrapper.find('.check__notice--error').exists()).toBe(false)
    expect(wrapper.find('.error-summary').exists()).toBe(false)
  })

  it('offline while saving is calm too; a failure of the service itself is not', async () => {
    talentGet.mockImplementation(() => ok(stored({ idNumber: '33080219990315001X' })))
    PUT.mockRejectedValue(new ApiProblem(0, 'NETWORK', undefined))
    const offline = (await saveOn()).wrapper
    expect(offline.find('.notice-calm').text()).toBe('网络不太顺畅，请检查网络后重试。')
    offline.unmount()

    PUT.mockRejectedValue(new ApiProblem(500, 'INTERNAL', 'x'))
    const broken = (await saveOn()).wrapper
    expect(broken.find('.check__notice--error').text()).toBe('保存没有成功，请稍后再试。')
    expect(broken.find('.notice-calm').exists()).toBe(false)
  })
})
