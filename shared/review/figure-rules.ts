// The figure rules of the text-against-tables check: each figure the narrative may state, its patterns and its cells.
import type { FigureRule } from './figure-rule';
import { T3_COLUMNS, T3_DENIED_KEYS, T3_NOT_PROCESSED_KEYS, T3_UNABLE_KEYS } from '../formats/common';

export type { FigureRule, GovFormatId } from './figure-rule';

/** Table 二's decisions (行政许可决定), also written without 行政 (作出处罚决定8件). */
const t2Decisions = (key: string, word: string, kinds: string, units: string): FigureRule => ({
  id: key,
  what: `行政${word}决定`,
  after: `(?:行政${word}(?:${kinds})?|${word}决定)`,
  units,
  cells: () => [`t2.${key}.decisions`],
  numberFirst: true,
});

/** An outcome of the applications (予以公开, 不予公开…): stated in a sentence, or a paragraph, about applications, the number before or after. */
const outcome = (rule: Omit<FigureRule, 'units' | 'sentenceMust' | 'paragraphMust' | 'numberFirst'>): FigureRule => ({
  units: '件|宗|份',
  sentenceMust: /申请|办理结果|答复/,
  paragraphMust: true,
  numberFirst: true,
  ...rule,
});

const part = (row: string, words: RegExp) => ({ cell: `t3.${row}.total`, words });
const DENIED_PARTS = [
  part('denied_state_secret', /国家秘密/),
  part('denied_law_forbidden', /法律[、和]?行政法规禁止|其他法律/),
  part('denied_three_security', /三安全一稳定|危及/),
  part('denied_third_party', /第三方|商业秘密|个人隐私/),
  part('denied_internal_affairs', /内部事务/),
  part('denied_process_info', /过程性/),
  part('denied_enforcement_file', /执法案卷/),
  part('denied_admin_query', /行政查询/),
];
const UNABLE_PARTS = [
  part('unable_not_held', /不掌握/),
  part('unable_need_create', /没有现成|另行制作|需要制作|加工/),
  part('unable_unclear', /不明确|补正后/),
];
const NOT_PROCESSED_PARTS = [
  part('not_processed_petition', /信访|举报|投诉/),
  part('not_processed_repeat', /重复申请/),
  part('not_processed_publication', /出版物/),
  part('not_processed_massive', /大量反复|大量、反复/),
  part('not_processed_confirm', /确认或重新出具|重新出具/),
];
const OTHER_PARTS = [part('other_overdue_correction', /逾期不补正|逾期未补正|不补正/), part('other_overdue_fee', /缴纳费用|收费通知|未缴费|未缴纳/)];

/** Table 三's applicant columns read one by one (其他 is too common a word to be read as its column). */
const APPLICANT_COLUMNS = T3_COLUMNS.filter((c) => !c.derived && c.key !== 'other');
/**
 * Words one of which every match of a rule's patterns contains (read off `after` and `before`):
 * a text with none of them is not scanned with the rule's longer patterns. Changing a rule's
 * `after` or `before` below means checking its words here.
 */
export const NEEDS: Record<string, readonly string[]> = {
  new_received: ['新收', '收到', '接收', '受理', '接到'],
  new_received_bare: ['新收'],
  processed: ['办结'],
  handled: ['办理'],
  carried_over: ['结转'],
  granted: ['予以公开'],
  partial_grant: ['部分公开'],
  carried_forward: ['结转', '转入', '转至', '转到', '顺延', '延续至', '延至'],
  review: ['行政复议'],
  litigation: ['行政诉讼'],
  normative_issued: ['规范性文件'],
  normative_issued_bare: ['制发', '印发', '出台', '制定'],
  normative_repealed: ['规范性文件'],
  normative_in_force: ['规范性文件'],
  normative_in_force_bare: ['现行有效'],
  denied: ['不予公开'],
  unable: ['无法提供'],
  not_held: ['不掌握'],
  not_processed: ['不予处理'],
  other_processing: ['其他处理', '其它处理'],
  withdrawn: ['撤回'],
  ...Object.fromEntries(APPLICANT_COLUMNS.map((c) => [`applicant_${c.key}`, [c.label]])),
  applicant_legal: ['其他组织'],
  unable_need_create: ['没有现成信息', '另行制作'],
  not_processed_petition: ['信访举报投诉'],
  overdue_correction: ['补正'],
  licensing: ['行政许可'],
  penalty: ['行政处罚'],
  coercion: ['行政强制'],
  normative_published_total: ['对外公开'],
};

