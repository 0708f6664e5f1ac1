import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '@shared/api/problem'

const talentGet = vi.fn()
const talentPost = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ talent: { GET: talentGet, POST: talentPost } }),
  call: (request: Promise<unknown>) => request,
}))

const { fileName, useReviewDocuments } = await import('./useReviewDocuments')

const LISTED = {
  documentsLater: false,
  requirements: [{ key: 'resident-id-card', name: '身份证', state: 'SUBMITTED', documentId: 'd1' }],
  documents: [{ id: 'd1', requirement: 'resident-id-card', requirementName: '身份证', status: 'SUBMITTED' }],
  views: [],
}

describe("an application's documents for the officer", () => {
  beforeEach(() => {
    talentGet.mockReset().mockResolvedValue(LISTED)
    talentPost.mockReset().mockResolvedValue({})
  })

  it('returns a document with the reason the applicant reads, trimmed, and reads the list again', async () => {
    const docs = useReviewDocuments(() => 'a1')
    await docs.load()
    expect(await docs.review(LISTED.documents[0], 'REJECT', '  照片模糊  ')).toBe(true)
    expect(talentPost).toHaveBeenCalledWith('/api/talent/review/applications/{id}/documents/{documentId}/review', {
      params: { path: { id: 'a1', documentId: 'd1' } },
      body: { decision: 'REJECT', reason: '照片模糊' },
    })
    expect(talentGet).toHaveBeenCalledTimes(2)
  })

  it('keeps the refusal to show it', async () => {
    talentPost.mockRejectedValueOnce(new ApiProblem(400, 'VALIDATION_FAILED', '请填写退回理由'))
    const docs = useReviewDocuments(() => 'a1')
    expect(await docs.review(LISTED.documents[0], 'REJECT')).toBe(false)
    expect(docs.actionProblem.value?.message).toBe('请填写退回理由')
  })

  it('names a saved file as the server did', () => {
    expect(fileName('inline; filename="tenancy-agreement-1a2b3c4d.pdf"', 'x')).toBe('tenancy-agreement-1a2b3c4d.pdf')
    expect(fileName(null, 'fallback')).toBe('fallback')
  })
})
