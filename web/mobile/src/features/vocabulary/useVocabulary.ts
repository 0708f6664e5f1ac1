import { computed, ref, shallowRef, watch } from 'vue'
import { api, call } from '@/api/client'
import type { components } from '@/api/generated/policy'
import type { ApiProblem } from '@/api/problem'
import { currentLocale, i18n, type Locale } from '@/i18n'
import { formatDate, formatNumber } from '@/i18n/format'

export type Vocabulary = components['schemas']['Vocabulary']
export type VocabularyFact = components['schemas']['FactView']
export type VocabularyUnit = components['schemas']['UnitView']
export interface Choice {
  value: string
  label: string
}

/** The vocabulary in one language (public; `lang` makes each language its own cacheable URL). */
export function fetchVocabulary(locale: Locale): Promise<Vocabulary> {
  return call(api().policy.GET('/api/policy/vocabulary', { params: { query: { lang: locale === 'en' ? 'en' : 'zh' } } }))
}

/** A degree besides the highest one, with its (expected) graduation date as an ISO date. */
export interface DegreeAnswer {
  degree: string
  graduationDate?: string
}

/**
 * An answer or a fact's value; a list of ISO dates for a DATES fact (each child's birth date), a list of degrees
 * for a GRADUATIONS fact (the other degrees).
 */
export type AnswerValue = string | number | boolean | string[] | DegreeAnswer[] | null | undefined

interface Indexed {
  facts: Map<string, VocabularyFact>
  units: Map<string, VocabularyUnit>
}

function index(vocabulary: Vocabulary): Indexed {
  return {
    facts: new Map((vocabulary.facts ?? []).map((fact) => [fact.name ?? '', fact])),
    units: new Map((vocabulary.units ?? []).map((unit) => [unit.unit ?? '', unit])),
  }
}

// One copy per language for the whole app: the vocabulary changes only with a deployment.
const byLocale = shallowRef<Partial<Record<Locale, Indexed>>>({})
const inFlight = new Map<Locale, Promise<void>>()
const loading = ref(false)
const problem = shallowRef<ApiProblem | Error>()
let followsLocale = false

function ensure(locale: Locale): Promise<void> {
  if (byLocale.value[locale]) return Promise.resolve()
  let pending = inFlight.get(locale)
  if (!pending) {
    loading.value = true
    problem.value = undefined
    pending = fetchVocabulary(locale)
      .then((vocabulary) => {
        byLocale.value = { ...byLocale.value, [locale]: index(vocabulary) }
      })
      .catch((error: unknown) => {
        problem.value = error instanceof Error ? error : new Error(String(error))
      })
      .finally(() => {
        inFlight.delete(locale)
        loading.value = inFlight.size > 0
      })
    inFlight.set(locale, pending)
  }
  return pending
}

function current(): Indexed | undefined {
  return byLocale.value[currentLocale()]
}

/** The fact's name in words ("最高学历"); the raw name only while the vocabulary is not loaded. */
function factLabel(name: string): string {
  return current()?.facts.get(name)?.label ?? name
}

function unitLabel(unit: string): string {
  return current()?.units.get(unit)?.label ?? ''
}

/** An amount in words by its unit's pattern: ("CNY_PER_MONTH", 1000) → "每月 1,000 元". */
function amountText(unit: string, amount: number): string {
  const pattern = current()?.units.get(unit)?.amountPattern
  const number = formatNumber(amount)
  return pattern ? pattern.replace('{amount}', number) : number
}

function isTrue(value: AnswerValue): boolean {
  return value === true || value === 'true'
}

/**
 * A fact's value in words: ENUM → its label, BOOL → 是/否, INT → number with its unit ("27 岁"), DATE → a
 * localized date, DATES → those dates in a list ("无" for none), GRADUATIONS → degrees with their dates. Values may come typed (answers) or as strings (a
 * criterion's `values`). Empty → "未填写".
 */
function valueLabel(name: string, value: AnswerValue): string {
  const t = i18n.global.t
  if (value === null || value === undefined || value === '') return t('notGiven')
  if (Array.isArray(value)) {
    if (value.length === 0) return t('none')
    return value.map((item) => (typeof item === 'string' ? formatDate(item) : degreeLabel(item))).join(t('listSeparator'))
  }
  const fact = current()?.facts.get(name)
  const type = fact?.type ?? (typeof value === 'boolean' ? 'BOOL' : typeof value === 'number' ? 'INT' : 'TEXT')
  switch (type) {
    case 'BOOL':
      return isTrue(value) ? t('yes') : t('no')
    case 'ENUM':
      return fact?.values?.find((option) => option.value === String(value))?.label ?? String(value)
    case 'INT': {
      const number = Number(value)
      if (!Number.isFinite(number)) return String(value)
      // An INT fact's unit is a word ("岁", "个月"), not a benefit unit.
      return fact?.unit ? `${formatNumber(number)} ${fact.unit}` : formatNumber(number)
    }
    case 'DATE':
      return formatDate(String(value))
    default:
      return String(value)
  }
}

/** "本科（2024年6月30日）": a degree in words with its graduation date, if given. */
function degreeLabel(item: DegreeAnswer): string {
  const degree = valueLabel('degree', item.degree)
  return item.graduationDate ? i18n.global.t('degreeWithDate', { degree, date: formatDate(item.graduationDate) }) : degree
}

/** Choices for a select or radio group: the values of an ENUM, 是/否 for a BOOL, none otherwise. */
function options(name: string): Choice[] {
  const fact = current()?.facts.get(name)
  if (fact?.type === 'ENUM') return (fact.values ?? []).map((option) => ({ value: option.value ?? '', label: option.label ?? option.value ?? '' }))
  if (fact?.type === 'BOOL') return [{ value: 'true', label: i18n.global.t('yes') }, { value: 'false', label: i18n.global.t('no') }]
  return []
}

/**
 * The fact vocabulary of policy-service in the reader's language: labels of facts, values and units. Loaded once
 * per language on first use and again when the language changes; screens show <LoadState> with `loading` and
 * `problem` until `ready`.
 */
export function useVocabulary() {
  if (!followsLocale) {
    followsLocale = true
    watch(() => i18n.global.locale.value, (locale) => void ensure(locale as Locale))
  }
  return {
    ready: computed(() => !!current()),
    loading: computed(() => loading.value),
    problem: computed(() => problem.value),
    load: () => ensure(currentLocale()),
    fact: (name: string) => current()?.facts.get(name),
    factLabel,
    valueLabel,
    options,
    amountText,
    unitLabel,
  }
}

/** For tests: forget every loaded language. */
export function resetVocabulary(): void {
  byLocale.value = {}
  inFlight.clear()
  loading.value = false
  problem.value = undefined
}
