import { describe, expect, it } from 'vitest'
import { apply, suggestions } from './completion'
import { FACTS } from './fixtures'

const words = (type: string) => ({ INT: '整数', ENUM: '选项', BOOL: '是/否', ROOT: '申请人的情况' } as Record<string, string>)[type] ?? type
const at = (text: string) => suggestions(text, text.length, FACTS, words)

describe('completion of a CEL rule from the fact vocabulary', () => {
  it('offers the facts after applicant., by prefix first, then by part of the name', () => {
    expect(at('applicant.').map((s) => s.label)).toEqual(['age', 'hukou', 'residesInQujiang', 'socialInsuranceMonthsInQujiang'])
    expect(at('applicant.age >= 18 && applicant.hu')).toEqual([{ insert: 'hukou', from: 33, label: 'hukou', detail: '户籍 · 选项' }])
    expect(at('applicant.insur').map((s) => s.label)).toEqual(['socialInsuranceMonthsInQujiang'])
  })

  it('offers the values of an enum fact inside the quotes of a comparison or a list', () => {
    expect(at("applicant.hukou == '").map((s) => s.label)).toEqual(['QUJIANG', 'QUZHOU_OTHER', 'ZHEJIANG_OTHER', 'OUT_OF_PROVINCE'])
    expect(at("applicant.hukou != 'qu").map((s) => s.detail)).toEqual(['衢江区', '衢州市其他区县'])
    expect(at("applicant.hukou in ['QUJIANG', 'O").map((s) => s.label)).toEqual(['OUT_OF_PROVINCE'])
  })

  it('completes the word applicant. and offers nothing elsewhere', () => {
    expect(at('age > 1 && app')).toEqual([{ insert: 'applicant.', from: 11, label: 'applicant.', detail: '申请人的情况' }])
    expect(at('applicant.age >= 18 ')).toEqual([])
    expect(at("applicant.age == '")).toEqual([])
  })

  it('applying a suggestion replaces what was typed and puts the caret after it', () => {
    const text = 'applicant.ag && true'
    const [age] = suggestions(text, 12, FACTS, words)
    expect(apply(text, 12, age)).toEqual({ text: 'applicant.age && true', caret: 13 })
  })
})
