import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { exampleLines, outcomeRows } from './impactWords'

const t = i18n.global.t as (key: string, values?: Record<string, unknown>) => string

describe('the impact preview in words', () => {
  it('lists the outcomes someone has, before and after, with the change signed', () => {
    const rows = outcomeRows({ draftVersion: 2, applicants: 10, becomeEligible: 0, loseEligibility: 3, changed: 3, took: 5,
      outcomes: [{ outcome: 'NOT_OPEN', before: 0, after: 0 }, { outcome: 'INELIGIBLE', before: 4, after: 7 },
        { outcome: 'ELIGIBLE', before: 6, after: 3 }], examples: [] }, t, String)
    expect(rows.map((r) => [r.label, r.before, r.after, r.change])).toEqual([
      ['符合条件', 6, 3, '−3'], ['不符合条件', 4, 7, '+3']])
  })

  it('an anonymised example shows the change, the outcomes and only the values that explain it', () => {
    const lines = exampleLines({ change: 'LOSES_ELIGIBILITY', outcomeBefore: 'ELIGIBLE', outcomeAfter: 'INELIGIBLE',
      criteria: [{ id: 'age', before: 'PASSED', after: 'FAILED', values: { age: 33 } },
        { id: 'resident', before: 'PASSED', after: 'PASSED', values: {} }] },
    (id) => ({ age: '年龄18至35周岁' } as Record<string, string>)[id], (fact, value) => `年龄：${value} 岁`, t)
    expect(lines).toEqual({ title: '不再符合条件', outcome: '符合条件 → 不符合条件',
      criteria: ['年龄18至35周岁：符合 → 不符合（年龄：33 岁）'] })
  })

  it('a new measure had no result before', () => {
    const lines = exampleLines({ change: 'BECOMES_ELIGIBLE', outcomeAfter: 'ELIGIBLE', criteria: [] }, () => undefined, String, t)
    expect(lines.outcome).toBe('未列入 → 符合条件')
  })
})
