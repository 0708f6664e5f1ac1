import { computed, ref } from 'vue'
import { api, call } from '@/api/client'
import { ApiProblem } from '@shared/api/problem'
import type { Measure } from './types'

/** Where the editor's text comes from: the saved draft (a new revision on save) or the current version (a new draft). */
type Origin = { kind: 'draft'; revision: number } | { kind: 'version'; version: number }

/**
 * The draft of one measure as the officer edits it: loaded from the saved draft if there is one, else from the
 * published version (saving then starts the draft). Everything but `version` is the officer's to change; saving
 * sends the revision read, so a colleague's save in between is explained instead of overwritten.
 */
export function useDraftEditor(code: string) {
  const measure = ref<Measure>()
  const origin = ref<Origin>()
  const loading = ref(false)
  const loadProblem = ref<Error>()
  const saving = ref(false)
  const saveProblem = ref<ApiProblem | Error>()

  async function load(): Promise<void> {
    loading.value = true
    loadProblem.value = undefined
    try {
      const path = { params: { path: { code } } }
      try {
        const draft = await call(api().policy.GET('/api/policy/admin/measures/{code}/draft', path))
        measure.value = structuredClone(draft.measure)
        origin.value = { kind: 'draft', revision: draft.draftRevision ?? 0 }
      } catch (error) {
        if (!(error instanceof ApiProblem && error.status === 404)) throw error
        const history = await call(api().policy.GET('/api/policy/admin/measures/{code}/history', path))
        const version = history.currentVersion ?? 0
        const published = await call(api().policy.GET('/api/policy/admin/measures/{code}/versions/{version}', {
          params: { path: { code, version } },
        }))
        measure.value = structuredClone(published.measure)
        origin.value = { kind: 'version', version }
      }
    } catch (error) {
      loadProblem.value = error instanceof Error ? error : new Error(String(error))
    } finally {
      loading.value = false
    }
  }

  /** Saves; true when saved. A refusal stays in `saveProblem` for the screen to explain. */
  async function save(): Promise<boolean> {
    if (!measure.value || !origin.value) return false
    saving.value = true
    saveProblem.value = undefined
    try {
      const current = origin.value
      const saved = current.kind === 'draft'
        ? await call(api().policy.PUT('/api/policy/admin/measures/{code}/draft', {
          params: { path: { code } }, body: { draftRevision: current.revision, measure: measure.value } }))
        : await call(api().policy.POST('/api/policy/admin/measures', { body: { measure: measure.value } }))
      origin.value = { kind: 'draft', revision: saved.draftRevision ?? 0 }
      return true
    } catch (error) {
      saveProblem.value = error instanceof Error ? error : new Error(String(error))
      return false
    } finally {
      saving.value = false
    }
  }

  const startsDraft = computed(() => origin.value?.kind === 'version')
  return { measure, origin, startsDraft, loading, loadProblem, saving, saveProblem, load, save }
}
