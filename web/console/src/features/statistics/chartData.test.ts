import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { categoryOption, funnelOption, weeklyOption } from './chartData'
import type { UptakeReport } from './funnel'

const t = (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {})

const report: UptakeReport = {
  from: '2026-11-01', to: '2026-11-29',
  measures: [],
  categories: [
    { key: 'EMPLOYMENT', label: '就业', eligible: 30, applied: 12, approved: 9, rejected: 1, infoRequested: 0, overdue: 0, amounts: [] },
    { key: 'HOUSING', label: '安居', eligible: 8, applied: 3, approved: 1, rejected: 0, infoRequested: 2, overdue: 1, amounts: [] },
  ],
  total: { key: 'ALL', label: '全部政策', eligible: 38, applied: 15, approved: 10, rejected: 1, infoRequested: 2, overdue: 1, amounts: [] },
  weeks: [
    { week: '2026-W45', starts: '2026-11-02', approved: 3, rejected: 1, infoRequested: 0 },
    { week: '2026-W46', starts: '2026-11-09', approved: 0, rejected: 0, infoRequested: 0 },
    { week: '2026-W47', starts: '2026-11-16', approved: 7, rejected: 0, infoRequested: 2 },
  ],
}

describe('chart data', () => {
  it('the funnel keeps its order eligible → applied → approved with the counts of the table', () => {
    const option = funnelOption(report.total!, t)
    expect(option.series[0]).toMatchObject({ type: 'funnel', sort: 'none' })
    expect(option.series[0].data).toEqual([
      { name: '目前符合条件', value: 38 }, { name: '已申请', value: 15 }, { name: '已通过', value: 10 },
    ])
  })

  it('categories are named in words, one bar per step', () => {
    const option = categoryOption(report, t)
    expect(option.xAxis).toMatchObject({ data: ['就业', '安居'] })
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['目前符合条件', [30, 8]], ['已申请', [12, 3]], ['已通过', [9, 1]],
    ])
  })

  it('every week is on the axis, empty ones too, labelled by its Monday, decisions stacked by kind', () => {
    const option = weeklyOption(report, t, (iso) => iso.slice(5))
    expect(option.xAxis).toMatchObject({ data: ['11-02起', '11-09起', '11-16起'] })
    expect(option.series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['通过', 'decisions', [3, 0, 7]], ['不通过', 'decisions', [1, 0, 0]], ['要求补充材料', 'decisions', [0, 0, 2]],
    ])
  })

  it('tooltips are drawn on the canvas, never as HTML with inline styles the CSP refuses', () => {
    for (const option of [funnelOption(report.total!, t), categoryOption(report, t), weeklyOption(report, t, String)]) {
      expect(option.tooltip).toMatchObject({ renderMode: 'richText' })
    }
  })
})
