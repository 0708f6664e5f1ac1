import { beforeEach, describe, expect, it, vi } from 'vitest'
import { takeOverForProfile } from './handover'
import { askedQuestions, birthDateForAge, buildFacts, questionForFact, resetCalculator, useCalculator } from './useCalculator'

const POST = vi.fn()
const register = vi.fn()
const login = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ policy: { POST } }),
  call: async (request: Promise<{ data: unknown }>) => (await request).data,
}))
vi.mock('@/auth/useAuth', async () => {
  const { computed } = await import('vue')
  return { useAuth: () => ({ authenticated: computed(() => false), register, login }) }
})

const TODAY = new Date(2026, 10, 29)

describe('calculator facts', () => {
  it('turns an age into a birth date that gives that age for half a year either side of today', () => {
    expect(birthDateForAge(25, TODAY)).toBe('2001-05-29')
    expect(birthDateForAge(30, new Date(2026, 2, 15))).toBe('1995-09-15')
  })

  it('builds ApplicantFacts from the answered questions, with the facts\' own names', () => {
    expect(buildFacts({
      'education.degree': 'BACHELOR',
      'education.graduationDate': '2025-06-30',
      hukou: 'OUT_OF_PROVINCE',
      'residence.residesInQujiang': true,
      'employment.status': 'EMPLOYED',
      'employment.employerInQujiang': true,
      'employment.socialInsuranceInQujiangSince': '2026-01-01',
      'housing.rentingInQujiang': false,
      'family.childrenBirthDates': ['2025-02-01'],
      'startup.registeredInQujiang': false,
    }, 25, TODAY)).toEqual({
      birthDate: '2001-05-29',
      degree: 'BACHELOR',
      graduationDate: '2025-06-30',
      hukou: 'OUT_OF_PROVINCE',
      residesInQujiang: true,
      employmentStatus: 'EMPLOYED',
      employerInQujiang: true,
      socialInsuranceInQujiangSince: '2026-01-01',
      rentingInQujiang: false,
      childrenBirthDates: ['2025-02-01'],
      startupInQujiang: false,
    })
  })

  it('leaves out unanswered questions and follow-ups that no longer apply', () => {
    expect(buildFacts({}, undefined, TODAY)).toEqual({})
    const facts = buildFacts({ 'employment.status': 'JOB_SEEKING', 'employment.employerInQujiang': true, 'education.degree': 'NONE', 'education.graduationDate': '2020-06-30' }, undefined, TODAY)
    expect(facts).toEqual({ employmentStatus: 'JOB_SEEKING', degree: 'NONE' })
  })

  it('asks follow-up questions only once they apply', () => {
    const paths = (answers: Parameters<typeof askedQuestions>[0]) => askedQuestions(answers).map((field) => field.path)
    expect(paths({})).not.toContain('education.graduationDate')
    expect(paths({ 'education.degree': 'JUNIOR_COLLEGE' })).toContain('education.graduationDate')
    expect(paths({ 'employment.status': 'EMPLOYED' })).toContain('employment.employerInQujiang')
  })

  it('finds the question behind a missing fact', () => {
    expect(questionForFact('monthsSinceGraduation', { 'education.degree': 'BACHELOR' })).toBe('education.graduationDate')
    expect(questionForFact('monthsSinceGraduation', {})).toBe('education.degree')
    expect(questionForFact('age', {})).toBe('age')
    expect(questionForFact('hukou', {})).toBe('hukou')
    expect(questionForFact('industry', {})).toBeUndefined()
  })
})

describe('useCalculator', () => {
  beforeEach(() => {
    resetCalculator()
    sessionStorage.clear()
    POST.mockReset()
    register.mockReset()
  })

  it('evaluates the answers anonymously with no held measures', async () => {
    POST.mockResolvedValue({ data: { summary: { eligible: 2 }, results: [] } })
    const calculator = useCalculator()
    calculator.setAnswer('age', 24)
    calculator.setAnswer('hukou', 'QUJIANG')
    await calculator.evaluate()
    expect(POST).toHaveBeenCalledWith('/api/policy/evaluate', {
      body: { facts: { birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), hukou: 'QUJIANG' }, heldMeasures: [] },
    })
    expect(calculator.response.value?.summary?.eligible).toBe(2)
    expect(calculator.showingResults.value).toBe(true)
  })

  it('keeps only the calculator answers for the profile when the resident registers', async () => {
    const calculator = useCalculator()
    calculator.setAnswer('age', 24)
    calculator.setAnswer('family.married', true)
    await calculator.keepAsProfile('register')
    expect(register).toHaveBeenCalledWith('/profile')
    expect(takeOverForProfile()).toEqual({ 'family.married': true })
    expect(takeOverForProfile()).toBeUndefined()
  })
})
