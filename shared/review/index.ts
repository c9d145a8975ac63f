// 审读: the reviewer's checks on the whole document (issue 7; spec §6.2). Each check reads the
// report's texts and, where it compares, the tables; findings quote the words and say what to write.
import type { Finding, ReportDoc } from '../report';
import { checkCitations, checkStructure, checkTemplate } from './citations';
import { checkAccountability, checkComparison, checkFee, checkOverview, checkProblems } from './content';
import { checkFigures } from './figures';
import { checkDate, checkTitle, checkUnitNames, checkYears } from './identity';
import { checkSimilarity } from './similarity';
import { allSources, sectionSources } from './text';

export { textSimilarity } from './similarity';

/** The review's rules, their severity and the spec §6.2 check each implements. */
export const REVIEW_RULES = {
  'review.title': { spec: 'E1', severity: 'error', what: '标题格式' },
  'review.period': { spec: 'E2', severity: 'error', what: '统计期限的年份' },
  'review.stale_year': { spec: 'E2', severity: 'warning', what: '沿用往年的年份' },
  'review.date_in_year': { spec: 'E3', severity: 'error', what: '成文日期早于年度结束' },
  'review.date_deadline': { spec: 'E3', severity: 'warning', what: '成文日期晚于报送期限' },
  'review.citation': { spec: 'E4', severity: 'error', what: '引用的文件名称、文号不准确' },
  'review.outdated_citation': { spec: 'E4', severity: 'error', what: '引用已废止的试行格式' },
  'review.doc_number_brackets': { spec: 'E4', severity: 'warning', what: '文号括号' },
  'review.unit_name': { spec: 'W5', severity: 'warning', what: '正文中出现其他单位的名称' },
  'review.signature': { spec: 'W5', severity: 'warning', what: '署名与机关名称不一致' },
  'review.misplaced_heading': { spec: 'E6', severity: 'error', what: '部分标题放错位置' },
  'review.legacy_heading': { spec: 'E6', severity: 'error', what: '2019年以前的提纲标题' },
  'review.section_empty': { spec: 'E6', severity: 'error', what: '部分没有内容' },
  /** error in a current-format report; a warning in a 2019 试行 format report (its guidance was not retrieved) */
  'review.accountability': { spec: 'E7', severity: 'error', what: '工作考核、社会评议和责任追究结果' },
  'review.overview_aspects': { spec: 'W8', severity: 'warning', what: '总体情况的五个方面' },
  'review.overview_length': { spec: 'W8', severity: 'warning', what: '总体情况篇幅' },
  'review.outdated_format': { spec: 'E10', severity: 'error', what: '使用已废止的试行格式' },
  'review.format_too_new': { spec: 'E10', severity: 'warning', what: '年度早于现行格式' },
  'review.outdated_labels': { spec: 'E10', severity: 'error', what: '正文中的试行格式栏目' },
  'review.narrative_figure': { spec: 'W17/W27', severity: 'warning', what: '叙述数字与表格不一致' },
  'review.none_claimed': { spec: 'W27', severity: 'warning', what: '“没有申请/复议/诉讼”与表格不一致' },
  'review.sum_parts': { spec: 'W27', severity: 'warning', what: '总数与分项之和不一致' },
  'review.fee': { spec: 'E23', severity: 'warning', what: '信息处理费' },
  'review.problems': { spec: 'W24', severity: 'warning', what: '问题和改进措施' },
  'review.same_as_last_year': { spec: 'W25', severity: 'warning', what: '与上年内容雷同' },
  'review.problems_follow_up': { spec: 'W26', severity: 'info', what: '上年问题的整改情况' },
  'review.no_comparison': { spec: 'I28', severity: 'info', what: '与上年的比较' },
  'review.date_padding': { spec: 'W31', severity: 'warning', what: '日期补0' },
} as const satisfies Record<string, { spec: string; severity: Finding['severity']; what: string }>;

export type ReviewRule = keyof typeof REVIEW_RULES;

export function reviewDocument(doc: ReportDoc, previous?: ReportDoc | null): Finding[] {
  const sources = allSources(doc);
  const sections = sectionSources(doc);
  const findings = [
    ...checkTitle(doc),
    ...checkYears(doc, sources),
    ...checkUnitNames(doc, sources),
    ...checkDate(doc, sources),
    ...checkTemplate(doc, sections),
    ...checkCitations(doc, sources),
    ...checkStructure(doc, sections),
    ...checkAccountability(doc, sections),
    ...checkOverview(doc, sections),
    ...checkFee(doc, sections),
    ...checkProblems(doc, sections),
    ...checkFigures(doc, sections),
    ...checkSimilarity(doc, previous),
    ...checkComparison(doc, sections),
  ];
  return uniqueIds(findings);
}

/** The same words flagged twice in one place (a repeated sentence) get #2, #3 … in document order. */
function uniqueIds(findings: Finding[]): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    if (!f.id) return f;
    const n = (seen.get(f.id) ?? 0) + 1;
    seen.set(f.id, n);
    return n === 1 ? f : { ...f, id: `${f.id}#${n}` };
  });
}
