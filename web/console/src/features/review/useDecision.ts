import { computed, ref } from 'vue'
import type { components } from '@/api/generated/talent'
import { api, call } from '@/api/client'
import { useLoad } from '@shared/app/useLoad'
import { ApiProblem } from '@shared/api/problem'
import type { Decision, ReviewDetail } from './useApplication'

export type DecisionReason = components['schemas']['DecisionReasonView']

/**
 * Why a decision did not go through, as a message key (with values) or the server's own words: a colleague decided
 * meanwhile (the page reloads), no place is left (with the places left), the approval is refused in words.
 */
export interface DecisionProblem {
  key?: string
  values?: Record<string, string | number>
  text?: string
}

export function decisionProblem(error: unknown, detail: ReviewDetail | undefined): DecisionProblem {
  if (!(error instanceof ApiProblem)) return { key: 'state.failed' }
  switch (error.code) {
    case 'STALE_VERSION':
    case 'TRANSITION_NOT_ALLOWED':
      return { key: 'review.problem.stale' }
    case 'QUOTA_EXHAUSTED': {
      const places = detail?.places
      return places?.quota !== undefined
        ? { key: 'review.problem.quota', values: { left: places.left ?? 0, quota: places.quota, period: places.periodName ?? '' } }
        : { key: 'review.problem.quotaNoNumbers' }
    }
    case 'REASON_NOT_FOR_DECISION':
      return { key: 'review.problem.reason' }
    case 'CLAIMED_BY_OTHER':
    case 'APPROVAL_EXCLUDED':
    case 'APPROVAL_NOT_ELIGIBLE':
      return error.detail ? { text: error.detail } : { key: 'state.failed' }
    default:
      return error.status === 0 ? { key: 'state.offline' } : error.detail ? { text: error.detail } : { key: 'state.failed' }
  }
}

/**
 * One step an officer takes on an application at the version they read (a decision, ending a benefit): sent once,
 * then the application is read again whatever happened, so the page shows what is true now; a refusal is kept as a
 * {@link DecisionProblem} for the page to explain.
 */
export function useVersionedStep(detail: () => ReviewDetail | undefined, reload: () => Promise<void>) {
  const sending = ref(false)
  const problem = ref<DecisionProblem>()

  async function run(send: (version: number) => Promise<unknown>): Promise<boolean> {
    const version = detail()?.version
    if (version === undefined || sending.value) return false
    sending.value = true
    problem.value = undefined
    try {
      await send(version)
      await reload()
      return true
    } catch (error) {
      await reload()
      problem.value = decisionProblem(error, detail())
      return false
    } finally {
      sending.value = false
    }
  }

  return { sending, problem, run }
}

/**
 * Deciding an application: approve, reject or request information with a reason from the server's list (the
 * applicant reads its words) and a comment, at the version the officer read. Whatever happens, the application is
 * read again afterwards, so the page shows what is true now.
 */
export function useDecision(id: string, detail: () => ReviewDetail | undefined, reload: () => Promise<void>) {
  const reasons = useLoad(() => call(api().talent.GET('/api/talent/review/decision-reasons', {})))
  const decision = ref<Decision>()
  const reasonCode = ref<string>()
  const comment = ref('')
  const step = useVersionedStep(detail, reload)
  const { sending, problem } = step
  const done = ref<Decision>()

  const reasonsForDecision = computed(() => (reasons.data.value ?? []).filter((r) => r.decision === decision.value))
  const chosenReason = computed(() => reasonsForDecision.value.find((r) => r.code === reasonCode.value))
  const ready = computed(() => !!decision.value && !!chosenReason.value && !sending.value)

  function choose(kind: Decision): void {
    decision.value = kind
    reasonCode.value = undefined
    problem.value = undefined
  }

  async function submit(): Promise<boolean> {
    if (!ready.value) return false
    const chosen = { decision: decision.value!, reasonCode: reasonCode.value!, comment: comment.value.trim() || undefined }
    const sent = await step.run((version) => call(api().talent.POST('/api/talent/review/applications/{id}/decision', {
      params: { path: { id } }, body: { version, ...chosen },
    })))
    if (sent) {
      done.value = chosen.decision
      decision.value = undefined
      reasonCode.value = undefined
      comment.value = ''
    }
    return sent
  }

  return { reasons, decision, reasonCode, comment, sending, problem, done, reasonsForDecision, chosenReason, ready,
    choose, submit }
}
