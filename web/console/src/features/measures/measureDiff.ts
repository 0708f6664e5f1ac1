import type { Criterion, Example, LocalizedText, Measure } from './types'

/**
 * How a value is shown: the screen turns codes, dates and rules into words (a category is 「就业创业」, a date
 * 「2026年1月1日」, a rule stays code in a code font).
 */
export type ValueKind = 'text' | 'rule' | 'date' | 'number' | 'category' | 'mode' | 'term' | 'outcome' | 'measures'
  | 'facts' | 'unit'
export type Value = string | number | string[] | Record<string, unknown> | undefined

/** One field that differs: `label` a message key (with `params`), what it was and what the draft makes it. */
export interface DiffRow {
  key: string
  label: string
  params?: Record<string, string>
  kind: ValueKind
  before: Value
  after: Value
  change: 'added' | 'removed' | 'changed'
}

interface Field {
  key: string
  label: string
  params?: Record<string, string>
  kind: ValueKind
  read: (measure: Measure) => Value
}

const text = (value: LocalizedText | undefined, language: 'zh' | 'en'): Value => blankToUndefined(value?.[language])

function blankToUndefined(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : value
}

const MEASURE_FIELDS: Field[] = [
  { key: 'title.zh', label: 'measures.field.titleZh', kind: 'text', read: (m) => text(m.title, 'zh') },
  { key: 'title.en', label: 'measures.field.titleEn', kind: 'text', read: (m) => text(m.title, 'en') },
  { key: 'summary.zh', label: 'measures.field.summaryZh', kind: 'text', read: (m) => text(m.summary, 'zh') },
  { key: 'summary.en', label: 'measures.field.summaryEn', kind: 'text', read: (m) => text(m.summary, 'en') },
  { key: 'category', label: 'measures.field.category', kind: 'category', read: (m) => blankToUndefined(m.category) },
  { key: 'mode', label: 'measures.field.mode', kind: 'mode', read: (m) => blankToUndefined(m.mode) },
  { key: 'window.opens', label: 'measures.field.opens', kind: 'date', read: (m) => blankToUndefined(m.window?.opens) },
  { key: 'window.closes', label: 'measures.field.closes', kind: 'date', read: (m) => blankToUndefined(m.window?.closes) },
  { key: 'quota', label: 'measures.field.quota', kind: 'number', read: (m) => m.quota ?? undefined },
  { key: 'responseWorkingDays', label: 'measures.field.responseWorkingDays', kind: 'number',
    read: (m) => m.responseWorkingDays ?? undefined },
  { key: 'excludes', label: 'measures.field.excludes', kind: 'measures',
    read: (m) => (m.excludes?.length ? [...m.excludes].sort() : undefined) },
  { key: 'benefit.amount', label: 'measures.field.amount', kind: 'rule', read: (m) => blankToUndefined(m.benefit?.amount) },
  { key: 'benefit.unit', label: 'measures.field.unit', kind: 'unit', read: (m) => blankToUndefined(m.benefit?.unit) },
  { key: 'benefit.months', label: 'measures.field.months', kind: 'number', read: (m) => m.benefit?.months ?? undefined },
  { key: 'benefit.note.zh', label: 'measures.field.noteZh', kind: 'text', read: (m) => text(m.benefit?.note, 'zh') },
  { key: 'benefit.note.en', label: 'measures.field.noteEn', kind: 'text', read: (m) => text(m.benefit?.note, 'en') },
  { key: 'grant.term', label: 'measures.field.term', kind: 'term', read: (m) => m.grant?.term ?? 'ONE_OFF' },
  { key: 'grant.batch.name', label: 'measures.field.batchName', kind: 'text', read: (m) => text(m.grant?.batch?.name, 'zh') },
  { key: 'grant.batch.ends', label: 'measures.field.batchEnds', kind: 'date', read: (m) => blankToUndefined(m.grant?.batch?.ends) },
  { key: 'documents', label: 'measures.field.documents', kind: 'text',
    read: (m) => (m.documents?.length ? m.documents.map((d) => d.zh ?? '').join('、') : undefined) },
]

