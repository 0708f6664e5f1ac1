import { reactive, ref, shallowRef } from 'vue'
import { api, call } from '@/api/client'
import type { components } from '@/api/generated/notification'
import { ApiProblem } from '@/api/problem'
import { i18n } from '@/i18n'

type PreferencesView = components['schemas']['PreferencesView']
type PreferencesRequest = components['schemas']['PreferencesRequest']
type ChannelSwitches = components['schemas']['ChannelSwitches']

export const CATEGORIES = ['match', 'application'] as const
export const CHANNELS = ['inApp', 'sms', 'email'] as const
export type Category = (typeof CATEGORIES)[number]
export type Channel = (typeof CHANNELS)[number]
/** `profile` = follow the language chosen in the resident's profile (sent as no language). */
export type LanguageChoice = 'profile' | 'zh-CN' | 'en'

export interface PreferencesForm {
  match: Record<Channel, boolean>
  application: Record<Channel, boolean>
  language: LanguageChoice
  quietEnabled: boolean
  quietFrom: string
  quietTo: string
}

/** The service's defaults for residents who saved nothing yet (notification-service README). */
export const DEFAULT_FROM = '22:00'
export const DEFAULT_TO = '08:00'

/** "22:00:00" (how the service answers) or "22:00" → "22:00"; anything else → the fallback. */
export function hhmm(value: string | undefined, fallback: string): string {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d+)?)?$/.exec(value ?? '')
  return match ? `${match[1]}:${match[2]}` : fallback
}

function switches(value: ChannelSwitches | undefined): Record<Channel, boolean> {
  return { inApp: value?.inApp ?? true, sms: value?.sms ?? true, email: value?.email ?? true }
}

export function formFrom(view: PreferencesView): PreferencesForm {
  const language = view.language === 'zh-CN' || view.language === 'en' ? view.language : 'profile'
  return {
    match: switches(view.match),
    application: switches(view.application),
    language,
    quietEnabled: view.smsQuietHours?.enabled ?? true,
    quietFrom: hhmm(view.smsQuietHours?.from, DEFAULT_FROM),
    quietTo: hhmm(view.smsQuietHours?.to, DEFAULT_TO),
  }
}

/** The whole replacement the PUT expects; "follow my profile" is the absence of a language. */
export function requestFrom(form: PreferencesForm): PreferencesRequest {
  const request: PreferencesRequest = {
    match: { ...form.match },
    application: { ...form.application },
    smsQuietHours: { enabled: form.quietEnabled, from: form.quietFrom, to: form.quietTo },
  }
  if (form.language !== 'profile') request.language = form.language
  return request
}

/**
 * Checks before sending, keyed by the server's field paths so that both kinds of errors land in the same place.
 * The service treats equal times as "no quiet period", which a resident who switched quiet hours on cannot mean.
 */
export function validate(form: PreferencesForm): Record<string, string> {
  const t = i18n.global.t
  const errors: Record<string, string> = {}
  if (!form.quietEnabled) return errors
  if (hhmm(form.quietFrom, '') === '') errors['smsQuietHours.from'] = t('settings.errors.time')
  if (hhmm(form.quietTo, '') === '') errors['smsQuietHours.to'] = t('settings.errors.time')
  else if (form.quietFrom === form.quietTo) errors['smsQuietHours.to'] = t('settings.errors.sameTimes')
  return errors
}

/** The first error for a field or anything under it ("match" covers "match.inApp"). */
export function errorUnder(errors: Record<string, string>, path: string): string | undefined {
  const key = Object.keys(errors).find((field) => field === path || field.startsWith(`${path}.`))
  return key === undefined ? undefined : errors[key]
}

/** Loading, editing and saving the resident's notification preferences. */
export function usePreferencesForm() {
  const form = reactive<PreferencesForm>(formFrom({}))
  const timeZone = ref('Asia/Shanghai')
  const loading = ref(false)
  const loadProblem = shallowRef<Error>()
  const saving = ref(false)
  const saved = ref(false)
  /** Beside each field, by the server's field path. */
  const fieldErrors = ref<Record<string, string>>({})
  /** A save that failed for another reason than the fields. */
  const saveProblem = shallowRef<Error>()

  function apply(view: PreferencesView): void {
    Object.assign(form, formFrom(view))
    timeZone.value = view.timeZone ?? timeZone.value
  }

  async function load(): Promise<void> {
    loading.value = true
    loadProblem.value = undefined
    try {
      apply(await call(api().notification.GET('/api/notifications/me/preferences')))
    } catch (error) {
      loadProblem.value = error as Error
    } finally {
      loading.value = false
    }
  }

  /** True when saved. */
  async function save(): Promise<boolean> {
    saved.value = false
    saveProblem.value = undefined
    fieldErrors.value = validate(form)
    if (Object.keys(fieldErrors.value).length > 0) return false
    saving.value = true
    try {
      apply(await call(api().notification.PUT('/api/notifications/me/preferences', { body: requestFrom(form) })))
      saved.value = true
      return true
    } catch (error) {
      if (error instanceof ApiProblem && error.fieldErrors.length > 0) fieldErrors.value = error.byField()
      else saveProblem.value = error as Error
      return false
    } finally {
      saving.value = false
    }
  }

  /** A change clears the error of the field it touches and the "saved" note. */
  function touched(path: string): void {
    saved.value = false
    const remaining = { ...fieldErrors.value }
    for (const key of Object.keys(remaining)) if (key === path || key.startsWith(`${path}.`)) delete remaining[key]
    fieldErrors.value = remaining
  }

  return { form, timeZone, loading, loadProblem, saving, saved, fieldErrors, saveProblem, load, save, touched }
}
