import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '@/api/problem'

const talentGet = vi.fn()
const talentPost = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ talent: { GET: talentGet, POST: talentPost } }),
  call: (request: Promise<unknown>) => request,
}))

const { sections, useApplications } = await import('./useApplications')
const { latestRequest, timelineNewestFirst, useApplicationDetail } = await import('./useApplicationDetail')

const list = [
  { id: 'a', kind: 'APPLICATION', status: 'APPROVED', open: false, submittedAt: '2026-11-01T01:00:00Z' },
  { id: 'b', kind: 'OFFER', status: 'CONFIRMED', open: true, submittedAt: '2026-11-02T01:00:00Z' },
  { id: 'c', kind: 'APPLICATION', status: 'SUBMITTED', open: true, submittedAt: '2026-11-03T01:00:00Z' },
  { id: 'd', kind: 'OFFER', status: 'OFFERED', open: true, submittedAt: '2026-11-04T01:00:00Z' },
] as const

describe('applications list', () => {
  beforeEach(() => {
    talentGet.mockReset()
    talentPost.mockReset()
  })

  it('confirmed offers on top, then open newest first, then finished', () => {
    const s = sections([...list])
    expect(s.toConfirm.map((a) => a.id)).toEqual(['b'])
    expect(s.open.map((a) => a.id)).toEqual(['d', 'c'])
    expect(s.closed.map((a) => a.id)).toEqual(['a'])
    expect(sections(undefined)).toEqual({ toConfirm: [], open: [], closed: [] })
  })

  it('accept and decline post to the offer and read the list again', async () => {
    talentGet.mockResolvedValue([...list])
    talentPost.mockResolvedValue({ id: 'b', status: 'APPROVED' })
    const apps = useApplications()
    await apps.load()
    expect(await apps.act('accept', 'b')).toBe(true)
    expect(talentPost).toHaveBeenLastCalledWith('/api/talent/me/applications/{id}/accept', { params: { path: { id: 'b' } } })
    expect(await apps.act('decline', 'd')).toBe(true)
    expect(talentPost).toHaveBeenLastCalledWith('/api/talent/me/applications/{id}/withdraw', { params: { path: { id: 'd' } } })
    expect(talentGet).toHaveBeenCalledTimes(3)
  })

  it('a 409 is shown in words and the list is read again', async () => {
    talentGet.mockResolvedValue([...list])
    talentPost.mockRejectedValue(new ApiProblem(409, 'TRANSITION_NOT_ALLOWED', 'x'))
    const apps = useApplications()
    await apps.load()
    expect(await apps.act('accept', 'b')).toBe(false)
    expect(apps.actionProblem.value).toEqual({ key: 'applications.problem.changed' })
    expect(talentGet).toHaveBeenCalledTimes(2)
  })
})

describe('application detail', () => {
  const timeline = [
    { at: '2026-11-20T02:00:00Z', actor: 'APPLICANT', to: 'SUBMITTED', reasonCode: 'SUBMITTED' },
    { at: '2026-11-21T02:00:00Z', actor: 'OFFICER', from: 'SUBMITTED', to: 'INFO_REQUESTED', reasonCode: 'DOCUMENTS_MISSING', comment: '请补充劳动合同' },
  ] as const

  beforeEach(() => {
    talentGet.mockReset()
    talentPost.mockReset()
  })

  it('timeline newest first, the latest request for documents found', () => {
    expect(timelineNewestFirst([...timeline]).map((e) => e.to)).toEqual(['INFO_REQUESTED', 'SUBMITTED'])
    expect(latestRequest([...timeline])?.comment).toBe('请补充劳动合同')
  })

  it('offers resubmit and withdraw after a request; the answer replaces the application', async () => {
    talentGet.mockResolvedValue({ id: 'x', kind: 'APPLICATION', status: 'INFO_REQUESTED', timeline: [...timeline] })
    const d = useApplicationDetail(() => 'x')
    await d.load()
    expect(d.available.value).toEqual(['resubmit', 'withdraw'])
    expect(d.request.value?.comment).toBe('请补充劳动合同')
    talentPost.mockResolvedValue({ id: 'x', kind: 'APPLICATION', status: 'SUBMITTED', timeline: [] })
    expect(await d.act('resubmit')).toBe(true)
    expect(talentPost).toHaveBeenCalledWith('/api/talent/me/applications/{id}/resubmit', { params: { path: { id: 'x' } } })
    expect(d.application.value?.status).toBe('SUBMITTED')
    expect(d.available.value).toEqual(['withdraw'])
    expect(d.request.value).toBeUndefined()
  })
})
