import { describe, expect, it } from 'vitest'
import { problemsByRule, ruleProblem } from './ruleProblems'

const SYNTAX = "ERROR: <input>:1:35: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}\n | applicant.age >= 18 && applicant.age <=\n | ..................................^"

describe('compile errors mapped onto the rules', () => {
  it('puts each rule problem at its criterion, the amount and the window apart', () => {
    const mapped = problemsByRule({
      savable: false, examplesAgree: false, reasons: [], examples: [],
      rules: [{ criterion: 'age', celMessage: SYNTAX }, { criterion: 'benefit.amount', celMessage: 'the expression must be of type int but is string' },
        { criterion: 'window', celMessage: 'the window closes before it opens' }],
      errors: [{ field: 'benefit.months', code: 'GRANT_MONTHS_REQUIRED', message: '按月享受的政策须在 benefit.months 中填写至少 1 个月。' }],
    })

    expect(Object.keys(mapped.criteria)).toEqual(['age'])
    expect(mapped.criteria.age).toMatchObject({ line: 1, column: 35 })
    expect(mapped.criteria.age.message).toMatch(/^mismatched input '<EOF>' expecting/)
    expect(mapped.criteria.age.excerpt).toBe(' | applicant.age >= 18 && applicant.age <=\n | ..................................^')
    expect(mapped.amount?.message).toBe('the expression must be of type int but is string')
    expect(mapped.window?.line).toBeUndefined()
    expect(mapped.fields['benefit.months']).toContain('至少 1 个月')
  })

  it('keeps the note on unknown facts with the message', () => {
    const problem = ruleProblem("ERROR: <input>:1:10: undeclared reference to 'shoeSize' (in container '')\n | applicant.shoeSize > 40\n | .........^\nunknown fact applicant.shoeSize; known facts are [age, gender]")
    expect(problem.message).toContain("undeclared reference to 'shoeSize'")
    expect(problem.message).toContain('unknown fact applicant.shoeSize')
    expect(problem.excerpt).toContain('applicant.shoeSize > 40')
  })

  it('has nothing to show before the first check or when every rule compiles', () => {
    expect(problemsByRule(undefined)).toEqual({ criteria: {}, amount: undefined, window: undefined, fields: {} })
  })
})
