import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '@/api/problem'
import { errorUnder, formFrom, hhmm, requestFrom, usePreferencesForm, validate } from './usePreferencesForm'

const mocks = vi.hoisted(() => ({ GET: vi.fn(), PUT: vi.fn() }))
vi.mock('@/api/client', () => ({
  api: () => ({ notification: { GET: mocks.GET, PUT: mocks.PUT } }),
  call: (request: Promise<unknown>) => request,
}))

/** What the service answers for someone who never saved anything. */
const DEFAULTS = {
  match: { inApp: true, email: true, sms: true },
  application: { inApp: true, email: true, sms: true },
  smsQuietHours: { enabled: true, from: '22:00:00', to: '08:00:00' },
  timeZone: 'Asia/Shanghai',
}

beforeEach(() => { vi.resetAllMocks() })

describe('hhmm', () => {
  it('reads the service times with or without seconds', () => {
    expect(hhmm('22:00:00', 'x')).toBe('22:00')
    expect(hhmm('07:30', 'x')).toBe('07:30')
    expect(hhmm('24:00', 'x')).toBe('x')
    expect(hhmm(undefined, '08:00')).toBe('08:00')
  })
})

describe('form and request', () => {
  it('shows the defaults, with no language meaning "as in my profile"', () => {
    expect(formFrom(DEFAULTS)).toEqual({
      match: { inApp: true, sms: true, email: true },
      application: { inApp: true, sms: true, email: true },
      language: 'profile', quietEnabled: true, quietFrom: '22:00', quietTo: '08:00',
    })
  })

  it('builds the whole replacement, leaving the language out when it follows the profile', () => {
    const form = formFrom(DEFAULTS)
    form.match.sms = false
    form.quietTo = '07:30'
    expect(requestFrom(form)).toEqual({
      match: { inApp: true, sms: false, email: true },
      application: { inApp: true, sms: true, email: true },
      smsQuietHours: { enabled: true, from: '22:00', to: '07:30' },
    })
    form.language = 'en'
    expect(requestFrom(form).language).toBe('en')
  })

  it('keeps a chosen language and switched-off quiet hours', () => {
    const form = formFrom({ ...DEFAULTS, language: 'zh-CN', smsQuietHours: { enabled: false, from: '23:00:00', to: '06:00:00' } })
    expect(form.language).toBe('zh-CN')
    expect(requestFrom(form).smsQuietHours).toEqual({ enabled: false, from: '23:00', to: '06:00' })
  })
})

describe('validate', () => {
  it('refuses quiet hours that start and end at the same time', () => {
    const form = { ...formFrom(DEFAULTS), quietFrom: '22:00', quietTo: '22:00' }
    expect(validate(form)).toEqual({ 'smsQuietHours.to': '开始和结束时间不能相同' })
  })

  it('accepts a period across midnight and ignores the times when quiet hours are off', () => {
    expect(validate(formFrom(DEFAULTS))).toEqual({})
    expect(validate({ ...formFrom(DEFAULTS), quietEnabled: false, quietFrom: '22:00', quietTo: '22:00' })).toEqual({})
  })

  it('asks for a time when one is missing', () => {
    expect(validate({ ...formFrom(DEFAULTS), quietFrom: '' })).toEqual({ 'smsQuietHours.from': '请选择一个时间' })
  })
})

describe('errorUnder', () => {
  it('finds the error of a field or of anything under it', () => {
    const errors = { 'match.inApp': 'A', language: 'B' }
    expect(errorUnder(errors, 'match')).toBe('A')
    expect(errorUnder(errors, 'language')).toBe('B')
    expect(errorUnder(errors, 'application')).toBeUndefined()
    expect(errorUnder(errors, 'lang')).toBeUndefined()
  })
})

describe('usePreferencesForm', () => {
  it('loads, saves and shows what the service stored', async () => {
    mocks.GET.mockResolvedValue(DEFAULTS)
    mocks.PUT.mockResolvedValue({ ...DEFAULTS, language: 'en', smsQuietHours: { enabled: true, from: '21:00:00', to: '08:00:00' } })
    const preferences = usePreferencesForm()
    await preferences.load()
    expect(preferences.form.quietFrom).toBe('22:00')
    preferences.form.language = 'en'
    preferences.form.quietFrom = '21:00'

    expect(await preferences.save()).toBe(true)
    expect(mocks.PUT).toHaveBeenCalledWith('/api/notifications/me/preferences', {
      body: {
        match: { inApp: true, sms: true, email: true },
        application: { inApp: true, sms: true, email: true },
        language: 'en',
        smsQuietHours: { enabled: true, from: '21:00', to: '08:00' },
      },
    })
    expect(preferences.saved.value).toBe(true)
    expect(preferences.form.quietFrom).toBe('21:00')
  })

  it('does not send what it can tell is wrong', async () => {
    const preferences = usePreferencesForm()
    preferences.form.quietFrom = '08:00'
    preferences.form.quietTo = '08:00'
    expect(await preferences.save()).toBe(false)
    expect(mocks.PUT).not.toHaveBeenCalled()
    expect(preferences.fieldErrors.value['smsQuietHours.to']).toBe('开始和结束时间不能相同')

    preferences.touched('smsQuietHours.to')
    expect(preferences.fieldErrors.value).toEqual({})
  })

  it('puts the service field errors beside their fields', async () => {
    mocks.PUT.mockRejectedValue(new ApiProblem(400, 'VALIDATION_FAILED', '部分字段不合规',
      [{ field: 'language', message: '语言无效' }, { field: 'smsQuietHours.from', message: '时间无效' }]))
    const preferences = usePreferencesForm()
    expect(await preferences.save()).toBe(false)
    expect(preferences.fieldErrors.value).toEqual({ language: '语言无效', 'smsQuietHours.from': '时间无效' })
    expect(preferences.saveProblem.value).toBeUndefined()
    expect(preferences.saving.value).toBe(false)
  })

  it('keeps other failures apart from the fields', async () => {
    mocks.PUT.mockRejectedValue(new ApiProblem(503, 'UNAVAILABLE', undefined))
    const preferences = usePreferencesForm()
    expect(await preferences.save()).toBe(false)
    expect(preferences.fieldErrors.value).toEqual({})
    expect(preferences.saveProblem.value).toBeInstanceOf(ApiProblem)
  })

  it('reports a failed load for the retry screen', async () => {
    mocks.GET.mockRejectedValue(new ApiProblem(429, 'TOO_MANY_REQUESTS', undefined, [], 5))
    const preferences = usePreferencesForm()
    await preferences.load()
    expect(preferences.loadProblem.value).toBeInstanceOf(ApiProblem)
    expect(preferences.loading.value).toBe(false)
  })
})
