import type { components } from '@/api/generated/talent'
import { ApiProblem } from '@/api/problem'
import { temporaryWording, type Wording } from '@/api/busySave'

/**
 * Statuses, steps of the timeline, who acted and why, as message keys under `applications`. Codes never reach the
 * screen: a reason code an officer chose that this app does not know reads as the generic "其他原因".
 */
export type Application = components['schemas']['ApplicationView']
export type TimelineEntry = components['schemas']['TimelineEntry']
export type Status = NonNullable<Application['status']>

export const STATUSES: Status[] = [
  'SUBMITTED', 'INFO_REQUESTED', 'OFFERED', 'CONFIRMED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'DECLINED', 'LAPSED',
  'ENDED',
]

/** Reason codes with words of their own (talent-service's reason.* plus the officers' usual choices). */
export const KNOWN_REASONS = [
  'SUBMITTED', 'RESUBMITTED', 'WITHDRAWN', 'DECLINED', 'OFFER_CONFIRMED', 'OFFER_ACCEPTED', 'AUTO_GRANT_ELIGIBLE',
  'NO_LONGER_ELIGIBLE', 'CRITERIA_MET', 'CRITERIA_NOT_MET', 'DOCUMENTS_MISSING', 'NOT_ELIGIBLE',
  'TERM_EXPIRED', 'NO_LONGER_QUALIFIES', 'FALSE_MATERIALS', 'RESIDENT_REQUEST', 'POLICY_ENDED',
]

/** Reasons that only repeat what the step itself says ("您撤回了申请" — "您已撤回"); not shown twice. */
const RESTATING = ['SUBMITTED', 'RESUBMITTED', 'WITHDRAWN', 'DECLINED', 'OFFER_CONFIRMED', 'OFFER_ACCEPTED']

export function statusKey(status: string | undefined): string {
  return STATUSES.includes(status as Status) ? `applications.status.${status}` : 'applications.status.unknown'
}

/** Tag colour of a status: green approved, red refused, amber waiting for the resident, blue in progress. */
export function statusTone(status: string | undefined): 'success' | 'danger' | 'warning' | 'primary' | 'default' {
  switch (status) {
    case 'APPROVED': return 'success'
    case 'REJECTED': return 'danger'
    case 'INFO_REQUESTED':
    case 'CONFIRMED': return 'warning'
    case 'SUBMITTED':
    case 'OFFERED': return 'primary'
    default: return 'default'
  }
}

/** What happened at a step: "提交申请", "重新提交", "经办人员要求补充材料", "您接受了", … */
export function stepKey(entry: TimelineEntry): string {
  const to = entry.to
  if (to === 'SUBMITTED' && entry.from === 'INFO_REQUESTED') return 'applications.step.RESUBMITTED'
  if (to === 'APPROVED' && entry.actor === 'APPLICANT') return 'applications.step.ACCEPTED'
  return STATUSES.includes(to as Status) ? `applications.step.${to}` : 'applications.step.unknown'
}

export function actorKey(actor: string | undefined): string {
  return actor === 'APPLICANT' || actor === 'OFFICER' || actor === 'SYSTEM'
    ? `applications.actor.${actor}` : 'applications.actor.SYSTEM'
}

/** The reason to show beside a step, or undefined when there is none or it only restates the step. */
export function reasonKey(code: string | undefined | null): string | undefined {
  if (!code || RESTATING.includes(code)) return undefined
  return KNOWN_REASONS.includes(code) ? `applications.reason.${code}` : 'applications.reason.other'
}

/** The due date line: "预计 … 前答复" while an officer is to answer, "预计 … 前确认" for an offer. */
export function dueKey(application: Application): string | undefined {
  if (!application.dueDate) return undefined
  if (application.status === 'SUBMITTED') return 'applications.due.answer'
  if (application.status === 'OFFERED') return 'applications.due.confirm'
  return undefined
}

export type Action = 'accept' | 'decline' | 'withdraw' | 'resubmit'

/** What the resident may do now: accept or decline a confirmed offer, decline a pending offer, … */
export function actionsFor(application: Application): Action[] {
  const offer = application.kind === 'OFFER'
  switch (application.status) {
    case 'CONFIRMED': return offer ? ['accept', 'decline'] : []
    case 'OFFERED': return offer ? ['decline'] : []
    case 'SUBMITTED': return offer ? [] : ['withdraw']
    case 'INFO_REQUESTED': return offer ? [] : ['resubmit', 'withdraw']
    default: return []
  }
}

/**
 * A refused action in words: the state moved on meanwhile, or a calm retry (`calm`: offline or busy, nothing to
 * correct), or the server's own sentence.
 */
export function actionProblemKey(error: unknown): (Wording & { calm?: true }) | { text: string } {
  if (error instanceof ApiProblem) {
    if (error.status === 409 && (error.code === 'TRANSITION_NOT_ALLOWED' || error.code === 'STALE_VERSION')) {
      return { key: 'applications.problem.changed' }
    }
    if (error.status === 404) return { key: 'applications.problem.gone' }
    const temporary = temporaryWording(error)
    if (temporary) return { ...temporary, calm: true }
    if (error.detail) return { text: error.detail }
  }
  return { key: 'state.failed' }
}

/** When it started: "… 提交" for an application, "… 推送给您" for an offer (the resident did not submit it). */
export function startedKey(application: Application): string {
  return application.kind === 'OFFER' ? 'applications.offeredOn' : 'applications.submittedOn'
}

/** The second line of a list item: the due date, what to do, when it closed, or when it started. */
export function listLine(application: Application): { key: string; date?: string } {
  const due = dueKey(application)
  if (due) return { key: due, date: application.dueDate }
  if (application.status === 'INFO_REQUESTED') return { key: 'applications.infoLine' }
  if (application.open === false) {
    const last = [...(application.timeline ?? [])].map((entry) => entry.at ?? '').sort().pop()
    if (last) return { key: 'applications.closedOn', date: last }
  }
  return { key: startedKey(application), date: application.submittedAt }
}

export type GrantView = NonNullable<Application['grant']>

/**
 * What an approval grants, in a line: "享受期：2026年11月29日 至 2029年11月28日", "自 2026年11月29日 起享受" (held
 * for good) or "已于 2026年12月1日 停止享受". Dates are ISO days; `date` words them.
 */
export function grantLine(grant: GrantView | undefined, date: (iso: string) => string): { key: string; values: Record<string, string> } | undefined {
  if (!grant?.grantedFrom) return undefined
  const from = date(grant.grantedFrom)
  if (grant.held === false && grant.endedOn) return { key: 'applications.grant.ended', values: { ended: date(grant.endedOn) } }
  if (grant.grantedUntil) return { key: 'applications.grant.period', values: { from, until: date(grant.grantedUntil) } }
  return { key: 'applications.grant.forGood', values: { from } }
}
