import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '@/api/problem'
import { useInbox, type InboxEntry } from './useInbox'

const mocks = vi.hoisted(() => ({ GET: vi.fn(), POST: vi.fn(), refreshUnread: vi.fn(), setUnread: vi.fn() }))
vi.mock('@/api/client', () => ({
  api: () => ({ notification: { GET: mocks.GET, POST: mocks.POST } }),
  call: (request: Promise<unknown>) => request,
}))
vi.mock('./useUnread', () => ({ refreshUnread: mocks.refreshUnread, setUnread: mocks.setUnread }))

const entry = (id: number, read = false): InboxEntry =>
  ({ id: `m${id}`, kind: 'NEWLY_ELIGIBLE', category: 'MATCH', title: `标题${id}`, body: `正文${id}`, createdAt: '2026-11-29T07:03:48Z', read })

function page(ids: number[], total: number, unread: number, read = false) {
  return { items: ids.map((id) => entry(id, read)), page: 0, size: 2, total, unread }
}

beforeEach(() => {
  vi.resetAllMocks()
  mocks.POST.mockResolvedValue(undefined)
})

describe('paging', () => {
  it('asks for one page after the other and stops at the total', async () => {
    mocks.GET.mockResolvedValueOnce(page([5, 4], 3, 2)).mockResolvedValueOnce(page([3], 3, 2))
    const inbox = useInbox(2)
    await inbox.reload()
    expect(mocks.GET).toHaveBeenLastCalledWith('/api/notifications/me', { params: { query: { page: 0, size: 2 } } })
    expect(inbox.items.value.map((e) => e.id)).toEqual(['m5', 'm4'])
    expect(inbox.finished.value).toBe(false)
    expect(inbox.unread.value).toBe(2)
    expect(mocks.setUnread).toHaveBeenLastCalledWith(2)

    await inbox.loadMore()
    expect(mocks.GET).toHaveBeenLastCalledWith('/api/notifications/me', { params: { query: { page: 1, size: 2 } } })
    expect(inbox.items.value.map((e) => e.id)).toEqual(['m5', 'm4', 'm3'])
    expect(inbox.finished.value).toBe(true)
    expect(inbox.loading.value).toBe(false)
  })

  it('does not show a message twice when a new one arrived between two pages', async () => {
    mocks.GET.mockResolvedValueOnce(page([5, 4], 4, 0)).mockResolvedValueOnce(page([4, 3], 5, 0)).mockResolvedValueOnce(page([2], 5, 0))
    const inbox = useInbox(2)
    await inbox.reload()
    await inbox.loadMore()
    await inbox.loadMore()
    expect(inbox.items.value.map((e) => e.id)).toEqual(['m5', 'm4', 'm3', 'm2'])
  })

  it('says "no messages" only after the first page came back empty', async () => {
    mocks.GET.mockResolvedValueOnce(page([], 0, 0))
    const inbox = useInbox(2)
    expect(inbox.firstLoading.value).toBe(true)
    expect(inbox.empty.value).toBe(false)
    await inbox.reload()
    expect(inbox.empty.value).toBe(true)
    expect(inbox.finished.value).toBe(true)
  })

  it('shows a failed first page as a problem, a failed later page as "tap to retry"', async () => {
    mocks.GET.mockRejectedValueOnce(new ApiProblem(503, 'UNAVAILABLE', undefined))
    const inbox = useInbox(2)
    await inbox.reload()
    expect(inbox.problem.value).toBeInstanceOf(ApiProblem)
    expect(inbox.empty.value).toBe(false)

    mocks.GET.mockResolvedValueOnce(page([5, 4], 4, 0)).mockRejectedValueOnce(new ApiProblem(0, 'NETWORK', undefined))
    await inbox.reload()
    expect(inbox.problem.value).toBeUndefined()
    await inbox.loadMore()
    expect(inbox.pageFailed.value).toBe(true)
    expect(inbox.items.value).toHaveLength(2)

    // van-list clears the error and asks again: the same page is fetched.
    inbox.pageFailed.value = false
    mocks.GET.mockResolvedValueOnce(page([3, 2], 4, 0))
    await inbox.loadMore()
    expect(mocks.GET).toHaveBeenLastCalledWith('/api/notifications/me', { params: { query: { page: 1, size: 2 } } })
    expect(inbox.items.value).toHaveLength(4)
  })
})

describe('reading', () => {
  it('marks an unread message read when it is opened, once, and refreshes the badge', async () => {
    mocks.GET.mockResolvedValueOnce(page([5, 4], 2, 2))
    const inbox = useInbox(2)
    await inbox.reload()
    await inbox.toggle(inbox.items.value[0]!)
    expect(mocks.POST).toHaveBeenCalledWith('/api/notifications/me/{id}/read', { params: { path: { id: 'm5' } } })
    expect(inbox.isOpen(inbox.items.value[0]!)).toBe(true)
    expect(inbox.items.value[0]!.read).toBe(true)
    expect(inbox.unread.value).toBe(1)
    expect(mocks.setUnread).toHaveBeenLastCalledWith(1)
    expect(mocks.refreshUnread).toHaveBeenCalled()

    await inbox.toggle(inbox.items.value[0]!) // collapse
    await inbox.toggle(inbox.items.value[0]!) // open again
    expect(mocks.POST).toHaveBeenCalledTimes(1)
    expect(inbox.unread.value).toBe(1)
  })

  it('keeps a message unread when the server did not record the reading', async () => {
    mocks.GET.mockResolvedValueOnce(page([5], 1, 1))
    mocks.POST.mockRejectedValueOnce(new ApiProblem(503, 'UNAVAILABLE', undefined))
    const inbox = useInbox(2)
    await inbox.reload()
    await inbox.toggle(inbox.items.value[0]!)
    expect(inbox.items.value[0]!.read).toBe(false)
    expect(inbox.unread.value).toBe(1)
    expect(inbox.isOpen(inbox.items.value[0]!)).toBe(true)
  })

  it('marks everything read', async () => {
    mocks.GET.mockResolvedValueOnce(page([5, 4], 3, 3))
    const inbox = useInbox(2)
    await inbox.reload()
    await inbox.markAllRead()
    expect(mocks.POST).toHaveBeenCalledWith('/api/notifications/me/read-all')
    expect(inbox.items.value.every((e) => e.read)).toBe(true)
    expect(inbox.unread.value).toBe(0)
    expect(mocks.setUnread).toHaveBeenLastCalledWith(0)
    expect(inbox.markingAll.value).toBe(false)
  })

  it('leaves the messages as they were when marking everything read fails', async () => {
    mocks.GET.mockResolvedValueOnce(page([5, 4], 2, 2))
    mocks.POST.mockRejectedValueOnce(new ApiProblem(503, 'UNAVAILABLE', undefined))
    const inbox = useInbox(2)
    await inbox.reload()
    await inbox.markAllRead()
    expect(inbox.actionProblem.value).toBeInstanceOf(ApiProblem)
    expect(inbox.items.value.some((e) => e.read)).toBe(false)
    expect(inbox.unread.value).toBe(2)
  })
})
