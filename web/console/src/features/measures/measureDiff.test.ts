import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { measureDiff } from './measureDiff'
import { diffValueText, type DiffContext } from './diffWords'
import { FACTS, station } from './fixtures'

const t = i18n.global.t as DiffContext['t']
const context: DiffContext = {
  t, formatDate: (iso) => `D(${iso})`, formatNumber: (n) => `N(${n})`,
  measureTitle: (code) => ({ 'QJY-05': '高校毕业生租房补贴' } as Record<string, string>)[code],
  factLabel: (fact) => FACTS.find((f) => f.name === fact)?.label ?? undefined,
  factValue: (fact, value) => FACTS.find((f) => f.name === fact)?.values?.find((v) => v.value === value)?.label ?? `${value} 岁`,
}

describe('the diff of a draft against the published version', () => {
  it('lists only the fields that differ, a reworded rule as one changed rule', () => {
    const draft = station({ quota: 200 })
    draft.criteria![0] = { ...draft.criteria![0], expr: 'applicant.age >= 18 && applicant.age <= 30' }

    const rows = measureDiff(station(), draft)

    expect(rows.map((r) => [r.key, r.change])).toEqual([['quota', 'added'], ['criteria.age.expr', 'changed']])
    expect(t(rows[1].label, rows[1].params ?? {})).toBe('条件“年龄18至35周岁”的规则')
    expect(rows[1].before).toBe('applicant.age >= 18 && applicant.age <= 35')
    expect(rows[1].after).toBe('applicant.age >= 18 && applicant.age <= 30')
  })

  it('shows no difference for an unchanged draft', () => {
    expect(measureDiff(station(), station())).toEqual([])
  })

  it('names added and removed criteria and examples, and a new measure states everything', () => {
    const draft = station()
    draft.criteria = [draft.criteria![1], { id: 'insured', expr: 'applicant.socialInsuranceMonthsInQujiang >= 3',
      label: { zh: '缴纳社保满3个月' }, hint: {} }]
    draft.examples = [...draft.examples!, { name: 'insured', applicant: { age: 30 }, expect: 'NEEDS_INFO' }]

    const rows = measureDiff(station(), draft)

    expect(rows.filter((r) => r.key.startsWith('criteria.age.')).every((r) => r.change === 'removed')).toBe(true)
    expect(rows.find((r) => r.key === 'criteria.insured.expr')?.change).toBe('added')
    expect(rows.find((r) => r.key === 'examples.insured.expect')?.after).toBe('NEEDS_INFO')
    expect(measureDiff(undefined, station()).every((r) => r.change === 'added')).toBe(true)
  })

  it('renders each side in words: categories, terms, dates, outcomes, exclusions and example facts', () => {
    const draft = station({ category: 'HOUSING', grant: { term: 'CALENDAR_YEAR' }, window: { opens: '2024-01-01', closes: '2026-12-31' },
      excludes: ['QJY-05'] })
    draft.examples![1] = { ...draft.examples![1], expect: 'NEEDS_INFO' }
    const rows = Object.fromEntries(measureDiff(station(), draft).map((r) => [r.key, r]))
    const words = (key: string, side: 'before' | 'after') => diffValueText(rows[key].kind, rows[key][side], context)

    expect(words('category', 'before')).toBe('就业')
    expect(words('category', 'after')).toBe('安居')
    expect(words('grant.term', 'after')).toBe('按自然年')
    expect(words('window.closes', 'before')).toBe('（无）')
    expect(words('window.closes', 'after')).toBe('D(2026-12-31)')
    expect(words('excludes', 'after')).toBe('QJY-05 高校毕业生租房补贴')
    expect(words('examples.too old.expect', 'before')).toBe('不符合条件')
    expect(words('examples.too old.expect', 'after')).toBe('资料不全')
    expect(diffValueText('facts', { age: 36, hukou: 'OUT_OF_PROVINCE' }, context)).toBe('年龄：36 岁、户籍：浙江省外')
  })
})
