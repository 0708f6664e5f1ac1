import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { GROUP_ORDER, groupOf, groupResults, useMatchGroups, type MatchResult } from './useMatchGroups'

const r = (measureCode: string, outcome: MatchResult['outcome'], nearMiss = false): MatchResult =>
  ({ measureCode, outcome, nearMiss })

describe('grouping results by outcome', () => {
  it('puts each outcome in its group; near misses apart from other ineligible ones', () => {
    expect(groupOf(r('A', 'ELIGIBLE'))).toBe('eligible')
    expect(groupOf(r('A', 'INELIGIBLE', true))).toBe('nearMiss')
    expect(groupOf(r('A', 'NEEDS_INFO'))).toBe('needsInfo')
    expect(groupOf(r('A', 'NOT_OPEN'))).toBe('notOpen')
    expect(groupOf(r('A', 'EXCLUDED'))).toBe('excluded')
    expect(groupOf(r('A', 'INELIGIBLE'))).toBe('ineligible')
    expect(groupOf({ measureCode: 'A' })).toBe('ineligible')
  })

  it('keeps the reading order of groups and the order of results inside a group', () => {
    const groups = groupResults([
      r('Q1', 'INELIGIBLE'), r('Q2', 'ELIGIBLE'), r('Q3', 'NOT_OPEN'), r('Q4', 'INELIGIBLE', true),
      r('Q5', 'ELIGIBLE'), r('Q6', 'EXCLUDED'), r('Q7', 'NEEDS_INFO'),
    ])
    expect(groups.map((g) => g.key)).toEqual(GROUP_ORDER)
    expect(GROUP_ORDER).toEqual(['eligible', 'nearMiss', 'needsInfo', 'notOpen', 'excluded', 'ineligible'])
    expect(groups.map((g) => g.results.map((x) => x.measureCode))).toEqual([
      ['Q2', 'Q5'], ['Q4'], ['Q7'], ['Q3'], ['Q6'], ['Q1'],
    ])
  })

  it('counts every group and leaves empty ones out of the visible list', () => {
    const results = ref<MatchResult[]>([r('Q1', 'ELIGIBLE'), r('Q2', 'ELIGIBLE'), r('Q3', 'NEEDS_INFO')])
    const { counts, nonEmpty } = useMatchGroups(results)
    expect(counts.value).toEqual({ eligible: 2, nearMiss: 0, needsInfo: 1, notOpen: 0, excluded: 0, ineligible: 0 })
    expect(nonEmpty.value.map((g) => g.key)).toEqual(['eligible', 'needsInfo'])
    results.value = [r('Q9', 'INELIGIBLE', true)]
    expect(nonEmpty.value.map((g) => g.key)).toEqual(['nearMiss'])
    expect(useMatchGroups(undefined).counts.value.eligible).toBe(0)
  })
})
