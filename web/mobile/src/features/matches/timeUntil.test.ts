import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { mountWithApp } from '@/test/mountWithApp'
import CriteriaList from './CriteriaList.vue'
import { timeUntil } from './timeUntil'

describe('timeUntil', () => {
  it('says days under a month, months under a year or when uneven, whole years otherwise', () => {
    expect(timeUntil('2026-11-29', '2026-12-15')).toEqual({ n: 16, unit: 'days' })
    expect(timeUntil('2026-11-29', '2027-01-29')).toEqual({ n: 2, unit: 'months' })
    // Rounded up: two months and a day is three months' wait, never "2 个月" when it is more.
    expect(timeUntil('2026-11-29', '2027-01-30')).toEqual({ n: 3, unit: 'months' })
    expect(timeUntil('2026-11-29', '2028-11-29')).toEqual({ n: 2, unit: 'years' })
    expect(timeUntil('2026-11-29', '2028-12-01')).toEqual({ n: 25, unit: 'months' })
  })

  it('has nothing to say about today, the past or a malformed day', () => {
    expect(timeUntil('2026-11-29', '2026-11-29')).toBeUndefined()
    expect(timeUntil('2026-11-29', '2026-05-01')).toBeUndefined()
    expect(timeUntil('2026-11-29', 'soon')).toBeUndefined()
  })
})

describe('CriteriaList timing', () => {
  it('tells a failed criterion when time alone mends it, or since when it no longer holds', async () => {
    i18n.global.locale.value = 'zh-CN'
    const { wrapper } = await mountWithApp(CriteriaList, {
      props: {
        today: '2026-11-29',
        criteria: [
          { id: 'insured', status: 'FAILED', label: '在衢江缴纳社保满 3 个月', values: {}, passesFrom: '2027-01-29' },
          { id: 'age', status: 'FAILED', label: '35 周岁以下', values: {}, failsFrom: '2026-05-01' },
          { id: 'degree', status: 'PASSED', label: '本科及以上学历', values: {}, passesFrom: '2027-01-29' },
        ],
      },
    })
    const timings = wrapper.findAll('.timing').map((line) => line.text())
    expect(timings).toEqual(['还差 2 个月，2027年1月29日 起符合', '自 2026年5月1日 起不再符合'])
  })
})
