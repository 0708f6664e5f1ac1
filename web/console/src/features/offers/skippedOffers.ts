import type { components } from '@/api/generated/talent'
import { statusKey } from '@/app/wording'
import type { QueueItem } from '@/features/queue/useQueue'

export type SkippedOffer = components['schemas']['SkippedOffer']

/** An offer a bulk step left alone, as the officer reads it: whose, which measure, and why (a message key). */
export interface SkippedLine {
  id: string
  applicant: string
  measure: string
  why: { key: string; values?: Record<string, string> }
}

/**
 * Why an offer was left alone, in words: a colleague holds it, it no longer exists, or what it has become meanwhile
 * (a colleague confirmed or rejected it, the applicant declined or accepted, it lapsed). {@code before}: the offers
 * as they were on the page when the officer sent the step (the page reloads afterwards).
 */
export function skippedLines(skipped: SkippedOffer[], before: QueueItem[]): SkippedLine[] {
  return skipped.map((offer) => {
    const item = before.find((candidate) => candidate.id === offer.id)
    return { id: offer.id ?? '', applicant: item?.applicantName ?? '', measure: item?.measureTitle ?? '', why: why(offer) }
  })
}

function why(offer: SkippedOffer): SkippedLine['why'] {
  if (offer.claimedBy) return { key: 'offers.why.claimed', values: { name: offer.claimedBy } }
  switch (offer.status) {
    case undefined:
    case null: return { key: 'offers.why.gone' }
    case 'CONFIRMED': return { key: 'offers.why.confirmed' }
    case 'REJECTED': return { key: 'offers.why.rejected' }
    case 'DECLINED': return { key: 'offers.why.declined' }
    case 'LAPSED': return { key: 'offers.why.lapsed' }
    case 'APPROVED': return { key: 'offers.why.accepted' }
    default: return { key: 'offers.why.other', values: { status: statusKey(offer.status) } }
  }
}
