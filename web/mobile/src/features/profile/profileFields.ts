import type { components } from '@/api/generated/talent'
import type { AnswerValue } from '@/features/vocabulary/useVocabulary'

/**
 * The profile's questions, one group per step (GOV.UK task list): which request field each answers, how it is
 * asked, which fact of the vocabulary words its choices, and when it is asked at all. The request, the check page,
 * the completeness of each group and the place of a server field error are all derived from this one list.
 */
export type ProfileRequest = components['schemas']['ProfileRequest']
export type ProfileView = components['schemas']['ProfileView']

/** Paths to the answers: a list (of dates) is one answer, a section's fields are each one. */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends readonly unknown[] ? `${Prefix}${K}`
    : NonNullable<T[K]> extends object ? LeafPaths<NonNullable<T[K]>, `${Prefix}${K}.`> : `${Prefix}${K}`
}[keyof T & string]

/** A request field by its path, e.g. "education.graduationDate" (the same path the server names in field errors). */
export type ProfilePath = LeafPaths<Omit<ProfileRequest, 'version' | 'consent'>>
export type Answers = Partial<Record<ProfilePath, AnswerValue>>

export type FieldKind = 'text' | 'idNumber' | 'phone' | 'email' | 'choice' | 'bool' | 'int' | 'date' | 'dates' | 'degrees'

/** What it takes to ask a question, in the profile or in the calculator. */
export interface Question {
  path: string
  kind: FieldKind
  /** Vocabulary fact that words the choices and the answer; also the ApplicantFacts name. */
  fact?: string
  /** Choices that are not facts (the language): values, worded by `profile.choices.<path>.<value>`. */
  choices?: string[]
  maxLength?: number
  min?: number
  max?: number
  /**
   * Dates: how far back and ahead the picker goes; `dates` asks for a list of them (each child's birth date),
   * `degrees` for a list of degrees, each with its graduation date (the other degrees).
   */
  minDate?: string
  yearsAhead?: number
}

export interface FieldDef extends Question {
  path: ProfilePath
  required?: boolean
  /** May honestly stay blank (never insured here, an open-ended contract): a blank does not leave its step unfinished. */
  optional?: boolean
  /** Asked only when this holds (a conditional follow-up question). */
  askedWhen?: (answers: Answers) => boolean
}

export type StepId = 'basic' | 'education' | 'work' | 'housing' | 'family' | 'startup'

export interface StepDef {
  id: StepId
  fields: FieldDef[]
}

const FIRST_DATE = '1950-01-01'
const hasDegree = (a: Answers) => a['education.degree'] !== undefined && a['education.degree'] !== 'NONE'
const hasHigherDegree = (a: Answers) => ['BACHELOR', 'MASTER', 'DOCTOR'].includes(String(a['education.degree']))
const working = (a: Answers) => a['employment.status'] === 'EMPLOYED' || a['employment.status'] === 'SELF_EMPLOYED'
const employed = (a: Answers) => a['employment.status'] === 'EMPLOYED'
const startupHere = (a: Answers) => a['startup.registeredInQujiang'] === true
const insuredHere = (a: Answers) => isAnswered(a['employment.socialInsuranceInQujiangSince'])
const underContract = (a: Answers) => employed(a) && isAnswered(a['employment.laborContractStart'])
const FIRST_WORK_DATE = '1970-01-01'

