import { beforeEach, describe, expect, it, vi } from 'vitest'
import { queuePage } from '@/test/fixtures'

const talentGet = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ talent: { GET: talentGet } }),
  call: (request: Promise<unknown>) => request,
}))

const { countOf, queueQuery, useQueue } = await import('./useQueue')

describe('review queue', () => {
  beforeEach(() => {
    talentGet.mockReset()
    talentGet.mockResolvedValue(queuePage())
  })

  it('asks for what waits for an officer, soonest due first, page by page', async () => {
    const queue = useQueue()
    await queue.reset()
    expect(talentGet).toHaveBeenLastCalledWith('/api/talent/review/applications', { params: { query: {
      status: undefined, measure: undefined, overdue: undefined, dueWithin: undefined, sort: 'dueDate', page: 0, size: 20,
    } } })
    await queue.goToPage(3)
    expect(talentGet.mock.lastCall?.[1].params.query.page).toBe(2)
  })

  it('a new filter or sort order starts again at the first page', async () => {
    const queue = useQueue()
    await queue.goToPage(2)
    queue.filters.measure = 'QJY-05'
    queue.filters.dueWithin = 3
    queue.filters.overdueOnly = true
    await queue.refilter()
    expect(talentGet.mock.lastCall?.[1].params.query).toMatchObject({ measure: 'QJY-05', dueWithin: 3, overdue: true, page: 0 })
    await queue.goToPage(2)
    await queue.sortByDue(true)
    expect(talentGet.mock.lastCall?.[1].params.query).toMatchObject({ sort: '-dueDate', page: 0 })
    await queue.reset()
  })

  it('counts each status, and what waits as to-review plus to-confirm', () => {
    expect(countOf(queuePage(), 'waiting')).toBe(3)
    expect(countOf(queuePage(), 'SUBMITTED')).toBe(2)
    expect(countOf(queuePage(), 'REJECTED')).toBe(0)
    expect(countOf(undefined, 'waiting')).toBe(0)
  })

  it('a status filter asks for that status only; no filter for "all to do"', () => {
    const base = { measure: undefined, overdueOnly: false, dueWithin: undefined, latestFirst: false, page: 1 }
    expect(queueQuery({ ...base, status: 'INFO_REQUESTED' }).status).toBe('INFO_REQUESTED')
    expect(queueQuery({ ...base, status: 'waiting' }).status).toBeUndefined()
  })
})
