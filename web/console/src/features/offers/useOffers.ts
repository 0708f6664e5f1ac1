import { computed, ref } from 'vue'
import { api, call } from '@/api/client'
import { useLoad } from '@shared/app/useLoad'
import { PAGE_SIZE } from '@/features/queue/useQueue'
import { skippedLines, type SkippedLine } from './skippedOffers'

/**
 * 免申即享 offers waiting for an officer's confirmation, a page at a time, with a selection that can take the whole
 * page, a bulk confirm and a bulk reject with one reason. Offers a colleague dealt with meanwhile (or the applicant
 * declined) are skipped and said so; a rejection names each one it left alone and why.
 */
export function useOffers() {
  const page = ref(1)
  const read = useLoad(() => call(api().talent.GET('/api/talent/review/applications', {
    params: { query: { status: 'OFFERED', sort: 'dueDate', page: page.value - 1, size: PAGE_SIZE } },
  })))
  const selected = ref<string[]>([])
  const confirming = ref(false)
  const result = ref<{ confirmed: number; skipped: number }>()
  const rejection = ref<{ rejected: number; skipped: SkippedLine[] }>()
  const problem = ref<Error>()
  const reasons = useLoad(() => call(api().talent.GET('/api/talent/review/decision-reasons', {})))
  /** The reasons an offer may be rejected with, with the words the applicant will read. */
  const rejectReasons = computed(() => (reasons.data.value ?? []).filter((reason) => reason.decision === 'REJECT'))

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

  /** Sends one bulk step for the selection; whatever happens, the page is read again afterwards. */
  async function bulk(send: (ids: string[]) => Promise<void>): Promise<boolean> {
    if (selected.value.length === 0 || confirming.value) return false
    confirming.value = true
    problem.value = undefined
    result.value = undefined
    rejection.value = undefined
    let sent = false
    try {
      await send(selected.value)
      selected.value = []
      sent = true
    } catch (error) {
      problem.value = error instanceof Error ? error : new Error(String(error))
    } finally {
      confirming.value = false
    }
    await load()
    return sent
  }

  function confirmSelected(): Promise<boolean> {
    return bulk(async (ids) => {
      const answer = await call(api().talent.POST('/api/talent/review/offers/confirm', { body: { ids } }))
      result.value = { confirmed: answer.confirmed?.length ?? 0, skipped: answer.skipped?.length ?? 0 }
    })
  }

  function rejectSelected(reasonCode: string, comment: string): Promise<boolean> {
    const before = items.value
    return bulk(async (ids) => {
      const answer = await call(api().talent.POST('/api/talent/review/offers/reject', {
        body: { ids, reasonCode, comment: comment.trim() || undefined },
      }))
      rejection.value = { rejected: answer.rejected?.length ?? 0, skipped: skippedLines(answer.skipped ?? [], before) }
    })
  }

  return {
    items, page, total: computed(() => read.data.value?.total ?? 0), loading: read.loading, loadProblem: read.problem,
    selected, allOnPage, someOnPage, confirming, result, rejection, problem, load, toggle, toggleAll, goToPage,
    confirmSelected, rejectSelected, rejectReasons, loadReasons: reasons.load,
  }
}
