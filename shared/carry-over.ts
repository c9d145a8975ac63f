// Last year's report as this year's starting point (issue 6): what is copied, what is cleared, and
// the two text helpers the editor and the review use on copied text (year mentions, 内容雷同).
import { formatModel, isGovFormatId, SECTION_KEYS } from './formats/index';
import type { SectionKey } from './formats/index';
import type { ReportDoc } from './report';
import { defaultTitle } from './report';

/** Applicant columns of table 三 (the 总计 column is derived), read from the format data. */
function t3ApplicantColumns(formatId: 'gov-2021' | 'gov-2019'): string[] {
  return formatModel(formatId).format.t3.columns.filter((c) => !c.derived).map((c) => c.key);
}

/**
 * A new report for `year` based on `previous` (normally year − 1): the unit, preamble choices,
 * signature, letterhead and narrative texts are copied (texts marked 沿用上年 until edited);
 * title, period, date and figures start afresh, except 二、上年结转 = last year's
 * 四、结转下年度继续办理, column by column. Last year's figures the cross-year checks need are
 * kept in `previousCells`; a figure the previous format does not have (现行有效件数 before 2021)
 * is simply absent there.
 */
export function deriveNextYearReport(previous: ReportDoc, year: number, formatId: 'gov-2021' | 'gov-2019'): ReportDoc {
  const cells: Record<string, number> = {};
  const previousCells: Record<string, number> = {};

  if (isGovFormatId(previous.formatId)) {
    const prevModel = formatModel(previous.formatId);
    const nextModel = formatModel(formatId);
    for (const col of t3ApplicantColumns(formatId)) {
      const from = `t3.carried_forward.${col}`;
      const to = `t3.carried_over.${col}`;
      const value = previous.cells[from];
      if (value === undefined || !prevModel.byKey.has(from) || !nextModel.byKey.has(to)) continue;
      cells[to] = value;
      previousCells[from] = value;
    }
    // 现行有效件数 per row, where last year's format has that column (2021 on).
    for (const info of prevModel.cells) {
      if (info.table === 't2' && info.column === 'in_force' && previous.cells[info.key] !== undefined) previousCells[info.key] = previous.cells[info.key]!;
    }
  }

  const sections: Partial<Record<SectionKey, string>> = {};
  const copiedSections: SectionKey[] = [];
  for (const key of SECTION_KEYS) {
    const text = previous.sections[key];
    if (text === undefined || text.trim() === '') continue;
    sections[key] = text;
    copiedSections.push(key);
  }

  return {
    formatId,
    year,
    unit: { ...previous.unit },
    title: defaultTitle(previous.unit.name, year),
    period: '',
    preamble: { ...previous.preamble },
    sections,
    cells,
    signature: previous.signature,
    date: '',
    // The 发文字号 numbers one document of one year; a copied number would be a duplicate.
    letterhead: { ...previous.letterhead, docNumber: '' },
    copiedSections,
    ...(Object.keys(previousCells).length > 0 ? { previousCells } : {}),
    acknowledgements: {},
  };
}

export interface YearMention {
  start: number;
  end: number;
  year: number;
}

/**
 * Years in copied text that are probably stale: 「2024年」 in a 2025 report. The report year and
 * the next one (plans: 「2026年将……」) are expected; citations such as 〔2018〕25号 are not years of
 * events, so only a year followed by 年 counts.
 */
export function findYearMentions(text: string, reportYear: number): YearMention[] {
  const out: YearMention[] = [];
  const re = /(?<![\d〔［\[【])((?:19|20)\d{2})[ \u3000\u00a0]*年/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const year = Number(m[1]);
    if (year === reportYear || year === reportYear + 1) continue;
    out.push({ start: m.index, end: m.index + m[0].length, year });
  }
  return out;
}

const SHINGLE = 3;

function shingles(text: string): Map<string, number> {
  // Spaces and punctuation say nothing about copied wording; compare the characters that remain.
  const s = text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');
  const counts = new Map<string, number>();
  const chars = Array.from(s);
  if (chars.length === 0) return counts;
  if (chars.length < SHINGLE) {
    counts.set(chars.join(''), 1);
    return counts;
  }
  for (let i = 0; i + SHINGLE <= chars.length; i++) {
    const g = chars.slice(i, i + SHINGLE).join('');
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

/**
 * How much of two texts is the same wording, 0..1: the Dice coefficient of their character
 * 3-gram multisets (punctuation and spaces ignored). 1 = identical wording; an empty text is
 * similar to nothing (0), so an unwritten section is never reported as 雷同.
 */
export function similarity(a: string, b: string): number {
  const A = shingles(a);
  const B = shingles(b);
  let sizeA = 0;
  let sizeB = 0;
  for (const n of A.values()) sizeA += n;
  for (const n of B.values()) sizeB += n;
  if (sizeA === 0 || sizeB === 0) return 0;
  let common = 0;
  const [small, large] = A.size <= B.size ? [A, B] : [B, A];
  for (const [g, n] of small) {
    const m = large.get(g);
    if (m) common += Math.min(n, m);
  }
  return (2 * common) / (sizeA + sizeB);
}
