import { describe, expect, it } from 'vitest'
import { publishedNotice, rematchPhase } from './rematchNotice'

describe('the notice after publishing', () => {
  const progress = { catalogueRevision: 42, asOf: '2026-11-29', applicants: 12 }

  it('says re-matching while applicants are behind or a run is going, then that it has finished', () => {
    expect(rematchPhase(undefined)).toBe('waiting')
    expect(rematchPhase({ ...progress, upToDate: 3, behind: 9, running: true })).toBe('running')
    expect(rematchPhase({ ...progress, upToDate: 12, behind: 0, running: true })).toBe('running')
    expect(rematchPhase({ ...progress, upToDate: 12, behind: 0, running: false })).toBe('finished')

    expect(publishedNotice(undefined)).toEqual({ key: 'measures.draft.published', values: {}, type: 'info' })
    expect(publishedNotice({ ...progress, upToDate: 3, behind: 9, running: true }).key).toBe('measures.draft.published')
    expect(publishedNotice({ ...progress, upToDate: 12, behind: 0, running: false }))
      .toEqual({ key: 'measures.draft.publishedRematched', values: { total: 12 }, type: 'success' })
  })
})
