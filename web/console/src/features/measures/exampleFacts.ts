import type { Fact, Measure } from './types'

/** A worked example's applicant: fact name → raw value, as the engine reads it (24, true, 'BACHELOR', '2025-06-30'). */
export type ExampleApplicant = Record<string, unknown>

/** Fact types the form edits in place; the list-valued ones (dates, graduations) stay in the JSON view. */
export const FORM_TYPES = ['INT', 'BOOL', 'ENUM', 'DATE', 'TEXT'] as const
export type FormType = (typeof FORM_TYPES)[number]

export function inForm(fact: Fact): boolean {
  return FORM_TYPES.includes(fact.type as FormType)
}

/** The facts the measure's rules read (`applicant.age`, in the criteria and the amount rule), in order of mention. */
export function factsInRules(measure: Pick<Measure, 'criteria' | 'benefit'> | undefined): string[] {
  const rules = [...(measure?.criteria ?? []).map((c) => c.expr ?? ''), measure?.benefit?.amount ?? '']
  const names = rules.flatMap((rule) => [...rule.matchAll(/\bapplicant\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))
  return [...new Set(names)]
}

/**
 * The rows of an example's form: first the facts the rules read, then any other fact the example gives, in the
 * vocabulary's order; with {@code all}, every other fact of the vocabulary after them. A fact the vocabulary does
 * not know (a typo in the JSON view) is not a row: the JSON view shows it, and the check names it.
 */
export function exampleRows(vocabulary: Fact[], applicant: ExampleApplicant, ruleFacts: string[], all: boolean): Fact[] {
  const byName = new Map(vocabulary.map((fact) => [fact.name ?? '', fact]))
  const first = ruleFacts.map((name) => byName.get(name)).filter((fact): fact is Fact => !!fact)
  const given = vocabulary.filter((fact) => fact.name! in applicant && !ruleFacts.includes(fact.name!))
  const rest = all ? vocabulary.filter((fact) => !first.includes(fact) && !given.includes(fact)) : []
  return [...first, ...given, ...rest]
}

/** How many vocabulary facts the form does not show until asked to. */
export function hiddenCount(vocabulary: Fact[], applicant: ExampleApplicant, ruleFacts: string[]): number {
  return vocabulary.length - exampleRows(vocabulary, applicant, ruleFacts, false).length
}

/**
 * The applicant with one fact set from its input, or left out when the input is empty (every fact is optional:
 * an example without it tests the "missing information" outcome). Numbers are whole numbers, as INT facts are.
 */
export function withFact(applicant: ExampleApplicant, fact: Fact, input: unknown): ExampleApplicant {
  const next = { ...applicant }
  const name = fact.name ?? ''
  const value = valueOf(fact, input)
  if (value === undefined) delete next[name]
  else next[name] = value
  return next
}

function valueOf(fact: Fact, input: unknown): unknown {
  if (input === undefined || input === null || input === '') return undefined
  switch (fact.type) {
    case 'INT': {
      const n = typeof input === 'number' ? input : Number(input)
      return Number.isFinite(n) ? Math.trunc(n) : undefined
    }
    case 'BOOL': return input === true || input === 'true'
    default: return String(input)
  }
}

/** A BOOL fact's value for its three-way select: 'true', 'false' or '' (not given). */
export function boolChoice(value: unknown): '' | 'true' | 'false' {
  return value === true ? 'true' : value === false ? 'false' : ''
}

/** The JSON view's text, parsed: the applicant object, or undefined when it is not a JSON object. */
export function parseApplicant(text: string): ExampleApplicant | undefined {
  try {
    const parsed: unknown = JSON.parse(text)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as ExampleApplicant : undefined
  } catch {
    return undefined
  }
}
