import { describe, expect, it } from 'vitest'
import { checkPeriod, presetOf, presetPeriod } from './period'

describe('the periods an official picks', () => {
  it('are whole calendar months, quarters and years that end today while they run', () => {
    const today = '2026-11-29'
    expect(presetPeriod('thisMonth', today)).toEqual({ from: '2026-11-01', to: today })
    expect(presetPeriod('lastMonth', today)).toEqual({ from: '2026-10-01', to: '2026-10-31' })
    expect(presetPeriod('thisQuarter', today)).toEqual({ from: '2026-10-01', to: today })
    expect(presetPeriod('thisYear', today)).toEqual({ from: '2026-01-01', to: today })
    expect(presetPeriod('last12Months', today)).toEqual({ from: '2025-11-30', to: today })
  })

  it('cross the new year and month ends without inventing days', () => {
    expect(presetPeriod('lastMonth', '2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(presetPeriod('lastMonth', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(presetPeriod('thisQuarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' })
    // 29 February 2027 does not exist: the 12 months up to 29 February 2028 start on 1 March 2027
    expect(presetPeriod('last12Months', '2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' })
    expect(presetPeriod('last12Months', '2029-02-28')).toEqual({ from: '2028-02-29', to: '2029-02-28' })
    expect(presetPeriod('last12Months', '2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' })
  })

  it('are checked before they are sent, with the reason a server would refuse them', () => {
    const today = '2026-11-29'
    expect(checkPeriod({ from: '2026-01-01', to: today }, today)).toBe('ok')
    expect(checkPeriod({ from: '2026-01-01', to: '' }, today)).toBe('incomplete')
    expect(checkPeriod(undefined, today)).toBe('incomplete')
    expect(checkPeriod({ from: '2026-05-02', to: '2026-05-01' }, today)).toBe('backwards')
    expect(checkPeriod({ from: '2023-01-01', to: '2026-01-01' }, today)).toBe('ok')
    expect(checkPeriod({ from: '2022-11-01', to: '2026-01-01' }, today)).toBe('tooLong')
    expect(checkPeriod({ from: '2026-12-01', to: '2026-12-31' }, today)).toBe('future')
  })

  it('two days that happen to be a preset read as that preset', () => {
    const today = '2026-11-29'
    expect(presetOf({ from: '2026-01-01', to: today }, today)).toBe('thisYear')
    expect(presetOf({ from: '2026-10-01', to: '2026-10-31' }, today)).toBe('lastMonth')
    expect(presetOf({ from: '2026-02-03', to: '2026-04-05' }, today)).toBe('custom')
  })
})
