import { computed, reactive, ref, shallowRef } from 'vue'
import { api } from '@/api/client'
import { ApiProblem } from '@/api/problem'
import { config } from '@/app/config'
import { useAuth } from '@/auth/useAuth'
import type { AnswerValue } from '@/features/vocabulary/useVocabulary'
import { takeOverForProfile } from '@/features/calculator/handover'
import {
  ALL_FIELDS, PROFILE_STEPS, answersFromProfile, buildRequest, checkStep, fieldByPath, fieldForError, isAnswered,
  sameAnswer, stepOfField, stepStatus, type Answers, type ProfilePath, type ProfileView, type StepId, type StepStatus,
} from './profileFields'

/**
 * The resident's profile answers while they go through the steps, the check page and the save. Kept in memory only
 * (personal data: never in browser storage), for the signed-in resident it was loaded for.
 */
export type SaveOutcome = 'saved' | 'invalid' | 'consent' | 'stale' | 'conflict'

/** A problem to show on the check page: beside its answer and in the error summary. */
export interface AnswerProblem {
  /** The question, when the server named one the app asks. */
  path?: ProfilePath
  step?: StepId
  /** A message key of the app, or the server's own message. */
  messageKey?: string
  message?: string
}

const auth = useAuth()
const answers = reactive<Answers>({})
const owner = ref<string>()
const loaded = ref(false)
const version = ref<number>()
const acceptedNotice = ref<string>()
const currentNotice = ref<string>()
const consentTicked = ref(false)
const serverErrors = ref<Record<string, string>>({})
/** After a 409 STALE_VERSION: what the profile saved elsewhere says where it differs from the resident's answers. */
const savedElsewhere = ref<Answers>()
const unsaved = ref(false)
const loadProblem = shallowRef<Error>()
let loading: Promise<void> | undefined

function clear(): void {
  for (const key of Object.keys(answers)) delete answers[key as ProfilePath]
  version.value = undefined
  acceptedNotice.value = undefined
  currentNotice.value = undefined
  consentTicked.value = false
  serverErrors.value = {}
  savedElsewhere.value = undefined
  unsaved.value = false
  loaded.value = false
}

/** The version the resident read: the body's, or the ETag ("3" or W/"3") when a body lacks it. */
function versionOf(profile: ProfileView | undefined, response: Response): number | undefined {
  if (typeof profile?.version === 'number') return profile.version
  const etag = response.headers.get('ETag')?.match(/\d+/)?.[0]
  return etag === undefined ? undefined : Number(etag)
}

async function readProfile(): Promise<{ profile?: ProfileView; version?: number }> {
  try {
    const { data, response } = await api().talent.GET('/api/talent/me/profile')
    return { profile: data, version: versionOf(data, response) }
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return {}
    throw error
  }
}

function remember(profile: ProfileView | undefined, read: number | undefined): void {
  version.value = read
  acceptedNotice.value = profile?.consent?.noticeVersion
  currentNotice.value = profile?.currentNoticeVersion
}

function replaceAnswers(next: Answers): void {
  for (const key of Object.keys(answers)) delete answers[key as ProfilePath]
  Object.assign(answers, next)
}

/** Answers the calculator kept fill the questions the profile leaves open. */
function takeOverCalculatorAnswers(): void {
  const kept = takeOverForProfile()
  if (!kept) return
  for (const [path, value] of Object.entries(kept)) {
    const field = fieldByPath(path)
    if (field && !isAnswered(answers[field.path]) && isAnswered(value as AnswerValue)) {
      answers[field.path] = value as AnswerValue
      unsaved.value = true
    }
  }
}

async function loadNow(): Promise<void> {
  loadProblem.value = undefined
  try {
    const { profile, version: read } = await readProfile()
    remember(profile, read)
    replaceAnswers(profile ? answersFromProfile(profile) : {})
    loaded.value = true
    takeOverCalculatorAnswers()
  } catch (error) {
    loadProblem.value = error instanceof Error ? error : new Error(String(error))
  }
}

/** Loads the stored profile once per signed-in resident; answers being edited are kept on later calls. */
function ensureLoaded(): Promise<void> {
  if (owner.value !== auth.subject.value) {
    clear()
    owner.value = auth.subject.value
  }
  if (loaded.value) {
    takeOverCalculatorAnswers()
    return Promise.resolve()
  }
  loading ??= loadNow().finally(() => (loading = undefined))
  return loading
}