const CRITERION_FIELDS: { part: string; label: string; kind: ValueKind; read: (c: Criterion) => Value }[] = [
  { part: 'expr', label: 'measures.field.criterionRule', kind: 'rule', read: (c) => blankToUndefined(c.expr) },
  { part: 'label.zh', label: 'measures.field.criterionLabelZh', kind: 'text', read: (c) => text(c.label, 'zh') },
  { part: 'label.en', label: 'measures.field.criterionLabelEn', kind: 'text', read: (c) => text(c.label, 'en') },
  { part: 'hint.zh', label: 'measures.field.criterionHintZh', kind: 'text', read: (c) => text(c.hint, 'zh') },
  { part: 'hint.en', label: 'measures.field.criterionHintEn', kind: 'text', read: (c) => text(c.hint, 'en') },
]

const EXAMPLE_FIELDS: { part: string; label: string; kind: ValueKind; read: (e: Example) => Value }[] = [
  { part: 'applicant', label: 'measures.field.exampleFacts', kind: 'facts',
    read: (e) => (e.applicant && Object.keys(e.applicant).length ? e.applicant : undefined) },
  { part: 'expect', label: 'measures.field.exampleExpect', kind: 'outcome', read: (e) => blankToUndefined(e.expect) },
  { part: 'amount', label: 'measures.field.exampleAmount', kind: 'number', read: (e) => e.amount ?? undefined },
]

function same(a: Value, b: Value): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function row(key: string, label: string, kind: ValueKind, before: Value, after: Value,
  params?: Record<string, string>): DiffRow | undefined {
  if (same(before, after)) return undefined
  const change = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed'
  return { key, label, params, kind, before, after, change }
}

/** Items matched by name (criteria by id, examples by name), in the draft's order, then those it dropped. */
function byName<T>(before: T[], after: T[], name: (item: T) => string): [string, T | undefined, T | undefined][] {
  const old = new Map(before.map((item) => [name(item), item]))
  const pairs: [string, T | undefined, T | undefined][] = after.map((item) => [name(item), old.get(name(item)), item])
  const kept = new Set(after.map(name))
  for (const item of before) if (!kept.has(name(item))) pairs.push([name(item), item, undefined])
  return pairs
}

/**
 * The draft against the published version, field by field: only what differs, criteria matched by id and examples by
 * name, so that a reworded rule shows as one changed rule, not as one removed and one added. Without a published
 * version everything the draft states is new. The diff is the client's: both sides are already on the screen in
 * full, it follows the editor as the officer types, and its labels are the console's words.
 */
export function measureDiff(published: Measure | undefined, draft: Measure): DiffRow[] {
  const rows: (DiffRow | undefined)[] = []
  const before = published ?? ({} as Measure)
  for (const field of MEASURE_FIELDS) {
    rows.push(row(field.key, field.label, field.kind, published ? field.read(before) : undefined, field.read(draft)))
  }
  for (const [id, old, now] of byName(before.criteria ?? [], draft.criteria ?? [], (c) => c.id ?? '')) {
    for (const field of CRITERION_FIELDS) {
      rows.push(row(`criteria.${id}.${field.part}`, field.label, field.kind, old && field.read(old),
        now && field.read(now), { criterion: now?.label?.zh || old?.label?.zh || id }))
    }
  }
  for (const [name, old, now] of byName(before.examples ?? [], draft.examples ?? [], (e) => e.name ?? '')) {
    for (const field of EXAMPLE_FIELDS) {
      rows.push(row(`examples.${name}.${field.part}`, field.label, field.kind, old && field.read(old),
        now && field.read(now), { example: name }))
    }
  }
  return rows.filter((r): r is DiffRow => r !== undefined)
}
