import { computed, reactive } from 'vue'
import type { components } from '@/api/generated/talent'
import { api, call } from '@/api/client'
import { useLoad } from '@shared/app/useLoad'
import type { Status } from '@/app/wording'

export type QueuePage = components['schemas']['QueuePage']
export type QueueItem = components['schemas']['QueueItem']

/** "waiting" = what waits for an officer (to review, offers to confirm): the server's default. */
export type StatusFilter = Status | 'waiting'

/** The status buttons above the queue, in the order an officer works through them. */
export const STATUS_FILTERS: StatusFilter[] = ['waiting', 'SUBMITTED', 'INFO_REQUESTED', 'OFFERED', 'CONFIRMED',
  'APPROVED', 'REJECTED', 'ENDED']

export const PAGE_SIZE = 20

export interface QueueFilters {
  status: StatusFilter
  measure: string | undefined
  overdueOnly: boolean
  /** Due within this many working days (overdue included); undefined = any due date. */
  dueWithin: number | undefined
  latestFirst: boolean
  page: number
}

/** Kept while the console is open: coming back from an application finds the queue as it was left. */
const filters = reactive<QueueFilters>({ status: 'waiting', measure: undefined, overdueOnly: false,
  dueWithin: undefined, latestFirst: false, page: 1 })

export function queueQuery(f: QueueFilters) {
  return {
    status: f.status === 'waiting' ? undefined : f.status,
    measure: f.measure || undefined,
    overdue: f.overdueOnly ? true : undefined,
    dueWithin: f.dueWithin,
    sort: f.latestFirst ? '-dueDate' : 'dueDate',
    page: f.page - 1,
    size: PAGE_SIZE,
  }
}

/** How many are in a status button: the two waiting statuses added up for "waiting". */
export function countOf(page: QueuePage | undefined, status: StatusFilter): number {
  const counts = page?.counts ?? []
  const wanted: string[] = status === 'waiting' ? ['SUBMITTED', 'OFFERED'] : [status]
  return counts.filter((c) => wanted.includes(c.status ?? '')).reduce((sum, c) => sum + (c.count ?? 0), 0)
}

/** The review queue: filters, sorting by due date, paging, counts per status. */
export function useQueue() {
  const read = useLoad(() => call(api().talent.GET('/api/talent/review/applications', {
    params: { query: queueQuery(filters) },
  })))

  /** A changed filter starts again at the first page. */
  function refilter(): Promise<void> {
    filters.page = 1
    return read.load()
  }

  function goToPage(page: number): Promise<void> {
    filters.page = page
    return read.load()
  }

  function sortByDue(latestFirst: boolean): Promise<void> {
    filters.latestFirst = latestFirst
    return refilter()
  }

  function reset(): Promise<void> {
    Object.assign(filters, { status: 'waiting', measure: undefined, overdueOnly: false, dueWithin: undefined,
      latestFirst: false, page: 1 })
    return read.load()
  }

  return {
    filters,
    page: read.data,
    items: computed(() => read.data.value?.items ?? []),
    total: computed(() => read.data.value?.total ?? 0),
    overdue: computed(() => read.data.value?.overdue ?? 0),
    loading: read.loading,
    problem: read.problem,
    load: read.load,
    refilter,
    goToPage,
    sortByDue,
    reset,
  }
}
