import { computed, onBeforeUnmount, ref, shallowRef } from 'vue'
import { api, call } from '@/api/client'
import { useAuth } from '@/auth/useAuth'
import { ApiProblem, orNotFound } from '@shared/api/problem'
import { measureDiff } from './measureDiff'
import { REMATCH_FINISHED_SHOW_MS, rematchPhase } from './rematchNotice'
import type { DraftView, HistoryView, ImpactPreview, Measure, RematchProgress } from './types'

/** How often a running impact preview and a running re-match are asked about. */
export const PREVIEW_POLL_MS = 1000
export const REMATCH_POLL_MS = 2000

/**
 * One measure as policy admins review it: its history, the draft with its diff against the published version and
 * its impact preview, and the four-eyes steps. The author of a draft is never offered its approval; should the
 * server refuse it anyway (someone edited it meanwhile under another session), the refusal is explained in words.
 */
export function useMeasure(code: string) {
  const auth = useAuth()
  const history = shallowRef<HistoryView>()
  const draft = shallowRef<DraftView>()
  const published = shallowRef<Measure>()
  const loading = ref(false)
  const loadProblem = ref<Error>()
  const preview = shallowRef<ImpactPreview>()
  const previewProblem = ref<Error>()
  const acting = ref(false)
  const actionProblem = ref<ApiProblem | Error>()
  const done = ref<'approved' | 'published' | 'discarded'>()
  const rematch = shallowRef<RematchProgress>()
  let previewTimer: ReturnType<typeof setTimeout> | undefined
  let rematchTimer: ReturnType<typeof setTimeout> | undefined
  let noticeTimer: ReturnType<typeof setTimeout> | undefined
  const path = { params: { path: { code } } }

  async function load(): Promise<void> {
    loading.value = true
    loadProblem.value = undefined
    try {
      const [read, saved] = await Promise.all([
        call(api().policy.GET('/api/policy/admin/measures/{code}/history', path)),
        orNotFound(call(api().policy.GET('/api/policy/admin/measures/{code}/draft', path))),
      ])
      history.value = read
      draft.value = saved
      const version = read.currentVersion ?? 0
      published.value = version > 0 ? (await call(api().policy.GET('/api/policy/admin/measures/{code}/versions/{version}', {
        params: { path: { code, version } },
      }))).measure : undefined
      if (saved) void loadPreview(false)
    } catch (error) {
      loadProblem.value = error instanceof Error ? error : new Error(String(error))
    } finally {
      loading.value = false
    }
  }

  /** The impact preview of the saved draft, asked again while it runs. */
  async function loadPreview(again: boolean): Promise<void> {
    clearTimeout(previewTimer)
    previewProblem.value = undefined
    try {
      preview.value = await call(api().policy.GET('/api/policy/admin/measures/{code}/draft/impact', {
        params: { path: { code }, query: { again } },
      }))
      if (preview.value.state === 'RUNNING') previewTimer = setTimeout(() => void loadPreview(false), PREVIEW_POLL_MS)
    } catch (error) {
      previewProblem.value = error instanceof Error ? error : new Error(String(error))
    }
  }

  async function loadRematch(): Promise<void> {
    clearTimeout(rematchTimer)
    try {
      rematch.value = await call(api().policy.GET('/api/policy/admin/rematch', {}))
    } catch {
      // Busy re-matching, the gateway may shed a call: the next one tells.
    }
    if (rematchPhase(rematch.value) !== 'finished') {
      rematchTimer = setTimeout(() => void loadRematch(), REMATCH_POLL_MS)
    } else {
      // Finished: said for a moment, then the publish notice and the progress go away.
      clearTimeout(noticeTimer)
      noticeTimer = setTimeout(() => {
        rematch.value = undefined
        if (done.value === 'published') done.value = undefined
      }, REMATCH_FINISHED_SHOW_MS)
    }
  }

  async function act(step: () => Promise<unknown>, outcome: 'approved' | 'published' | 'discarded'): Promise<void> {
    acting.value = true
    actionProblem.value = undefined
    done.value = undefined
    clearTimeout(noticeTimer)
    try {
      await step()
      done.value = outcome
      if (outcome === 'published') void loadRematch()
    } catch (error) {
      actionProblem.value = error instanceof Error ? error : new Error(String(error))
    } finally {
      acting.value = false
    }
    await load()
  }

  const revision = computed(() => draft.value?.draftRevision ?? 0)

  const approve = () => act(() => call(api().policy.POST('/api/policy/admin/measures/{code}/draft/approve', {
    ...path, body: { draftRevision: revision.value } })), 'approved')
  const publish = () => act(() => call(api().policy.POST('/api/policy/admin/measures/{code}/publish', path)), 'published')
  const discard = () => act(() => call(api().policy.DELETE('/api/policy/admin/measures/{code}/draft', {
    params: { path: { code }, query: { draftRevision: revision.value } } })), 'discarded')

  /** The signed-in officer saved this draft (any revision of it), so another officer must approve it. */
  const isAuthor = computed(() => !!draft.value && (draft.value.editors ?? []).includes(auth.userName.value ?? ''))
  const canApprove = computed(() => !!draft.value && !draft.value.approved && !isAuthor.value)
  const canPublish = computed(() => !!draft.value?.approved)
  const diff = computed(() => (draft.value?.measure ? measureDiff(published.value, draft.value.measure) : []))

  onBeforeUnmount(() => {
    clearTimeout(previewTimer)
    clearTimeout(rematchTimer)
    clearTimeout(noticeTimer)
  })

  return {
    history, draft, published, loading, loadProblem, preview, previewProblem, acting, actionProblem, done, rematch,
    isAuthor, canApprove, canPublish, diff, load, loadPreview, approve, publish, discard,
  }
}
