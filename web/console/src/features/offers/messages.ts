export default {
  'zh-CN': {
    offers: {
      title: '免申即享确认',
      intro: '以下申请人经系统核对符合条件，确认后申请人即可在手机上领取。',
      selectAll: '本页全选',
      selectOne: '选择 {name} 的 {measure}',
      confirm: '确认选中的 {n} 项',
      confirmed: '已确认 {confirmed} 项。',
      skipped: '{skipped} 项已由其他经办人员处理或申请人已放弃，未作更改。',
      empty: '没有待确认的免申即享事项',
      column: { measure: '政策', applicant: '申请人', offered: '推送时间', due: '确认期限' },
    },
  },
  en: {
    offers: {
      title: 'Automatic offers to confirm',
      intro: 'The system found these applicants eligible. Once confirmed, they can accept the benefit on their phone.',
      selectAll: 'Select all on this page',
      selectOne: 'Select {measure} for {name}',
      confirm: 'Confirm {n} selected',
      confirmed: '{confirmed} confirmed.',
      skipped: '{skipped} were dealt with by a colleague or declined by the applicant meanwhile; left unchanged.',
      empty: 'No automatic offer waits for confirmation',
      column: { measure: 'Measure', applicant: 'Applicant', offered: 'Offered', due: 'Confirm by' },
    },
  },
}
