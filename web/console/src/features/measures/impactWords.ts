import type { Impact, ImpactExample } from './types'
import { OUTCOMES, wordKey } from './types'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** A row of the preview's table: an outcome, how many before and after publishing, and the difference signed. */
export interface OutcomeRow {
  outcome: string
  label: string
  before: number
  after: number
  change: string
}

const CHANGES = ['BECOMES_ELIGIBLE', 'LOSES_ELIGIBILITY', 'OUTCOME_CHANGES', 'DETAILS_CHANGE'] as const
const STATUSES = ['PASSED', 'FAILED', 'UNKNOWN'] as const

/** Outcomes that someone has before or after, in the console's order, with the change as +n / −n / 0. */
export function outcomeRows(impact: Impact, t: Translate, formatNumber: (n: number) => string): OutcomeRow[] {
  return (impact.outcomes ?? [])
    .filter((o) => (o.before ?? 0) > 0 || (o.after ?? 0) > 0)
    .sort((a, b) => OUTCOMES.indexOf(a.outcome as never) - OUTCOMES.indexOf(b.outcome as never))
    .map((o) => {
      const before = o.before ?? 0
      const after = o.after ?? 0
      const delta = after - before
      return { outcome: o.outcome ?? '', label: t(wordKey('outcome', o.outcome, OUTCOMES)), before, after,
        change: delta > 0 ? `+${formatNumber(delta)}` : delta < 0 ? `−${formatNumber(-delta)}` : '0' }
    })
}

/**
 * An anonymised example in words: what changes (「不再符合条件」), the outcome before → after, and each criterion
 * whose status changes with the values that explain it (「年龄18至35周岁：符合 → 不符合（年龄：33 岁）」).
 */
export function exampleLines(example: ImpactExample, criterionLabel: (id: string) => string | undefined,
  factWords: (fact: string, value: unknown) => string, t: Translate): { title: string; outcome: string; criteria: string[] } {
  const status = (s: string | null | undefined) => (s ? t(wordKey('criterionStatus', s, STATUSES)) : t('measures.impact.notListed'))
  const outcome = (o: string | null | undefined) => (o ? t(wordKey('outcome', o, OUTCOMES)) : t('measures.impact.notListed'))
  const criteria = (example.criteria ?? []).filter((c) => c.before !== c.after).map((c) => {
    const values = Object.entries(c.values ?? {}).map(([fact, value]) => factWords(fact, value)).join(t('listSeparator'))
    const line = t('measures.impact.criterionLine', { criterion: criterionLabel(c.id ?? '') ?? c.id, before: status(c.before),
      after: status(c.after) })
    return values ? line + t('measures.impact.criterionValues', { values }) : line
  })
  return {
    title: t(wordKey('impact.change', example.change, CHANGES)),
    outcome: t('measures.impact.exampleLine', { before: outcome(example.outcomeBefore), after: outcome(example.outcomeAfter) }),
    criteria,
  }
}
