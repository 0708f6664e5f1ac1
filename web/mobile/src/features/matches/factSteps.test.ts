import { describe, expect, it } from 'vitest'
import { askedFacts, FACT_STEPS, profileLink, stepOf } from './factSteps'
import { PROFILE_STEPS } from '@/features/profile/profileFields'

/** Every fact the rules may read (policy-engine EligibilityFact) plus the profile answers derived facts come from. */
const RULE_FACTS = [
  'age', 'gender', 'degree', 'monthsSinceGraduation', 'topUniversity', 'hukou', 'residesInQujiang',
  'firstTimeInQujiang', 'employmentStatus', 'employerInQujiang', 'industry', 'socialInsuranceMonthsInQujiang',
  'laborContractMonths', 'laborContractOpenEnded', 'startupInQujiang', 'startupAgeMonths', 'startupSector',
  'ownsHomeInQujiang', 'rentingInQujiang', 'skillLevel', 'talentTier', 'married', 'childrenUnder3',
  'returnedToRuralQujiang', 'socialInsuranceInQujiangSince', 'laborContractStart', 'childrenBirthDates',
]

describe('missing fact → the profile step that asks it', () => {
  it('knows every fact the rules read', () => {
    for (const fact of RULE_FACTS) expect(FACT_STEPS[fact], fact).toBeDefined()
  })

  it('agrees with the step of the profile that asks each question', () => {
    for (const step of PROFILE_STEPS) {
      for (const field of step.fields) if (field.fact) expect(stepOf(field.fact), field.fact).toBe(step.id)
    }
  })

  it('sends derived facts to the answer they come from', () => {
    expect(stepOf('age')).toBe('basic')
    expect(stepOf('monthsSinceGraduation')).toBe('education')
    expect(stepOf('startupAgeMonths')).toBe('startup')
    expect(stepOf('socialInsuranceMonthsInQujiang')).toBe('work')
    expect(stepOf('ownsHomeInQujiang')).toBe('housing')
    expect(stepOf('childrenUnder3')).toBe('family')
  })

  it('links to /profile/:step, the first step for a fact it does not know', () => {
    expect(profileLink('married')).toBe('/profile/family')
    expect(profileLink('somethingNew')).toBe('/profile/basic')
    const steps = new Set(Object.values(FACT_STEPS))
    expect([...steps].sort()).toEqual(['basic', 'education', 'family', 'housing', 'startup', 'work'])
  })

  it('asks the answer a derived fact comes from, once', () => {
    expect(askedFacts(['startupAgeMonths', 'startupInQujiang', 'startupSector'])).toEqual(['startupSince', 'startupInQujiang', 'startupSector'])
    expect(askedFacts(['age', 'birthDate', 'monthsSinceGraduation'])).toEqual(['birthDate', 'graduationDate'])
    for (const fact of askedFacts(['age', 'monthsSinceGraduation', 'startupAgeMonths'])) {
      expect(stepOf(fact)).toBe(stepOf(fact === 'birthDate' ? 'age' : fact === 'graduationDate' ? 'monthsSinceGraduation' : 'startupAgeMonths'))
    }
  })
})
