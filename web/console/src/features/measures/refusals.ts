import { ApiProblem } from '@shared/api/problem'
import { problemText } from '@/app/problemText'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** The refusals of the four-eyes workflow that the console explains in its own words. */
export const REFUSALS = ['AUTHOR_CANNOT_APPROVE', 'ALREADY_APPROVED', 'STALE_VERSION', 'EXAMPLES_DISAGREE',
  'DRAFT_NOT_APPROVED', 'EXCLUSION_ONE_SIDED'] as const

/** What to tell the officer about a refused step: our words for the workflow's refusals, the server's otherwise. */
export function refusalText(problem: Error | undefined, t: Translate): string {
  if (problem instanceof ApiProblem && (REFUSALS as readonly string[]).includes(problem.code)) {
    return t(`measures.refusal.${problem.code}`)
  }
  return problemText(problem, t)
}
