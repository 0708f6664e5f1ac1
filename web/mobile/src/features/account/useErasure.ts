import { computed, ref, shallowRef } from 'vue'
import { api, call } from '@/api/client'
import { useAuth } from '@/auth/useAuth'
import { rememberErasure } from './erasureNotice'

/**
 * Erasing the resident's data: only after they ticked that they understand it cannot be undone. Afterwards they are
 * signed out; Keycloak's sign-out brings them back to the home screen, which confirms the erasure.
 */
export function useErasure(goHome: () => void = () => window.location.assign('/')) {
  const auth = useAuth()
  const understood = ref(false)
  const erasing = ref(false)
  const problem = shallowRef<Error>()
  const canErase = computed(() => understood.value && !erasing.value)

  /** True when the data is gone (the page is then on its way to the home screen). */
  async function erase(): Promise<boolean> {
    if (!canErase.value) return false
    erasing.value = true
    problem.value = undefined
    try {
      await call(api().talent.DELETE('/api/talent/me'))
    } catch (error) {
      problem.value = error as Error
      erasing.value = false
      return false
    }
    rememberErasure()
    try {
      await auth.logout()
    } catch {
      // The data is gone either way; without Keycloak's round trip, reload the home screen signed out.
      goHome()
    }
    return true
  }

  function reset(): void {
    understood.value = false
    problem.value = undefined
  }

  return { understood, erasing, problem, canErase, erase, reset }
}
