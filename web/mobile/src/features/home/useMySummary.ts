import { watch } from 'vue'
import { api, call } from '@/api/client'
import type { components } from '@/api/generated/policy'
import { ApiProblem } from '@/api/problem'
import { useLoad } from '@/app/useLoad'
import { useAuth } from '@/auth/useAuth'

export type Summary = components['schemas']['Summary']

/** A signed-in resident's standing: no profile matched yet, or how many measures fit now. */
export type Standing = { hasProfile: false } | { hasProfile: true; summary: Required<Summary> }

export async function fetchStanding(): Promise<Standing> {
  try {
    const results = await call(api().policy.GET('/api/policy/me/results'))
    const summary = results.summary ?? {}
    return {
      hasProfile: true,
      summary: { eligible: summary.eligible ?? 0, nearMisses: summary.nearMisses ?? 0, needsInfo: summary.needsInfo ?? 0 },
    }
  } catch (error) {
    // 404 until the first profile has been matched (or after erasure): the resident has not told us anything yet.
    if (error instanceof ApiProblem && error.status === 404) return { hasProfile: false }
    throw error
  }
}

/** Loads the standing whenever the resident is signed in. */
export function useMySummary() {
  const auth = useAuth()
  const state = useLoad(fetchStanding)
  watch(auth.authenticated, (signedIn) => {
    if (signedIn) void state.load()
  }, { immediate: true })
  return state
}
