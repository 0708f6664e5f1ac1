import { computed } from 'vue'
import { api, call } from '@/api/client'
import { useLoad } from '@shared/app/useLoad'

/**
 * The colleagues an application can be handed to: the officers talent-service has seen using the console (the
 * browser never asks Keycloak's admin API), without the signed-in officer.
 */
export function useOfficers() {
  const read = useLoad(() => call(api().talent.GET('/api/talent/review/officers', {})))
  return {
    load: read.load,
    colleagues: computed(() => (read.data.value ?? []).filter((o) => !o.me).map((o) => o.userName ?? '')
      .filter((name) => name !== '')),
  }
}
