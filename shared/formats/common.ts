// Parts the 2019 and 2021 formats print identically (spec §2.3–§2.5): the six headings, table 三
// apart from its （六） rows, and table 四. Each label is written here once.
import type { ColumnDef, SectionDef, Table3Row, Table4Def } from './types';

export const SECTION_HEADINGS = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  review_litigation: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other_matters: '六、其他需要报告的事项',
} as const;

/** 条例第五十条第（四）项: what a 人民政府's report adds under 监督保障. */
export const GOVERNMENT_ACCOUNTABILITY_ITEMS = ['工作考核', '社会评议', '责任追究'];

export function sectionDefs(): SectionDef[] {
  return [
    {
      key: 'overview',
      heading: SECTION_HEADINGS.overview,
      tableOnly: false,
      guidance: [
        '概述本年度贯彻落实《中华人民共和国政府信息公开条例》的整体情况，按主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面分别写。',
        '每个方面写本年度具体做了什么、有多少（发布条数、平台个数、解读篇数等），不写空话套话。',
        '乡镇、街道属于人民政府：在“监督保障”中写明工作考核、社会评议和责任追究的结果情况（条例第五十条第（四）项）。',
        '篇幅宜精炼，一般不超过一千字左右。',
      ],
      aspects: [
        {
          key: 'proactive',
          title: '（一）主动公开',
          guidance: '本年度主动公开信息的数量、渠道和重点领域（如惠民政策、财政资金、乡村振兴），以及政策解读、回应关切情况。',
        },
        {
          key: 'requests',
          title: '（二）依申请公开',
          guidance: '收到和办理申请的总体情况、办理是否依法按时，与第三部分表格的数字一致。没有收到申请的，如实写明。',
        },
        { key: 'management', title: '（三）政府信息管理', guidance: '信息发布审查（保密审查）、公开目录和指南的更新、规范性文件的清理等制度和做法。' },
        { key: 'platforms', title: '（四）政府信息公开平台建设', guidance: '政府网站栏目、政务新媒体、公开栏和查阅点等平台的建设和维护情况。' },
        { key: 'oversight', title: '（五）监督保障', guidance: '机构人员、培训、监督检查；人民政府须写明工作考核、社会评议和责任追究的结果。' },
      ],
      governmentOnly: GOVERNMENT_ACCOUNTABILITY_ITEMS,
    },
    {
      key: 'proactive',
      heading: SECTION_HEADINGS.proactive,
      tableOnly: true,
      table: 't2',
      guidance: [
        '本部分以表格形式报告条例第二十条第（一）（五）（六）（八）项规定的信息。',
        '乡镇、街道没有规章制定权，“规章”一行应全部填 0。',
        '没有发生的事项填 0，不要留空。',
      ],
    },
    {
      key: 'requests',
      heading: SECTION_HEADINGS.requests,
      tableOnly: true,
      table: 't3',
      guidance: [
        '本部分以表格形式报告本年度收到和处理政府信息公开申请的情况，按申请人类型分列。',
        '每一列都要满足勾稽关系：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理。',
        '“上年结转”应等于上一年度报告中“结转下年度继续办理”的数字。',
        '部分公开的申请只计入“部分公开”，不再计入其他情形。',
      ],
    },
    {
      key: 'review_litigation',
      heading: SECTION_HEADINGS.review_litigation,
      tableOnly: true,
      table: 't4',
      guidance: [
        '本部分以表格形式报告因政府信息公开工作被申请行政复议、提起行政诉讼的情况。',
        '复议机关作为共同被告的，只由原行政行为机关统计（国办公开办函〔2016〕201号）。',
        '没有发生的填 0。',
      ],
    },
    {
      key: 'problems',
      heading: SECTION_HEADINGS.problems,
      tableOnly: false,
      guidance: [
        '逐条写出本年度工作中存在的具体问题，每个问题对应具体的改进措施。',
        '说明上一年度报告所提问题的整改情况。',
        '避免照搬往年或其他单位的表述，避免只有“进一步加强”“有待提高”之类的泛泛之谈。',
      ],
    },
    {
      key: 'other_matters',
      heading: SECTION_HEADINGS.other_matters,
      tableOnly: false,
      guidance: [
        '写明依据《政府信息公开信息处理费管理办法》收取信息处理费的情况：收取的金额和件数，或“本年度未收取信息处理费”。',
        '可报告落实上级年度政务公开工作要点、人大代表建议和政协提案办理结果公开、工作创新等情况。',
        '没有其他事项的，在收费说明之外可写“无其他需要报告的事项”。',
      ],
    },
  ];
}

/** Table 三 columns: six applicant types and the derived 总计 (spec §1.4.2). */
export const T3_COLUMNS: ColumnDef[] = [
  { key: 'natural_person', label: '自然人', kind: 'count', unit: '件' },
  { key: 'commercial_enterprise', label: '商业企业', kind: 'count', unit: '件', group: '法人或其他组织' },
  { key: 'research_institution', label: '科研机构', kind: 'count', unit: '件', group: '法人或其他组织' },
  { key: 'social_welfare_org', label: '社会公益组织', kind: 'count', unit: '件', group: '法人或其他组织' },
  { key: 'legal_service_org', label: '法律服务机构', kind: 'count', unit: '件', group: '法人或其他组织' },
  { key: 'other', label: '其他', kind: 'count', unit: '件', group: '法人或其他组织' },
  { key: 'total', label: '总计', kind: 'count', unit: '件', derived: true },
];

