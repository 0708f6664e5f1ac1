import { describe, expect, it } from 'vitest'
import { countdown } from './countdown'

describe('working-day countdown', () => {
  it('is red when overdue, amber when due today, plain before', () => {
    expect(countdown(-2)).toEqual({ key: 'queue.countdown.overdue', days: 2, tone: 'danger' })
    expect(countdown(0)).toEqual({ key: 'queue.countdown.today', days: 0, tone: 'warning' })
    expect(countdown(3)).toEqual({ key: 'queue.countdown.left', days: 3, tone: 'primary' })
  })

  it('says nothing for an application that no longer waits for an officer', () => {
    expect(countdown(undefined)).toBeUndefined()
    expect(countdown(null)).toBeUndefined()
  })
})
