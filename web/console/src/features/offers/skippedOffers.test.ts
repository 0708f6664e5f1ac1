import { describe, expect, it } from 'vitest'
import { queuePage } from '@/test/fixtures'
import { skippedLines } from './skippedOffers'

describe('offers a bulk step left alone', () => {
  const page = queuePage().items ?? []

  it('names whose offer it was, which measure, and why, in words an officer can act on', () => {
    expect(skippedLines([{ id: 'o1', status: 'CONFIRMED' }], page)).toEqual([
      { id: 'o1', applicant: '王*', measure: '体育场馆青年优惠', why: { key: 'offers.why.confirmed' } }])
    expect(skippedLines([{ id: 'o1', status: 'OFFERED', claimedBy: 'hr2' }], page)[0].why)
      .toEqual({ key: 'offers.why.claimed', values: { name: 'hr2' } })
    expect(skippedLines([{ id: 'o1', status: 'DECLINED' }], page)[0].why.key).toBe('offers.why.declined')
    expect(skippedLines([{ id: 'o1', status: 'LAPSED' }], page)[0].why.key).toBe('offers.why.lapsed')
    expect(skippedLines([{ id: 'o1', status: 'REJECTED' }], page)[0].why.key).toBe('offers.why.rejected')
  })

  it('an offer that is gone, or not on the page any more, is still listed', () => {
    expect(skippedLines([{ id: 'x9' }], page)).toEqual([{ id: 'x9', applicant: '', measure: '', why: { key: 'offers.why.gone' } }])
  })

  it('a status this build does not know is named by its word, not its code', () => {
    expect(skippedLines([{ id: 'o1', status: 'WITHDRAWN' }], page)[0].why)
      .toEqual({ key: 'offers.why.other', values: { status: 'status.WITHDRAWN' } })
  })
})
