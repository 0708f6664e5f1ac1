import { computed } from 'vue'
import { api, call } from '@/api/client'
import { useLoad } from '@shared/app/useLoad'
import type { Fact } from './types'

/** policy-engine's fact vocabulary (names, types, values and their words), for completion and for values in words. */
export function useVocabulary() {
  const read = useLoad(() => call(api().policy.GET('/api/policy/vocabulary', {})))
  const facts = computed<Fact[]>(() => read.data.value?.facts ?? [])
  const byName = computed(() => new Map(facts.value.map((f) => [f.name ?? '', f])))

  function factLabel(name: string): string | undefined {
    return byName.value.get(name)?.label ?? undefined
  }

  /** A fact's raw value (24, true, 'BACHELOR') in words: 「24 岁」「是」「本科」. */
  function valueWords(name: string, value: unknown, yes: string, no: string): string {
    const fact = byName.value.get(name)
    if (typeof value === 'boolean') return value ? yes : no
    const listed = fact?.values?.find((v) => v.value === String(value))
    if (listed) return listed.label ?? String(value)
    return fact?.unit ? `${value} ${fact.unit}` : String(value)
  }

  /** A unit's words for an amount (e.g. 晚), from the unit's amount pattern without the number. */
  const units = computed(() => new Map((read.data.value?.units ?? []).map((u) => [u.unit ?? '', u])))

  return { facts, factLabel, valueWords, units, load: read.load }
}
