import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { ApiProblem } from '@/api/problem'
import { applyFailure, REFUSAL_REASONS, refusalKeys } from './refusal'

const t = (key: string) => i18n.global.t(key)

describe('refusal reasons in words', () => {
  it('every reason the service documents has its own sentence, without codes', () => {
    for (const reason of REFUSAL_REASONS) {
      const [key] = refusalKeys([reason])
      expect(key).toBe(`measures.refusal.${reason}`)
      const text = t(key!)
      expect(text).not.toBe(key)
      expect(text).not.toMatch(/[A-Z_]{4,}/)
    }
  })

  it('unknown or missing reasons read as the generic sentence, once', () => {
    expect(refusalKeys(['SOMETHING_NEW', 'OTHER_NEW'])).toEqual(['measures.refusal.other'])
    expect(refusalKeys([])).toEqual(['measures.refusal.other'])
    expect(refusalKeys(undefined)).toEqual(['measures.refusal.other'])
    expect(t('measures.refusal.other')).toBe('申请暂时没能受理，请稍后再试。')
  })

  it('reads reasons from 409 APPLICATION_REFUSED and tells PROFILE_REQUIRED apart', () => {
    const refused = new ApiProblem(409, 'APPLICATION_REFUSED', 'x', [], undefined, { reasons: ['NOT_ELIGIBLE', 'WINDOW_CLOSED'] })
    expect(applyFailure(refused)).toEqual({ kind: 'refused', reasons: ['NOT_ELIGIBLE', 'WINDOW_CLOSED'] })
    expect(applyFailure(new ApiProblem(409, 'PROFILE_REQUIRED', 'x'))).toEqual({ kind: 'profileRequired' })
    const other = applyFailure(new ApiProblem(503, 'UNAVAILABLE', 'x'))
    expect(other.kind).toBe('other')
  })
})
