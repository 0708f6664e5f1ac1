/**
 * The periods an official picks: whole calendar months, quarters and years in Qujiang, the last 12 months, or any
 * two days. Days are yyyy-mm-dd strings in Asia/Shanghai, both inclusive, as the statistics API takes them.
 */
export const PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'last12Months', 'custom'] as const
export type PeriodPreset = (typeof PRESETS)[number]

export interface Period {
  from: string
  to: string
}

/** The server's limit: longer periods are refused (3 × 366 days). */
export const MAX_DAYS = 3 * 366

export type PeriodCheck = 'ok' | 'incomplete' | 'backwards' | 'tooLong' | 'future'

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number)
  return [y, m, d]
}

function iso(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.toISOString().slice(0, 10)
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000
}

/** The period a preset stands for on {@code today}; a running month, quarter or year ends today. */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  const [y, m, d] = parts(today)
  switch (preset) {
    case 'thisMonth': return { from: iso(y, m, 1), to: today }
    case 'lastMonth': {
      const [year, month] = m === 1 ? [y - 1, 12] : [y, m - 1]
      return { from: iso(year, month, 1), to: iso(year, month, lastDayOfMonth(year, month)) }
    }
    case 'thisQuarter': return { from: iso(y, Math.floor((m - 1) / 3) * 3 + 1, 1), to: today }
    case 'thisYear': return { from: iso(y, 1, 1), to: today }
    case 'last12Months': {
      // the same day a year ago, the day after: 12 whole months ending today
      const dayAYearAgo = Math.min(d, lastDayOfMonth(y - 1, m))
      return { from: iso(y - 1, m, dayAYearAgo + 1), to: today }
    }
  }
}

/** Whether the server will take the period, and if not, why (as a message key suffix). */
export function checkPeriod(period: Partial<Period> | undefined, today: string): PeriodCheck {
  if (!period?.from || !period.to) return 'incomplete'
  if (period.to < period.from) return 'backwards'
  if (days(period.from, period.to) >= MAX_DAYS) return 'tooLong'
  if (period.from > today) return 'future'
  return 'ok'
}

/** The preset a period is, if any, so that choosing two days that happen to be "this year" shows as this year. */
export function presetOf(period: Period, today: string): PeriodPreset {
  return PRESETS.find((preset) => preset !== 'custom'
    && presetPeriod(preset, today).from === period.from && presetPeriod(preset, today).to === period.to) ?? 'custom'
}
