import type { DraftCheck } from './types'

/** A rule that does not compile, as shown under it: where (line and column, when CEL says) and what. */
export interface RuleProblem {
  line?: number
  column?: number
  message: string
  /** CEL's excerpt of the rule with a caret under the place, when it gives one. */
  excerpt?: string
}

/** The rule ids the server reports beside criterion ids. */
export const AMOUNT_RULE = 'benefit.amount'
export const WINDOW_RULE = 'window'

const LOCATED = /^ERROR: <input>:(\d+):(\d+): ([^\n]*)\n?([\s\S]*)$/

/**
 * CEL's message split into what an officer reads: "第 1 行第 18 列：mismatched input …" with CEL's excerpt below. A
 * message of our own (the expression is missing, a value a fact never has) has no location and stays whole.
 */
export function ruleProblem(celMessage: string): RuleProblem {
  const located = LOCATED.exec(celMessage.trim())
  if (!located) return { message: celMessage.trim() }
  const [, line, column, message, rest] = located
  // CEL may append further errors and our note on unknown facts after the excerpt; they are part of the message.
  const excerpt = rest.split('\n').filter((l) => l.startsWith(' |')).join('\n')
  const more = rest.split('\n').filter((l) => l.trim() && !l.startsWith(' |')).join('\n')
  return { line: Number(line), column: Number(column), message: more ? `${message}\n${more}` : message,
    excerpt: excerpt || undefined }
}

/**
 * The check's problems mapped onto the editor: by criterion id (two criteria with one id both show it), the benefit
 * amount and the window apart, field errors by field path.
 */
export function problemsByRule(check: DraftCheck | undefined): {
  criteria: Record<string, RuleProblem>
  amount?: RuleProblem
  window?: RuleProblem
  fields: Record<string, string>
} {
  const criteria: Record<string, RuleProblem> = {}
  let amount: RuleProblem | undefined
  let window: RuleProblem | undefined
  for (const rule of check?.rules ?? []) {
    const problem = ruleProblem(rule.celMessage ?? '')
    if (rule.criterion === AMOUNT_RULE) amount = problem
    else if (rule.criterion === WINDOW_RULE) window = problem
    else criteria[rule.criterion ?? ''] ??= problem
  }
  const fields: Record<string, string> = {}
  for (const error of check?.errors ?? []) fields[error.field ?? ''] ??= error.message ?? ''
  return { criteria, amount, window, fields }
}
