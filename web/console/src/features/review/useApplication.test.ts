import { describe, expect, it } from 'vitest'
import { reviewDetail } from '@/test/fixtures'
import { availableDecisions, canEnd } from './useApplication'
import { warnings } from './warnings'

describe('what an officer may do with an application', () => {
  it('offers each decision only where the status allows it', () => {
    expect(availableDecisions(reviewDetail({ status: 'SUBMITTED' }))).toEqual(['APPROVE', 'REJECT', 'REQUEST_INFO'])
    expect(availableDecisions(reviewDetail({ status: 'INFO_REQUESTED' }))).toEqual(['APPROVE', 'REJECT'])
    expect(availableDecisions(reviewDetail({ kind: 'OFFER', status: 'OFFERED' }))).toEqual(['REJECT'])
    for (const status of ['APPROVED', 'REJECTED', 'WITHDRAWN', 'CONFIRMED', 'ENDED'] as const) {
      expect(availableDecisions(reviewDetail({ status }))).toEqual([])
    }
  })

  it('ends only a benefit that is still held', () => {
    expect(canEnd(reviewDetail({ status: 'APPROVED', grant: { held: true } }))).toBe(true)
    expect(canEnd(reviewDetail({ status: 'ENDED', grant: { held: false } }))).toBe(false)
    expect(canEnd(reviewDetail({ status: 'SUBMITTED' }))).toBe(false)
  })
})

describe('warnings before deciding', () => {
  it('none while the applicant still meets the conditions', () => {
    expect(warnings(reviewDetail(), '、')).toEqual([])
  })

  it('says when the applicant no longer meets the conditions', () => {
    const detail = reviewDetail()
    detail.eligibilityNow!.result!.outcome = 'INELIGIBLE'
    expect(warnings(detail, '、').map((w) => w.key)).toEqual(['review.warning.noLongerEligible'])
  })

  it('names the measures held that exclude this one', () => {
    const detail = reviewDetail()
    detail.eligibilityNow!.result!.outcome = 'EXCLUDED'
    detail.eligibilityNow!.result!.excludedBy = [{ measureCode: 'QJY-07', title: '人才购房补贴' }, { measureCode: 'QJY-08', title: '人才公寓' }]
    expect(warnings(detail, '、')).toEqual([{ key: 'review.warning.excluded', type: 'error', values: { measures: '人才购房补贴、人才公寓' } }])
  })

  it('says when the latest details are still being matched, or have no result', () => {
    const matching = reviewDetail()
    matching.eligibilityNow!.current = false
    expect(warnings(matching, '、').map((w) => w.key)).toEqual(['review.warning.matching'])
    expect(warnings(reviewDetail({ eligibilityNow: undefined }), '、').map((w) => w.key)).toEqual(['review.warning.noCurrentMatch'])
  })

  it('nothing to warn about once decided', () => {
    const decided = reviewDetail({ status: 'APPROVED' })
    decided.eligibilityNow!.result!.outcome = 'INELIGIBLE'
    expect(warnings(decided, '、')).toEqual([])
  })
})
