import type { ExampleResult } from './types'
import { OUTCOMES, wordKey } from './types'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** A worked example's verdict as the editor shows it: green or red, the expected and the actual outcome in words. */
export interface ExampleVerdict {
  agrees: boolean
  expected: string
  actual: string
  /** Why the rules decided so: the criteria not met, or the facts missing. */
  because?: string
}

function outcomeWords(outcome: string | undefined | null, amount: number | undefined | null, t: Translate): string {
  const words = t(wordKey('outcome', outcome, OUTCOMES))
  return outcome === 'ELIGIBLE' && amount !== undefined && amount !== null
    ? t('measures.example.withAmount', { outcome: words, amount }) : words
}

/**
 * `criterionLabel` gives a criterion's words by id (from the editor's own criteria), `factLabel` a fact's (from the
 * vocabulary); an unknown one stays as its id, as the officer typed it.
 */
export function exampleVerdict(example: ExampleResult, criterionLabel: (id: string) => string | undefined,
  factLabel: (fact: string) => string | undefined, t: Translate): ExampleVerdict {
  const expected = outcomeWords(example.expect, example.expectedAmount, t)
  if (!example.outcome) {
    return { agrees: false, expected, actual: t('measures.example.invalid'), because: example.description ?? undefined }
  }
  const actual = outcomeWords(example.outcome, example.amount, t)
  const separator = t('listSeparator')
  const failed = (example.criteria ?? []).filter((c) => c.status === 'FAILED').map((c) => criterionLabel(c.id ?? '') ?? c.id)
  const missing = (example.missingFacts ?? []).map((fact) => factLabel(fact) ?? fact)
  const because = failed.length ? t('measures.example.failed', { criteria: failed.join(separator) })
    : missing.length ? t('measures.example.missing', { facts: missing.join(separator) }) : undefined
  return { agrees: example.agrees ?? false, expected, actual, because }
}
