import { computed } from 'vue'
import { api, call } from '@/api/client'
import type { components } from '@/api/generated/policy'
import { useLoad } from '@/app/useLoad'

export type MeasureSummary = components['schemas']['MeasureSummary']

/** The catalogue's categories in the order the district presents them. */
export const CATEGORIES = ['EMPLOYMENT', 'ENTREPRENEURSHIP', 'HOUSING', 'LIVING', 'GROWTH', 'LEISURE'] as const

export interface CategoryGroup {
  category: string
  measures: MeasureSummary[]
}

/** Measures grouped by category: known categories first in their fixed order, any new ones after them. */
export function groupByCategory(measures: MeasureSummary[]): CategoryGroup[] {
  const groups = new Map<string, MeasureSummary[]>(CATEGORIES.map((category) => [category, []]))
  for (const measure of measures) {
    const category = measure.category ?? 'OTHER'
    if (!groups.has(category)) groups.set(category, [])
    groups.get(category)!.push(measure)
  }
  return [...groups].filter(([, list]) => list.length > 0).map(([category, list]) => ({ category, measures: list }))
}

/** What a resident should know about a measure before opening it: granted without applying, or not open now. */
export type Availability = 'automatic' | 'notOpen' | 'open'

export function availability(measure: MeasureSummary): Availability {
  if (measure.mode === 'AUTO_GRANT') return 'automatic'
  return measure.openToday === false ? 'notOpen' : 'open'
}

/** The public catalogue (texts in the reader's language) with the sample notice the service attaches to it. */
export function useCatalogue() {
  const { data, loading, problem, load } = useLoad(() => call(api().policy.GET('/api/policy/measures')))
  const groups = computed(() => groupByCategory(data.value?.measures ?? []))
  const notice = computed(() => (data.value?.sample ? data.value.notice : undefined))
  return { data, groups, notice, loading, problem, load }
}
