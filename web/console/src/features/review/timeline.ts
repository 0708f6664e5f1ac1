import { statusKey } from '@/app/wording'
import type { ReviewDetail } from './useApplication'

type Step = NonNullable<ReviewDetail['transitions']>[number]
type Disclosure = NonNullable<ReviewDetail['identityDisclosures']>[number]
type Handover = NonNullable<ReviewDetail['handovers']>[number]

export type TimelineEntry =
  | { kind: 'step'; at?: string; step: Step }
  | { kind: 'identity'; at?: string; byName?: string }
  | { kind: 'handover'; at?: string; byName?: string; toName?: string }

/**
 * The history as one list by time: the status steps, and between them the audited identity disclosures and the
 * handovers from one officer to another.
 */
export function timeline(steps: ReviewDetail['transitions'], disclosures: ReviewDetail['identityDisclosures'],
  handovers?: ReviewDetail['handovers']): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...(steps ?? []).map((step): TimelineEntry => ({ kind: 'step', at: step.at, step })),
    ...(disclosures ?? []).map((d: Disclosure): TimelineEntry => ({ kind: 'identity', at: d.at, byName: d.byName })),
    ...(handovers ?? []).map((h: Handover): TimelineEntry => ({ kind: 'handover', at: h.at, byName: h.byName, toName: h.toName })),
  ]
  // a stable sort: steps at the same instant keep the server's order
  return entries.sort((a, b) => Date.parse(a.at ?? '') - Date.parse(b.at ?? ''))
}

/** What a step did, as a message key: applied, resubmitted after a request for documents, or the status it reached. */
export function stepKey(step: Pick<Step, 'from' | 'to'>): string {
  if (!step.from) return 'review.timeline.submitted'
  if (step.from === 'INFO_REQUESTED' && step.to === 'SUBMITTED') return 'review.timeline.resubmitted'
  return statusKey(step.to)
}
