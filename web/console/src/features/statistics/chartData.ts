import type { UptakeReport } from './funnel'
import { funnelSteps } from './funnel'

type Translate = (key: string, values?: Record<string, unknown>) => string

/**
 * The charts' ECharts options, built from the report alone (no ECharts import: the screen loads the library only
 * when it draws). Tooltips render on the canvas ("richText"): ECharts' HTML tooltips carry inline styles, which the
 * console's Content-Security-Policy refuses.
 */
const TOOLTIP = { renderMode: 'richText', confine: true } as const
const COLOURS = ['#1d6ff2', '#e6a23c', '#67c23a', '#f56c6c', '#909399']

export interface ChartOption {
  [key: string]: unknown
  series: { name?: string; type: string; data: unknown[]; [key: string]: unknown }[]
}

/** Eligible → applied → approved of all measures (or one category's sum), as a funnel in that order. */
export function funnelOption(counts: Parameters<typeof funnelSteps>[0], t: Translate): ChartOption {
  const steps = funnelSteps(counts)
  return {
    color: COLOURS,
    tooltip: { ...TOOLTIP, trigger: 'item' },
    series: [{
      type: 'funnel', sort: 'none', left: '8%', width: '84%', minSize: '12%', gap: 2,
      label: { show: true, position: 'inside', formatter: '{b}\n{c}' },
      data: steps.map((step) => ({ name: t(`statistics.step.${step.key}`), value: step.count })),
    }],
  }
}

/** Per category: eligible, applied and approved side by side. */
export function categoryOption(report: UptakeReport, t: Translate): ChartOption {
  const categories = report.categories ?? []
  const bar = (key: 'eligible' | 'applied' | 'approved') => ({
    name: t(`statistics.step.${key}`), type: 'bar', barMaxWidth: 28,
    data: categories.map((category) => category[key] ?? 0),
  })
  return {
    color: COLOURS,
    tooltip: { ...TOOLTIP, trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: categories.map((category) => category.label ?? '') },
    yAxis: { type: 'value', minInterval: 1 },
    series: [bar('eligible'), bar('applied'), bar('approved')],
  }
}

/** Decisions per ISO week, stacked by kind; weeks labelled by their Monday ("11月23日起" / "from 23 Nov"). */
export function weeklyOption(report: UptakeReport, t: Translate, date: (iso: string) => string): ChartOption {
  const weeks = report.weeks ?? []
  const series = (key: 'approved' | 'rejected' | 'infoRequested') => ({
    name: t(`statistics.decision.${key}`), type: 'bar', stack: 'decisions', barMaxWidth: 24,
    data: weeks.map((week) => week[key] ?? 0),
  })
  return {
    color: [COLOURS[2], COLOURS[3], COLOURS[1]],
    tooltip: { ...TOOLTIP, trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: weeks.map((week) => t('statistics.weekOf', { date: date(week.starts ?? '') })) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [series('approved'), series('rejected'), series('infoRequested')],
  }
}