export const PROFILE_STEPS: StepDef[] = [
  {
    id: 'basic',
    fields: [
      { path: 'name', kind: 'text', required: true, maxLength: 50 },
      { path: 'idNumber', kind: 'idNumber', required: true, maxLength: 18 },
      { path: 'phone', kind: 'phone', required: true, maxLength: 11 },
      { path: 'email', kind: 'email', maxLength: 254 },
      { path: 'preferredLanguage', kind: 'choice', choices: ['zh', 'en'] },
    ],
  },
  {
    id: 'education',
    fields: [
      { path: 'education.degree', kind: 'choice', fact: 'degree' },
      { path: 'education.school', kind: 'text', maxLength: 100, askedWhen: hasDegree },
      { path: 'education.graduationDate', kind: 'date', fact: 'graduationDate', minDate: FIRST_DATE, yearsAhead: 6, askedWhen: hasDegree },
      { path: 'education.otherDegrees', kind: 'degrees', fact: 'otherDegrees', minDate: FIRST_DATE, yearsAhead: 6, max: 5, optional: true, askedWhen: hasDegree },
      { path: 'education.topUniversity', kind: 'bool', fact: 'topUniversity', askedWhen: hasHigherDegree },
      { path: 'skillLevel', kind: 'choice', fact: 'skillLevel' },
      { path: 'talentTier', kind: 'choice', fact: 'talentTier' },
    ],
  },
  {
    id: 'work',
    fields: [
      { path: 'employment.status', kind: 'choice', fact: 'employmentStatus' },
      { path: 'employment.employer', kind: 'text', maxLength: 100, askedWhen: working },
      { path: 'employment.employerCreditCode', kind: 'text', askedWhen: working },
      { path: 'employment.employerInQujiang', kind: 'bool', fact: 'employerInQujiang', askedWhen: working },
      { path: 'employment.industry', kind: 'choice', fact: 'industry', askedWhen: working },
      { path: 'employment.socialInsuranceInQujiangSince', kind: 'date', fact: 'socialInsuranceInQujiangSince', minDate: FIRST_WORK_DATE, yearsAhead: 0, optional: true },
      { path: 'employment.socialInsuranceGapMonths', kind: 'int', fact: 'socialInsuranceGapMonths', min: 0, max: 600, askedWhen: insuredHere },
      { path: 'employment.laborContractStart', kind: 'date', fact: 'laborContractStart', minDate: FIRST_WORK_DATE, yearsAhead: 1, askedWhen: employed },
      { path: 'employment.laborContractEnd', kind: 'date', fact: 'laborContractEnd', minDate: FIRST_WORK_DATE, yearsAhead: 50, askedWhen: underContract, optional: true },
    ],
  },
  {
    id: 'housing',
    fields: [
      { path: 'hukou', kind: 'choice', fact: 'hukou' },
      { path: 'residence.residesInQujiang', kind: 'bool', fact: 'residesInQujiang' },
      { path: 'residence.firstTimeInQujiang', kind: 'bool', fact: 'firstTimeInQujiang' },
      { path: 'housing.ownsHomeInQujiang', kind: 'bool', fact: 'ownsHomeInQujiang' },
      { path: 'housing.rentingInQujiang', kind: 'bool', fact: 'rentingInQujiang' },
    ],
  },
  {
    id: 'family',
    fields: [
      { path: 'family.married', kind: 'bool', fact: 'married' },
      { path: 'family.childrenBirthDates', kind: 'dates', fact: 'childrenBirthDates', minDate: FIRST_WORK_DATE, yearsAhead: 0, max: 10 },
      { path: 'family.returnedToRuralQujiang', kind: 'bool', fact: 'returnedToRuralQujiang' },
    ],
  },
  {
    id: 'startup',
    fields: [
      { path: 'startup.registeredInQujiang', kind: 'bool', fact: 'startupInQujiang' },
      { path: 'startup.since', kind: 'date', fact: 'startupSince', minDate: FIRST_DATE, yearsAhead: 0, askedWhen: startupHere },
      { path: 'startup.sector', kind: 'choice', fact: 'startupSector', askedWhen: startupHere },
    ],
  },
]

export const ALL_FIELDS: FieldDef[] = PROFILE_STEPS.flatMap((step) => step.fields)

export function fieldByPath(path: string): FieldDef | undefined {
  return ALL_FIELDS.find((field) => field.path === path)
}

/** The limits a range message names. */
export function boundsOf(path: string | undefined): { min?: number; max?: number } {
  const field = path ? fieldByPath(path) : undefined
  return { min: field?.min, max: field?.max }
}

export function stepById(id: string): StepDef | undefined {
  return PROFILE_STEPS.find((step) => step.id === id)
}

/** An empty list is an answer ("no children"); an empty text is not. */
export function isAnswered(value: AnswerValue): boolean {
  return value !== undefined && value !== null && value !== ''
}

export function askedFields(step: StepDef, answers: Answers): FieldDef[] {
  return step.fields.filter((field) => !field.askedWhen || field.askedWhen(answers))
}

export type StepStatus = 'done' | 'partial' | 'empty'

/** 已完成 when every question asked is answered (optional ones may stay blank), 未填写 when none is, 部分填写 between. */
export function stepStatus(step: StepDef, answers: Answers): StepStatus {
  const counted = askedFields(step, answers).filter((field) => !field.optional || isAnswered(answers[field.path]))
  const answered = counted.filter((field) => isAnswered(answers[field.path])).length
  if (answered === 0) return 'empty'
  return answered === counted.length ? 'done' : 'partial'
}

