import { ref } from 'vue'

/** State of a van-pull-refresh around a screen's load: the spinner stops when the load has finished. */
export function usePullRefresh(load: () => Promise<void>) {
  const refreshing = ref(false)
  async function refresh(): Promise<void> {
    try {
      await load()
    } finally {
      refreshing.value = false
    }
  }
  return { refreshing, refresh }
}
