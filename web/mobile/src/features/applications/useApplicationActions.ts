import { ref, shallowRef } from 'vue'
import { api, call } from '@/api/client'
import { actionProblemKey, type Action, type Application } from './wording'

export type ActionProblem = ReturnType<typeof actionProblemKey>

function send(action: Action, id: string): Promise<Application> {
  const params = { params: { path: { id } } }
  switch (action) {
    case 'accept': return call(api().talent.POST('/api/talent/me/applications/{id}/accept', params))
    case 'resubmit': return call(api().talent.POST('/api/talent/me/applications/{id}/resubmit', params))
    // Declining an offer and withdrawing an application are the same move for the service.
    case 'decline':
    case 'withdraw': return call(api().talent.POST('/api/talent/me/applications/{id}/withdraw', params))
  }
}

/**
 * One tap on 接受 / 放弃 / 撤回 / 重新提交. A refusal is kept as words; when the application moved on meanwhile
 * (409), `reload` brings the screen up to date.
 */
export function useApplicationActions(reload: () => Promise<void>) {
  const busy = ref<string>()
  const problem = shallowRef<ActionProblem>()

  async function run(action: Action, id: string): Promise<Application | undefined> {
    if (busy.value) return undefined
    busy.value = `${id}:${action}`
    problem.value = undefined
    try {
      return await send(action, id)
    } catch (error) {
      problem.value = actionProblemKey(error)
      if ('key' in problem.value && problem.value.key === 'applications.problem.changed') await reload()
      return undefined
    } finally {
      busy.value = undefined
    }
  }

  function isBusy(id: string | undefined, action: Action): boolean {
    return busy.value === `${id}:${action}`
  }

  return { busy, problem, run, isBusy }
}
