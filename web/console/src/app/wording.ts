/**
 * Codes of the review API as message keys: statuses, kinds and actors are never shown as codes. A code this build
 * does not know (a newer server) reads as "其他状态" rather than as the code.
 */
export const STATUSES = ['SUBMITTED', 'INFO_REQUESTED', 'OFFERED', 'CONFIRMED', 'APPROVED', 'REJECTED', 'WITHDRAWN',
  'DECLINED', 'LAPSED', 'ENDED'] as const
export type Status = (typeof STATUSES)[number]

export function statusKey(status: string | undefined | null): string {
  return STATUSES.includes(status as Status) ? `status.${status}` : 'status.unknown'
}

export function kindKey(kind: string | undefined | null): string {
  return kind === 'OFFER' ? 'kind.OFFER' : 'kind.APPLICATION'
}

export function actorKey(actor: string | undefined | null): string {
  return actor === 'APPLICANT' || actor === 'OFFICER' ? `actor.${actor}` : 'actor.SYSTEM'
}

/** Element Plus tag type of a status: waiting for us = primary, waiting for the applicant = warning, … */
export function statusTagType(status: string | undefined | null): 'primary' | 'success' | 'warning' | 'danger' | 'info' {
  switch (status) {
    case 'SUBMITTED':
    case 'OFFERED': return 'primary'
    case 'APPROVED': return 'success'
    case 'INFO_REQUESTED':
    case 'CONFIRMED': return 'warning'
    case 'REJECTED': return 'danger'
    default: return 'info'
  }
}
