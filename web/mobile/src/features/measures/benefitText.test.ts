import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { benefitNote, benefitText, type BenefitWords } from './benefitText'

/** The vocabulary's amount patterns as policy-service serves them in Chinese. */
const PATTERNS: Record<string, string> = {
  CNY: '{amount} 元', CNY_PER_MONTH: '每月 {amount} 元', NIGHT: '{amount} 晚', PERCENT: '优惠 {amount}%',
  PLACE: '{amount} 个名额', SESSION: '{amount} 次',
}
const number = (n: number) => new Intl.NumberFormat('zh-CN').format(n)
const amountText = (unit: string, amount: number) => (PATTERNS[unit] ?? '{amount}').replace('{amount}', number(amount))
const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})
const words = (benefit: BenefitWords) => benefitText(benefit, t, amountText, number)

describe('benefitText (zh-CN)', () => {
  it('monthly cash with its months', () => {
    expect(words({ kind: 'MONTHLY_CASH', unit: 'CNY_PER_MONTH', amount: 2000, months: 6 })).toBe('每月 2,000 元，最长 6 个月')
    expect(words({ kind: 'MONTHLY_CASH', unit: 'CNY_PER_MONTH', amount: 400 })).toBe('每月 400 元')
  })

  it('one-off cash, loans, in kind, services', () => {
    expect(words({ kind: 'ONE_OFF_CASH', unit: 'CNY', amount: 10000 })).toBe('一次性 10,000 元')
    expect(words({ kind: 'LOAN', unit: 'CNY', amount: 500000 })).toBe('最高可贷 500,000 元')
    expect(words({ kind: 'IN_KIND', unit: 'NIGHT', amount: 7 })).toBe('免费住宿 7 晚')
    expect(words({ kind: 'IN_KIND', unit: 'PLACE', amount: 1 })).toBe('提供 1 个名额')
    expect(words({ kind: 'IN_KIND', unit: 'CNY', amount: 300 })).toBe('价值 300 元')
    expect(words({ kind: 'SERVICE', unit: 'SESSION', amount: 3 })).toBe('免费 3 次')
  })

  it('discounts in 折, 100 % off as free', () => {
    expect(words({ kind: 'DISCOUNT', unit: 'PERCENT', amount: 50 })).toBe('5 折优惠')
    expect(words({ kind: 'DISCOUNT', unit: 'PERCENT', amount: 30 })).toBe('7 折优惠')
    expect(words({ kind: 'DISCOUNT', unit: 'PERCENT', amount: 25 })).toBe('7.5 折优惠')
    expect(words({ kind: 'DISCOUNT', unit: 'PERCENT', amount: 100 })).toBe('免费')
  })

  it('without a fixed amount: the kind, and the catalogue note to say how much', () => {
    const varies = { kind: 'ONE_OFF_CASH', unit: 'CNY', note: '博士3万元、本科5000元' }
    expect(words(varies)).toBe('一次性补贴')
    expect(benefitNote(varies)).toBe('博士3万元、本科5000元')
    expect(benefitNote({ ...varies, amount: 5000 })).toBeUndefined()
    expect(words({ kind: 'MONTHLY_CASH', unit: 'CNY_PER_MONTH', months: 36 })).toBe('按月发放补贴，最长 36 个月')
    expect(words({ kind: 'LOAN', unit: 'CNY' })).toBe('贷款支持')
  })

  it('never shows a code for an unknown kind or unit', () => {
    expect(words({ kind: 'VOUCHER', unit: 'POINTS', amount: 5 })).toBe('5')
    expect(words({})).toBe('政策支持')
  })
})