function setAnswer(path: ProfilePath, value: AnswerValue): void {
  answers[path] = value
  unsaved.value = true
  if (serverErrors.value[path]) {
    const { [path]: _, ...rest } = serverErrors.value
    serverErrors.value = rest
  }
}

const noticeVersion = computed(() => currentNotice.value ?? config().privacyNoticeVersion)
/** No profile yet, or one that accepted an older notice: the notice must be accepted with this save. */
const consentNeeded = computed(() => version.value === undefined || acceptedNotice.value !== noticeVersion.value)

/** Problems with the answers before saving: required answers missing, formats the app checks, the server's. */
const problems = computed<AnswerProblem[]>(() => {
  const list: AnswerProblem[] = []
  const reported = new Set<string>()
  for (const step of PROFILE_STEPS) {
    for (const [path, messageKey] of Object.entries(checkStep(step, answers))) {
      list.push({ path: path as ProfilePath, step: step.id, messageKey })
      reported.add(path)
    }
  }
  for (const [serverField, message] of Object.entries(serverErrors.value)) {
    const field = fieldForError(serverField)
    if (field && reported.has(field.path)) continue
    list.push({ path: field?.path, step: field ? stepOfField(field.path)?.id : undefined, message })
  }
  const order = (problem: AnswerProblem) => (problem.path ? ALL_FIELDS.findIndex((f) => f.path === problem.path) : ALL_FIELDS.length)
  return list.sort((a, b) => order(a) - order(b))
})

/** The server's message for a question, to show beside it on its step. */
function serverError(path: ProfilePath): string | undefined {
  for (const [serverField, message] of Object.entries(serverErrors.value)) {
    if (fieldForError(serverField)?.path === path) return message
  }
  return undefined
}

const statuses = computed(() =>
  Object.fromEntries(PROFILE_STEPS.map((step) => [step.id, stepStatus(step, answers)])) as Record<StepId, StepStatus>,
)

/**
 * Saves the whole profile with the version read (none for a first save) and, when needed, the accepted notice.
 * Problems the resident can fix come back as an outcome; anything else (busy, offline) is thrown for <LoadState>.
 */
async function save(): Promise<SaveOutcome> {
  if (problems.value.some((problem) => problem.messageKey)) return 'invalid'
  if (consentNeeded.value && !consentTicked.value) return 'consent'
  const consent = consentNeeded.value ? { noticeVersion: noticeVersion.value, accepted: true } : undefined
  try {
    const { data, response } = await api().talent.PUT('/api/talent/me/profile', {
      body: buildRequest(answers, { version: version.value, consent }),
    })
    remember(data, versionOf(data, response))
    if (data) replaceAnswers(answersFromProfile(data))
    serverErrors.value = {}
    savedElsewhere.value = undefined
    unsaved.value = false
    return 'saved'
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error
    switch (error.code) {
      case 'VALIDATION_FAILED':
        serverErrors.value = error.byField()
        return 'invalid'
      case 'CONSENT_REQUIRED':
        acceptedNotice.value = undefined
        consentTicked.value = false
        return 'consent'
      case 'STALE_VERSION':
      case 'VERSION_REQUIRED':
        await takeLatestVersion()
        return 'stale'
      case 'PROFILE_CONFLICT':
        return 'conflict'
      default:
        throw error
    }
  }
}

/**
 * Someone saved the profile elsewhere (another device): read that version so the next save is accepted, keep every
 * answer of the resident, and note where the saved profile differs so they can decide.
 */
async function takeLatestVersion(): Promise<void> {
  const { profile, version: read } = await readProfile()
  remember(profile, read)
  const latest = profile ? answersFromProfile(profile) : {}
  const differing: Answers = {}
  for (const field of ALL_FIELDS) {
    const theirs = latest[field.path]
    if (!sameAnswer(theirs, answers[field.path])) differing[field.path] = theirs
  }
  savedElsewhere.value = differing
}

export function useProfileDraft() {
  return {
    answers: answers as Readonly<Answers>,
    setAnswer,
    ensureLoaded,
    loaded: computed(() => loaded.value),
    loadProblem: computed(() => loadProblem.value),
    retryLoad: () => {
      loaded.value = false
      return ensureLoaded()
    },
    version: computed(() => version.value),
    statuses,
    problems,
    serverError,
    consentNeeded,
    noticeVersion,
    consentTicked,
    savedElsewhere: computed(() => savedElsewhere.value),
    unsaved: computed(() => unsaved.value),
    save,
  }
}

/** For tests and sign-out: forget everything. */
export function resetProfileDraft(): void {
  clear()
  owner.value = undefined
}
