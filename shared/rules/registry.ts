// Every rule id a finding can carry, with its severity: the one source for the table rules
// (catalogue.ts) and the document review (shared/review). Ids are public (--json, acknowledgements):
// add new ones, never rename.
import type { Finding } from '../report';

/** error blocks export; warning and info can be marked as reviewed (已核实). */
export type Severity = Finding['severity'];

export interface RuleInfo {
  severity: Severity;
  /** what the rule checks, in Chinese, for lists and documentation */
  title: string;
  /** the matching reviewer check of annual-report-format.md §6.2, if any */
  spec?: string;
  /** other severities the rule may carry in stated cases (see `why`) */
  alsoAs?: readonly Severity[];
  why?: string;
  /**
   * The finding's `expected` is the figure that would make one cell agree, or a reference figure
   * (the county's usual value), not the correction to make (the balance: 结转下年度 is usually the
   * right figure). Pages and opinions show the
   * equation and never “应为 N” for it; --json still carries expected and actual.
   */
  notAFix?: true;
}

export const RULE_REGISTRY = {
  // Table rules (shared/rules/catalogue.ts).
  'cell.kind': { severity: 'error', title: '数字类型（件数为不小于0的整数，金额不为负）', spec: 'E9/I22' },
  'cell.money_decimals': { severity: 'warning', title: '金额最多保留4位小数（万元）', spec: 'W19' },
  'cell.unknown': { severity: 'error', title: '表格中不存在的单元格（可能用了别的年度的格式）', spec: 'E9/E10' },
  'total.stated': { severity: 'error', title: '填写的总计与各分项之和不一致', spec: 'E11/E12/E16' },
  't3.balance': { severity: 'error', title: '勾稽关系：本年新收 + 上年结转 = 办理结果总计 + 结转下年度', spec: 'E13', notAFix: true },
  't3.no_requests_zero': { severity: 'warning', title: '没有新收和结转申请时，办理结果和结转下年度应为 0', spec: 'W15', notAFix: true },
  't3.carry_over': { severity: 'warning', title: '上年结转应等于上一年度报告的结转下年度', spec: 'W14' },
  't2.township_regulations': { severity: 'error', title: '乡镇、街道没有规章制定权，规章一行应为 0', spec: 'E18' },
  't2.township_normative': { severity: 'info', title: '乡镇、街道一般无权制发行政规范性文件', spec: 'E18' },
  't2.published_le_made': { severity: 'warning', title: '2019格式：本年新公开数量不超过本年新制作数量，对外公开总数量不少于本年新公开数量' },
  't2.decisions_without_items': { severity: 'warning', title: '2019格式：没有项目却有处理决定' },
  'cells.unfilled': { severity: 'info', title: '未填写的格子（官方表格不留空，没有发生的填 0）', spec: 'E9' },
  'tables.empty': { severity: 'error', title: '三张统计表全部没有填写', spec: 'E9' },
  'previous.identity': { severity: 'info', title: '上年报告是同一单位的上一年度' },
  't2.in_force_continuity': { severity: 'warning', title: '现行有效件数 = 上年现行有效 + 本年制发 − 本年废止', spec: 'W20' },
  't2.repeal_bound': { severity: 'warning', title: '本年废止件数不超过上年现行有效 + 本年制发', spec: 'W21' },
  't2.fee_unit': { severity: 'warning', title: '本年收费金额的单位是万元', spec: 'W19' },

  // Document review (shared/review).
  'review.title': { severity: 'error', title: '标题格式', spec: 'E1', alsoAs: ['warning'], why: '只是多了空格或用了简称时为警告' },
  'review.period': { severity: 'error', title: '统计期限的年份', spec: 'E2' },
  'review.stale_year': { severity: 'warning', title: '沿用往年的年份', spec: 'E2' },
  'review.date_in_year': { severity: 'error', title: '成文日期早于年度结束', spec: 'E3' },
  'review.date_deadline': { severity: 'warning', title: '成文日期晚于报送期限', spec: 'E3' },
  'review.date_far': { severity: 'warning', title: '成文日期离报告年度太远（早于报告年度，或晚于次年）', spec: 'E3' },
  'review.bad_date': { severity: 'error', title: '写错的日期（不存在的月、日，年份位数不对）', spec: 'E2/W31' },
  'review.period_span': { severity: 'warning', title: '统计期限没有覆盖报告年度全年', spec: 'E2' },
  'review.carry_year': { severity: 'warning', title: '结转到本报告年度（应为下一年度）', spec: 'E2' },
  'review.citation': { severity: 'error', title: '引用的文件名称、文号不准确', spec: 'E4' },
  'review.outdated_citation': { severity: 'error', title: '引用已废止的试行格式', spec: 'E4' },
  'review.doc_number_brackets': { severity: 'warning', title: '文号括号', spec: 'E4' },
  'review.unit_name': {
    severity: 'warning',
    title: '正文中出现其他单位的名称',
    spec: 'W5',
    alsoAs: ['info'],
    why: '名称后面不是“人民政府”“党委”、年份等，前面也没有县（市、区）名时，可能是动词或副词加“镇”“街道”，只作提示（请核对）',
  },
  'review.wrong_level': { severity: 'warning', title: '把省、市、县写成了做工作、收申请的机关', spec: 'W5' },
  'review.signature': { severity: 'warning', title: '署名与机关名称不一致', spec: 'W5' },
  'review.misplaced_heading': { severity: 'error', title: '部分标题放错位置', spec: 'E6' },
  'review.legacy_heading': { severity: 'error', title: '2019年以前的提纲标题', spec: 'E6' },
  'review.section_empty': { severity: 'error', title: '部分没有内容', spec: 'E6' },
  'review.outline': { severity: 'warning', title: '序号不连续或写法不对', spec: 'E6' },
  'review.parts_count': { severity: 'warning', title: '说明的部分数与列出的不一致', spec: 'E6' },
  'review.wording': { severity: 'warning', title: '重复的字词、错别字、缺数字的量词' },
  'review.repeated_paragraph': { severity: 'warning', title: '同一段文字重复出现' },
  'review.contact': { severity: 'warning', title: '电子邮箱、电话写法不对', spec: 'W5' },
  'review.accountability': {
    severity: 'error',
    title: '工作考核、社会评议和责任追究结果',
    spec: 'E7',
    alsoAs: ['info'],
    why: '2019年试行格式的报告只作提示（请核对）：试行格式对这一项的说明未取得，不能确定必须写',
  },
  'review.overview_aspects': { severity: 'info', title: '总体情况的五个方面（没有找到相应文字时请核对）', spec: 'W8' },
  'review.overview_length': { severity: 'info', title: '总体情况篇幅（部分市县的要求，请核对）', spec: 'W8' },
  'review.outdated_format': { severity: 'error', title: '使用已废止的试行格式', spec: 'E10' },
  'review.format_too_new': { severity: 'warning', title: '年度早于现行格式', spec: 'E10' },
  'review.outdated_labels': { severity: 'error', title: '正文中的试行格式栏目', spec: 'E10' },
  'review.narrative_figure': { severity: 'warning', title: '叙述数字与表格不一致', spec: 'W17/W27' },
  'review.none_claimed': { severity: 'warning', title: '“没有申请/复议/诉讼”与表格不一致', spec: 'W27' },
  'review.all_done': { severity: 'warning', title: '“均已办结”与结转下年度不一致', spec: 'W27', notAFix: true },
  'review.requests_no_count': { severity: 'warning', title: '依申请公开一段没有写申请件数', spec: 'W27' },
  'review.sum_parts': {
    severity: 'warning',
    title: '总数与分项之和不一致',
    spec: 'W27',
    alsoAs: ['info'],
    why: '“其中”后的分项加起来接近而少于总数、又没说列全时只作提示（请核对）：可能只列了一部分',
  },
  'review.money_unit': { severity: 'warning', title: '叙述中的金额与表格单位（万元）不一致', spec: 'W19' },
  'review.fee': { severity: 'warning', title: '信息处理费', spec: 'E23' },
  'review.problems': {
    severity: 'warning',
    title: '问题和改进措施',
    spec: 'W24',
    alsoAs: ['info'],
    why: '写了问题和措施、只是多为套话时只作提示（请核对）：措辞是否空泛不能确定',
  },
  'review.same_as_last_year': { severity: 'warning', title: '与上年内容雷同', spec: 'W25' },
  'review.problems_follow_up': { severity: 'info', title: '上年问题的整改情况', spec: 'W26' },
  'review.no_comparison': { severity: 'info', title: '与上年的比较', spec: 'I28' },
  'review.date_padding': { severity: 'warning', title: '日期补0', spec: 'W31' },
  // What an import can leave behind (shared/review/leftovers.ts, issue 21).
  'review.unread_cells': { severity: 'error', title: '导入时未读入的表格数字（不能当作 0 印出）' },
  'review.markup': { severity: 'warning', title: '网页或转换留下的标记（**、<br>、&nbsp;、#）' },
  'review.broken_paragraph': { severity: 'warning', title: '段落停在词语或句子中间' },
  // A paragraph without closing punctuation may be a sentence cut by a hard wrap, or just a clerk's
  // line without its 。: no reading is certain, so 提示 (请核对).
  'review.split_sentence': { severity: 'info', title: '一句话可能被换行分成了两段（请核对）' },
  // Issue 19 part B (rules-b): the open classes.
  'review.typo': { severity: 'warning', title: '固定用语中的错别字（同音字、形近字）' },
  'review.self_description': { severity: 'warning', title: '说明各部分的句子列出的部分与报告不一致', spec: 'E6' },
  't2.plausibility': { severity: 'warning', title: '表二的数字不可能成立（制发多于现行有效与废止之和；2019格式项目数减到0以下）', spec: 'E9' },
  't2.procurement_amount': { severity: 'warning', title: '2019格式：没有政府集中采购项目却有采购总金额', spec: 'E9' },
  't2.items_continuity': { severity: 'warning', title: '2019格式：上一年项目数量应等于上一年度报告的项目数量加增减' },
  'review.wrong_body': { severity: 'warning', title: '以其他种类的机关（局、委、镇、街道）或其他乡镇的名义叙述', spec: 'W5' },
  // The county's checks across units (shared/county).
  'county.copied_text': { severity: 'warning', title: '与其他单位报告的文字雷同' },
  'county.outlier': { severity: 'info', title: '数字远超县内其他单位', notAFix: true },
  // Reports counted from the application register (shared/register).
  'register.t3_disagrees': { severity: 'warning', title: '表三手填数字与申请登记台账不一致' },
  'register.overdue_denied': { severity: 'warning', title: '“均在法定期限内答复”与台账中的逾期答复不一致' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULE_REGISTRY;

export function ruleInfo(id: RuleId): RuleInfo {
  return RULE_REGISTRY[id];
}

/** The registry's severity for a rule: the one every finding of the rule carries by default. */
export function severityOf(id: RuleId): Severity {
  return RULE_REGISTRY[id].severity;
}

/** Whether a finding's expected figure may be shown as the fix (“应为 N”): not for notAFix rules. */
export function expectedIsAFix(id: string): boolean {
  return !(RULE_REGISTRY as Record<string, RuleInfo>)[id]?.notAFix;
}

/** Whether a finding's severity is one its rule is registered with. */
export function severityAllowed(id: string, severity: Severity): boolean {
  const info = (RULE_REGISTRY as Record<string, RuleInfo>)[id];
  return Boolean(info) && (info!.severity === severity || (info!.alsoAs ?? []).includes(severity));
}
