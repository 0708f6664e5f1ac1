import type { ReviewDetail } from './useApplication'

type Step = NonNullable<ReviewDetail['transitions']>[number]
type Disclosure = NonNullable<ReviewDetail['identityDisclosures']>[number]

export type TimelineEntry =
  | { kind: 'step'; at?: string; step: Step }
  | { kind: 'identity'; at?: string; byName?: string }

/** The history as one list by time: the status steps and the audited identity disclosures between them. */
export function timeline(steps: ReviewDetail['transitions'], disclosures: ReviewDetail['identityDisclosures']): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...(steps ?? []).map((step): TimelineEntry => ({ kind: 'step', at: step.at, step })),
    ...(disclosures ?? []).map((d: Disclosure): TimelineEntry => ({ kind: 'identity', at: d.at, byName: d.byName })),
  ]
  // a stable sort: steps at the same instant keep the server's order
  return entries.sort((a, b) => Date.parse(a.at ?? '') - Date.parse(b.at ?? ''))
}
