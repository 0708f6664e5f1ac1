import type { components } from '@/api/generated/talent'

export type UptakeReport = components['schemas']['UptakeReport']
export type MeasureRow = components['schemas']['MeasureRow']
export type UptakeSummary = components['schemas']['UptakeSummary']

type Translate = (key: string, values?: Record<string, unknown>) => string
type Counts = Pick<UptakeSummary, 'eligible' | 'applied' | 'approved' | 'rejected'>

/** A whole percentage, or undefined where the base is 0 (no rate rather than a made-up 0 % or ∞). */
export function rate(part: number, whole: number): number | undefined {
  return whole > 0 ? Math.round((part / whole) * 100) : undefined
}

/**
 * The funnel's three steps. The applications' rate is of the people eligible today (it can pass 100 %: some who
 * applied in the period are no longer eligible, or apply for several measures of a category); the approvals' rate
 * is of the decisions taken in the period (approved or rejected), so it never does.
 */
export function funnelSteps(counts: Counts): { key: 'eligible' | 'applied' | 'approved'; count: number; rate?: number }[] {
  const eligible = counts.eligible ?? 0
  const applied = counts.applied ?? 0
  const approved = counts.approved ?? 0
  const decided = approved + (counts.rejected ?? 0)
  return [
    { key: 'eligible', count: eligible },
    { key: 'applied', count: applied, rate: rate(applied, eligible) },
    { key: 'approved', count: approved, rate: rate(approved, decided) },
  ]
}

/** "符合条件 1,520 → 已申请 310（符合条件人数的 20%）→ 已通过 240（审结的 89%）", for the page and screen readers. */
export function funnelText(counts: Counts, t: Translate, number: (n: number) => string): string {
  return funnelSteps(counts).map((step) => {
    const count = t(`statistics.funnel.${step.key}`, { n: number(step.count) })
    return step.rate === undefined || step.key === 'eligible'
      ? count : `${count}${t(`statistics.funnel.${step.key}Rate`, { rate: step.rate })}`
  }).join(t('statistics.funnel.arrow'))
}

/** "3.5 个工作日", or "—" when nothing was decided. */
export function medianText(days: number | undefined | null, t: Translate, number: (n: number) => string): string {
  return days === undefined || days === null ? t('statistics.none') : t('statistics.workingDays', { n: number(days) })
}

/** The amounts granted in words, one per unit ("每月 3,000 元、12 晚"), "—" for none. */
export function amountsText(amounts: UptakeSummary['amounts'], t: Translate): string {
  const texts = (amounts ?? []).map((amount) => amount.amountText).filter(Boolean)
  return texts.length ? texts.join(t('listSeparator')) : t('statistics.none')
}
