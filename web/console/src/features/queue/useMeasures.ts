import { computed } from 'vue'
import { api, call } from '@/api/client'
import { useLoad } from '@shared/app/useLoad'

/** The measures of the catalogue by title, for the queue's measure filter (codes are never shown). */
export function useMeasures() {
  const read = useLoad(() => call(api().policy.GET('/api/policy/measures', {})))
  const options = computed(() => (read.data.value?.measures ?? [])
    .map((measure) => ({ value: measure.code ?? '', label: measure.title ?? '' }))
    .filter((option) => option.value && option.label))
  return { options, load: read.load }
}
