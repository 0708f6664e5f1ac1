import { describe, expect, it } from 'vitest'
import { stepKey } from './timeline'

describe('the history in words', () => {
  it('says applied, resubmitted after a request for documents, or the status reached', () => {
    expect(stepKey({ to: 'SUBMITTED' })).toBe('review.timeline.submitted')
    expect(stepKey({ from: 'INFO_REQUESTED', to: 'SUBMITTED' })).toBe('review.timeline.resubmitted')
    expect(stepKey({ from: 'SUBMITTED', to: 'INFO_REQUESTED' })).toBe('status.INFO_REQUESTED')
  })
})
