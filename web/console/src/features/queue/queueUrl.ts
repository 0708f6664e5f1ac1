import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { STATUS_FILTERS, type QueueFilters, type StatusFilter } from './useQueue'

/**
 * The queue's filters, sort order and page in the address bar, so that reload, back / forward and a link sent to a
 * colleague show the same list. Only what differs from the defaults is written; anything unreadable (a status that
 * does not exist, page "abc", a due window the server would refuse) falls back to its default instead of failing.
 *
 *   /queue?status=SUBMITTED&measure=QJY-05&due=3&overdue=1&mine=1&sort=latest&page=2
 */
export function defaultFilters(): QueueFilters {
  return { status: 'waiting', measure: undefined, overdueOnly: false, dueWithin: undefined, mine: false,
    latestFirst: false, page: 1 }
}

const MEASURE = /^[A-Za-z0-9_-]{1,40}$/
const MAX_DUE_WITHIN = 60
const MAX_PAGE = 10_000

function single(value: LocationQuery[string] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  return first ?? undefined
}

function wholeNumber(value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || !/^\d{1,5}$/.test(value)) return undefined
  const n = Number(value)
  return n >= min && n <= max ? n : undefined
}

export function filtersFromQuery(query: LocationQuery): QueueFilters {
  const defaults = defaultFilters()
  const status = single(query.status)
  const measure = single(query.measure)
  return {
    status: STATUS_FILTERS.includes(status as StatusFilter) ? (status as StatusFilter) : defaults.status,
    measure: measure !== undefined && MEASURE.test(measure) ? measure : defaults.measure,
    overdueOnly: single(query.overdue) === '1',
    dueWithin: wholeNumber(single(query.due), 0, MAX_DUE_WITHIN),
    mine: single(query.mine) === '1',
    latestFirst: single(query.sort) === 'latest',
    page: wholeNumber(single(query.page), 1, MAX_PAGE) ?? defaults.page,
  }
}

export function queryFromFilters(f: QueueFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  if (f.status !== 'waiting') query.status = f.status
  if (f.measure) query.measure = f.measure
  if (typeof f.dueWithin === 'number') query.due = String(f.dueWithin)
  if (f.overdueOnly) query.overdue = '1'
  if (f.mine) query.mine = '1'
  if (f.latestFirst) query.sort = 'latest'
  if (f.page > 1) query.page = String(f.page)
  return query
}

/** Where the officer last left the queue (path and query), for the way back from an application. */
let lastQueue = '/queue'

export function rememberQueue(fullPath: string): void {
  lastQueue = fullPath
}

export function queueLocation(): string {
  return lastQueue
}
