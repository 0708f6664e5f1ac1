import { beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/i18n'
import { mountWithApp, readable } from '@/test/mountWithApp'
import { resetVocabulary } from '@/features/vocabulary/useVocabulary'
import { vocabularyFixture } from '@/features/vocabulary/vocabulary.fixture'
import type { MeasureSummary } from '@/features/measures/useCatalogue'
import MatchGroups from './MatchGroups.vue'
import { GROUP_ORDER, type MatchResult } from './useMatchGroups'

const GET = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ policy: { GET } }),
  call: async (request: Promise<{ data: unknown }>) => (await request).data,
}))

/** One result of every outcome, shaped as GET /api/policy/me/results answers (measure codes in order). */
const results: MatchResult[] = [
  {
    measureCode: 'QJY-01', title: '青年驿站免费住宿', outcome: 'ELIGIBLE', benefitKind: 'IN_KIND', unit: 'NIGHT', amount: 7,
    criteria: [{ id: 'c1', status: 'PASSED', label: '户籍不在衢江', values: { hukou: 'OUT_OF_PROVINCE' } }],
  },
  {
    measureCode: 'QJY-02', title: '青年人才租房补贴', outcome: 'ELIGIBLE', benefitKind: 'MONTHLY_CASH', unit: 'CNY_PER_MONTH', amount: 1000,
    criteria: [
      { id: 'c1', status: 'PASSED', label: '35 周岁以下', values: { age: '27' } },
      { id: 'c2', status: 'PASSED', label: '大专及以上学历', values: { degree: 'BACHELOR' } },
      { id: 'c3', status: 'PASSED', label: '在衢江租房', values: { rentingInQujiang: 'true', ownsHomeInQujiang: 'false' } },
    ],
  },
  {
    measureCode: 'QJY-03', title: '青年人才购房补贴', outcome: 'EXCLUDED', benefitKind: 'ONE_OFF_CASH', unit: 'CNY', amount: 20000,
    excludedBy: ['QJY-02'],
  },
  {
    measureCode: 'QJY-05', title: '高校毕业生生活补贴', outcome: 'NEEDS_INFO', benefitKind: 'ONE_OFF_CASH', unit: 'CNY',
    criteria: [
      { id: 'c1', status: 'UNKNOWN', label: '毕业 2 年以内', hint: '请填写毕业日期' },
      { id: 'c2', status: 'PASSED', label: '就业状态为已就业', values: { employmentStatus: 'EMPLOYED' } },
    ],
    missingFacts: ['monthsSinceGraduation', 'topUniversity', 'hukou', 'age'],
  },
  {
    measureCode: 'QJY-10', title: '就业见习补贴', outcome: 'INELIGIBLE', nearMiss: true, benefitKind: 'ONE_OFF_CASH', unit: 'CNY', amount: 5000,
    criteria: [
      { id: 'c1', status: 'PASSED', label: '所在行业为数字经济', values: { industry: 'DIGITAL_ECONOMY' } },
      { id: 'c2', status: 'FAILED', label: '在衢江缴纳社保满 6 个月', hint: '在衢江再缴纳 3 个月社保即可', values: { socialInsuranceMonthsInQujiang: '3' } },
    ],
  },
  {
    measureCode: 'QJY-20', title: '创业担保贷款', outcome: 'INELIGIBLE', nearMiss: false, benefitKind: 'LOAN', unit: 'CNY', amount: 300000,
    criteria: [{ id: 'c1', status: 'FAILED', label: '在衢江注册创业主体', hint: '在衢江注册公司或个体户后可申请', values: { startupInQujiang: 'false' } }],
  },
  {
    measureCode: 'QJY-36', title: '体育场馆青年优惠', outcome: 'NOT_OPEN', benefitKind: 'DISCOUNT', unit: 'PERCENT', amount: 50,
  },
]

/** The public catalogue adds months, notes and windows. */
const measures: MeasureSummary[] = [
  { code: 'QJY-02', title: '青年人才租房补贴', benefit: { kind: 'MONTHLY_CASH', unit: 'CNY_PER_MONTH', amount: 1000, months: 12 } },
  { code: 'QJY-05', title: '高校毕业生生活补贴', benefit: { kind: 'ONE_OFF_CASH', unit: 'CNY', note: '博士 3 万元、硕士 1.5 万元、本科 1 万元' } },
  { code: 'QJY-36', title: '体育场馆青年优惠', opens: '2099-01-01', closes: '2099-12-31', benefit: { kind: 'DISCOUNT', unit: 'PERCENT', amount: 50 } },
]

/** Every code the server sent: outcomes, kinds, units, fact names and their raw values. None may be read. */
function codesIn(list: MatchResult[]): string[] {
  const codes = new Set<string>()
  for (const r of list) {
    for (const code of [r.outcome, r.benefitKind, r.unit, ...(r.missingFacts ?? []), ...(r.excludedBy ?? [])]) if (code) codes.add(code)
    for (const c of r.criteria ?? []) {
      for (const [fact, value] of Object.entries(c.values ?? {})) {
        codes.add(fact)
        if (!/^\d+$/.test(value)) codes.add(value)
      }
    }
  }
  return [...codes]
}

async function mountGroups(props: Record<string, unknown> = {}) {
  return mountWithApp(MatchGroups, { props: { results, measures, signedIn: true, open: GROUP_ORDER, ...props } })
}

