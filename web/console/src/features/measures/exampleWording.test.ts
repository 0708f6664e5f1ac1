import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { exampleVerdict } from './exampleWording'

const t = i18n.global.t as (key: string, values?: Record<string, unknown>) => string
const labels: Record<string, string> = { age: '年龄18至35周岁', 'from-outside': '非衢江户籍' }
const criterion = (id: string) => labels[id]
const fact = (name: string) => ({ age: '年龄', hukou: '户籍' } as Record<string, string>)[name]

describe('worked examples in words', () => {
  it('an agreeing example is green with both outcomes and the amount', () => {
    const verdict = exampleVerdict({ name: 'young', expect: 'ELIGIBLE', expectedAmount: 7, outcome: 'ELIGIBLE', amount: 7,
      agrees: true, criteria: [{ id: 'age', status: 'PASSED' }], missingFacts: [] }, criterion, fact, t)
    expect(verdict).toEqual({ agrees: true, expected: '符合条件（7）', actual: '符合条件（7）', because: undefined })
  })

  it('a disagreeing example is red and says which criterion the rules found not met', () => {
    const verdict = exampleVerdict({ name: 'graduate', expect: 'ELIGIBLE', outcome: 'INELIGIBLE', agrees: false,
      criteria: [{ id: 'age', status: 'FAILED' }, { id: 'from-outside', status: 'PASSED' }], missingFacts: [] }, criterion, fact, t)
    expect(verdict.agrees).toBe(false)
    expect(verdict.expected).toBe('符合条件')
    expect(verdict.actual).toBe('不符合条件')
    expect(verdict.because).toBe('不符合：年龄18至35周岁')
  })

  it('missing facts are named in words, and an unreadable example says so', () => {
    expect(exampleVerdict({ name: 'n', expect: 'INELIGIBLE', outcome: 'NEEDS_INFO', agrees: false,
      criteria: [{ id: 'from-outside', status: 'UNKNOWN' }], missingFacts: ['hukou'] }, criterion, fact, t).because)
      .toBe('缺少资料：户籍')
    const invalid = exampleVerdict({ name: 'x', expect: 'ELIGIBLE', agrees: false, criteria: [], missingFacts: [],
      description: "the example's applicant is invalid: unknown fact 'salary'" }, criterion, fact, t)
    expect(invalid.actual).toBe('示例的申请人情况无法识别')
    expect(invalid.agrees).toBe(false)
  })
})
