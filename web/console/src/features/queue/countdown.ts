/**
 * The working-day countdown of an application waiting for an officer, as a message key, its number and a colour:
 * red when overdue, amber when due today, blue otherwise. Nothing for an application not waiting for an officer.
 */
export interface Countdown {
  key: 'queue.countdown.overdue' | 'queue.countdown.today' | 'queue.countdown.left'
  days: number
  tone: 'danger' | 'warning' | 'primary'
}

export function countdown(workingDaysLeft: number | null | undefined): Countdown | undefined {
  if (workingDaysLeft === undefined || workingDaysLeft === null) return undefined
  if (workingDaysLeft < 0) return { key: 'queue.countdown.overdue', days: -workingDaysLeft, tone: 'danger' }
  if (workingDaysLeft === 0) return { key: 'queue.countdown.today', days: 0, tone: 'warning' }
  return { key: 'queue.countdown.left', days: workingDaysLeft, tone: 'primary' }
}