/**
 * The step a server field error belongs to: the field with that path (an element of a list, such as
 * "family.childrenBirthDates[1]" or "education.otherDegrees[0].graduationDate", belongs to the list), or else the
 * first field under it ("education" → the education step). Unknown fields (none the app sends) have no step.
 */
export function fieldForError(serverField: string): FieldDef | undefined {
  const field = serverField.replace(/\[\d+\](\..*)?$/, '')
  return fieldByPath(field) ?? ALL_FIELDS.find((candidate) => candidate.path.startsWith(`${field}.`))
}

/** Whether two answers say the same: lists (of dates, of degrees) by their items. */
export function sameAnswer(a: AnswerValue, b: AnswerValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b)
  }
  return (a ?? '') === (b ?? '')
}

export function stepOfField(path: string): StepDef | undefined {
  return PROFILE_STEPS.find((step) => step.fields.some((field) => field.path === path))
}

function normalized(field: FieldDef, value: AnswerValue): AnswerValue {
  if (typeof value === 'string') {
    const trimmed = value.trim()
    if (trimmed === '') return undefined
    return field.kind === 'idNumber' ? trimmed.toUpperCase() : trimmed
  }
  return value
}

/** The whole profile as talent-service's PUT expects it: questions not asked and blanks are left out. */
export function buildRequest(answers: Answers, extra: { version?: number; consent?: ProfileRequest['consent'] } = {}): ProfileRequest {
  const body: Record<string, unknown> = {}
  if (extra.version !== undefined) body.version = extra.version
  if (extra.consent) body.consent = extra.consent
  for (const step of PROFILE_STEPS) {
    for (const field of askedFields(step, answers)) {
      const value = normalized(field, answers[field.path])
      if (!isAnswered(value)) continue
      const [section, leaf] = field.path.split('.')
      if (leaf === undefined) body[section] = value
      else body[section] = { ...(body[section] as object | undefined), [leaf]: value }
    }
  }
  return body as ProfileRequest
}

/** A stored profile as answers, keyed like the questions. */
export function answersFromProfile(profile: ProfileView): Answers {
  const answers: Answers = {}
  const source = profile as Record<string, unknown>
  for (const field of ALL_FIELDS) {
    const [section, leaf] = field.path.split('.')
    const value = leaf === undefined ? source[section] : (source[section] as Record<string, unknown> | undefined)?.[leaf]
    if (value !== undefined && value !== null) answers[field.path] = value as AnswerValue
  }
  return answers
}

const PATTERNS: Partial<Record<FieldKind, RegExp>> = {
  idNumber: /^\d{17}[\dXx]$/,
  phone: /^1[3-9]\d{9}$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
}

/**
 * Checks a step can make before the server: required answers, the shape of ID, mobile and e-mail, number ranges,
 * how many dates a list holds, a contract that ends before it starts.
 * Returns message keys by path; the server's own checks (ID check character, credit code) still decide.
 */
export function checkStep(step: StepDef, answers: Answers): Partial<Record<ProfilePath, string>> {
  return checkFields(askedFields(step, answers), answers)
}

export function checkFields(fields: FieldDef[], answers: Answers): Partial<Record<ProfilePath, string>> {
  const problems: Partial<Record<ProfilePath, string>> = {}
  for (const field of fields) {
    const value = normalized(field, answers[field.path])
    if (!isAnswered(value)) {
      if (field.required) problems[field.path] = `profile.check.required.${field.path}`
      continue
    }
    const pattern = PATTERNS[field.kind]
    if (pattern && !pattern.test(String(value))) problems[field.path] = `profile.check.format.${field.kind}`
    if (field.maxLength && String(value).length > field.maxLength) problems[field.path] = 'profile.check.tooLong'
    if (field.kind === 'int') {
      const number = Number(value)
      if (!Number.isInteger(number) || (field.min !== undefined && number < field.min) || (field.max !== undefined && number > field.max)) {
        problems[field.path] = 'profile.check.range'
      }
    }
    if ((field.kind === 'dates' || field.kind === 'degrees') && Array.isArray(value) && field.max !== undefined && value.length > field.max) {
      problems[field.path] = 'profile.check.tooMany'
    }
  }
  const start = answers['employment.laborContractStart']
  const end = answers['employment.laborContractEnd']
  if (fields.some((field) => field.path === 'employment.laborContractEnd') && typeof start === 'string'
    && typeof end === 'string' && end < start) {
    problems['employment.laborContractEnd'] = 'profile.check.endBeforeStart'
  }
  return problems
}
