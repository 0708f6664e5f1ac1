import { computed, reactive, ref } from 'vue'
import { api, call } from '@/api/client'
import type { components } from '@/api/generated/policy'
import { useLoad } from '@/app/useLoad'
import { useAuth } from '@/auth/useAuth'
import type { AnswerValue } from '@/features/vocabulary/useVocabulary'
import { fieldByPath, isAnswered, type Answers, type FieldDef, type ProfilePath, type Question } from '@/features/profile/profileFields'
import { keepForProfile } from './handover'

/**
 * The anonymous policy calculator: a few of the profile's questions (asked by the same definitions, so the answers
 * carry over into a profile) plus the age, turned into ApplicantFacts for POST /api/policy/evaluate. Nothing is
 * stored on the server; the answers stay in memory while the resident moves between screens.
 */
export type ApplicantFacts = components['schemas']['ApplicantFacts']
export type CalculatorResponse = components['schemas']['CalculatorResponse']

export const AGE: Question = { path: 'age', kind: 'int', fact: 'age', min: 16, max: 80 }

/** The profile questions the calculator asks, in order; none of them identifies the resident. */
export const CALCULATOR_PATHS: readonly ProfilePath[] = [
  'education.degree',
  'education.graduationDate',
  'hukou',
  'residence.residesInQujiang',
  'residence.firstTimeInQujiang',
  'employment.status',
  'employment.employerInQujiang',
  'employment.socialInsuranceInQujiangSince',
  'housing.ownsHomeInQujiang',
  'housing.rentingInQujiang',
  'family.married',
  'family.childrenBirthDates',
  'startup.registeredInQujiang',
]

const QUESTIONS: FieldDef[] = CALCULATOR_PATHS.map((path) => fieldByPath(path)!)

/** The questions asked for these answers (follow-ups such as the graduation date only once they apply). */
export function askedQuestions(answers: Answers): FieldDef[] {
  return QUESTIONS.filter((field) => !field.askedWhen || field.askedWhen(answers))
}

/**
 * A birth date that makes the resident `age` years old on `today` and for half a year either side, so that a day's
 * difference between this device's clock and the server's Asia/Shanghai day cannot change the age.
 */
export function birthDateForAge(age: number, today: Date): string {
  const date = new Date(Date.UTC(today.getFullYear() - age, today.getMonth() - 6, today.getDate()))
  return date.toISOString().slice(0, 10)
}

/** ApplicantFacts from the answers: only questions asked and answered; the age as a birth date. */
export function buildFacts(answers: Answers, age: number | undefined, today: Date = new Date()): ApplicantFacts {
  const facts: Record<string, AnswerValue> = {}
  if (age !== undefined && Number.isInteger(age)) facts.birthDate = birthDateForAge(age, today)
  for (const field of askedQuestions(answers)) {
    const value = answers[field.path]
    if (field.fact && isAnswered(value)) facts[field.fact] = value
  }
  return facts as ApplicantFacts
}

/** Facts derived from an answer point to the question that gives it. */
const DERIVED_FROM: Record<string, string> = {
  age: AGE.path,
  birthDate: AGE.path,
  monthsSinceGraduation: 'education.graduationDate',
  studyingFor: 'education.graduationDate',
  monthsToGraduation: 'education.graduationDate',
  startupAgeMonths: 'startup.registeredInQujiang',
  startupSince: 'startup.registeredInQujiang',
  socialInsuranceMonthsInQujiang: 'employment.socialInsuranceInQujiangSince',
  childrenUnder3: 'family.childrenBirthDates',
}

/**
 * The calculator question that answers a fact a result is missing (a follow-up not asked yet leads to the question
 * it follows), or undefined when only the profile asks it.
 */
export function questionForFact(fact: string, answers: Answers): string | undefined {
  const path = DERIVED_FROM[fact] ?? QUESTIONS.find((field) => field.fact === fact)?.path
  if (!path || path === AGE.path) return path
  const asked = askedQuestions(answers)
  if (asked.some((field) => field.path === path)) return path
  const section = path.split('.')[0]
  return asked.find((field) => field.path.split('.')[0] === section)?.path
}

const answers = reactive<Answers>({})
const age = ref<number>()
const showingResults = ref(false)
const evaluation = useLoad(() =>
  call(api().policy.POST('/api/policy/evaluate', { body: { facts: buildFacts(answers, age.value), heldMeasures: [] } })),
)

export function useCalculator() {
  const auth = useAuth()

  function setAnswer(path: string, value: AnswerValue): void {
    if (path === AGE.path) age.value = typeof value === 'number' ? value : undefined
    else answers[path as ProfilePath] = value
  }

  async function evaluate(): Promise<void> {
    showingResults.value = true
    await evaluation.load()
  }

  /** Keeps the answers (no personal data) for the profile draft, which takes them over when it next loads. */
  function keepAnswers(): void {
    keepForProfile(answers, CALCULATOR_PATHS)
  }

  /** Registers or signs in and comes back to the profile, the answers kept across the Keycloak redirect. */
  async function keepAsProfile(how: 'register' | 'login'): Promise<void> {
    keepAnswers()
    await (how === 'register' ? auth.register('/profile') : auth.login('/profile'))
  }

  return {
    answers: answers as Readonly<Answers>,
    age: computed(() => age.value),
    questions: computed(() => askedQuestions(answers)),
    setAnswer,
    showingResults,
    evaluate,
    response: evaluation.data,
    loading: evaluation.loading,
    problem: evaluation.problem,
    keepAnswers,
    keepAsProfile,
    authenticated: auth.authenticated,
  }
}

/** For tests: forget the answers. */
export function resetCalculator(): void {
  for (const key of Object.keys(answers)) delete answers[key as ProfilePath]
  age.value = undefined
  showingResults.value = false
  evaluation.data.value = undefined
}
