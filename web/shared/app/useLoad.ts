import { ref, shallowRef, type Ref } from 'vue'
import type { ApiProblem } from '../api/problem'

/**
 * Loading, data and error state of one read, with retry: a screen shows a skeleton while loading, a calm retry
 * message for 429/503/offline and the server's detail otherwise — never a blank page.
 */
export function useLoad<T>(loader: () => Promise<T>) {
  const data = shallowRef<T>()
  const loading = ref(false)
  const problem = shallowRef<ApiProblem | Error>()

  async function load(): Promise<void> {
    loading.value = true
    problem.value = undefined
    try {
      data.value = await loader()
    } catch (error) {
      problem.value = error instanceof Error ? error : new Error(String(error))
    } finally {
      loading.value = false
    }
  }

  return { data: data as Ref<T | undefined>, loading, problem, load }
}
