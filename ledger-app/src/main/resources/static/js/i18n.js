// Interface texts in Chinese (the default) and English. Vocabulary values (domains, statuses, kinds …) come
// with both labels from the API; the lists below only feed the filter choices.
const TEXTS = {
  zh: {
    title: '合作台账', liveHint: '实时更新', live: '实时', connecting: '连接中', reconnecting: '重新连接中',
    logout: '退出', close: '关闭', history: '历史记录', updatedAt: '数据更新于',
    parties: '参与方', agreementsInForce: '生效协议', cooperationItems: '合作事项完成',
    projects: '签约项目', agreedInvestment: '协议投资', actualInvestment: '实际投资',
    programmeItems: '公共服务事项完成', planned: '计划', completed: '完成', addedLater: '清单外新增',
    payments: '资金支付', agreements: '合作协议', programmes: '公共服务事项', ofTotal: '共',
    projectsUnit: '个项目', records: '条记录', total: '合计', cancelledProjects: '另有已取消',
    endedAgreements: '已结束',
    inferred: '含推定值', inferredHint: '来源未载明、由录入方推定的值', provenance: '出处', source: '来源',
    quote: '原文', field: '字段', reason: '原因', plannedInvestment: '总投资',
    chartByHost: '按东道方：协议投资与项目数', chartByDomain: '按领域：协议投资与项目数',
    chartByPeriod: '按时间：协议投资与项目数', chartAgreementsByDomain: '各领域协议数',
    chartProgrammes: '公共服务事项：计划、完成与清单外新增', byMonth: '按月', byYear: '按年',
    investmentYi: '协议投资（亿元）', projectCount: '项目数', agreementCount: '协议数', inForce: '生效中',
    party: '参与方', domain: '领域', status: '状态', kind: '类型', occasion: '签约活动', from: '起始日期', to: '截止日期',
    role: '角色', host: '东道方', investor: '投资方', parent: '上级政府', any: '全部', reset: '重置',
    downloadCsv: '下载 CSV', downloadXlsx: '下载 Excel', downloadHint: '按当前筛选和排序下载（每个文件最多 200 条）',
    id: '编号', name: '名称', titleCol: '协议名称', signedOn: '签约日期', signatories: '签约方', observers: '观察员',
    itemsProgress: '合作清单', hosts: '东道方', investors: '投资方', count: '项目数', period: '期间',
    declaredOn: '发布日期', participants: '参与方', completionRate: '完成率', code: '代码', nameZh: '中文名称',
    nameEn: '英文名称', establishedOn: '成立日期', page: '第 {p} / {n} 页，共 {t} 条', noRows: '没有符合条件的记录',
    historyForAuditors: '历史记录仅供审计员和管理员查看（当前登录无此权限）。', noHistory: '没有历史记录',
    recordedBy: '记录人', recordedAt: '记录时间', businessDate: '业务日期', reason: '原因', loadFailed: '加载失败',
    paymentsTotal: '支付合计', yes: '是', no: '否', version: '版本',
place: '签约地点', summary: '摘要', note: '备注', items: '事项', amendments: '修订',
    milestones: '里程碑', hostParties: '东道方', projectCount: '项目数', counts: '统计', categories: '类别',
    formerNames: '曾用名', parentCode: '上级', reports: '投资报告', signedAsIntention: '意向签约', cancelReason: '取消原因',
    firmedUpOn: '转为正式签约日期', startedOn: '开工日期', completedOn: '建成日期', cancelledOn: '取消日期',
    partyCode: '参与方', since: '起始', countsByCategory: '按类别统计', countsByResponsibleParty: '按责任方统计',
    completedOriginal: '清单内完成', completedAddedLater: '清单外完成', withdrawn: '撤回', open: '未完成',
    description: '内容', responsibleParties: '责任方', dueOn: '截止日期', listedOn: '列入日期', itemCount: '事项数',
    evidence: '完成依据', amount: '金额', paidOn: '支付日期', payer: '付款方', payee: '收款方', purpose: '用途',
    targetOn: '目标日期', category: '类别', agreementId: '所属协议', closedOn: '结束日期', supersededBy: '替代协议',
  },
  en: {
    title: 'Cooperation Ledger', liveHint: 'live updates', live: 'live', connecting: 'connecting',
    reconnecting: 'reconnecting', logout: 'Log out', close: 'Close', history: 'History', updatedAt: 'data as of',
    parties: 'Parties', agreementsInForce: 'Agreements in force', cooperationItems: 'Cooperation items completed',
    projects: 'Signed projects', agreedInvestment: 'Agreed investment', actualInvestment: 'Actual investment',
    programmeItems: 'Programme items completed', planned: 'planned', completed: 'completed', addedLater: 'added later',
    payments: 'Payments', agreements: 'Agreements', programmes: 'Public-service programmes', ofTotal: 'of',
    projectsUnit: 'projects', records: 'records', total: 'total', cancelledProjects: 'cancelled, not counted:',
    endedAgreements: 'ended',
    inferred: 'holds inferred values', inferredHint: 'values the source does not state, inferred by the recorder',
    provenance: 'Provenance', source: 'Source', quote: 'Quoted', field: 'Field', reason: 'Reason',
    plannedInvestment: 'Total planned investment',
    chartByHost: 'By host party: agreed investment and projects', chartByDomain: 'By domain: agreed investment and projects',
    chartByPeriod: 'Over time: agreed investment and projects', chartAgreementsByDomain: 'Agreements by domain',
    chartProgrammes: 'Programme items: planned, completed and added later', byMonth: 'by month', byYear: 'by year',
    investmentYi: 'agreed investment (亿元)', projectCount: 'projects', agreementCount: 'agreements', inForce: 'in force',
    party: 'Party', domain: 'Domain', status: 'Status', kind: 'Kind', occasion: 'Occasion', from: 'From', to: 'To',
    role: 'Role', host: 'host', investor: 'investor', parent: 'Government', any: 'any', reset: 'Reset',
    downloadCsv: 'Download CSV', downloadXlsx: 'Download Excel',
    downloadHint: 'The rows as filtered and sorted here (at most 200 per file)',
    id: 'ID', name: 'Name', titleCol: 'Title', signedOn: 'Signed on', signatories: 'Signatories', observers: 'Observers',
    itemsProgress: 'Cooperation list', hosts: 'Hosts', investors: 'Investors', count: 'Projects', period: 'Period',
    declaredOn: 'Declared on', participants: 'Participants', completionRate: 'Completion', code: 'Code',
    nameZh: 'Chinese name', nameEn: 'English name', establishedOn: 'Established on', page: 'page {p} of {n}, {t} rows',
    noRows: 'No records match', historyForAuditors: 'History is for auditors and administrators (this login may not read it).',
    noHistory: 'No history', recordedBy: 'recorded by', recordedAt: 'recorded at', businessDate: 'business date',
    reason: 'reason', loadFailed: 'Loading failed', paymentsTotal: 'Payments total', yes: 'yes', no: 'no', version: 'Version',
    place: 'Place', summary: 'Summary', note: 'Note', items: 'Items', amendments: 'Amendments', milestones: 'Milestones',
    hostParties: 'Hosts', projectCount: 'Projects', counts: 'Counts', categories: 'Categories', formerNames: 'Former names',
    parentCode: 'Government', reports: 'Investment reports', signedAsIntention: 'Signed as intention',
    cancelReason: 'Reason for cancelling', firmedUpOn: 'Firmed up on', startedOn: 'Started on', completedOn: 'Completed on',
    cancelledOn: 'Cancelled on', partyCode: 'Party', since: 'Since', countsByCategory: 'By category',
    countsByResponsibleParty: 'By responsible party', completedOriginal: 'completed (original list)',
    completedAddedLater: 'completed (added later)', withdrawn: 'withdrawn', open: 'open', description: 'Description',
    responsibleParties: 'Responsible', dueOn: 'Due on', listedOn: 'Listed on', itemCount: 'Items', evidence: 'Evidence',
    amount: 'Amount', paidOn: 'Paid on', payer: 'Payer', payee: 'Payee', purpose: 'Purpose', targetOn: 'Target date',
    category: 'Category', agreementId: 'Agreement', closedOn: 'Closed on', supersededBy: 'Superseded by',
  },
};