export const T3_BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const T3_APPLICANT_HEADER = '申请人情况';
export const T3_TITLE = '收到和处理政府信息公开申请情况';

const RESULTS = '三、本年度办理结果';
const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
export const T3_OTHER_PROCESSING = '（六）其他处理';

/** Table 三 rows before （六）其他处理. */
export const T3_ROWS_HEAD: Table3Row[] = [
  { key: 'new_received', path: ['一、本年新收政府信息公开申请数量'], short: '本年新收' },
  { key: 'carried_over', path: ['二、上年结转政府信息公开申请数量'], short: '上年结转' },
  { key: 'granted', path: [RESULTS, '（一）予以公开'], outcome: true },
  { key: 'partial_grant', path: [RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'], outcome: true },
  { key: 'denied_state_secret', path: [RESULTS, DENIED, '1.属于国家秘密'], outcome: true },
  { key: 'denied_law_forbidden', path: [RESULTS, DENIED, '2.其他法律行政法规禁止公开'], outcome: true },
  { key: 'denied_three_security', path: [RESULTS, DENIED, '3.危及“三安全一稳定”'], outcome: true },
  { key: 'denied_third_party', path: [RESULTS, DENIED, '4.保护第三方合法权益'], outcome: true },
  { key: 'denied_internal_affairs', path: [RESULTS, DENIED, '5.属于三类内部事务信息'], outcome: true },
  { key: 'denied_process_info', path: [RESULTS, DENIED, '6.属于四类过程性信息'], outcome: true },
  { key: 'denied_enforcement_file', path: [RESULTS, DENIED, '7.属于行政执法案卷'], outcome: true },
  { key: 'denied_admin_query', path: [RESULTS, DENIED, '8.属于行政查询事项'], outcome: true },
  { key: 'unable_not_held', path: [RESULTS, UNABLE, '1.本机关不掌握相关政府信息'], outcome: true },
  { key: 'unable_need_create', path: [RESULTS, UNABLE, '2.没有现成信息需要另行制作'], outcome: true },
  { key: 'unable_unclear', path: [RESULTS, UNABLE, '3.补正后申请内容仍不明确'], outcome: true },
  { key: 'not_processed_petition', path: [RESULTS, NOT_PROCESSED, '1.信访举报投诉类申请'], outcome: true },
  { key: 'not_processed_repeat', path: [RESULTS, NOT_PROCESSED, '2.重复申请'], outcome: true },
  { key: 'not_processed_publication', path: [RESULTS, NOT_PROCESSED, '3.要求提供公开出版物'], outcome: true },
  { key: 'not_processed_massive', path: [RESULTS, NOT_PROCESSED, '4.无正当理由大量反复申请'], outcome: true },
  { key: 'not_processed_confirm', path: [RESULTS, NOT_PROCESSED, '5.要求行政机关确认或重新出具已获取信息'], outcome: true },
];

/** Table 三 rows after （六）其他处理. */
/** The keys of table 三's rows under one heading of 三、本年度办理结果 (the same in both formats). */
const keysUnder = (heading: string): readonly string[] => T3_ROWS_HEAD.filter((r) => r.path[1] === heading).map((r) => r.key);
/** （三）不予公开's eight reasons, （四）无法提供's three, （五）不予处理's five. */
export const T3_DENIED_KEYS = keysUnder(DENIED);
export const T3_UNABLE_KEYS = keysUnder(UNABLE);
export const T3_NOT_PROCESSED_KEYS = keysUnder(NOT_PROCESSED);

export const T3_ROWS_TAIL: Table3Row[] = [
  { key: 'total_processed', path: [RESULTS, '（七）总计'], derived: true, short: '办理结果' },
  { key: 'carried_forward', path: ['四、结转下年度继续办理'], short: '结转下年度' },
];

export const T3_RESULTS_LABEL = RESULTS;

/** Table 四 (spec §1.4.3), identical in 2019 and 2021. */
export const T4_DEF: Table4Def = {
  id: 't4',
  title: '政府信息公开行政复议、行政诉讼情况',
  groups: [
    { key: 'review', path: ['行政复议'] },
    { key: 'litigation_direct', path: ['行政诉讼', '未经复议直接起诉'] },
    { key: 'litigation_after_review', path: ['行政诉讼', '复议后起诉'] },
  ],
  columns: [
    { key: 'maintain', label: '结果维持', kind: 'count', unit: '件' },
    { key: 'correct', label: '结果纠正', kind: 'count', unit: '件' },
    { key: 'other', label: '其他结果', kind: 'count', unit: '件' },
    { key: 'pending', label: '尚未审结', kind: 'count', unit: '件' },
    { key: 'total', label: '总计', kind: 'count', unit: '件', derived: true },
  ],
};

export const T2_TITLE = '主动公开政府信息情况';
export const T2_FIRST_HEADER = '信息内容';

/** Table 二's block captions: the items of 条例第二十条 each block reports. */
export const T2_CAPTIONS = {
  item1: '第二十条第（一）项',
  item5: '第二十条第（五）项',
  item6: '第二十条第（六）项',
  item8: '第二十条第（八）项',
  item9: '第二十条第（九）项',
} as const;

/** Table 二 rows both formats print with the same label (2019's 规范性文件 differs: see gov-2019.ts). */
export const T2_ROWS = {
  regulations: { key: 'regulations', label: '规章' },
  licensing: { key: 'licensing', label: '行政许可' },
  penalty: { key: 'penalty', label: '行政处罚' },
  coercion: { key: 'coercion', label: '行政强制' },
  fees: { key: 'fees', label: '行政事业性收费' },
} as const;