/** A sentence about the new applications, and the words that make a figure in it another row's. */
const NEW_APPLICATIONS = /新收|收到|受理|接到|接收/;
const OUTCOME_OR_CARRY = /予以公开|部分公开|不予公开|无法提供|不掌握|不予处理|其[他它]处理|办结|答复|结转|上年|撤回|复议|诉讼/;

/** Words naming one column of table 四 (a result), not the number of cases. */
const CASE_COLUMN = /审结|纠错|纠正|维持|撤销|败诉|胜诉|终止|其他结果|判决/;

const T3_UNITS = '件|宗|份|起';
const T4_UNITS = '件|起|宗|例';

const applicant = (key: string, label: string, words: string, cells: string[]): FigureRule => ({
  id: `applicant_${key}`,
  what: `${label}提出的新收申请`,
  after: `${words}(?:提出|申请|提交)?(?:的)?(?:申请)?`,
  units: T3_UNITS,
  cells: () => cells,
  ledBy: NEW_APPLICATIONS,
  notLedBy: OUTCOME_OR_CARRY,
});
/** Applicants among the new applications (本年新收申请中，自然人提出1件; 其中自然人3件、商业企业1件). */
const APPLICANT_FIGURES: FigureRule[] = [
  ...APPLICANT_COLUMNS.map((c) => applicant(c.key, c.label, c.label, [`t3.new_received.${c.key}`])),
  applicant(
    'legal',
    '法人或其他组织',
    '法人(?:或|和|及|、)?其他组织',
    T3_COLUMNS.filter((c) => c.group).map((c) => `t3.new_received.${c.key}`),
  ),
];

