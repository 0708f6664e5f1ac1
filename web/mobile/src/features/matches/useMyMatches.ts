import { computed, getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue'
import { api, call } from '@/api/client'
import { ApiProblem, orNotFound } from '@/api/problem'
import type { components } from '@/api/generated/policy'
import type { components as talent } from '@/api/generated/talent'
import { loadCatalogue, type MeasureSummary } from '@/features/measures/useCatalogue'

export type MyResults = components['schemas']['MyResults']
type Application = talent['schemas']['ApplicationView']
type MatchStatus = talent['schemas']['MatchStatus']

/**
 * What the resident already did about a measure: an application or offer in progress, or the measure held
 * (approved). The results alone cannot say it: a held measure still reads ELIGIBLE. Refused, withdrawn, declined
 * and lapsed ones leave the measure open to apply again, so they do not count.
 */
export function appliedByMeasure(applications: readonly Application[] | undefined): Map<string, string> {
  const byCode = new Map<string, string>()
  for (const application of Array.isArray(applications) ? applications : []) {
    const code = application.measureCode
    if (!code || !application.status) continue
    if (application.open) byCode.set(code, application.status)
    else if (application.status === 'APPROVED' && !byCode.has(code)) byCode.set(code, 'APPROVED')
  }
  return byCode
}

export interface PollOptions {
  /** How often to ask again while the latest profile is being matched. */
  intervalMs?: number
  /** When to stop asking and say calmly that it takes longer. */
  giveUpMs?: number
}

function readResults(): Promise<MyResults | undefined> {
  return orNotFound(call(api().policy.GET('/api/policy/me/results')))
}

async function readProfileVersion(): Promise<number | undefined> {
  const profile = await orNotFound(call(api().talent.GET('/api/talent/me/profile')))
  return profile?.version
}

/** How long talent-service is asked to wait for the results of the saved profile version (its most: 20 s). */
export const STATUS_WAIT_SECONDS = 20

/**
 * talent-service's small "are my results current?", asked with the ETag of the last answer: undefined when nothing
 * changed since (304, no body), so that a poll that learns nothing costs almost nothing. It waits for the results of
 * {@link version} to be stored (up to {@link STATUS_WAIT_SECONDS}) and answers the moment they are.
 */
async function readStatus(
  etag: string | undefined,
  version: number,
  signal: AbortSignal,
): Promise<{ status: MatchStatus; etag?: string } | undefined> {
  const { data, response } = await api().talent.GET('/api/talent/me/matches/status', {
    params: { header: { 'If-None-Match': etag }, query: { version, waitSeconds: STATUS_WAIT_SECONDS } },
    signal,
  })
  if (response.status === 304) return undefined
  return { status: data ?? {}, etag: response.headers.get('ETag') ?? undefined }
}

/** How long the gateway or a service asked us to wait (429/503 with Retry-After), if it did. */
function retryAfterMs(error: unknown): number | undefined {
  return error instanceof ApiProblem && error.temporary && error.retryAfterSeconds !== undefined
    ? error.retryAfterSeconds * 1000
    : undefined
}

/**
 * The resident's own results with the catalogue beside them. Matching runs after a profile is saved, through events:
 * when the results are of an older profile version than the one saved (or there are none yet for a saved profile),
 * the screen says it is matching again and asks talent-service's cheap status at once, which waits until the results
 * of the saved version are stored (answering the moment they are) or up to 20 s; then it asks again, at once after
 * such a wait, else no sooner than 2 s after the last question, for about a minute at most. It reads the results,
 * which policy-service evaluates anew on every read, only once the status says they are current. A 429/503 with
 * Retry-After is waited out before the next question.
 */
export function useMyMatches(options: PollOptions = {}) {
  const intervalMs = options.intervalMs ?? 2000
  const giveUpMs = options.giveUpMs ?? 60000

  const results = shallowRef<MyResults>()
  const measures = shallowRef<MeasureSummary[]>([])
  const applied = shallowRef<Map<string, string>>(new Map())
  const profileVersion = ref<number>()
  const loading = ref(false)
  const problem = shallowRef<Error>()
  const slow = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  /** The question being asked: a status may wait 20 s, and a screen left meanwhile must not ask on. */
  let asking: AbortController | undefined
  let pollingSince = 0
  let statusTag: string | undefined
  let evaluated = false

  /** Results of an older profile, or none yet for a saved profile: matching is still running. */
  const rematching = computed(() => {
    const saved = profileVersion.value
    if (saved === undefined) return false
    const matched = results.value?.profileVersion
    return matched === undefined || matched < saved
  })
  const noProfile = computed(() => !loading.value && !problem.value && profileVersion.value === undefined && !results.value)

  function stop(): void {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    asking?.abort()
    asking = undefined
  }

  function schedule(waitMs = intervalMs): void {
    stop()
    if (!rematching.value) return
    if (Date.now() - pollingSince >= giveUpMs) {
      slow.value = true
      return
    }
    timer = setTimeout(poll, waitMs)
  }

  async function poll(): Promise<void> {
    timer = undefined
    const saved = profileVersion.value
    if (saved === undefined) return
    const asked = Date.now()
    const question = new AbortController()
    asking = question
    let waitMs = intervalMs
    try {
      const changed = await readStatus(statusTag, saved, question.signal)
      if (question.signal.aborted) return // stopped (the screen left, or loaded again) while asking
      if (changed) {
        statusTag = changed.etag
        evaluated = changed.status.current === true
        // A profile saved again meanwhile (another tab) moves the version the results must catch up with.
        if (changed.status.profileVersion !== undefined) profileVersion.value = changed.status.profileVersion
      }
      // Once current, the results are read (again on the next poll, should they still lag behind the status).
      if (evaluated) {
        const latest = await readResults()
        if (latest) results.value = latest
      }
      // The status waited for the results: ask again at once. Answered sooner (nothing to wait for, or a service
      // that does not wait), no sooner than the interval after the last question.
      waitMs = Math.max(0, intervalMs - (Date.now() - asked))
    } catch (error) {
      // A failed poll is not shown: the older results stay on screen and the next poll tries again.
      waitMs = retryAfterMs(error) ?? intervalMs
    }
    if (question.signal.aborted) return
    asking = undefined
    schedule(waitMs)
  }

  async function load(): Promise<void> {
    stop()
    statusTag = undefined
    evaluated = false
    loading.value = true
    problem.value = undefined
    slow.value = false
    try {
      const [mine, version, catalogue, applications] = await Promise.all([
        readResults(),
        readProfileVersion(),
        // Without the catalogue or the applications the results still show, only with less beside them.
        loadCatalogue().catch(() => undefined),
        call(api().talent.GET('/api/talent/me/applications')).catch(() => undefined),
      ])
      results.value = mine
      profileVersion.value = version
      measures.value = catalogue?.measures ?? []
      applied.value = appliedByMeasure(applications)
    } catch (error) {
      problem.value = error instanceof Error ? error : new Error(String(error))
    } finally {
      loading.value = false
    }
    pollingSince = Date.now()
    if (!problem.value) schedule(0)
  }

  if (getCurrentScope()) onScopeDispose(stop)

  return { results, measures, applied, profileVersion, loading, problem, noProfile, rematching, slow, load, stop }
}
