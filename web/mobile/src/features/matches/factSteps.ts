/**
 * Which step of the profile asks for a fact the rules read (derived facts go to the step of the answer they come
 * from: age from the ID number, months since graduation from the graduation date, a start-up's age from its
 * registration date, insurance months from the insurance start, the contract's term from its dates, children under 3
 * from their birth dates). Profile steps are `/profile/:step`; the profile's own question list (profileFields.ts) must
 * agree, which a test checks.
 */
export type ProfileStep = 'basic' | 'education' | 'work' | 'housing' | 'family' | 'startup'

export const FACT_STEPS: Record<string, ProfileStep> = {
  birthDate: 'basic',
  age: 'basic',
  gender: 'basic',
  degree: 'education',
  graduationDate: 'education',
  monthsSinceGraduation: 'education',
  otherDegrees: 'education',
  studyingFor: 'education',
  monthsToGraduation: 'education',
  topUniversity: 'education',
  skillLevel: 'education',
  talentTier: 'education',
  employmentStatus: 'work',
  employerInQujiang: 'work',
  industry: 'work',
  socialInsuranceInQujiangSince: 'work',
  socialInsuranceGapMonths: 'work',
  socialInsuranceMonthsInQujiang: 'work',
  laborContractStart: 'work',
  laborContractEnd: 'work',
  laborContractMonths: 'work',
  laborContractOpenEnded: 'work',
  hukou: 'housing',
  residesInQujiang: 'housing',
  firstTimeInQujiang: 'housing',
  ownsHomeInQujiang: 'housing',
  rentingInQujiang: 'housing',
  married: 'family',
  childrenBirthDates: 'family',
  childrenUnder3: 'family',
  returnedToRuralQujiang: 'family',
  startupInQujiang: 'startup',
  startupSince: 'startup',
  startupAgeMonths: 'startup',
  startupSector: 'startup',
}

export function stepOf(fact: string): ProfileStep {
  return FACT_STEPS[fact] ?? 'basic'
}

export function profileLink(fact: string): string {
  return `/profile/${stepOf(fact)}`
}

/** Derived facts are not asked as such: the profile asks the answer they come from. */
const ASKED_AS: Record<string, string> = {
  age: 'birthDate',
  monthsSinceGraduation: 'graduationDate',
  startupAgeMonths: 'startupSince',
  socialInsuranceMonthsInQujiang: 'socialInsuranceInQujiangSince',
  laborContractMonths: 'laborContractStart',
  laborContractOpenEnded: 'laborContractStart',
  childrenUnder3: 'childrenBirthDates',
}

/** The questions to answer for these missing facts, each once, in the order given. */
export function askedFacts(facts: readonly string[]): string[] {
  return [...new Set(facts.map((fact) => ASKED_AS[fact] ?? fact))]
}