export const FIGURES: FigureRule[] = [
  {
    id: 'new_received',
    what: '本年新收的政府信息公开申请',
    // Only applications for information: 「受理行政许可申请12件」 is not one.
    after: '(?:新收|收到|接收|受理|接到)了?[^。；，,\\d]{0,24}?申请',
    before: { verb: '(?:新收|收到|接收|受理|接到)', object: '(?:的)?(?:政府信息公开|依申请公开|信息公开)?申请' },
    units: T3_UNITS,
    cells: () => ['t3.new_received.total'],
    notAbout:
      /许可|复议|诉讼|审批|补贴|救助|低保|建议|提案|事项|登记|审核|认证|办证|证明|资格|项目|资金|贷款|核查|核实|用地|建房|热线|诉求|咨询|来信|来访|投诉|办事|服务|业务|补正/,
    numberFirst: true,
  },
  {
    id: 'new_received_bare',
    what: '本年新收的政府信息公开申请',
    // 「依申请公开办理情况：新收1件，上年结转0件」
    after: '新收(?:到)?',
    units: T3_UNITS,
    sentenceMust: /申请/,
    cells: () => ['t3.new_received.total'],
  },
  {
    id: 'processed',
    what: '办结（办理结果总计）的申请',
    after: '办结(?:了)?(?:政府信息公开|依申请公开)?(?:的)?(?:申请)?',
    units: T3_UNITS,
    sentenceMust: /申请|依申请公开/,
    cells: () => ['t3.total_processed.total'],
    notAbout: /建议|提案|热线|来信|来访|投诉|举报|诉求|工单|转办/,
  },
  {
    // 「本年度办理的3件依申请公开事项」「办理政府信息公开申请3件」: the applications handled are at most the
    // new ones and those carried in (a figure of 办结 only may be smaller, never larger).
    id: 'handled',
    what: '本年办理的政府信息公开申请',
    after: '办理(?:了)?(?:政府信息公开|依申请公开)(?:申请|事项)',
    before: { verb: '办理', object: '(?:政府信息公开|依申请公开)?(?:申请|事项)' },
    units: T3_UNITS,
    cells: () => ['t3.new_received.total', 't3.carried_over.total'],
    bound: 'max',
    notAbout: /累计|历年|以来/,
  },
  {
    id: 'carried_over',
    what: '上年结转的申请',
    after: '上一?年度?结转(?:的)?(?:政府信息公开)?(?:申请)?',
    units: T3_UNITS,
    cells: () => ['t3.carried_over.total'],
  },
  outcome({
    id: 'granted',
    what: '予以公开的申请',
    after: '予以公开',
    cells: () => ['t3.granted.total'],
  }),
  outcome({
    id: 'partial_grant',
    what: '部分公开的申请',
    after: '部分公开',
    cells: () => ['t3.partial_grant.total'],
  }),
  {
    id: 'carried_forward',
    what: '结转下年度继续办理的申请',
    after: '(?:结转|转入|转至|转到|顺延至|延续至|延至)(?:至|到)?下一?(?:个)?年度?(?:继续办理|办理)?',
    numberFirst: true,
    units: T3_UNITS,
    cells: () => ['t3.carried_forward.total'],
  },
  {
    id: 'review',
    what: '行政复议',
    after: '行政复议(?:案件)?',
    units: T4_UNITS,
    cells: () => ['t4.review.total'],
    numberFirst: true,
    // 尚未审结行政复议0件, 行政复议纠错1件: one column of table 四, not the total.
    notAbout: CASE_COLUMN,
  },
  {
    id: 'litigation',
    what: '行政诉讼',
    after: '行政诉讼(?:案件)?',
    units: T4_UNITS,
    cells: () => ['t4.litigation_direct.total', 't4.litigation_after_review.total'],
    numberFirst: true,
    notAbout: CASE_COLUMN,
  },
  {
    id: 'normative_issued',
    what: '本年制发的行政规范性文件',
    after: '(?:制发|印发|出台|制定|新制作)[^。；，、\\d]{0,6}?规范性文件',
    before: { verb: '(?:制发|印发|出台|制定|新制作)', object: '(?:行政)?规范性文件' },
    units: '件|份|个',
    cells: (formatId) => [formatId === 'gov-2019' ? 't2.normative_documents.new_made' : 't2.normative_documents.issued'],
  },
  {
    // 「现行有效行政规范性文件3件，本年新制发2件」: the files named earlier in the sentence, the verb marked as
    // this year's (本年/新) and its figure right after it (not 新制定实施方案2个, nor a clean-up's figures).
    id: 'normative_issued_bare',
    what: '本年制发的行政规范性文件',
    after: '(?:(?:本年度?|年内|全年|今年)新?|新)(?:制发|印发|出台|制定)',
    units: '件|份|个',
    sentenceMust: /^(?![^]*清理)[^]*规范性文件/,
    cells: (formatId) => [formatId === 'gov-2019' ? 't2.normative_documents.new_made' : 't2.normative_documents.issued'],
    notAbout: /(?:制发|印发|出台|制定)(?!(?:了|共计|共)?$)/,
  },
  {
    id: 'normative_repealed',
    what: '本年废止的行政规范性文件',
    after: '废止[^。；，、\\d]{0,6}?规范性文件',
    units: '件|份|个',
    cells: () => ['t2.normative_documents.repealed'],
    years: 'gov-2021',
  },
  {
    id: 'normative_in_force',
    what: '现行有效的行政规范性文件',
    after: '现行有效的?(?:行政)?规范性文件',
    units: '件|份|个',
    cells: () => ['t2.normative_documents.in_force'],
    years: 'gov-2021',
  },
  {
    // 「本年制发行政规范性文件1件，未废止，现行有效6件」: the stock named without its object, in a
    // text about 规范性文件 that is not about a clean-up (清理……其中现行有效8件 counts the files reviewed).
    id: 'normative_in_force_bare',
    what: '现行有效的行政规范性文件',
    after: '现行有效(?!的?(?:行政)?规范性文件)(?:文件)?(?:共计|共|为)?',
    units: '件|份|个',
    sentenceMust: /^(?![^]*清理)[^]*规范性文件/,
    cells: () => ['t2.normative_documents.in_force'],
    years: 'gov-2021',
    // Only the stock itself: nothing but the figure may follow 现行有效 (not 现行有效村规民约35件, nor
    // 对现行有效的12件规范性文件进行评估, where the figure qualifies the object of another verb).
    notAbout: /其中|现行有效(?=((?:文件)?(?:共计|共|为)?))\1[^\u4e00-\u9fa5]*[\u4e00-\u9fa5]/,
  },
  outcome({
    id: 'denied',
    what: '不予公开的申请',
    after: '不予公开',
    cells: () => T3_DENIED_KEYS.map((k) => `t3.${k}.total`),
    parts: DENIED_PARTS,
  }),
  outcome({
    id: 'unable',
    what: '无法提供的申请',
    after: '无法提供',
    cells: () => T3_UNABLE_KEYS.map((k) => `t3.${k}.total`),
    parts: UNABLE_PARTS,
  }),
  outcome({
    id: 'not_held',
    what: '本机关不掌握相关政府信息的申请',
    after: '不掌握(?:相关|该|所申请的?)?(?:政府)?(?:信息)?(?:的)?(?:告知申请人|答复申请人|告知)?',
    cells: () => ['t3.unable_not_held.total'],
  }),
  outcome({
    id: 'not_processed',
    what: '不予处理的申请',
    after: '不予处理',
    cells: () => T3_NOT_PROCESSED_KEYS.map((k) => `t3.${k}.total`),
    parts: NOT_PROCESSED_PARTS,
  }),
  outcome({
    id: 'other_processing',
    what: '其他处理的申请',
    after: '其[他它]处理',
    cells: (formatId) =>
      formatId === 'gov-2019' ? ['t3.other.total'] : ['t3.other_overdue_correction.total', 't3.other_overdue_fee.total', 't3.other_other.total'],
    parts: OTHER_PARTS,
  }),
  ...APPLICANT_FIGURES,
  // Sub-rows named without their outcome's word (因没有现成信息需要另行制作，告知申请人1件).
  {
    id: 'unable_need_create',
    what: '没有现成信息需要另行制作的申请',
    after: '(?:没有现成信息|另行制作)',
    units: '件|宗|份',
    sentenceMust: /申请/,
    cells: () => ['t3.unable_need_create.total'],
    numberFirst: true,
    listGap: true,
  },
  {
    id: 'not_processed_petition',
    what: '信访举报投诉类申请',
    // 「属于信访举报投诉类、告知通过其他渠道反映的申请有1件」
    after: '信访举报投诉类?(?:[、，,]?告知(?:申请人)?通过其他(?:法定)?(?:渠道|途径)(?:反映|解决|办理)?)?',
    units: '件|宗|份',
    sentenceMust: /申请/,
    cells: () => ['t3.not_processed_petition.total'],
    listGap: true,
  },
  {
    id: 'overdue_correction',
    what: '申请人逾期不补正、不再处理的申请',
    after: '逾期(?:不|未)补正',
    units: '件|宗|份',
    sentenceMust: /申请/,
    cells: () => ['t3.other_overdue_correction.total'],
    years: 'gov-2021',
    numberFirst: true,
    listGap: true,
  },
  {
    id: 'withdrawn',
    what: '申请人撤回的申请（计入“其他处理”）',
    after: '撤回(?:了)?(?:政府信息公开)?(?:申请)?',
    before: { verb: '撤回', object: '(?:政府信息公开)?申请' },
    units: '件|宗|份',
    bound: 'max',
    cells: (formatId) =>
      formatId === 'gov-2019' ? ['t3.other.total'] : ['t3.other_overdue_correction.total', 't3.other_overdue_fee.total', 't3.other_other.total'],
  },
  t2Decisions('licensing', '许可', '决定|事项|案件', '件|宗'),
  t2Decisions('penalty', '处罚', '决定|案件', '件|宗|起'),
  t2Decisions('coercion', '强制', '决定|措施|案件', '件|宗|起'),
  {
    id: 'normative_published_total',
    what: '对外公开的规范性文件总数',
    after: '对外公开(?:的)?(?:行政)?规范性文件(?:总数|总量)?(?:达到|达|为|共)?',
    units: '件|份|个',
    cells: () => ['t2.normative_documents.total_published'],
  },
];
