import type { ReviewDetail } from './useApplication'

/**
 * What the officer must know before deciding, as message keys with values: the applicant no longer meets the
 * conditions, now holds a measure this one cannot be combined with, or their latest details are still being matched.
 */
export interface Warning {
  key: string
  values?: Record<string, string>
  type: 'error' | 'warning' | 'info'
}

export function warnings(detail: ReviewDetail | undefined, separator: string): Warning[] {
  if (!detail || !['SUBMITTED', 'INFO_REQUESTED', 'OFFERED', 'CONFIRMED'].includes(detail.status ?? '')) return []
  const now = detail.eligibilityNow
  if (!now?.result) return [{ key: 'review.warning.noCurrentMatch', type: 'info' }]
  const found: Warning[] = []
  const excludedBy = now.result.excludedBy ?? []
  if (excludedBy.length > 0) {
    found.push({ key: 'review.warning.excluded', type: 'error',
      values: { measures: excludedBy.map((m) => m.title ?? '').join(separator) } })
  }
  const outcome = now.result.outcome
  if (outcome === 'INELIGIBLE' || (outcome === 'EXCLUDED' && excludedBy.length === 0)) {
    found.push({ key: 'review.warning.noLongerEligible', type: 'error' })
  } else if (outcome === 'NEEDS_INFO') {
    found.push({ key: 'review.warning.needsInfo', type: 'warning' })
  } else if (outcome === 'NOT_OPEN') {
    found.push({ key: 'review.warning.notOpen', type: 'warning' })
  }
  if (!now.current) found.push({ key: 'review.warning.matching', type: 'info' })
  return found
}
