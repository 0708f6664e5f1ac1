import { ApiProblem } from '@shared/api/problem'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** What to tell an officer about a failed read: a calm retry for 429/503/offline, the server's words otherwise. */
export function problemText(problem: Error | undefined, t: Translate): string {
  if (!problem) return ''
  if (problem instanceof ApiProblem) {
    if (problem.status === 0) return t('state.offline')
    if (problem.temporary) {
      return problem.retryAfterSeconds ? t('state.busy', { seconds: problem.retryAfterSeconds }) : t('state.busyShort')
    }
    if (problem.status === 404) return t('state.notFound')
    return problem.detail ?? t('state.failed')
  }
  return t('state.failed')
}
