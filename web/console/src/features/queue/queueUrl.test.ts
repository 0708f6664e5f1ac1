import { describe, expect, it } from 'vitest'
import { defaultFilters, filtersFromQuery, queryFromFilters } from './queueUrl'

describe('the queue in the address bar', () => {
  it('writes only what differs from the defaults, and a bare /queue reads as the defaults', () => {
    expect(queryFromFilters(defaultFilters())).toEqual({})
    expect(filtersFromQuery({})).toEqual(defaultFilters())
  })

  it('reads back exactly what it wrote', () => {
    const filters = { status: 'INFO_REQUESTED' as const, measure: 'QJY-05', overdueOnly: true, dueWithin: 3, mine: true,
      latestFirst: true, page: 4 }
    const query = queryFromFilters(filters)
    expect(query).toEqual({ status: 'INFO_REQUESTED', measure: 'QJY-05', due: '3', overdue: '1', mine: '1', sort: 'latest', page: '4' })
    expect(filtersFromQuery(query as Record<string, string>)).toEqual(filters)
  })

  it('keeps "due today" (0 working days) and leaves out a cleared field', () => {
    expect(queryFromFilters({ ...defaultFilters(), dueWithin: 0 })).toEqual({ due: '0' })
    expect(filtersFromQuery({ due: '0' }).dueWithin).toBe(0)
    expect(queryFromFilters({ ...defaultFilters(), measure: '', dueWithin: undefined })).toEqual({})
  })

  it('falls back to each default on a value it cannot read, keeping the readable ones', () => {
    const read = filtersFromQuery({ status: 'BOGUS', measure: '<script>', due: '61', overdue: 'yes', mine: 'true',
      sort: 'sideways', page: '0' })
    expect(read).toEqual(defaultFilters())
    expect(filtersFromQuery({ page: 'abc', status: 'APPROVED' })).toEqual({ ...defaultFilters(), status: 'APPROVED' })
    expect(filtersFromQuery({ page: '-2' }).page).toBe(1)
    expect(filtersFromQuery({ page: '99999' }).page).toBe(1)
    expect(filtersFromQuery({ due: '2.5' }).dueWithin).toBeUndefined()
  })

  it('takes the first of a repeated parameter', () => {
    expect(filtersFromQuery({ status: ['OFFERED', 'SUBMITTED'], page: ['2', '3'] })).toMatchObject({ status: 'OFFERED', page: 2 })
  })
})
