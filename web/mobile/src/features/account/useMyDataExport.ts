import { ref, shallowRef } from 'vue'
import { api, call } from '@/api/client'

const FILE_PREFIX = 'qingnian-qujiang-mydata'

/** "qingnian-qujiang-mydata-2026-11-29.json": the day in Qujiang, so that several downloads sort and do not clash. */
export function exportFileName(now: Date = new Date()): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now)
  return `${FILE_PREFIX}-${day}.json`
}

/** Saves a blob as a file through a temporary object URL and a download link. */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document, urls: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'> = URL): void {
  const url = urls.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  doc.body.appendChild(link)
  link.click()
  link.remove()
  // Some browsers read the URL after click() returns; revoking at once can cancel the download.
  setTimeout(() => urls.revokeObjectURL(url), 10_000)
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