describe('MatchGroups', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
    resetVocabulary()
    GET.mockReset()
    GET.mockResolvedValue({ data: vocabularyFixture })
  })

  it('shows the six groups in reading order, each with its count in words', async () => {
    const { wrapper } = await mountGroups()
    const titles = wrapper.findAll('.van-collapse-item__title').map((title) => [title.find('h2').text(), title.find('.van-tag').text()])
    expect(titles).toEqual([
      ['可申请', '2 项'], ['还差一点', '1 项'], ['需补充信息', '1 项'], ['未开放', '1 项'], ['不可同时享受', '1 项'], ['不符合', '1 项'],
    ])
    expect(wrapper.find('.group-eligible').text()).toContain('您符合这些政策的全部条件。')
  })

  it('leaves out empty groups and opens the first one when nothing can be applied for', async () => {
    const { wrapper } = await mountGroups({ results: results.filter((r) => r.outcome === 'NOT_OPEN' || r.outcome === 'EXCLUDED'), open: undefined })
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['未开放', '不可同时享受'])
    // Open (its content rendered): the first group there is; folded: the other.
    expect(wrapper.find('.group-notOpen').text()).toContain('体育场馆青年优惠')
    expect(wrapper.find('.group-excluded').text()).not.toContain('青年人才购房补贴')
  })

  it('words each benefit, with the months and the note from the catalogue', async () => {
    const { wrapper } = await mountGroups()
    const benefits = wrapper.findAll('.match-card').map((card) => [card.find('.title > span').text(), card.find('.benefit').text()])
    expect(Object.fromEntries(benefits)).toEqual({
      青年驿站免费住宿: '免费住宿 7 晚',
      青年人才租房补贴: '每月 1,000 元，最长 12 个月',
      就业见习补贴: '一次性 5,000 元',
      高校毕业生生活补贴: '一次性补贴',
      体育场馆青年优惠: '5 折优惠',
      青年人才购房补贴: '一次性 20,000 元',
      创业担保贷款: '最高可贷 300,000 元',
    })
    expect(wrapper.find('.group-needsInfo .benefit-note').text()).toBe('博士 3 万元、硕士 1.5 万元、本科 1 万元')
    expect(wrapper.find('.group-notOpen').text()).toContain('将于 2099年1月1日 开放申请')
    expect(wrapper.find('.group-excluded').text()).toContain('与您已享受的「青年人才租房补贴」不能同时享受')
  })

  it('lists the criteria with the resident’s own answers in words', async () => {
    const { wrapper } = await mountGroups()
    const eligible = readable(wrapper.find('.group-eligible'))
    expect(eligible).toContain('户籍所在地：浙江省外')
    expect(eligible).toContain('年龄：27 岁')
    expect(eligible).toContain('最高学历：本科')
    expect(eligible).toContain('是否在衢江租房：是；是否在衢江有自有住房：否')

    const nearMiss = wrapper.find('.group-nearMiss')
    expect(nearMiss.text()).toContain('所在行业：数字经济')
    expect(nearMiss.text()).toContain('在衢江缴纳社保：3 个月')
    // A failed criterion says what to do about it, and is named for screen readers, not only by its ✗.
    expect(nearMiss.find('.criterion.failed .hint-text').text()).toBe('在衢江再缴纳 3 个月社保即可')
    expect(nearMiss.find('.criterion.failed .label').text()).toBe('不符合：在衢江缴纳社保满 6 个月')
    expect(nearMiss.find('.criterion.failed .glyph').attributes('aria-hidden')).toBe('true')

    expect(wrapper.find('.group-ineligible').text()).toContain('创业主体是否在衢江注册：否')
    const unknown = wrapper.find('.group-needsInfo .criterion.unknown')
    expect(unknown.text()).toContain('您还没有填写相关资料')
    // The hint is for failed criteria only.
    expect(unknown.text()).not.toContain('请填写毕业日期')
  })

  it('links each missing fact to the profile step that asks it, derived facts by the answer they come from', async () => {
    const { wrapper, router } = await mountGroups()
    const links = wrapper.findAll('.group-needsInfo .missing a').map((a) => [a.text(), a.attributes('href')])
    expect(links).toEqual([
      ['毕业日期', '/profile/education'],
      ['是否毕业于重点高校', '/profile/education'],
      ['户籍所在地', '/profile/housing'],
      ['出生日期', '/profile/basic'],
    ])
    // Each is a step the app has, not the catch-all back to the home screen.
    for (const [, href] of links) expect(router.resolve(href!).matched[0]?.path).toBe('/profile/:step')
    await wrapper.find('.group-needsInfo .missing a').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/profile/education'))
  })

  it('without signing in, a missing fact is a button that asks it here', async () => {
    const { wrapper } = await mountGroups({ signedIn: false })
    expect(wrapper.findAll('.group-needsInfo .missing a')).toHaveLength(0)
    const buttons = wrapper.findAll('.group-needsInfo .missing button')
    expect(buttons.map((b) => b.text())).toEqual(['毕业日期', '是否毕业于重点高校', '户籍所在地', '出生日期'])
    await buttons[3]!.trigger('click')
    expect(wrapper.emitted('fact')).toEqual([['birthDate']])
  })

  it('never shows a code the server sent', async () => {
    const { wrapper } = await mountGroups()
    const text = wrapper.text()
    for (const code of codesIn(results)) expect(text, code).not.toContain(code)
    expect(text).not.toMatch(/\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/)
    expect(text).not.toMatch(/\b(?:true|false|null|undefined)\b/)
    expect(text).not.toMatch(/QJY-/)
  })
})
