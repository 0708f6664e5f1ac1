import { computed, ref } from 'vue'
import type { components } from '@/api/generated/talent'
import { api, call } from '@/api/client'
import { useLoad } from '@shared/app/useLoad'
import { ApiProblem } from '@shared/api/problem'

export type ReviewDetail = components['schemas']['ReviewDetail']
export type Eligibility = components['schemas']['Eligibility']
export type Decision = NonNullable<components['schemas']['DecisionRequest']['decision']>

/**
 * One application as the officer works on it: the detail, and taking it (claim) so that no colleague decides it
 * meanwhile, letting it go, or handing it to a colleague.
 */
export function useApplication(id: string) {
  const read = useLoad(() => call(api().talent.GET('/api/talent/review/applications/{id}', {
    params: { path: { id } },
  })))
  const claimProblem = ref<string>()
  const claiming = ref(false)

  const options = { params: { path: { id } } }

  async function changeClaim(send: () => Promise<ReviewDetail>): Promise<void> {
    claiming.value = true
    claimProblem.value = undefined
    try {
      read.data.value = await send()
    } catch (error) {
      // A colleague was faster: the server names them; the page shows who holds it now.
      claimProblem.value = error instanceof ApiProblem ? error.detail ?? error.code : String(error)
      await read.load()
    } finally {
      claiming.value = false
    }
  }

  const claim = computed(() => read.data.value?.claim)
  return {
    detail: read.data,
    loading: read.loading,
    problem: read.problem,
    load: read.load,
    claim,
    /** A colleague holds it: decisions wait until they let go. */
    heldByOther: computed(() => !!claim.value && !claim.value.mine),
    claiming,
    claimProblem,
    take: () => changeClaim(() => call(api().talent.POST('/api/talent/review/applications/{id}/claim', options))),
    release: () => changeClaim(() => call(api().talent.DELETE('/api/talent/review/applications/{id}/claim', options))),
    /** Hands the application to a colleague; one who took it meanwhile is named and the page shows them. */
    assign: (userName: string) => changeClaim(() => call(api().talent.POST('/api/talent/review/applications/{id}/assign',
      { ...options, body: { userName } }))),
  }
}

/** Which decisions the officer can take on an application in this status (offers are only confirmed or rejected). */
export function availableDecisions(detail: Pick<ReviewDetail, 'kind' | 'status'> | undefined): Decision[] {
  if (!detail) return []
  if (detail.kind === 'OFFER') return detail.status === 'OFFERED' ? ['REJECT'] : []
  if (detail.status === 'SUBMITTED') return ['APPROVE', 'REJECT', 'REQUEST_INFO']
  if (detail.status === 'INFO_REQUESTED') return ['APPROVE', 'REJECT']
  return []
}

/** A granted benefit still held can be ended (or revoked) with a reason. */
export function canEnd(detail: Pick<ReviewDetail, 'status' | 'grant'> | undefined): boolean {
  return detail?.status === 'APPROVED' && detail.grant?.held !== false
}
