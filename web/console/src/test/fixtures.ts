import type { ReviewDetail } from '@/features/review/useApplication'
import type { QueuePage } from '@/features/queue/useQueue'

/** A queue page as talent-service answers it (zh-CN): titles and names in words, statuses as codes. */
export function queuePage(): QueuePage {
  return {
    items: [
      { id: 'a1', kind: 'APPLICATION', measureCode: 'QJY-01', measureTitle: '青年驿站免费住宿', status: 'SUBMITTED',
        applicantName: '张*', submittedAt: '2026-11-20T02:00:00Z', dueDate: '2026-11-25', overdue: true,
        workingDaysLeft: -2, version: 1 },
      { id: 'a2', kind: 'APPLICATION', measureCode: 'QJY-05', measureTitle: '高校毕业生租房补贴', status: 'SUBMITTED',
        applicantName: '李*', submittedAt: '2026-11-26T02:00:00Z', dueDate: '2026-11-27', overdue: false,
        workingDaysLeft: 0, claimedBy: 'hr2', version: 3 },
      { id: 'o1', kind: 'OFFER', measureCode: 'QJY-36', measureTitle: '体育场馆青年优惠', status: 'OFFERED',
        applicantName: '王*', submittedAt: '2026-11-26T03:00:00Z', dueDate: '2026-12-03', overdue: false,
        workingDaysLeft: 4, version: 1 },
    ],
    page: 0, size: 20, total: 3,
    counts: [{ status: 'SUBMITTED', count: 2 }, { status: 'OFFERED', count: 1 }, { status: 'APPROVED', count: 7 }],
    overdue: 1,
  }
}

/** An application an officer opens: masked, an age, facts and criteria in words. */
export function reviewDetail(overrides: Partial<ReviewDetail> = {}): ReviewDetail {
  return {
    id: 'a1', kind: 'APPLICATION', version: 1, status: 'SUBMITTED', measureCode: 'QJY-05',
    measureTitle: '高校毕业生租房补贴', submittedAt: '2026-11-20T02:00:00Z', dueDate: '2026-11-25',
    responseWorkingDays: 5, overdue: false, workingDaysLeft: 2,
    applicant: {
      applicantId: 'p1', name: '张*', idNumber: '3308**********1234', phone: '138****5678', email: 'z***@example.com',
      age: 26, facts: [
        { fact: 'age', label: '年龄', value: '26 岁' },
        { fact: 'degree', label: '最高学历', value: '本科' },
        { fact: 'rentingInQujiang', label: '是否在衢江租房', value: '是' },
      ],
      heldMeasures: [], profileVersion: 4,
    },
    eligibilityAtSubmission: {
      profileVersion: 3, current: false,
      result: { measureCode: 'QJY-05', title: '高校毕业生租房补贴', outcome: 'ELIGIBLE', amountText: '每月 1,000 元', unit: 'CNY_PER_MONTH' },
      criteria: [{ id: 'degree', status: 'PASSED', label: '本科及以上学历', values: [{ fact: 'degree', label: '最高学历', value: '本科' }] }],
    },
    eligibilityNow: {
      profileVersion: 4, current: true,
      result: { measureCode: 'QJY-05', title: '高校毕业生租房补贴', outcome: 'ELIGIBLE', amountText: '每月 1,000 元', unit: 'CNY_PER_MONTH' },
      criteria: [
        { id: 'degree', status: 'PASSED', label: '本科及以上学历', values: [{ fact: 'degree', label: '最高学历', value: '本科' }] },
        { id: 'renting', status: 'PASSED', label: '在衢江租房', values: [{ fact: 'rentingInQujiang', label: '是否在衢江租房', value: '是' }] },
      ],
    },
    transitions: [
      { at: '2026-11-20T02:00:00Z', actor: 'APPLICANT', by: 'p1', to: 'SUBMITTED', reasonCode: 'SUBMITTED', reason: '已提交' },
    ],
    places: { measureCode: 'QJY-05', term: 'CALENDAR_YEAR', period: 'year:2026', periodName: '2026年', quota: 100, approved: 100, left: 0 },
    ...overrides,
  }
}

export const DECISION_REASONS = [
  { code: 'CRITERIA_MET', decision: 'APPROVE', label: '符合全部条件', zh: '符合全部条件', en: 'All criteria met' },
  { code: 'CRITERIA_NOT_MET', decision: 'REJECT', label: '不符合条件', zh: '不符合条件', en: 'Criteria not met' },
  { code: 'DOCUMENTS_MISSING', decision: 'REQUEST_INFO', label: '材料不全', zh: '材料不全', en: 'Documents missing' },
] as const
