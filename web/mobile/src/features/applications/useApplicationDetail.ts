import { computed, shallowRef } from 'vue'
import { api, call } from '@/api/client'
import { useLoad } from '@/app/useLoad'
import { actionsFor, type Action, type Application, type TimelineEntry } from './wording'
import { useApplicationActions } from './useApplicationActions'

/** Newest first: the latest step is what the resident came to see. Entries without a time keep their order. */
export function timelineNewestFirst(timeline: readonly TimelineEntry[] | undefined): TimelineEntry[] {
  return [...(timeline ?? [])].map((entry, index) => ({ entry, index }))
    .sort((a, b) => (b.entry.at ?? '').localeCompare(a.entry.at ?? '') || b.index - a.index)
    .map(({ entry }) => entry)
}

/** The officer's latest note while more documents are requested: what the resident has to do. */
export function latestRequest(timeline: readonly TimelineEntry[] | undefined): TimelineEntry | undefined {
  return timelineNewestFirst(timeline).find((entry) => entry.to === 'INFO_REQUESTED')
}

export function useApplicationDetail(id: () => string) {
  const current = shallowRef<Application>()
  const { data, loading, problem, load } = useLoad(async () => {
    const application = await call(api().talent.GET('/api/talent/me/applications/{id}', { params: { path: { id: id() } } }))
    current.value = application
    return application
  })
  const actions = useApplicationActions(load)
  const application = computed(() => current.value ?? data.value)
  const timeline = computed(() => timelineNewestFirst(application.value?.timeline))
  const request = computed(() =>
    application.value?.status === 'INFO_REQUESTED' ? latestRequest(application.value.timeline) : undefined)
  const available = computed(() => (application.value ? actionsFor(application.value) : []))

  /** Runs an action; the answer is the application as it is now. */
  async function act(action: Action): Promise<boolean> {
    const updated = await actions.run(action, id())
    if (updated) current.value = updated
    return !!updated
  }

  return {
    application, timeline, request, available, loading, problem, load, act,
    actionProblem: actions.problem, isBusy: (action: Action) => actions.isBusy(id(), action),
  }
}
