import { beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/i18n'
import { ApiProblem } from '@/api/problem'
import { resetVocabulary, useVocabulary, type Vocabulary } from './useVocabulary'
import { vocabularyFixture } from './vocabulary.fixture'

const GET = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ policy: { GET } }),
  call: async (request: Promise<{ data: unknown }>) => (await request).data,
}))

const english: Vocabulary = {
  facts: [{ name: 'degree', type: 'ENUM', label: 'Highest degree', values: [{ value: 'BACHELOR', label: "Bachelor's degree" }] }],
  units: [{ unit: 'CNY_PER_MONTH', label: 'CNY/month', amountPattern: '{amount} CNY a month' }],
}

describe('useVocabulary', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
    resetVocabulary()
    GET.mockReset()
    GET.mockImplementation((_path: string, options: { params: { query: { lang: string } } }) =>
      Promise.resolve({ data: options.params.query.lang === 'en' ? english : vocabularyFixture }))
  })

  it('loads the vocabulary once per language, in that language', async () => {
    const vocabulary = useVocabulary()
    expect(vocabulary.ready.value).toBe(false)
    await Promise.all([vocabulary.load(), useVocabulary().load()])
    expect(vocabulary.ready.value).toBe(true)
    expect(GET).toHaveBeenCalledTimes(1)
    expect(GET).toHaveBeenCalledWith('/api/policy/vocabulary', { params: { query: { lang: 'zh' } } })

    i18n.global.locale.value = 'en'
    await vocabulary.load()
    expect(GET).toHaveBeenCalledTimes(2)
    expect(vocabulary.factLabel('degree')).toBe('Highest degree')
    i18n.global.locale.value = 'zh-CN'
    expect(vocabulary.factLabel('degree')).toBe('最高学历')
    expect(GET).toHaveBeenCalledTimes(2)
  })

  it('words values: enum labels, yes/no, numbers with their unit word, dates', async () => {
    const { load, valueLabel } = useVocabulary()
    await load()
    expect(valueLabel('degree', 'BACHELOR')).toBe('本科')
    expect(valueLabel('residesInQujiang', true)).toBe('是')
    expect(valueLabel('residesInQujiang', 'false')).toBe('否')
    expect(valueLabel('age', '27')).toBe('27 岁')
    expect(valueLabel('socialInsuranceMonthsInQujiang', 1200)).toBe('1,200 个月')
    expect(valueLabel('graduationDate', '2025-06-30')).toBe('2025年6月30日')
    expect(valueLabel('childrenBirthDates', ['2024-02-29', '2026-01-05'])).toBe('2024年2月29日、2026年1月5日')
    expect(valueLabel('childrenBirthDates', [])).toBe('无')
    expect(valueLabel('degree', undefined)).toBe('未填写')
    expect(valueLabel('degree', 'SOMETHING_NEW')).toBe('SOMETHING_NEW')
  })

  it('words amounts by the unit pattern, with grouped digits', async () => {
    const { load, amountText } = useVocabulary()
    await load()
    expect(amountText('CNY_PER_MONTH', 1000)).toBe('每月 1,000 元')
    expect(amountText('CNY', 20000)).toBe('20,000 元')
    expect(amountText('UNKNOWN_UNIT', 5)).toBe('5')
  })

  it('offers the choices of enum and yes/no facts', async () => {
    const { load, options } = useVocabulary()
    await load()
    expect(options('hukou').map((option) => option.value)).toEqual(['QUJIANG', 'QUZHOU_OTHER', 'ZHEJIANG_OTHER', 'OUT_OF_PROVINCE'])
    expect(options('married')).toEqual([{ value: 'true', label: '是' }, { value: 'false', label: '否' }])
    expect(options('age')).toEqual([])
  })

  it('reports a failed load and loads again on retry', async () => {
    GET.mockRejectedValueOnce(new ApiProblem(429, 'RATE_LIMITED', '稍后再试', [], 5))
    const vocabulary = useVocabulary()
    await vocabulary.load()
    expect(vocabulary.ready.value).toBe(false)
    expect((vocabulary.problem.value as ApiProblem).temporary).toBe(true)

    await vocabulary.load()
    expect(vocabulary.ready.value).toBe(true)
    expect(vocabulary.problem.value).toBeUndefined()
  })
})
