import { currentLocale } from './index'

/** Numbers, money and dates in the reader's locale; dates are calendar days in Asia/Shanghai. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLocale()).format(value)
}

/** "2026年12月5日" / "Dec 5, 2026" from an ISO date (yyyy-mm-dd) or instant. */
export function formatDate(iso: string | undefined | null): string {
  if (!iso) return ''
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00+08:00`) : new Date(iso)
  return new Intl.DateTimeFormat(currentLocale(), {
    year: 'numeric', month: currentLocale() === 'en' ? 'short' : 'long', day: 'numeric', timeZone: 'Asia/Shanghai',
  }).format(date)
}

export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(currentLocale(), {
    year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai',
  }).format(new Date(iso))
}
