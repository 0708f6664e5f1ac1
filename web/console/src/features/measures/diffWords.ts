import type { Value, ValueKind } from './measureDiff'
import { OUTCOMES, wordKey } from './types'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** What the diff needs from the screen to put a value in words. */
export interface DiffContext {
  t: Translate
  formatDate: (iso: string) => string
  formatNumber: (n: number) => string
  measureTitle: (code: string) => string | undefined
  factLabel: (fact: string) => string | undefined
  factValue: (fact: string, value: unknown) => string
}

const CATEGORIES = ['EMPLOYMENT', 'ENTREPRENEURSHIP', 'HOUSING', 'LIVING', 'GROWTH', 'LEISURE'] as const
const MODES = ['APPLY', 'AUTO_GRANT'] as const
const TERMS = ['ONE_OFF', 'MONTHS', 'CALENDAR_YEAR', 'BATCH'] as const

/**
 * One side of a diff row in words: codes of categories, modes, terms and outcomes as the console says them, dates
 * and numbers by locale, excluded measures by title, an example's applicant as 「年龄：24 岁」; rules stay code.
 */
export function diffValueText(kind: ValueKind, value: Value, context: DiffContext): string {
  const { t } = context
  if (value === undefined) return t('measures.diff.empty')
  switch (kind) {
    case 'date': return context.formatDate(String(value))
    case 'number': return context.formatNumber(Number(value))
    case 'category': return t(wordKey('category', String(value), CATEGORIES))
    case 'mode': return t(wordKey('mode', String(value), MODES))
    case 'term': return t(wordKey('term', String(value), TERMS))
    case 'outcome': return t(wordKey('outcome', String(value), OUTCOMES))
    case 'measures': return (value as string[]).map((code) => `${code} ${context.measureTitle(code) ?? ''}`.trim())
      .join(t('listSeparator'))
    case 'facts': return Object.entries(value as Record<string, unknown>)
      .map(([fact, raw]) => t('measures.diff.factPair', { fact: context.factLabel(fact) ?? fact,
        value: context.factValue(fact, raw) }))
      .join(t('listSeparator'))
    default: return String(value)
  }
}
