import type { components } from '@/api/generated/policy'

type Schemas = components['schemas']

/** The policy admin API's shapes, as generated from web/openapi/policy.json. */
export type Measure = Schemas['MeasureDefinition']
export type Criterion = Schemas['Criterion']
export type Example = Schemas['Example']
export type LocalizedText = Schemas['LocalizedText']
export type MeasureOverview = Schemas['MeasureOverview']
export type DraftView = Schemas['DraftView']
export type HistoryView = Schemas['HistoryView']
export type DraftCheck = Schemas['DraftCheckView']
export type ExampleResult = Schemas['ExampleResult']
export type ImpactPreview = Schemas['ImpactPreviewView']
export type Impact = Schemas['ImpactView']
export type ImpactExample = Schemas['ExampleView']
export type RematchProgress = Schemas['RematchProgressView']
export type Vocabulary = Schemas['Vocabulary']
export type Fact = Schemas['FactView']

/** The outcomes of a measure for one applicant, in the order the console lists them. */
export const OUTCOMES = ['ELIGIBLE', 'INELIGIBLE', 'NEEDS_INFO', 'NOT_OPEN', 'EXCLUDED'] as const

/** A code the API speaks in, as the message key of its words; a code this build does not know reads as "other". */
export function wordKey(group: string, code: string | null | undefined, known: readonly string[]): string {
  return code && known.includes(code) ? `measures.${group}.${code}` : `measures.${group}.unknown`
}
