import type { Vocabulary } from './useVocabulary'

/**
 * GET /api/policy/vocabulary?lang=zh as policy-service answered it on 2026-11-29, for tests of any feature that words
 * facts. At run time the texts always come from the server.
 */
const industries = [
  { value: 'MANUFACTURING', label: '制造业' }, { value: 'DIGITAL_ECONOMY', label: '数字经济' }, { value: 'E_COMMERCE', label: '电子商务' },
  { value: 'ESPORTS', label: '电竞' }, { value: 'FILM', label: '影视' }, { value: 'AGRICULTURE', label: '农业' },
  { value: 'CULTURE_TOURISM', label: '文化旅游' }, { value: 'HEALTHCARE', label: '医疗健康' }, { value: 'EDUCATION', label: '教育' },
  { value: 'LOGISTICS', label: '物流' }, { value: 'FINANCE', label: '金融' }, { value: 'PUBLIC_SERVICE', label: '公共服务' },
  { value: 'OTHER', label: '其他行业' },
]

export const vocabularyFixture: Vocabulary = {
  facts: [
    { name: 'age', type: 'INT', label: '年龄', unit: '岁', values: [] },
    { name: 'gender', type: 'ENUM', label: '性别', unit: null, values: [
      { value: 'MALE', label: '男' }, { value: 'FEMALE', label: '女' }
    ] },
    { name: 'degree', type: 'ENUM', label: '最高学历', unit: null, values: [
      { value: 'NONE', label: '无' }, { value: 'HIGH_SCHOOL', label: '高中' },
      { value: 'TECHNICAL_SCHOOL', label: '中专（技校）' }, { value: 'JUNIOR_COLLEGE', label: '大专' },
      { value: 'BACHELOR', label: '本科' }, { value: 'MASTER', label: '硕士研究生' }, { value: 'DOCTOR', label: '博士研究生' }
    ] },
    { name: 'monthsSinceGraduation', type: 'INT', label: '毕业至今', unit: '个月', values: [] },
    { name: 'topUniversity', type: 'BOOL', label: '是否毕业于重点高校', unit: null, values: [{ value: 'true', label: '是' }, { value: 'false', label: '否' }] },
    { name: 'hukou', type: 'ENUM', label: '户籍所在地', unit: null, values: [
      { value: 'QUJIANG', label: '衢江区' }, { value: 'QUZHOU_OTHER', label: '衢州市其他县（市、区）' },
      { value: 'ZHEJIANG_OTHER', label: '浙江省其他市' }, { value: 'OUT_OF_PROVINCE', label: '浙江省外' }
    ] },
    { name: 'residesInQujiang', type: 'BOOL', label: '是否居住在衢江', unit: null, values: [{ value: 'true', label: '是' }, { value: 'false', label: '否' }] },
    { name: 'firstTimeInQujiang', type: 'BOOL', label: '是否首次来衢江', unit: null, values: [{ value: 'true', label: '是' }, { value: 'false', label: '否' }] },
    { name: 'employmentStatus', type: 'ENUM', label: '就业状态', unit: null, values: [
      { value: 'EMPLOYED', label: '已就业' }, { value: 'SELF_EMPLOYED', label: '自主创业或个体经营' },
      { value: 'JOB_SEEKING', label: '正在求职' }, { value: 'STUDENT', label: '在校学生' },
      { value: 'UNEMPLOYED', label: '暂未就业' }
    ] },
    { name: 'employerInQujiang', type: 'BOOL', label: '用人单位是否在衢江', unit: null, values: [{ value: 'true', label: '是' }, { value: 'false', label: '否' }] },
    { name: 'industry', type: 'ENUM', label: '所在行业', unit: null, values: industries },
    { name: 'socialInsuranceMonthsInQujiang', type: 'INT', label: '在衢江缴纳社保', unit: '个月', values: [] },
    { name: 'laborContractMonths', type: 'INT', label: '劳动合同期限', unit: '个月', values: [] },
    { name: 'laborContractOpenEnded', type: 'BOOL', label: '是否签订无固定期限劳动合同', unit: null, values: [{ value: 'true', label: '是' }, { value: 'false', label: '否' }] },
    { name: 'startupInQujiang', type: 'BOOL', label: '创业主体是否在衢江注册', unit: null, values: [{ value: 'true', label: '是' }, { value: 'false', label: '否' }] },
    { name: 'startupAgeMonths', type: 'INT', label: '创业主体成立至今', unit: '个月', values: [] },
    { name: 'startupSector', type: 'ENUM', label: '创业所属行业', unit: null, values: industries },
    { name: 'ownsHomeInQujiang', type: 'BOOL', label: '是否在衢江有自有住房', unit: null, values: [{ value: 'true', label: '是' }, { value: 'false', label: '否' }] },
    { name: 'rentingInQujiang', type: 'BOOL', label: '是否在衢江租房', unit: null, values: [{ value: 'true', label: '是' }, { value: 'false', label: '否' }] },
    { name: 'skillLevel', type: 'ENUM', label: '职业技能等级', unit: null, values: [
      { value: 'NONE', label: '无' }, { value: 'JUNIOR', label: '初级工（五级）' },
      { value: 'INTERMEDIATE', label: '中级工（四级）' }, { value: 'SENIOR', label: '高级工（三级）' },
      { value: 'TECHNICIAN', label: '技师（二级）' }, { value: 'SENIOR_TECHNICIAN', label: '高级技师（一级）' }
    ] },
    { name: 'talentTier', type: 'ENUM', label: '人才分类', unit: null, values: [
      { value: 'NONE', label: '未认定' }, { value: 'A', label: 'A类人才' }, { value: 'B', label: 'B类人才' },
      { value: 'C', label: 'C类人才' }, { value: 'D', label: 'D类人才' }, { value: 'E', label: 'E类人才' }
    ] },
    { name: 'married', type: 'BOOL', label: '是否已婚', unit: null, values: [{ value: 'true', label: '是' }, { value: 'false', label: '否' }] },
    { name: 'childrenUnder3', type: 'INT', label: '3周岁以下子女', unit: '名', values: [] },
    { name: 'returnedToRuralQujiang', type: 'BOOL', label: '是否返乡入乡', unit: null, values: [{ value: 'true', label: '是' }, { value: 'false', label: '否' }] },
    { name: 'birthDate', type: 'DATE', label: '出生日期', unit: null, values: [] },
    { name: 'graduationDate', type: 'DATE', label: '毕业日期', unit: null, values: [] },
    { name: 'startupSince', type: 'DATE', label: '创业主体注册日期', unit: null, values: [] },
    { name: 'socialInsuranceInQujiangSince', type: 'DATE', label: '在衢江参保起始时间', unit: null, values: [] },
    { name: 'socialInsuranceGapMonths', type: 'INT', label: '参保以来断缴月数', unit: '个月', values: [] },
    { name: 'laborContractStart', type: 'DATE', label: '劳动合同起始日期', unit: null, values: [] },
    { name: 'laborContractEnd', type: 'DATE', label: '劳动合同终止日期', unit: null, values: [] },
    { name: 'childrenBirthDates', type: 'DATES', label: '子女出生日期', unit: null, values: [] },
    { name: 'heldMeasures', type: 'TEXT', label: '已享受的政策', unit: null, values: [] },
  ],
  units: [
    { unit: 'CNY', label: '元', amountPattern: '{amount} 元' },
    { unit: 'CNY_PER_MONTH', label: '元/月', amountPattern: '每月 {amount} 元' },
    { unit: 'NIGHT', label: '晚', amountPattern: '{amount} 晚' },
    { unit: 'PERCENT', label: '%', amountPattern: '优惠 {amount}%' },
    { unit: 'PLACE', label: '个名额', amountPattern: '{amount} 个名额' },
    { unit: 'SESSION', label: '次', amountPattern: '{amount} 次' },
  ],
}
