import { computed } from 'vue'
import { api, call } from '@/api/client'
import { useLoad } from '@shared/app/useLoad'

/** Every measure of the catalogue as policy admins see it: status, version, window, quota and draft state. */
export function useMeasureList() {
  const read = useLoad(() => call(api().policy.GET('/api/policy/admin/measures', {})))
  const measures = computed(() => [...(read.data.value ?? [])].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? '')))
  /** Titles by code, for exclusions and anything else that names a measure. */
  const titles = computed(() => Object.fromEntries(measures.value.map((m) => [m.code ?? '', m.title ?? m.code ?? ''])))
  return { measures, titles, loading: read.loading, problem: read.problem, load: read.load }
}
