import { computed, ref } from 'vue'
import { api, call } from '@/api/client'
import { useLoad } from '@shared/app/useLoad'
import { PAGE_SIZE } from '@/features/queue/useQueue'

/**
 * 免申即享 offers waiting for an officer's confirmation, a page at a time, with a selection that can take the whole
 * page and a bulk confirm. Offers a colleague dealt with meanwhile (or the applicant declined) are skipped and said so.
 */
export function useOffers() {
  const page = ref(1)
  const read = useLoad(() => call(api().talent.GET('/api/talent/review/applications', {
    params: { query: { status: 'OFFERED', sort: 'dueDate', page: page.value - 1, size: PAGE_SIZE } },
  })))
  const selected = ref<string[]>([])
  const confirming = ref(false)
  const result = ref<{ confirmed: number; skipped: number }>()
  const problem = ref<Error>()

  const items = computed(() => read.data.value?.items ?? [])
  const pageIds = computed(() => items.value.map((item) => item.id ?? ''))
  const allOnPage = computed(() => pageIds.value.length > 0 && pageIds.value.every((id) => selected.value.includes(id)))
  const someOnPage = computed(() => !allOnPage.value && pageIds.value.some((id) => selected.value.includes(id)))

  async function load(): Promise<void> {
    await read.load()
    // A selection only ever holds what the officer can see.
    selected.value = selected.value.filter((id) => pageIds.value.includes(id))
  }

  function toggle(id: string, on: boolean): void {
    selected.value = on ? [...new Set([...selected.value, id])] : selected.value.filter((s) => s !== id)
  }

  function toggleAll(on: boolean): void {
    selected.value = on ? [...pageIds.value] : []
  }

  async function goToPage(next: number): Promise<void> {
    page.value = next
    selected.value = []
    await load()
  }

  async function confirmSelected(): Promise<void> {
    if (selected.value.length === 0) return
    confirming.value = true
    problem.value = undefined
    try {
      const answer = await call(api().talent.POST('/api/talent/review/offers/confirm', { body: { ids: selected.value } }))
      result.value = { confirmed: answer.confirmed?.length ?? 0, skipped: answer.skipped?.length ?? 0 }
      selected.value = []
    } catch (error) {
      problem.value = error instanceof Error ? error : new Error(String(error))
    } finally {
      confirming.value = false
    }
    await load()
  }

  return {
    items, page, total: computed(() => read.data.value?.total ?? 0), loading: read.loading, loadProblem: read.problem,
    selected, allOnPage, someOnPage, confirming, result, problem, load, toggle, toggleAll, goToPage, confirmSelected,
  }
}
