import type { RematchProgress } from './types'

/** How long "re-matching finished" stays on the screen before the notice goes away. */
export const REMATCH_FINISHED_SHOW_MS = 8000

export type RematchPhase = 'waiting' | 'running' | 'finished'

/** Where the re-match after a publish stands: not read yet, applicants still behind or running, or done. */
export function rematchPhase(progress: RematchProgress | undefined): RematchPhase {
  if (!progress) return 'waiting'
  return progress.behind || progress.running ? 'running' : 'finished'
}

/**
 * The notice after publishing, as a message key with its values and the alert's type: "published, re-matching…"
 * while applicants are being matched again, "published, every applicant matched again" once done.
 */
export function publishedNotice(progress: RematchProgress | undefined):
{ key: string; values: Record<string, number>; type: 'info' | 'success' } {
  return rematchPhase(progress) === 'finished'
    ? { key: 'measures.draft.publishedRematched', values: { total: progress?.applicants ?? 0 }, type: 'success' }
    : { key: 'measures.draft.published', values: {}, type: 'info' }
}
