import { ref, shallowRef } from 'vue'
import type { components } from '@/api/generated/talent'
import { api, call } from '@/api/client'

export type FullIdentity = components['schemas']['FullIdentity']

/**
 * The audited "show full identity": asked for on purpose (after a confirmation that says it is recorded), kept only
 * in this page's memory, and followed by a reload so that the timeline shows the record at once.
 */
export function useFullIdentity(id: string, reload: () => Promise<void>) {
  const identity = shallowRef<FullIdentity>()
  const asking = ref(false)
  const confirming = ref(false)
  const problem = shallowRef<Error>()

  async function show(): Promise<void> {
    if (asking.value) return
    asking.value = true
    problem.value = undefined
    try {
      identity.value = await call(api().talent.POST('/api/talent/review/applications/{id}/identity', {
        params: { path: { id } },
      }))
      confirming.value = false
      await reload()
    } catch (error) {
      problem.value = error instanceof Error ? error : new Error(String(error))
    } finally {
      asking.value = false
    }
  }

  return { identity, asking, confirming, problem, show, ask: () => { confirming.value = true } }
}
