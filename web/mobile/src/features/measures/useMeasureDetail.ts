import { computed, ref, shallowRef } from 'vue'
import { api, call } from '@/api/client'
import { ApiProblem, orNotFound } from '@/api/problem'
import type { components as policy } from '@/api/generated/policy'
import type { components as talent } from '@/api/generated/talent'
import { applyFailure, type ApplyFailure } from './refusal'

export type MeasureDetail = policy['schemas']['MeasureDetail']
export type MatchResult = policy['schemas']['ResultView']
export type Application = talent['schemas']['ApplicationView']

/**
 * One measure for everyone; signed in, also the resident's own result for it and an application already in
 * progress. Apply is offered when the result is ELIGIBLE, the measure is applied for (not granted automatically)
 * and nothing is open for it yet; a refusal comes back as reasons, never as codes.
 */
export function useMeasureDetail(code: () => string, signedIn: () => boolean) {
  const measure = shallowRef<MeasureDetail>()
  const mine = shallowRef<MatchResult>()
  /** Whether the resident has results at all (false: no profile yet or never matched). */
  const matched = ref(false)
  const openApplication = shallowRef<Application>()
  /** An approved application: the resident already receives this measure. */
  const heldApplication = shallowRef<Application>()
  const loading = ref(false)
  const problem = shallowRef<Error>()
  const applying = ref(false)
  const failure = shallowRef<ApplyFailure>()

  const autoGrant = computed(() => measure.value?.mode === 'AUTO_GRANT')
  const canApply = computed(() =>
    !!measure.value && measure.value.mode === 'APPLY' && mine.value?.outcome === 'ELIGIBLE' && !openApplication.value
    && !heldApplication.value)

  async function loadMine(): Promise<void> {
    const [results, applications] = await Promise.all([
      orNotFound(call(api().policy.GET('/api/policy/me/results'))),
      call(api().talent.GET('/api/talent/me/applications')),
    ])
    matched.value = !!results
    mine.value = results?.results?.find((r) => r.measureCode === code())
    const forThis = (applications ?? []).filter((a) => a.measureCode === code())
    openApplication.value = forThis.find((a) => a.open)
    heldApplication.value = forThis.find((a) => a.status === 'APPROVED')
  }

  async function load(): Promise<void> {
    loading.value = true
    problem.value = undefined
    failure.value = undefined
    try {
      const [detail] = await Promise.all([
        call(api().policy.GET('/api/policy/measures/{code}', { params: { path: { code: code() } } })),
        signedIn() ? loadMine() : Promise.resolve(),
      ])
      measure.value = detail
    } catch (error) {
      problem.value = error instanceof Error ? error : new Error(String(error))
    } finally {
      loading.value = false
    }
  }

  /** Submits the application; the new application, or undefined with {@link failure} set. */
  async function apply(): Promise<Application | undefined> {
    if (applying.value) return undefined
    applying.value = true
    failure.value = undefined
    try {
      const created = await call(api().talent.POST('/api/talent/me/applications', { body: { measureCode: code() } }))
      openApplication.value = created
      return created
    } catch (error) {
      failure.value = applyFailure(error)
      return undefined
    } finally {
      applying.value = false
    }
  }

  return { measure, mine, matched, openApplication, heldApplication, loading, problem, applying, failure, autoGrant, canApply, load, apply }
}
