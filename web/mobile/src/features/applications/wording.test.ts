import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { ApiProblem } from '@/api/problem'
import {
  actionProblemKey, grantLine, actionsFor, actorKey, dueKey, KNOWN_REASONS, listLine, reasonKey, STATUSES, startedKey, statusKey,
  stepKey,
} from './wording'

const t = (key: string, params: Record<string, unknown> = {}) => i18n.global.t(key, params)
const noCode = (text: string) => expect(text).not.toMatch(/[A-Z_]{4,}/)

describe('what an approval grants, in a line', () => {
  const date = (iso: string) => `<${iso}>`
  it('says the period, from when for good, or when it stopped', () => {
    expect(grantLine({ term: 'MONTHS', grantedFrom: '2026-11-29', grantedUntil: '2029-11-28', held: true }, date))
      .toEqual({ key: 'applications.grant.period', values: { from: '<2026-11-29>', until: '<2029-11-28>' } })
    expect(grantLine({ term: 'ONE_OFF', grantedFrom: '2026-11-29', held: true }, date))
      .toEqual({ key: 'applications.grant.forGood', values: { from: '<2026-11-29>' } })
    expect(grantLine({ term: 'MONTHS', grantedFrom: '2026-11-29', grantedUntil: '2029-11-28', held: false, endedOn: '2026-12-01' }, date))
      .toEqual({ key: 'applications.grant.ended', values: { ended: '<2026-12-01>' } })
    expect(grantLine(undefined, date)).toBeUndefined()
    expect(t('applications.grant.period', { from: '2026年11月29日', until: '2029年11月28日' }))
      .toBe('享受期：2026年11月29日 至 2029年11月28日')
  })
})

describe('status and timeline in words', () => {
  it('every status has plain words, unknown ones read as in progress', () => {
    expect(STATUSES.map((s) => t(statusKey(s)))).toEqual(
      ['已提交', '需补充材料', '待区里确认', '待您确认', '已通过', '未通过', '已撤回', '已放弃', '已失效', '已终止'])
    expect(t(statusKey('SOMETHING_NEW'))).toBe('处理中')
  })

  it('words each step, telling a resubmission and an accepted offer apart', () => {
    expect(t(stepKey({ to: 'SUBMITTED' }))).toBe('提交申请')
    expect(t(stepKey({ from: 'INFO_REQUESTED', to: 'SUBMITTED', actor: 'APPLICANT' }))).toBe('补充材料后重新提交')
    expect(t(stepKey({ from: 'CONFIRMED', to: 'APPROVED', actor: 'APPLICANT' }))).toBe('您已接受')
    expect(t(stepKey({ from: 'SUBMITTED', to: 'APPROVED', actor: 'OFFICER' }))).toBe('审核通过')
    for (const status of STATUSES) noCode(t(stepKey({ to: status })))
    expect(t(stepKey({ from: 'APPROVED', to: 'ENDED', actor: 'OFFICER' }))).toBe('停止享受')
  })

  it('says who acted', () => {
    expect(t(actorKey('APPLICANT'))).toBe('您本人')
    expect(t(actorKey('OFFICER'))).toBe('经办人员')
    expect(t(actorKey('SYSTEM'))).toBe('系统')
    expect(t(actorKey(undefined))).toBe('系统')
  })

  it('words every known reason; unknown codes read generically; restating reasons are left out', () => {
    for (const code of KNOWN_REASONS) {
      const key = reasonKey(code)
      if (key) {
        expect(key).toBe(`applications.reason.${code}`)
        noCode(t(key))
      }
    }
    expect(t(reasonKey('DOCUMENTS_MISSING')!)).toBe('材料不全')
    expect(t(reasonKey('NO_LONGER_ELIGIBLE')!)).toBe('您已不再符合这项政策的条件')
    expect(t(reasonKey('INCOME_TOO_HIGH')!)).toBe('其他原因')
    expect(reasonKey('SUBMITTED')).toBeUndefined()
    expect(reasonKey('WITHDRAWN')).toBeUndefined()
    expect(reasonKey(undefined)).toBeUndefined()
  })

  it('the due date line only while someone else is to act', () => {
    expect(t(dueKey({ status: 'SUBMITTED', dueDate: '2026-12-06' })!, { date: '2026年12月6日' })).toBe('预计 2026年12月6日 前答复')
    expect(t(dueKey({ status: 'OFFERED', dueDate: '2026-12-06' })!, { date: 'X' })).toBe('预计 X 前确认')
    expect(dueKey({ status: 'APPROVED', dueDate: '2026-12-06' })).toBeUndefined()
    expect(dueKey({ status: 'SUBMITTED' })).toBeUndefined()
  })
})