export const VOCABULARY = {
  domain: [['TRANSPORT', '交通', 'transport'], ['INDUSTRY', '产业', 'industry'],
    ['ECOLOGY', '生态环境', 'ecology and environment'], ['PUBLIC_SERVICES', '公共服务', 'public services'],
    ['GOVERNMENT_SERVICES', '政务服务', 'government services'], ['MEDICAL_INSURANCE', '医保', 'medical insurance'],
    ['HEALTH', '医疗卫生', 'health care'], ['PLANNING', '国土空间', 'spatial planning and land'], ['REFORM', '改革', 'reform'],
    ['JUDICIAL', '政法', 'judicial and legal affairs'], ['CULTURE_TOURISM', '文旅', 'culture and tourism'],
    ['EDUCATION', '教育', 'education'], ['LOGISTICS', '物流', 'logistics'], ['FINANCE', '金融', 'finance'],
    ['INNOVATION', '科技创新', 'science and innovation'], ['AGRICULTURE', '农业', 'agriculture'], ['ENERGY', '能源', 'energy'],
    ['LIVELIHOOD', '民生', "people's livelihood"], ['OTHER', '其他', 'other']],
  agreementStatus: [['IN_FORCE', '生效中', 'in force'], ['EXPIRED', '已到期', 'expired'],
    ['TERMINATED', '已终止', 'terminated'], ['SUPERSEDED', '已被替代', 'superseded']],
  agreementKind: [['FRAMEWORK', '框架协议', 'framework agreement'],
    ['STRATEGIC_COOPERATION', '战略合作协议', 'strategic cooperation agreement'], ['COOPERATION', '合作协议', 'cooperation agreement'],
    ['MEMORANDUM', '备忘录', 'memorandum'], ['ECOLOGICAL_COMPENSATION', '生态补偿协议', 'ecological compensation agreement'],
    ['JOINT_PREVENTION_AND_CONTROL', '联防联控协议', 'joint prevention and control agreement'],
    ['WORKING_MECHANISM', '工作机制', 'working mechanism'], ['OTHER', '其他', 'other']],
  projectStatus: [['INTENTION', '意向签约', 'intention'], ['SIGNED', '已签约', 'signed'],
    ['UNDER_CONSTRUCTION', '已开工', 'under construction'], ['COMPLETED', '已建成投用', 'completed'],
    ['CANCELLED', '已取消', 'cancelled']],
  projectRole: [['HOST', '东道方', 'host'], ['INVESTOR', '投资方', 'investor']],
  partyKind: [['GOVERNMENT', '政府', 'government'], ['DEPARTMENT', '部门', 'department'],
    ['STATE_OWNED_ENTERPRISE', '国有企业', 'state-owned enterprise'], ['PRIVATE_ENTERPRISE', '民营企业', 'private enterprise'],
    ['ALLIANCE', '联盟', 'alliance'], ['OTHER', '其他', 'other']],
};

