// Which format a report uses and where its six parts start: format markers, table classes, level-1 headings.
import { FORMATS, formatForYear, SECTION_KEYS } from '../../../shared/formats/index';
import type { ReportFormat, SectionKey } from '../../../shared/formats/index';
import type { Row } from './blocks';
import { legacyLabelCount } from './legacy';
import { labelCore, norm } from './normalize';

/** Key words of each level-1 heading, for headings worded a little differently from the format. */
const SECTION_KEYWORDS: Record<SectionKey, RegExp> = {
  overview: /总体(?:推进)?情况|基本情况/,
  proactive: /主动公开/,
  requests: /申请/,
  review_litigation: /复议|诉讼/,
  problems: /问题/,
  other_matters: /其他.*事项|需要报告/,
};

export const LEVEL1 = /^[一二三四五六七八九十]+[、.,]/;

function sectionOf(text: string, format: ReportFormat, after: number): SectionKey | undefined {
  const n = norm(text);
  const core = labelCore(text);
  const numbered = LEVEL1.test(n);
  if (core.length > 30 || core.length < 2) return undefined;
  // “（二）主动公开政府信息情况” is a sub-heading inside a part (often 一、总体情况), never a part's heading.
  if (/^\([一二三四五六七八九十\d]+\)/.test(n)) return undefined;
  for (let i = after + 1; i < SECTION_KEYS.length; i++) {
    const key = SECTION_KEYS[i];
    const heading = format.sections.find((s) => s.key === key)?.heading ?? '';
    if (core === labelCore(heading)) return key;
    if (numbered && SECTION_KEYWORDS[key].test(core) && /情况|事项|问题/.test(core)) return key;
  }
  return undefined;
}

export type TableClass = 't2' | 't3' | 't4' | 'legacy' | undefined;

export function classify(rows: Row[], format: ReportFormat): TableClass {
  const all = rows.flatMap((r) => r.cells.map((c) => norm(c.text)));
  const has = (s: string) => all.some((t) => t.includes(norm(s)));
  if (format.t2.blocks.some((b) => has(b.caption))) return 't2';
  const t3Labels = format.t3.rows.slice(0, 3).map((r) => labelCore(r.path[r.path.length - 1]));
  if (has(format.t3.applicantHeader) || all.some((t) => t3Labels.some((l) => labelCore(t) === l))) return 't3';
  if (format.t4.groups.some((g) => has(g.path[0])) && format.t4.columns.some((c) => has(c.label))) return 't4';
  if (legacyLabelCount(rows) >= 3) return 'legacy';
  if (all.some((t) => format.t2.blocks.some((b) => b.rows.some((r) => norm(r.label) === t)))) return 't2';
  return undefined;
}

/** Counts each format's markers in the tables (or, without tables, in the whole text). */
export function detectFormat(tableText: string, allText: string): { format?: ReportFormat; scores: Record<string, number> } {
  const hay = tableText || allText;
  const scores: Record<string, number> = {};
  for (const f of Object.values(FORMATS)) scores[f.id] = f.markers.filter((m) => hay.includes(norm(m))).length;
  const best = Object.values(FORMATS).sort((a, b) => scores[b.id] - scores[a.id])[0];
  if (scores[best.id] === 0) return { scores };
  const tied = Object.values(FORMATS).filter((f) => scores[f.id] === scores[best.id]);
  return { format: tied.length === 1 ? best : undefined, scores };
}

/** The format by its markers; with none (or a tie) the year decides; a pre-2019 report has none. */
export function chooseFormat(
  detected: ReturnType<typeof detectFormat>,
  year: number | undefined,
  legacyHeadings: number,
  legacyTables: number,
): ReportFormat | undefined {
  const noGovMarkers = (detected.scores['gov-2019'] ?? 0) === 0 && (detected.scores['gov-2021'] ?? 0) === 0;
  const isLegacy = !detected.format && noGovMarkers && (legacyTables > 0 || legacyHeadings > 0 || (year !== undefined && year < 2019));
  if (isLegacy) return undefined;
  return detected.format ?? (year !== undefined ? formatForYear(year) : undefined);
}

/** Which paragraph starts which of the six parts, in order. */
export function findHeadings(paras: string[], format: ReportFormat | undefined): Map<number, SectionKey> {
  const headingAt = new Map<number, SectionKey>();
  if (!format) return headingAt;
  let last = -1;
  paras.forEach((p, i) => {
    const key = sectionOf(p, format, last);
    if (key) {
      headingAt.set(i, key);
      last = SECTION_KEYS.indexOf(key);
    }
  });
  return headingAt;
}

/** Says when the format was decided by the year, or does not match the year. */
export function formatProblems(detected: ReturnType<typeof detectFormat>, format: ReportFormat, year: number): string[] {
  if (!detected.format) {
    if ((detected.scores['gov-2019'] ?? 0) > 0) return [`表格中同时有 2019 年试行格式和 2021 年格式的标签，按 ${year} 年度定为${format.citation}格式，请核对`];
    return [`表格中没有能判断格式的标签，按 ${year} 年度定为${format.citation}格式`];
  }
  if (formatForYear(year).id !== format.id)
    return [`这份 ${year} 年的报告使用的是${format.citation}的表格（${year} 年度应使用${formatForYear(year).citation}）`];
  return [];
}
