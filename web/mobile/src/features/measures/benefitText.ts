/**
 * What a measure gives, in plain words: "每月 2,000 元，最长 6 个月", "免费住宿 7 晚", "一次性 10,000 元", "5 折优惠".
 * The amount itself is worded by the shared vocabulary (`amountText`); this adds what kind of benefit it is. Without
 * a fixed amount (it depends on the resident), the kind is named and {@link benefitNote} gives the catalogue's note,
 * which says how much.
 */
export interface BenefitWords {
  kind?: string
  unit?: string
  amount?: number | null
  /** From the catalogue: how many months a monthly benefit is paid at most. */
  months?: number | null
  /** From the catalogue: the measure's own remark on the amount ("博士3万元、硕士1.5万元…"). */
  note?: string | null
}

export type Translate = (key: string, params?: Record<string, unknown>) => string
export type AmountText = (unit: string, amount: number) => string
export type NumberText = (value: number) => string

const KINDS = ['MONTHLY_CASH', 'ONE_OFF_CASH', 'LOAN', 'IN_KIND', 'SERVICE', 'DISCOUNT']
/** Units with their own wording inside an in-kind benefit. */
const IN_KIND_UNITS = ['NIGHT', 'PLACE', 'CNY']

function known(kind: string | undefined): string {
  return kind && KINDS.includes(kind) ? kind : 'OTHER'
}

/** The benefit's main line; `t` resolves keys under `measures.benefit`. */
export function benefitText(benefit: BenefitWords, t: Translate, amountText: AmountText, number: NumberText): string {
  const kind = known(benefit.kind)
  const unit = benefit.unit ?? ''
  const amount = benefit.amount
  let text: string
  if (amount === undefined || amount === null) {
    text = t(`measures.benefit.kind.${kind}`)
  } else if (kind === 'DISCOUNT' && unit === 'PERCENT') {
    // The catalogue's PERCENT is the share taken off: 20 = 8 折, 100 = free.
    text = amount >= 100
      ? t('measures.benefit.free')
      : t('measures.benefit.discount', { rate: number((100 - amount) / 10), percent: number(amount) })
  } else {
    const words = amountText(unit, amount)
    const key = kind === 'IN_KIND' && IN_KIND_UNITS.includes(unit) ? `IN_KIND_${unit}` : kind
    text = t(`measures.benefit.amount.${key}`, { amount: words, count: amount })
  }
  if (kind === 'MONTHLY_CASH' && benefit.months) {
    text = t('measures.benefit.months', { text, months: number(benefit.months) })
  }
  return text
}

/** The catalogue's note where it tells the amount the main line cannot (no fixed amount); otherwise nothing. */
export function benefitNote(benefit: BenefitWords): string | undefined {
  return benefit.amount === undefined || benefit.amount === null ? benefit.note ?? undefined : undefined
}
