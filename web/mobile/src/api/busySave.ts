import { ApiProblem } from './problem'
import { formatTime } from '@/i18n/format'

/** A message key with its values, for `t(key, params)`. */
export interface Wording {
  key: string
  params?: Record<string, string | number>
}

/**
 * A save the service turned away because it is busy (503 or 429): the resident is told that nothing was saved and
 * when to send it again (the server's Retry-After as a clock time and in seconds). Saves are not resubmitted behind
 * the resident's back (see `politeRetry`). Undefined for any other failure.
 */
export function busySave(error: unknown, now: Date = new Date()): Wording | undefined {
  if (!(error instanceof ApiProblem) || error.status === 0 || !error.temporary) return undefined
  const seconds = error.retryAfterSeconds
  if (!seconds) return { key: 'state.busySaveShort' }
  return { key: 'state.busySave', params: { seconds, time: formatTime(new Date(now.getTime() + seconds * 1000)) } }
}

/**
 * A failure that says nothing about what the resident entered and passes by itself — no connection, or a busy
 * service — in words; undefined for any other failure. Screens show it calmly (amber, not the red of a mistake):
 * there is nothing to correct, only to send again later.
 */
export function temporaryWording(error: unknown, now: Date = new Date()): Wording | undefined {
  if (error instanceof ApiProblem && error.status === 0) return { key: 'state.offline' }
  return busySave(error, now)
}
