import { ref, shallowRef } from 'vue'
import { api, call } from '@/api/client'
import { config } from '@/app/config'
import { useLoad } from '@shared/app/useLoad'
import { ApiProblem, problemFrom } from '@shared/api/problem'
import { useAuth } from '@/auth/useAuth'
import { currentLocale } from '@/i18n'
import type { components } from '@/api/generated/talent'

export type ReviewDocuments = components['schemas']['ReviewDocuments']
export type ReviewDocument = components['schemas']['ReviewDocument']

/** A file fetched for the officer's eyes: an object URL of its bytes, its type and a name to save it under. */
export interface Preview {
  url: string
  type: string
  name: string
  document: ReviewDocument
}

/** The file name the server gave in Content-Disposition (requirement and id, never the resident's own name). */
export function fileName(disposition: string | null, fallback: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '')
  return match ? decodeURIComponent(match[1]) : fallback
}

/**
 * An application's documents for the officer: each required one and where it stands, every document, every view
 * (each preview is recorded by the server before it serves the file), and accept / reject with a reason.
 */
export function useReviewDocuments(applicationId: () => string) {
  const auth = useAuth()
  const { data, loading, problem, load } = useLoad(() =>
    call(api().talent.GET('/api/talent/review/applications/{id}/documents', { params: { path: { id: applicationId() } } })))
  const preview = shallowRef<Preview>()
  const opening = ref<string>()
  const actionProblem = shallowRef<ApiProblem | Error>()

  /** Fetches the file with the officer's token (a plain link could not carry it) and keeps it as an object URL. */
  async function open(document: ReviewDocument): Promise<void> {
    close()
    opening.value = document.id
    actionProblem.value = undefined
    try {
      const response = await fetch(`${config().apiBase}/api/talent/review/applications/${applicationId()}/documents/${document.id}/content`, {
        headers: { Authorization: `Bearer ${await auth.token()}`, 'Accept-Language': currentLocale() },
      })
      if (!response.ok) throw await problemFrom(response)
      const type = response.headers.get('Content-Type') ?? 'application/octet-stream'
      const blob = new Blob([await response.arrayBuffer()], { type })
      preview.value = { url: URL.createObjectURL(blob), type, document,
        name: fileName(response.headers.get('Content-Disposition'), document.id ?? 'document') }
      await load() // the view just recorded
    } catch (error) {
      actionProblem.value = error instanceof Error ? error : new Error(String(error))
    } finally {
      opening.value = undefined
    }
  }

  function close(): void {
    if (preview.value) URL.revokeObjectURL(preview.value.url)
    preview.value = undefined
  }

  /** Accepts or rejects (with the reason the resident reads); true when done. */
  async function review(document: ReviewDocument, decision: 'ACCEPT' | 'REJECT', reason?: string): Promise<boolean> {
    actionProblem.value = undefined
    try {
      await call(api().talent.POST('/api/talent/review/applications/{id}/documents/{documentId}/review', {
        params: { path: { id: applicationId(), documentId: document.id ?? '' } },
        body: { decision, reason: reason?.trim() || undefined },
      }))
      await load()
      return true
    } catch (error) {
      actionProblem.value = error instanceof Error ? error : new Error(String(error))
      return false
    }
  }

  return { data, loading, problem, load, preview, opening, actionProblem, open, close, review }
}
