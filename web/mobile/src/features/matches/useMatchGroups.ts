import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import type { components } from '@/api/generated/policy'

export type MatchResult = components['schemas']['ResultView']
export type GroupKey = 'eligible' | 'nearMiss' | 'needsInfo' | 'notOpen' | 'excluded' | 'ineligible'

/** The order a resident reads them in: what they can have now first, then what is within reach. */
export const GROUP_ORDER: GroupKey[] = ['eligible', 'nearMiss', 'needsInfo', 'notOpen', 'excluded', 'ineligible']

export interface MatchGroup {
  key: GroupKey
  results: MatchResult[]
}

export function groupOf(result: MatchResult): GroupKey {
  switch (result.outcome) {
    case 'ELIGIBLE': return 'eligible'
    case 'NEEDS_INFO': return 'needsInfo'
    case 'NOT_OPEN': return 'notOpen'
    case 'EXCLUDED': return 'excluded'
    // Time alone will make it eligible ("可于 … 起申请"): as near as a near miss.
    case 'INELIGIBLE': return result.nearMiss || result.eligibleFrom ? 'nearMiss' : 'ineligible'
    default: return 'ineligible'
  }
}

/** Every group in {@link GROUP_ORDER}, empty ones included; results keep the order they came in (by measure code). */
export function groupResults(results: readonly MatchResult[] | undefined): MatchGroup[] {
  const byKey = new Map<GroupKey, MatchResult[]>(GROUP_ORDER.map((key) => [key, []]))
  for (const result of results ?? []) byKey.get(groupOf(result))!.push(result)
  return GROUP_ORDER.map((key) => ({ key, results: byKey.get(key)! }))
}

export function useMatchGroups(results: MaybeRefOrGetter<readonly MatchResult[] | undefined>) {
  const groups = computed(() => groupResults(toValue(results)))
  const nonEmpty = computed(() => groups.value.filter((group) => group.results.length > 0))
  const counts = computed(() =>
    Object.fromEntries(groups.value.map((group) => [group.key, group.results.length])) as Record<GroupKey, number>)
  return { groups, nonEmpty, counts }
}
