import { computed, reactive } from 'vue'
import { api, call } from '@/api/client'
import { config } from '@/app/config'
import { useLoad } from '@/app/useLoad'
import { useAuth } from '@/auth/useAuth'
import { currentLocale } from '@/i18n'
import type { components } from '@/api/generated/talent'
import { refusalWords, sendUpload } from './upload'

export type ResidentDocuments = components['schemas']['ResidentDocuments']
export type Requirement = components['schemas']['RequirementView']

/** Before applying the documents belong to the profile; afterwards to the application. */
export type DocumentsOf = { measureCode: string } | { applicationId: string }

/** Required documents still to be given: missing, or rejected by the officer. */
export function outstanding(requirements: readonly Requirement[] | undefined): Requirement[] {
  return (requirements ?? []).filter((r) => r.state === 'MISSING' || r.state === 'REJECTED')
}

/**
 * The documents a measure or an application asks for, where each stands, and uploading one with its progress and,
 * when refused, the reason in words by requirement.
 */
export function useDocuments(of: () => DocumentsOf, refusedFallback: () => string) {
  const auth = useAuth()
  const { data, loading, problem, load } = useLoad<ResidentDocuments>(() => {
    const target = of()
    return 'measureCode' in target
      ? call(api().talent.GET('/api/talent/me/measures/{code}/documents', { params: { path: { code: target.measureCode } } }))
      : call(api().talent.GET('/api/talent/me/applications/{id}/documents', { params: { path: { id: target.applicationId } } }))
  })
  const progress = reactive<Record<string, number>>({})
  const refusals = reactive<Record<string, string>>({})
  const requirements = computed(() => data.value?.requirements ?? [])
  const missing = computed(() => outstanding(data.value?.requirements))

  function uploadPath(): string {
    const target = of()
    return 'measureCode' in target ? '/api/talent/me/documents' : `/api/talent/me/applications/${target.applicationId}/documents`
  }

  /** Sends the file for the requirement; true once stored (the list is read again), false with the reason kept. */
  async function upload(requirement: string, file: File): Promise<boolean> {
    delete refusals[requirement]
    progress[requirement] = 0
    try {
      await sendUpload({
        url: `${config().apiBase}${uploadPath()}`, token: await auth.token(), language: currentLocale(), requirement,
        file, onProgress: (percent) => { progress[requirement] = percent },
      })
      await load()
      return true
    } catch (error) {
      refusals[requirement] = refusalWords(error, refusedFallback())
      return false
    } finally {
      delete progress[requirement]
    }
  }

  return { data, loading, problem, load, requirements, missing, progress, refusals, upload }
}
