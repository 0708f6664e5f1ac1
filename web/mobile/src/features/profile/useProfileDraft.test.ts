import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '@/api/problem'
import { setConfig } from '@/app/config'
import { keepForProfile } from '@/features/calculator/handover'
import { buildRequest, stepById, stepStatus, type Answers } from './profileFields'
import { resetProfileDraft, useProfileDraft } from './useProfileDraft'

const GET = vi.fn()
const PUT = vi.fn()
vi.mock('@/api/client', () => ({ api: () => ({ talent: { GET, PUT } }) }))
vi.mock('@/auth/useAuth', async () => {
  const { computed } = await import('vue')
  return { useAuth: () => ({ subject: computed(() => 'resident-1') }) }
})

const ID = '330802199903150017'

function ok<T>(data: T, etag?: string) {
  return Promise.resolve({ data, response: new Response(null, { headers: etag ? { ETag: etag } : {} }) })
}
const notFound = () => Promise.reject(new ApiProblem(404, 'NOT_FOUND', '未找到该profile。'))

function stored(overrides: Record<string, unknown> = {}) {
  return {
    version: 3, name: '张三', idNumber: ID, phone: '13812345678', currentNoticeVersion: '2026-01',
    consent: { noticeVersion: '2026-01', consentedAt: '2026-11-01T08:00:00Z' },
    education: { degree: 'BACHELOR', school: '浙江大学' },
    ...overrides,
  }
}

function fillBasics(draft: ReturnType<typeof useProfileDraft>) {
  draft.setAnswer('name', ' 李四 ')
  draft.setAnswer('idNumber', ID)
  draft.setAnswer('phone', '13912345678')
}

describe('profile steps', () => {
  it('tells which groups are done, partly done or not started, counting only the questions asked', () => {
    const work = stepById('work')!
    expect(stepStatus(work, {})).toBe('empty')
    // A job seeker is not asked about an employer; never insured here, the insurance start stays blank.
    expect(stepStatus(work, { 'employment.status': 'JOB_SEEKING' })).toBe('done')
    // Insured here: since when, and any gaps.
    expect(stepStatus(work, { 'employment.status': 'JOB_SEEKING', 'employment.socialInsuranceInQujiangSince': '2025-03-01' })).toBe('partial')
    expect(stepStatus(work, { 'employment.status': 'JOB_SEEKING', 'employment.socialInsuranceInQujiangSince': '2025-03-01', 'employment.socialInsuranceGapMonths': 0 })).toBe('done')
    // Someone employed is asked about the employer and the contract too.
    expect(stepStatus(work, { 'employment.status': 'EMPLOYED', 'employment.socialInsuranceInQujiangSince': '2025-03-01' })).toBe('partial')
    expect(stepStatus(stepById('family')!, { 'family.married': false, 'family.childrenBirthDates': [], 'family.returnedToRuralQujiang': false })).toBe('done')
    expect(stepStatus(stepById('family')!, { 'family.married': false, 'family.returnedToRuralQujiang': false })).toBe('partial')
  })

  it('builds the request from the answers: nested sections, no blanks, no questions that were not asked', () => {
    const answers: Answers = {
      name: ' 李四 ', idNumber: '33080219990315001x', phone: '13912345678', email: '',
      'education.degree': 'BACHELOR', 'education.graduationDate': '2025-06-30', 'education.topUniversity': false,
      'employment.status': 'JOB_SEEKING', 'employment.employer': 'left over from before',
      'family.childrenBirthDates': [], 'residence.residesInQujiang': true,
    }
    expect(buildRequest(answers, { version: 4, consent: { noticeVersion: '2026-01', accepted: true } })).toEqual({
      version: 4,
      consent: { noticeVersion: '2026-01', accepted: true },
      name: '李四', idNumber: '33080219990315001X', phone: '13912345678',
      education: { degree: 'BACHELOR', graduationDate: '2025-06-30', topUniversity: false },
      employment: { status: 'JOB_SEEKING' },
      residence: { residesInQujiang: true },
      family: { childrenBirthDates: [] },
    })
  })
})

