import { ApiProblem } from '@/api/problem'

/**
 * Why an application was not accepted, in words. 409 APPLICATION_REFUSED carries `reasons` (codes); each known code
 * has a sentence under `measures.refusal`, an unknown one the generic sentence. Codes never reach the screen.
 */
export const REFUSAL_REASONS = [
  'MEASURE_UNKNOWN', 'AUTO_GRANT_ONLY', 'WINDOW_CLOSED', 'NOT_ELIGIBLE', 'MATCH_PENDING', 'ALREADY_HELD',
  'EXCLUDED_BY_HELD', 'ALREADY_OPEN', 'DOCUMENTS_MISSING',
] as const

export type ApplyFailure =
  | { kind: 'refused'; reasons: string[] }
  | { kind: 'profileRequired' }
  | { kind: 'other'; problem: Error }

export function refusalKey(reason: string): string {
  return (REFUSAL_REASONS as readonly string[]).includes(reason) ? `measures.refusal.${reason}` : 'measures.refusal.other'
}

/** The message keys of a refusal, one per distinct reason (generic when the server gave none). */
export function refusalKeys(reasons: readonly unknown[] | undefined): string[] {
  const keys = (reasons ?? []).filter((r): r is string => typeof r === 'string').map(refusalKey)
  const unique = [...new Set(keys)]
  return unique.length > 0 ? unique : ['measures.refusal.other']
}

export function applyFailure(error: unknown): ApplyFailure {
  if (error instanceof ApiProblem && error.status === 409) {
    if (error.code === 'APPLICATION_REFUSED') {
      const reasons = Array.isArray(error.body.reasons) ? (error.body.reasons as unknown[]) : []
      return { kind: 'refused', reasons: reasons.filter((r): r is string => typeof r === 'string') }
    }
    if (error.code === 'PROFILE_REQUIRED') return { kind: 'profileRequired' }
  }
  return { kind: 'other', problem: error instanceof Error ? error : new Error(String(error)) }
}
