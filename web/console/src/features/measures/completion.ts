import type { Fact } from './types'

/** One completion: what replaces the text from `from` to the caret, and how the list shows it. */
export interface Suggestion {
  insert: string
  from: number
  label: string
  detail: string
}

const FACT = /applicant\.(\w*)$/
const COMPARED_VALUE = /applicant\.(\w+)\s*(?:==|!=)\s*['"](\w*)$/
const LISTED_VALUE = /applicant\.(\w+)\s+in\s+\[[^\]]*['"](\w*)$/
const WORD = /(?:^|[^\w.'"])(\w+)$/
const ROOT = 'applicant'
const LIMIT = 12

/**
 * What may come at the caret of a CEL rule, from the fact vocabulary: after `applicant.` the facts (those whose
 * name starts with what is typed first, then those that contain it: `insur` finds socialInsuranceMonthsInQujiang),
 * inside the quotes of a comparison with an enum fact its values, and the word `applicant.` itself. `typeWords`
 * names a fact's type in the officer's language.
 */
export function suggestions(text: string, caret: number, facts: Fact[], typeWords: (type: string) => string): Suggestion[] {
  const before = text.slice(0, caret)
  const value = COMPARED_VALUE.exec(before) ?? LISTED_VALUE.exec(before)
  if (value) {
    const fact = facts.find((f) => f.name === value[1])
    const prefix = value[2].toUpperCase()
    return (fact?.values ?? []).filter((v) => (v.value ?? '').startsWith(prefix))
      .slice(0, LIMIT)
      .map((v) => ({ insert: v.value ?? '', from: caret - value[2].length, label: v.value ?? '', detail: v.label ?? '' }))
  }
  const fact = FACT.exec(before)
  if (fact) {
    const typed = fact[1].toLowerCase()
    const name = (f: Fact) => (f.name ?? '').toLowerCase()
    return [...facts.filter((f) => name(f).startsWith(typed)),
      ...facts.filter((f) => typed && !name(f).startsWith(typed) && name(f).includes(typed))]
      .slice(0, LIMIT)
      .map((f) => ({ insert: f.name ?? '', from: caret - fact[1].length, label: f.name ?? '',
        detail: `${f.label ?? ''} · ${typeWords(f.type ?? '')}` }))
  }
  const word = WORD.exec(before)
  if (word && word[1].length >= 1 && ROOT.startsWith(word[1]) && word[1] !== ROOT) {
    return [{ insert: `${ROOT}.`, from: caret - word[1].length, label: `${ROOT}.`, detail: typeWords('ROOT') }]
  }
  return []
}

/** The rule with the suggestion applied, and where the caret goes. */
export function apply(text: string, caret: number, suggestion: Suggestion): { text: string; caret: number } {
  const next = text.slice(0, suggestion.from) + suggestion.insert + text.slice(caret)
  return { text: next, caret: suggestion.from + suggestion.insert.length }
}
