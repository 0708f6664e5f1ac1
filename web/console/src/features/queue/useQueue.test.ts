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

  it('shows what the address says: what waits for an officer by default, soonest due first, page by page', async () => {
    const queue = useQueue(vi.fn())
    await queue.show({})
    expect(talentGet).toHaveBeenLastCalledWith('/api/talent/review/applications', { params: { query: {
      status: undefined, measure: undefined, overdue: undefined, dueWithin: undefined, mine: undefined, sort: 'dueDate',
      page: 0, size: 20,
    } } })
    await queue.show({ page: '3', mine: '1' })
    expect(talentGet.mock.lastCall?.[1].params.query).toMatchObject({ page: 2, mine: true })
  })

  it('a new filter or sort order goes to the address, starting again at the first page', async () => {
    const navigate = vi.fn()
    const queue = useQueue(navigate)
    await queue.show({ page: '2' })
    queue.filters.measure = 'QJY-05'
    queue.filters.dueWithin = 3
    queue.filters.overdueOnly = true
    queue.refilter()
    expect(navigate).toHaveBeenLastCalledWith({ measure: 'QJY-05', due: '3', overdue: '1' })
    queue.goToPage(2)
    expect(navigate).toHaveBeenLastCalledWith({ measure: 'QJY-05', due: '3', overdue: '1', page: '2' })
    queue.sortByDue(true)
    expect(navigate).toHaveBeenLastCalledWith({ measure: 'QJY-05', due: '3', overdue: '1', sort: 'latest' })
    queue.reset()
    expect(navigate).toHaveBeenLastCalledWith({})
    expect(talentGet).toHaveBeenCalledTimes(1)
  })

  it('counts each status, and what waits as to-review plus to-confirm', () => {
    expect(countOf(queuePage(), 'waiting')).toBe(3)
    expect(countOf(queuePage(), 'SUBMITTED')).toBe(2)
    expect(countOf(queuePage(), 'REJECTED')).toBe(0)
    expect(countOf(undefined, 'waiting')).toBe(0)
  })

  it('a status filter asks for that status only; no filter for "all to do"', () => {
    const base = { measure: undefined, overdueOnly: false, dueWithin: undefined, mine: false, latestFirst: false, page: 1 }
    expect(queueQuery({ ...base, status: 'INFO_REQUESTED' }).status).toBe('INFO_REQUESTED')
    expect(queueQuery({ ...base, status: 'waiting' }).status).toBeUndefined()
  })
})
