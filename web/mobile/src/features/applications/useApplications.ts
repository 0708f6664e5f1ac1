import { computed } from 'vue'
import { api, call } from '@/api/client'
import { useLoad } from '@/app/useLoad'
import type { Application } from './wording'
import { useApplicationActions } from './useApplicationActions'

export interface ApplicationSections {
  /** Offers the district confirmed: the resident accepts or declines. */
  toConfirm: Application[]
  /** Still being handled (by an officer, or waiting for the district's confirmation). */
  open: Application[]
  closed: Application[]
}

function newestFirst(a: Application, b: Application): number {
  return (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '')
}

export function sections(applications: readonly Application[] | undefined): ApplicationSections {
  const all = [...(applications ?? [])].sort(newestFirst)
  const toConfirm = all.filter((a) => a.kind === 'OFFER' && a.status === 'CONFIRMED')
  const open = all.filter((a) => !toConfirm.includes(a) && a.open)
  const closed = all.filter((a) => !toConfirm.includes(a) && !a.open)
  return { toConfirm, open, closed }
}

/** 我的申请: applications and 免申即享 offers, the offers waiting for the resident on top. */
export function useApplications() {
  const { data, loading, problem, load } = useLoad(() => call(api().talent.GET('/api/talent/me/applications')))
  const grouped = computed(() => sections(data.value))
  const empty = computed(() => (data.value ?? []).length === 0)
  const actions = useApplicationActions(load)

  /** Accept or decline an offer from the list; the list is read again afterwards. */
  async function act(action: 'accept' | 'decline', id: string): Promise<boolean> {
    const updated = await actions.run(action, id)
    if (updated) await load()
    return !!updated
  }

  return { data, grouped, empty, loading, problem, load, act, actionProblem: actions.problem, isBusy: actions.isBusy }
}
