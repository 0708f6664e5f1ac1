import { describe, expect, it } from 'vitest'
import { boolChoice, exampleRows, factsInRules, hiddenCount, parseApplicant, withFact } from './exampleFacts'
import { FACTS } from './fixtures'
import type { Fact } from './types'

const names = (facts: Fact[]) => facts.map((f) => f.name)
const fact = (name: string) => FACTS.find((f) => f.name === name)!

describe('a worked example as a form', () => {
  it('finds the facts the rules and the amount read, once each, in order of mention', () => {
    expect(factsInRules({
      criteria: [{ expr: 'applicant.age >= 18 && applicant.age <= 35' }, { expr: "applicant.hukou != 'QUJIANG'" }],
      benefit: { amount: 'applicant.socialInsuranceMonthsInQujiang * 100' },
    })).toEqual(['age', 'hukou', 'socialInsuranceMonthsInQujiang'])
    expect(factsInRules(undefined)).toEqual([])
  })

  it('lists the facts the rules read first, then what the example gives, the rest only on request', () => {
    const applicant = { residesInQujiang: true, age: 25 }
    expect(names(exampleRows(FACTS, applicant, ['hukou', 'age'], false))).toEqual(['hukou', 'age', 'residesInQujiang'])
    expect(hiddenCount(FACTS, applicant, ['hukou', 'age'])).toBe(1)
    expect(names(exampleRows(FACTS, applicant, ['hukou', 'age'], true)))
      .toEqual(['hukou', 'age', 'residesInQujiang', 'socialInsuranceMonthsInQujiang'])
    expect(names(exampleRows(FACTS, { typo: 1 }, ['notAFact'], false))).toEqual([])
  })

  it('sets each fact with its type and leaves an emptied one out', () => {
    let applicant = withFact({}, fact('age'), 25.7)
    expect(applicant).toEqual({ age: 25 })
    applicant = withFact(applicant, fact('residesInQujiang'), 'false')
    applicant = withFact(applicant, fact('hukou'), 'OUT_OF_PROVINCE')
    expect(applicant).toEqual({ age: 25, residesInQujiang: false, hukou: 'OUT_OF_PROVINCE' })
    applicant = withFact(applicant, fact('age'), null)
    applicant = withFact(applicant, fact('hukou'), '')
    expect(applicant).toEqual({ residesInQujiang: false })
    expect(boolChoice(false)).toBe('false')
    expect(boolChoice(undefined)).toBe('')
  })

  it('the JSON view takes an object only', () => {
    expect(parseApplicant('{"age": 25}')).toEqual({ age: 25 })
    expect(parseApplicant('[1]')).toBeUndefined()
    expect(parseApplicant('{"age": ')).toBeUndefined()
    expect(parseApplicant('null')).toBeUndefined()
  })
})
