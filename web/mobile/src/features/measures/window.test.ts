import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { todayInQujiang, windowText } from './window'

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})
const date = (iso: string) => `<${iso}>`
const today = '2026-11-29'

describe('windowText', () => {
  it('says when a closed window closed and when a future one opens', () => {
    expect(windowText({ opens: '2023-03-01', closes: '2023-12-31' }, today, t, date)).toBe('申请已于 <2023-12-31> 截止')
    expect(windowText({ opens: '2027-01-01' }, today, t, date)).toBe('将于 <2027-01-01> 开放申请')
  })

  it('gives the range of an open window', () => {
    expect(windowText({ opens: '2024-01-01', closes: '2028-12-31' }, today, t, date)).toBe('<2024-01-01> 至 <2028-12-31>')
    expect(windowText({ opens: '2024-01-01', closes: null }, today, t, date)).toBe('<2024-01-01>起，长期有效')
    expect(windowText({}, today, t, date)).toBe('长期有效')
  })

  it('the closing day itself is still open', () => {
    expect(windowText({ opens: '2024-01-01', closes: today }, today, t, date)).toBe('<2024-01-01> 至 <2026-11-29>')
  })

  it('today is the calendar day in Asia/Shanghai', () => {
    expect(todayInQujiang(new Date('2026-11-29T16:30:00Z'))).toBe('2026-11-30')
  })
})
