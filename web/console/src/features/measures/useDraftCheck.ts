import { onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue'
import { api, call } from '@/api/client'
import type { DraftCheck, Measure } from './types'

/** How long typing must pause before the draft is checked: a check per key stroke would be wasted work. */
export const CHECK_DELAY_MS = 400

/**
 * Checks the measure being edited as saving and publishing would, without saving it, shortly after each change:
 * the answer of the latest change wins (an earlier, slower answer is dropped), and a failed check keeps the last
 * good answer on screen.
 */
export function useDraftCheck(measure: Ref<Measure | undefined>) {
  const result = shallowRef<DraftCheck>()
  const checking = ref(false)
  const failed = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let sequence = 0

  async function check(): Promise<void> {
    if (!measure.value) return
    const mine = ++sequence
    checking.value = true
    try {
      const answer = await call(api().policy.POST('/api/policy/admin/measures/check', { body: { measure: measure.value } }))
      if (mine === sequence) {
        result.value = answer
        failed.value = false
      }
    } catch {
      if (mine === sequence) failed.value = true
    } finally {
      if (mine === sequence) checking.value = false
    }
  }

  function schedule(): void {
    clearTimeout(timer)
    timer = setTimeout(() => void check(), CHECK_DELAY_MS)
  }

  watch(measure, schedule, { deep: true })
  onBeforeUnmount(() => clearTimeout(timer))
  return { result, checking, failed, check }
}
