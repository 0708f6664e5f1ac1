import { computed, ref, shallowRef } from 'vue'
import { api, call } from '@/api/client'
import type { components } from '@/api/generated/notification'
import { refreshUnread, setUnread } from './useUnread'

export type InboxEntry = components['schemas']['InboxEntry']

export const PAGE_SIZE = 20

/**
 * The resident's messages, newest first, a page at a time (for <van-list>). Opening an unread message marks it read
 * at once on screen and then on the server; the tab bar badge follows.
 */
export function useInbox(pageSize: number = PAGE_SIZE) {
  const items = ref<InboxEntry[]>([])
  const total = ref(0)
  const unread = ref(0)
  /** A page is being fetched (bound to van-list's v-model:loading). */
  const loading = ref(false)
  /** No more pages. */
  const finished = ref(false)
  /** The first page has been answered (successfully or not). */
  const started = ref(false)
  /** The first page failed: the whole list shows the problem with a retry. */
  const problem = shallowRef<Error>()
  /** A later page failed: van-list offers "tap to retry" at the bottom (v-model:error). */
  const pageFailed = ref(false)
  /** Marking all read failed. */
  const actionProblem = shallowRef<Error>()
  const markingAll = ref(false)
  const expanded = ref<Set<string>>(new Set())
  let nextPage = 0

  async function loadMore(): Promise<void> {
    loading.value = true
    try {
      const page = await call(api().notification.GET('/api/notifications/me', { params: { query: { page: nextPage, size: pageSize } } }))
      const received = page.items ?? []
      // A message that arrived meanwhile shifts the pages by one: skip what is already shown.
      const shown = new Set(items.value.map((entry) => entry.id))
      items.value = [...items.value, ...received.filter((entry) => !shown.has(entry.id))]
      total.value = Number(page.total ?? items.value.length)
      updateUnread(Number(page.unread ?? 0))
      nextPage += 1
      finished.value = received.length < pageSize || items.value.length >= total.value
    } catch (error) {
      if (nextPage === 0) problem.value = error as Error
      else pageFailed.value = true
    } finally {
      loading.value = false
      started.value = true
    }
  }

  /** Starts again from the newest message. */
  async function reload(): Promise<void> {
    items.value = []
    nextPage = 0
    finished.value = false
    started.value = false
    problem.value = undefined
    pageFailed.value = false
    await loadMore()
  }

  function isOpen(entry: InboxEntry): boolean {
    return !!entry.id && expanded.value.has(entry.id)
  }

  /** Expands or collapses a message; the first opening marks it read. */
  async function toggle(entry: InboxEntry): Promise<void> {
    const id = entry.id
    if (!id) return
    const next = new Set(expanded.value)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    expanded.value = next
    if (entry.read) return
    setRead(id, true)
    updateUnread(unread.value - 1)
    try {
      await call(api().notification.POST('/api/notifications/me/{id}/read', { params: { path: { id } } }))
    } catch {
      // Not recorded: keep it unread so that the resident sees it again next time.
      setRead(id, false)
      updateUnread(unread.value + 1)
    }
    void refreshUnread()
  }

  async function markAllRead(): Promise<void> {
    markingAll.value = true
    actionProblem.value = undefined
    try {
      await call(api().notification.POST('/api/notifications/me/read-all'))
      items.value = items.value.map((entry) => ({ ...entry, read: true }))
      updateUnread(0)
    } catch (error) {
      actionProblem.value = error as Error
    } finally {
      markingAll.value = false
    }
    void refreshUnread()
  }

  function setRead(id: string, read: boolean): void {
    items.value = items.value.map((entry) => (entry.id === id ? { ...entry, read } : entry))
  }

  function updateUnread(count: number): void {
    unread.value = Math.max(0, count)
    setUnread(unread.value)
  }

  const empty = computed(() => started.value && !problem.value && items.value.length === 0)
  const firstLoading = computed(() => !started.value)

  return {
    items, total, unread, loading, finished, problem, pageFailed, actionProblem, markingAll, empty, firstLoading,
    loadMore, reload, isOpen, toggle, markAllRead,
  }
}