describe('list lines', () => {
  it('due date first, then what to do, then when it closed, else when it started', () => {
    expect(listLine({ status: 'SUBMITTED', open: true, dueDate: '2026-12-18' })).toEqual({ key: 'applications.due.answer', date: '2026-12-18' })
    expect(listLine({ status: 'INFO_REQUESTED', open: true, dueDate: '2026-12-18' })).toEqual({ key: 'applications.infoLine' })
    expect(listLine({
      status: 'APPROVED', open: false, submittedAt: '2026-11-01T00:00:00Z',
      timeline: [{ at: '2026-11-01T00:00:00Z' }, { at: '2026-11-05T00:00:00Z' }],
    })).toEqual({ key: 'applications.closedOn', date: '2026-11-05T00:00:00Z' })
    expect(listLine({ kind: 'OFFER', status: 'CONFIRMED', open: true, submittedAt: 'd' })).toEqual({ key: 'applications.offeredOn', date: 'd' })
    expect(t(startedKey({ kind: 'OFFER' }), { date: '11月29日' })).toBe('11月29日 推送给您')
    expect(t(startedKey({ kind: 'APPLICATION' }), { date: '11月29日' })).toBe('11月29日 提交')
  })
})

describe('what the resident can do', () => {
  it('follows the status machine', () => {
    expect(actionsFor({ kind: 'OFFER', status: 'CONFIRMED' })).toEqual(['accept', 'decline'])
    expect(actionsFor({ kind: 'OFFER', status: 'OFFERED' })).toEqual(['decline'])
    expect(actionsFor({ kind: 'APPLICATION', status: 'SUBMITTED' })).toEqual(['withdraw'])
    expect(actionsFor({ kind: 'APPLICATION', status: 'INFO_REQUESTED' })).toEqual(['resubmit', 'withdraw'])
    for (const status of ['APPROVED', 'REJECTED', 'WITHDRAWN', 'DECLINED', 'LAPSED'] as const) {
      expect(actionsFor({ kind: 'APPLICATION', status })).toEqual([])
      expect(actionsFor({ kind: 'OFFER', status })).toEqual([])
    }
  })

  it('a refused action in words', () => {
    const words = (e: unknown) => { const p = actionProblemKey(e); return 'key' in p ? t(p.key, p.params ?? {}) : p.text }
    expect(words(new ApiProblem(409, 'TRANSITION_NOT_ALLOWED', '状态为 WITHDRAWN 的申请不能变更为 SUBMITTED。')))
      .toBe('这份申请的状态刚刚有了变化，已为您刷新。')
    expect(words(new ApiProblem(409, 'STALE_VERSION', 'x'))).toBe('这份申请的状态刚刚有了变化，已为您刷新。')
    expect(words(new ApiProblem(404, 'NOT_FOUND', 'x'))).toBe('没有找到这份申请。')
    expect(words(new ApiProblem(503, 'UNAVAILABLE', 'x'))).toBe('服务繁忙，刚才的操作没有完成。请过一会儿再试一次。')
    expect(words(new ApiProblem(503, 'OVERLOADED', 'x', [], 20))).toMatch(/^服务繁忙，刚才的操作没有完成。请在 \d{2}:\d{2}:\d{2}（约 20 秒后）再试一次。$/)
    expect(words(new ApiProblem(400, 'BAD', '请求有误'))).toBe('请求有误')
    expect(words(new Error('boom'))).toBe('出了点问题，请稍后再试。')
  })

  it('only a refusal that passes by itself (offline, busy) is shown calmly', () => {
    const calm = (e: unknown) => 'calm' in actionProblemKey(e)
    expect(calm(new ApiProblem(0, 'NETWORK', undefined))).toBe(true)
    expect(calm(new ApiProblem(503, 'OVERLOADED', 'x', [], 20))).toBe(true)
    expect(calm(new ApiProblem(409, 'STALE_VERSION', 'x'))).toBe(false)
    expect(calm(new ApiProblem(400, 'BAD', '请求有误'))).toBe(false)
  })
})
