import { ref, shallowRef } from 'vue'
import { api, call } from '@/api/client'
import { saveBlob } from '@shared/app/saveBlob'
import { qujiangDay } from '@shared/i18n/format'

export { saveBlob }

const FILE_PREFIX = 'qingnian-qujiang-mydata'

/** "qingnian-qujiang-mydata-2026-11-29.json": the day in Qujiang, so that several downloads sort and do not clash. */
export function exportFileName(now: Date = new Date()): string {
  return `${FILE_PREFIX}-${qujiangDay(now)}.json`
}

/**
 * Downloads everything talent-service holds about the resident. The export is an attachment behind the token, so it
 * is fetched through the API client (a plain link would carry no token) and saved from memory.
 */
export function useMyDataExport() {
  const downloading = ref(false)
  const problem = shallowRef<Error>()
  const savedAs = ref<string>()

  async function download(): Promise<void> {
    downloading.value = true
    problem.value = undefined
    savedAs.value = undefined
    try {
      const data = await call(api().talent.GET('/api/talent/me/export', { parseAs: 'blob' }))
      const fileName = exportFileName()
      saveBlob(new Blob([data], { type: 'application/json' }), fileName)
      savedAs.value = fileName
    } catch (error) {
      problem.value = error as Error
    } finally {
      downloading.value = false
    }
  }

  return { downloading, problem, savedAs, download }
}
