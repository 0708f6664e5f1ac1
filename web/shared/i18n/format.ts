/** Numbers and dates in the reader's locale; dates are calendar days in Asia/Shanghai. */
export function localeFormat(locale: () => string) {
  return {
    formatNumber(value: number): string {
      return new Intl.NumberFormat(locale()).format(value)
    },
    /** "2026年12月5日" / "Dec 5, 2026" from an ISO date (yyyy-mm-dd) or instant. */
    formatDate(iso: string | undefined | null): string {
      if (!iso) return ''
      const date = iso.length === 10 ? new Date(`${iso}T00:00:00+08:00`) : new Date(iso)
      return new Intl.DateTimeFormat(locale(), {
        year: 'numeric', month: locale() === 'en' ? 'short' : 'long', day: 'numeric', timeZone: 'Asia/Shanghai',
      }).format(date)
    },
    formatDateTime(iso: string | undefined | null): string {
      if (!iso) return ''
      return new Intl.DateTimeFormat(locale(), {
        year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai',
      }).format(new Date(iso))
    },
    /** "14:05:30": a moment within the next minutes, to the second. */
    formatTime(at: Date): string {
      return new Intl.DateTimeFormat(locale(), {
        hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Shanghai',
      }).format(at)
    },
  }
}

/** The calendar day in Qujiang (Asia/Shanghai) as yyyy-mm-dd, whatever zone the device is in. */
export function qujiangDay(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now)
}
