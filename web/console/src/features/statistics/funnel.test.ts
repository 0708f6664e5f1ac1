import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { amountsText, funnelSteps, funnelText, medianText, rate } from './funnel'

const t = (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {})
const number = (n: number) => new Intl.NumberFormat('zh-CN').format(n)

describe('the funnel in words', () => {
  it('rates applications against the eligible and approvals against the decisions taken', () => {
    expect(funnelSteps({ eligible: 1520, applied: 310, approved: 240, rejected: 30 })).toEqual([
      { key: 'eligible', count: 1520 },
      { key: 'applied', count: 310, rate: 20 },
      { key: 'approved', count: 240, rate: 89 },
    ])
  })

  it('gives no rate rather than 0 % or infinity when there is nothing to rate against', () => {
    expect(rate(3, 0)).toBeUndefined()
    expect(funnelSteps({ eligible: 0, applied: 2, approved: 0, rejected: 0 }).map((step) => step.rate))
      .toEqual([undefined, undefined, undefined])
  })

  it('reads as a sentence an official understands', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(funnelText({ eligible: 1520, applied: 310, approved: 240, rejected: 30 }, t, number))
      .toBe('目前符合条件 1,520 人 → 已申请 310 件（相当于符合条件人数的 20%） → 已通过 240 件（占已审结的 89%）')
    expect(funnelText({ eligible: 0, applied: 0, approved: 0, rejected: 0 }, t, number))
      .toBe('目前符合条件 0 人 → 已申请 0 件 → 已通过 0 件')
    expect(medianText(2.5, t, number)).toBe('2.5 个工作日')
    expect(medianText(null, t, number)).toBe('—')
    expect(amountsText([{ amountText: '每月 3,000 元' }, { amountText: '12 晚' }], t)).toBe('每月 3,000 元、12 晚')
    expect(amountsText([], t)).toBe('—')
  })

  it('in English too', () => {
    i18n.global.locale.value = 'en'
    expect(funnelText({ eligible: 10, applied: 5, approved: 1, rejected: 1 }, t, number))
      .toBe('Eligible today 10 → applied 5 (50% of those eligible) → approved 1 (50% of the decisions)')
    i18n.global.locale.value = 'zh-CN'
  })
})
