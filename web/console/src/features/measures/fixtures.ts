import type { Fact, Measure } from './types'

/** 青年驿站免费住宿 as policy-service serves it (zh and en texts, rules as CEL), for the measure tests. */
export function station(overrides: Partial<Measure> = {}): Measure {
  return {
    code: 'QJY-01', version: 1,
    title: { zh: '青年驿站免费住宿', en: 'Free lodging at youth stations' },
    summary: { zh: '区外青年来衢江求职可免费入住。', en: 'Free lodging for young job seekers.' },
    category: 'EMPLOYMENT', department: { zh: '团区委', en: 'District Youth League Committee' }, mode: 'APPLY',
    window: { opens: '2024-01-01' }, quota: undefined, excludes: [], responseWorkingDays: 1,
    benefit: { kind: 'IN_KIND', unit: 'NIGHT', amount: '7' }, grant: { term: 'ONE_OFF' },
    criteria: [
      { id: 'age', expr: 'applicant.age >= 18 && applicant.age <= 35', label: { zh: '年龄18至35周岁', en: 'Aged 18 to 35' },
        hint: { zh: '仅接待18至35周岁的青年', en: 'Only for people aged 18 to 35' } },
      { id: 'from-outside', expr: "applicant.hukou != 'QUJIANG'", label: { zh: '非衢江户籍', en: 'Household registration outside Qujiang' },
        hint: { zh: '接待区外来衢江求职的青年', en: 'For young people from outside the district' } },
    ],
    documents: [{ zh: '身份证', en: 'Resident ID card' }],
    examples: [
      { name: 'out-of-province graduate', applicant: { age: 24, hukou: 'OUT_OF_PROVINCE' }, expect: 'ELIGIBLE', amount: 7 },
      { name: 'too old', applicant: { age: 36, hukou: 'OUT_OF_PROVINCE' }, expect: 'INELIGIBLE' },
    ],
    ...overrides,
  }
}

/** A few facts of policy-engine's vocabulary (zh-CN). */
export const FACTS: Fact[] = [
  { name: 'age', type: 'INT', label: '年龄', unit: '岁', values: [] },
  { name: 'hukou', type: 'ENUM', label: '户籍', unit: null, values: [
    { value: 'QUJIANG', label: '衢江区' }, { value: 'QUZHOU_OTHER', label: '衢州市其他区县' },
    { value: 'ZHEJIANG_OTHER', label: '浙江省其他地区' }, { value: 'OUT_OF_PROVINCE', label: '浙江省外' }] },
  { name: 'residesInQujiang', type: 'BOOL', label: '是否居住在衢江', unit: null, values: [] },
  { name: 'socialInsuranceMonthsInQujiang', type: 'INT', label: '在衢江缴纳社保月数', unit: '个月', values: [] },
]
