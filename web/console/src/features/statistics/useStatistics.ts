import { computed, ref, shallowRef } from 'vue'
import { api, call } from '@/api/client'
import { useLoad } from '@shared/app/useLoad'
import { saveBlob } from '@shared/app/saveBlob'
import { qujiangDay } from '@shared/i18n/format'
import type { UptakeReport } from './funnel'
import { checkPeriod, presetOf, presetPeriod, type Period, type PeriodPreset } from './period'

const WORKBOOK = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * The dashboard's state: the period (a preset or two days; this year by default), the report for it, and the Excel
 * export of the same period. A period the server would refuse is not sent; the screen says why instead.
 */
export function useStatistics(today: () => string = () => qujiangDay()) {
  const preset = ref<PeriodPreset>('thisYear')
  const period = ref<Period>(presetPeriod('thisYear', today()))
  const check = computed(() => checkPeriod(period.value, today()))
  const shown = shallowRef<Period>()
  const report = useLoad(async () => {
    const asked = { ...period.value }
    const data = await call(api().talent.GET('/api/talent/statistics/uptake', { params: { query: asked } }))
    shown.value = asked
    return data as UptakeReport
  })
  const exporting = ref(false)
  const exportProblem = shallowRef<Error>()

  async function load(): Promise<void> {
    if (check.value === 'ok') await report.load()
  }

  async function choosePreset(next: PeriodPreset): Promise<void> {
    preset.value = next
    if (next === 'custom') return  // the two days come from the date picker
    period.value = presetPeriod(next, today())
    await load()
  }

  async function chooseDays(days: [string, string] | null | undefined): Promise<void> {
    period.value = days ? { from: days[0], to: days[1] } : { from: '', to: '' }
    preset.value = days ? presetOf(period.value, today()) : 'custom'
    await load()
  }

  /** The workbook of the period on the screen, saved under {@code fileName(period)}. */
  async function exportWorkbook(fileName: (period: Period) => string): Promise<void> {
    const asked = shown.value
    if (!asked || exporting.value) return
    exporting.value = true
    exportProblem.value = undefined
    try {
      const data = await call(api().talent.GET('/api/talent/statistics/uptake/export', {
        params: { query: asked }, parseAs: 'blob',
      }))
      saveBlob(new Blob([data as BlobPart], { type: WORKBOOK }), fileName(asked))
    } catch (error) {
      exportProblem.value = error instanceof Error ? error : new Error(String(error))
    } finally {
      exporting.value = false
    }
  }

  return {
    preset, period, check, shown,
    report: report.data, loading: report.loading, problem: report.problem,
    load, choosePreset, chooseDays,
    exporting, exportProblem, exportWorkbook,
  }
}
