import { computed, reactive } from 'vue'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { components } from '@/api/generated/talent'
import { api, call } from '@/api/client'
import { useLoad } from '@shared/app/useLoad'
import type { Status } from '@/app/wording'
import { defaultFilters, filtersFromQuery, queryFromFilters } from './queueUrl'

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
  /** Only what the signed-in officer holds (我办理的). */
  mine: boolean
  latestFirst: boolean
  page: number
}

export function queueQuery(f: QueueFilters) {
  return {
    status: f.status === 'waiting' ? undefined : f.status,
    measure: f.measure || undefined,
    overdue: f.overdueOnly ? true : undefined,
    dueWithin: f.dueWithin,
    mine: f.mine ? true : undefined,
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

/**
 * The review queue: filters, sorting by due date, paging, counts per status. The filters live in the address bar
 * (see queueUrl.ts): a change goes through {@code navigate} and the page shows what the address says ({@code show}),
 * so back and forward step through the officer's filters.
 */
export function useQueue(navigate: (query: LocationQueryRaw) => unknown) {
  const filters = reactive<QueueFilters>(defaultFilters())
  const read = useLoad(() => call(api().talent.GET('/api/talent/review/applications', {
    params: { query: queueQuery(filters) },
  })))

  function show(query: LocationQuery): Promise<void> {
    Object.assign(filters, filtersFromQuery(query))
    return read.load()
  }

  function go(change: Partial<QueueFilters>): void {
    navigate(queryFromFilters({ ...filters, ...change }))
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
    show,
    /** A changed filter starts again at the first page. */
    refilter: () => go({ page: 1 }),
    goToPage: (page: number) => go({ page }),
    sortByDue: (latestFirst: boolean) => go({ latestFirst, page: 1 }),
    reset: () => navigate({}),
  }
}
