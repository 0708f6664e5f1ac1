/**
 * A measure's application window in words: "2024年1月1日 至 2028年12月31日", "2024年1月1日起长期有效",
 * "申请已于 2023年12月31日 截止", "将于 2027年1月1日 开放申请". Dates are ISO days (yyyy-mm-dd), compared as text.
 */
import type { Translate } from './benefitText'

export interface WindowDates {
  opens?: string | null
  closes?: string | null
}

/** Today in the district's time zone, as yyyy-mm-dd. */
export function todayInQujiang(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now)
}

export function windowText(window: WindowDates, today: string, t: Translate, date: (iso: string) => string): string {
  const { opens, closes } = window
  if (closes && closes < today) return t('measures.window.closed', { closes: date(closes) })
  if (opens && opens > today) return t('measures.window.notYet', { opens: date(opens) })
  if (opens && closes) return t('measures.window.range', { opens: date(opens), closes: date(closes) })
  if (opens) return t('measures.window.from', { opens: date(opens) })
  if (closes) return t('measures.window.until', { closes: date(closes) })
  return t('measures.window.always')
}