const STORAGE_KEY = 'ledger.lang';
let lang = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
const listeners = [];

export function currentLang() {
  return lang;
}

export function setLang(next) {
  lang = next === 'en' ? 'en' : 'zh';
  localStorage.setItem(STORAGE_KEY, lang);
  applyStaticTexts();
  listeners.forEach(listener => listener(lang));
}

export function onLangChange(listener) {
  listeners.push(listener);
}

/** An interface text; {name} placeholders are filled from values. */
export function t(key, values = {}) {
  const text = TEXTS[lang][key] ?? TEXTS.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** A vocabulary value of the API ({code, zh, en}) in the current language. */
export function label(value) {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  return (lang === 'en' ? value.en : value.zh) ?? value.zh ?? value.code ?? '';
}

/** Replaces the texts of elements marked data-i18n / data-i18n-title, and the document's language. */
export function applyStaticTexts() {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.title = lang === 'en' ? 'Cooperation Ledger' : '合作台账 · Cooperation Ledger';
  document.querySelectorAll('[data-i18n]').forEach(element => { element.textContent = t(element.dataset.i18n); });
  document.querySelectorAll('[data-i18n-title]').forEach(element => { element.title = t(element.dataset.i18nTitle); });
  const toggle = document.getElementById('lang-toggle');
  if (toggle) toggle.textContent = lang === 'en' ? '中文' : 'English';
}