describe('useProfileDraft', () => {
  beforeEach(() => {
    setConfig({ apiBase: 'http://gw', keycloakUrl: '', realm: '', clientId: '', privacyNoticeVersion: '2026-01' })
    resetProfileDraft()
    sessionStorage.clear()
    GET.mockReset()
    PUT.mockReset()
  })

  it('asks for consent before the first save and sends it with the profile, without a version', async () => {
    GET.mockImplementation(notFound)
    const draft = useProfileDraft()
    await draft.ensureLoaded()
    expect(draft.consentNeeded.value).toBe(true)
    fillBasics(draft)

    expect(await draft.save()).toBe('consent')
    expect(PUT).not.toHaveBeenCalled()

    draft.consentTicked.value = true
    PUT.mockImplementation(() => ok(stored({ version: 1, name: '李四' }), '"1"'))
    expect(await draft.save()).toBe('saved')
    const body = PUT.mock.calls[0][1].body
    expect(body.version).toBeUndefined()
    expect(body.consent).toEqual({ noticeVersion: '2026-01', accepted: true })
    expect(draft.version.value).toBe(1)
    expect(draft.consentNeeded.value).toBe(false)
  })

  it('sends the version it read on later saves, from the ETag when the body has none', async () => {
    const { version: _, ...withoutVersion } = stored()
    GET.mockImplementation(() => ok(withoutVersion, 'W/"7"'))
    const draft = useProfileDraft()
    await draft.ensureLoaded()
    expect(draft.answers.name).toBe('张三')
    expect(draft.consentNeeded.value).toBe(false)

    PUT.mockImplementation(() => ok(stored({ version: 8 })))
    expect(await draft.save()).toBe('saved')
    expect(PUT.mock.calls[0][1].body.version).toBe(7)
    expect(PUT.mock.calls[0][1].body.consent).toBeUndefined()
    expect(draft.version.value).toBe(8)
  })

  it('asks for consent again when the notice changed since it was accepted', async () => {
    GET.mockImplementation(() => ok(stored({ currentNoticeVersion: '2027-01' })))
    const draft = useProfileDraft()
    await draft.ensureLoaded()
    expect(draft.consentNeeded.value).toBe(true)
    expect(draft.noticeVersion.value).toBe('2027-01')
  })

  it('puts server field errors beside their questions and in the summary, with the step to go to', async () => {
    GET.mockImplementation(() => ok(stored()))
    PUT.mockRejectedValue(new ApiProblem(400, 'VALIDATION_FAILED', '部分字段不合规', [
      { field: 'education.graduationDate', message: '早于身份证号码中出生日期所允许的时间' },
      { field: 'idNumber', message: '校验码不正确，请核对号码' },
    ]))
    const draft = useProfileDraft()
    await draft.ensureLoaded()
    expect(await draft.save()).toBe('invalid')

    expect(draft.problems.value).toEqual([
      { path: 'idNumber', step: 'basic', message: '校验码不正确，请核对号码' },
      { path: 'education.graduationDate', step: 'education', message: '早于身份证号码中出生日期所允许的时间' },
    ])
    expect(draft.serverError('idNumber')).toBe('校验码不正确，请核对号码')

    draft.setAnswer('idNumber', '330802199903150025')
    expect(draft.serverError('idNumber')).toBeUndefined()
    expect(draft.problems.value.map((problem) => problem.path)).toEqual(['education.graduationDate'])
  })

  it('checks required answers and formats itself before calling the server', async () => {
    GET.mockImplementation(notFound)
    const draft = useProfileDraft()
    await draft.ensureLoaded()
    draft.consentTicked.value = true
    draft.setAnswer('phone', '12345')
    expect(await draft.save()).toBe('invalid')
    expect(PUT).not.toHaveBeenCalled()
    expect(draft.problems.value).toEqual([
      { path: 'name', step: 'basic', messageKey: 'profile.check.required.name' },
      { path: 'idNumber', step: 'basic', messageKey: 'profile.check.required.idNumber' },
      { path: 'phone', step: 'basic', messageKey: 'profile.check.format.phone' },
    ])
  })

  it('keeps the resident\'s answers when the profile was saved elsewhere, and saves them on the latest version', async () => {
    GET.mockImplementationOnce(() => ok(stored()))
    const draft = useProfileDraft()
    await draft.ensureLoaded()
    draft.setAnswer('education.school', '衢州学院')
    draft.setAnswer('family.married', true)

    PUT.mockRejectedValueOnce(new ApiProblem(409, 'STALE_VERSION', '已被修改'))
    GET.mockImplementationOnce(() => ok(stored({ version: 5, phone: '13700000000' })))
    expect(await draft.save()).toBe('stale')

    expect(draft.answers['education.school']).toBe('衢州学院')
    expect(draft.answers['family.married']).toBe(true)
    expect(draft.answers.phone).toBe('13812345678')
    expect(draft.version.value).toBe(5)
    expect(draft.savedElsewhere.value).toEqual({
      phone: '13700000000', 'education.school': '浙江大学', 'family.married': undefined,
    })

    PUT.mockImplementationOnce(() => ok(stored({ version: 6, education: { degree: 'BACHELOR', school: '衢州学院' } })))
    expect(await draft.save()).toBe('saved')
    expect(PUT.mock.calls[1][1].body).toMatchObject({ version: 5, phone: '13812345678', education: { school: '衢州学院' }, family: { married: true } })
    expect(draft.savedElsewhere.value).toBeUndefined()
  })

  it('reports an ID number held by another profile without saying more', async () => {
    GET.mockImplementation(() => ok(stored()))
    PUT.mockRejectedValue(new ApiProblem(409, 'PROFILE_CONFLICT', '无法保存'))
    const draft = useProfileDraft()
    await draft.ensureLoaded()
    expect(await draft.save()).toBe('conflict')
  })

  it('takes over the calculator answers once, for the questions still open', async () => {
    keepForProfile({ 'education.degree': 'MASTER', hukou: 'QUJIANG', 'family.married': false }, ['education.degree', 'hukou', 'family.married'])
    GET.mockImplementation(() => ok(stored()))
    const draft = useProfileDraft()
    await draft.ensureLoaded()
    expect(draft.answers['education.degree']).toBe('BACHELOR')
    expect(draft.answers.hukou).toBe('QUJIANG')
    expect(draft.answers['family.married']).toBe(false)
    expect(draft.unsaved.value).toBe(true)
    expect(sessionStorage.length).toBe(0)
  })

  it('keeps answers being edited when a screen loads the draft again', async () => {
    GET.mockImplementation(() => ok(stored()))
    const draft = useProfileDraft()
    await draft.ensureLoaded()
    draft.setAnswer('hukou', 'OUT_OF_PROVINCE')
    await useProfileDraft().ensureLoaded()
    expect(GET).toHaveBeenCalledTimes(1)
    expect(draft.answers.hukou).toBe('OUT_OF_PROVINCE')
  })
})
