import { computed, ref } from 'vue'
import { api, call } from '@/api/client'
import { useLoad } from '@shared/app/useLoad'
import { useVersionedStep } from './useDecision'
import type { ReviewDetail } from './useApplication'

/** Ending (revoking) a granted benefit: a reason from the server's list and a comment, both required. */
export function useEndBenefit(id: string, detail: () => ReviewDetail | undefined, reload: () => Promise<void>) {
  const reasons = useLoad(() => call(api().talent.GET('/api/talent/review/end-reasons', {})))
  const reasonCode = ref<string>()
  const comment = ref('')
  const step = useVersionedStep(detail, reload)
  const ready = computed(() => !!reasonCode.value && comment.value.trim().length > 0 && !step.sending.value)

  async function submit(): Promise<boolean> {
    if (!ready.value) return false
    const body = { reasonCode: reasonCode.value!, comment: comment.value.trim() }
    const sent = await step.run((version) => call(api().talent.POST('/api/talent/review/applications/{id}/end', {
      params: { path: { id } }, body: { version, ...body },
    })))
    if (sent) {
      reasonCode.value = undefined
      comment.value = ''
    }
    return sent
  }

  return { reasons, reasonCode, comment, sending: step.sending, problem: step.problem, ready, submit }
}
