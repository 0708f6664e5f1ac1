import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises } from '@vue/test-utils'
import { CODES, mountWithApp, readable } from '@/test/mountWithApp'
import type { UptakeReport } from './funnel'

const talentGet = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ talent: { GET: talentGet } }),
  call: (request: Promise<unknown>) => request,
}))
// Charts draw on a canvas the test DOM does not have; the stand-in shows what a screen reader is told.
vi.mock('./EChart.vue', () => ({
  default: defineComponent({ props: ['option', 'label', 'height'], setup: (props) => () => h('figure', props.label) }),
}))
const saveBlob = vi.fn()
vi.mock('@shared/app/saveBlob', () => ({ saveBlob }))
vi.mock('@shared/i18n/format', async (actual) => ({
  ...(await actual<typeof import('@shared/i18n/format')>()), qujiangDay: () => '2026-11-29',
}))

const { default: StatisticsScreen } = await import('./StatisticsScreen.vue')

function report(): UptakeReport {
  return {
    from: '2026-01-01', to: '2026-11-29', eligibleAsOf: '2026-11-29',
    measures: [
      { measureCode: 'QJY-02', title: '高校毕业生生活补贴', category: 'EMPLOYMENT', categoryLabel: '就业', eligible: 1520,
        applied: 310, approved: 240, rejected: 30, infoRequested: 12, medianWorkingDays: 3.5, overdue: 4,
        amountGranted: 240000, unit: 'CNY_PER_MONTH', unitLabel: '元/月', amountText: '每月 240,000 元' },
      { measureCode: 'QJY-20', title: '租房优惠', category: 'HOUSING', categoryLabel: '安居', eligible: 80, applied: 12,
        approved: 10, rejected: 0, infoRequested: 0, overdue: 0 },
    ],
    categories: [
      { key: 'EMPLOYMENT', label: '就业', eligible: 1520, applied: 310, approved: 240, rejected: 30, infoRequested: 12,
        medianWorkingDays: 3.5, overdue: 4, amounts: [{ unit: 'CNY_PER_MONTH', unitLabel: '元/月', amount: 240000, amountText: '每月 240,000 元' }] },
      { key: 'HOUSING', label: '安居', eligible: 80, applied: 12, approved: 10, rejected: 0, infoRequested: 0, overdue: 0, amounts: [] },
    ],
    total: { key: 'ALL', label: '全部政策', eligible: 1600, applied: 322, approved: 250, rejected: 30, infoRequested: 12,
      medianWorkingDays: 3.5, overdue: 4, amounts: [{ unit: 'CNY_PER_MONTH', unitLabel: '元/月', amount: 240000, amountText: '每月 240,000 元' }] },
    weeks: [{ week: '2026-W48', starts: '2026-11-23', approved: 17, rejected: 2, infoRequested: 1 }],
  }
}

describe('政策兑现统计', () => {
  beforeEach(() => {
    talentGet.mockReset().mockResolvedValue(report())
    saveBlob.mockReset()
  })

  it('shows this year by default: the sums, the funnel in words and every measure, with no code on screen', async () => {
    const { wrapper } = await mountWithApp(StatisticsScreen, { route: '/statistics' })
    expect(talentGet).toHaveBeenCalledWith('/api/talent/statistics/uptake',
      { params: { query: { from: '2026-01-01', to: '2026-11-29' } } })
    const text = readable(wrapper)
    expect(text).toContain('2026年1月1日 至 2026年11月29日')
    expect(text).toContain('目前符合条件 1,600 人 → 已申请 322 件（相当于符合条件人数的 20%） → 已通过 250 件（占已审结的 89%）')
    expect(text).toContain('高校毕业生生活补贴')
    expect(text).toContain('每月 240,000 元')
    expect(text).toContain('3.5 个工作日')
    expect(text).toContain('全部政策')
    expect(text).not.toMatch(CODES)
    expect(text).not.toContain('CNY_PER_MONTH')
    wrapper.unmount()
  })

  it('asks again for another period, and says why a period cannot be asked for', async () => {
    const { wrapper } = await mountWithApp(StatisticsScreen, { route: '/statistics' })
    const lastMonth = wrapper.findAll('label').find((label) => label.text() === '上月')!
    await lastMonth.find('input').setValue(true)
    await flushPromises()
    expect(talentGet).toHaveBeenLastCalledWith('/api/talent/statistics/uptake',
      { params: { query: { from: '2026-10-01', to: '2026-10-31' } } })
    expect(readable(wrapper)).toContain('2026年10月1日 至 2026年10月31日')
    wrapper.unmount()
  })

  it('narrows the measures to one category', async () => {
    const { wrapper } = await mountWithApp(StatisticsScreen, { route: '/statistics' })
    const rows = () => wrapper.findAll('.el-table__body-wrapper tbody tr').map((row) => row.text())
    expect(rows().some((row) => row.includes('租房优惠'))).toBe(true)
    // the category select is the last one on the page; pick as a person would
    const select = wrapper.findAllComponents({ name: 'ElSelect' }).at(-1)!
    select.vm.$emit('update:modelValue', 'EMPLOYMENT')
    await flushPromises()
    expect(rows().some((row) => row.includes('租房优惠'))).toBe(false)
    expect(rows().some((row) => row.includes('高校毕业生生活补贴'))).toBe(true)
    wrapper.unmount()
  })

  it('exports the period on screen as an Excel file named by it', async () => {
    const { wrapper } = await mountWithApp(StatisticsScreen, { route: '/statistics' })
    talentGet.mockResolvedValueOnce(new Blob(['xlsx']))
    await wrapper.findAll('button').find((b) => b.text() === '导出 Excel')!.trigger('click')
    await flushPromises()
    expect(talentGet).toHaveBeenLastCalledWith('/api/talent/statistics/uptake/export',
      { params: { query: { from: '2026-01-01', to: '2026-11-29' } }, parseAs: 'blob' })
    expect(saveBlob).toHaveBeenCalledWith(expect.any(Blob), '青年政策兑现统计_2026-01-01_2026-11-29.xlsx')
    wrapper.unmount()
  })
})
