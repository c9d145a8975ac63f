// Last year's report as this year's starting point (issue 6): what is copied, what is cleared, and
// the two text helpers the editor and the review use on copied text (year mentions, 内容雷同).
import { formatModel, isGovFormatId, SECTION_KEYS } from './formats/index';
import type { SectionKey } from './formats/index';
import type { ReportDoc } from './report';
import { defaultTitle } from './report';

/** Applicant columns of table 三 (the 总计 column is derived), read from the format data. */
function t3ApplicantColumns(formatId: 'gov-2021' | 'gov-2019'): string[] {
  return formatModel(formatId)
    .format.t3.columns.filter((c) => !c.derived)
    .map((c) => c.key);
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
    // The 发文字号 numbers one document of one year; a copied number would be a duplicate. The
    // 印发机关 stays (the same office prints every year), its 印发日期 is this year's to set.
    letterhead: { ...previous.letterhead, docNumber: '', printedDate: '' },
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
const REPORT_AFTER_YEAR = /^度?(?:的)?(?:政府信息公开(?:工作)?)?(?:年度)?(?:工作)?报告/;

export function findYearMentions(text: string, reportYear: number): YearMention[] {
  const out: YearMention[] = [];
  const re = /(?<![\d〔［[【])((?:19|20)\d{2})[ \u3000\u00a0]*年/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const year = Number(m[1]);
    if (year === reportYear || year === reportYear + 1) continue;
    // 「2024年度报告提出的……问题」 names an earlier report (五 follows up on it): not stale text.
    if (REPORT_AFTER_YEAR.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, year });
  }
  return out;
}

const SHINGLE = 3;
/** Spaces and punctuation say nothing about copied wording; compare the characters that remain. */
const NOT_WORDING = /[\s\p{P}\p{S}]+/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

function stripped(text: string): string {
  return text.normalize('NFKC').replace(NOT_WORDING, '');
}

/** The general form, for text with characters outside the BMP (a 3-gram of them fits no number). */
function shingles(s: string): Map<string, number> {
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
 * A text's 3-grams: BMP text (all a report holds) as sorted numbers (three 16-bit units in one
 * exact double), so two texts compare by one merge instead of building string-keyed maps.
 */
type Grams =
  | { kind: 'empty' }
  /** fewer than three characters: the text is its only gram */
  | { kind: 'short'; s: string }
  | { kind: 'sorted'; keys: Float64Array }
  | { kind: 'map'; counts: Map<string, number>; size: number };

function gramsOf(s: string): Grams {
  if (s.length === 0) return { kind: 'empty' };
  if (SURROGATE.test(s)) {
    const counts = shingles(s);
    let size = 0;
    for (const n of counts.values()) size += n;
    return { kind: 'map', counts, size };
  }
  if (s.length < SHINGLE) return { kind: 'short', s };
  const keys = new Float64Array(s.length - SHINGLE + 1);
  for (let i = 0; i < keys.length; i++) keys[i] = s.charCodeAt(i) * 4294967296 + s.charCodeAt(i + 1) * 65536 + s.charCodeAt(i + 2);
  keys.sort();
  return { kind: 'sorted', keys };
}

/** The wizard compares the same texts after every pause in typing: keep the last few texts' grams. */
const GRAMS_CACHE_SIZE = 48;
const gramsCache = new Map<string, Grams>();

function cachedGrams(text: string): Grams {
  const hit = gramsCache.get(text);
  if (hit) {
    // Most recently used last, so the oldest is evicted first.
    gramsCache.delete(text);
    gramsCache.set(text, hit);
    return hit;
  }
  const grams = gramsOf(stripped(text));
  if (gramsCache.size >= GRAMS_CACHE_SIZE) gramsCache.delete(gramsCache.keys().next().value!);
  gramsCache.set(text, grams);
  return grams;
}

function gramCount(g: Grams): number {
  return g.kind === 'empty' ? 0 : g.kind === 'short' ? 1 : g.kind === 'sorted' ? g.keys.length : g.size;
}

function asMap(g: Grams): Map<string, number> {
  if (g.kind === 'map') return g.counts;
  const counts = new Map<string, number>();
  if (g.kind === 'short') counts.set(g.s, 1);
  else if (g.kind === 'sorted') {
    for (const k of g.keys) {
      const s = String.fromCharCode(Math.floor(k / 4294967296), Math.floor(k / 65536) % 65536, k % 65536);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
  }
  return counts;
}

/** How many 3-grams two texts share, counted as multisets. */
function commonGrams(A: Grams, B: Grams): number {
  if (A.kind === 'sorted' && B.kind === 'sorted') {
    const a = A.keys;
    const b = B.keys;
    let i = 0;
    let j = 0;
    let common = 0;
    while (i < a.length && j < b.length) {
      const x = a[i]!;
      const y = b[j]!;
      if (x === y) {
        common++;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    return common;
  }
  // A short text's one gram has fewer than three characters, so it matches only the same short text.
  if (A.kind === 'short' && B.kind === 'short') return A.s === B.s ? 1 : 0;
  if (A.kind === 'short' || B.kind === 'short') return A.kind === 'map' || B.kind === 'map' ? mapCommon(asMap(A), asMap(B)) : 0;
  return mapCommon(asMap(A), asMap(B));
}

function mapCommon(A: Map<string, number>, B: Map<string, number>): number {
  let common = 0;
  const [small, large] = A.size <= B.size ? [A, B] : [B, A];
  for (const [g, n] of small) {
    const m = large.get(g);
    if (m) common += Math.min(n, m);
  }
  return common;
}

/**
 * How much of two texts is the same wording, 0..1: the Dice coefficient of their character
 * 3-gram multisets (punctuation and spaces ignored). 1 = identical wording; an empty text is
 * similar to nothing (0), so an unwritten section is never reported as 雷同.
 */
export function similarity(a: string, b: string): number {
  const A = cachedGrams(a);
  const B = a === b ? A : cachedGrams(b);
  const sizeA = gramCount(A);
  const sizeB = gramCount(B);
  if (sizeA === 0 || sizeB === 0) return 0;
  const common = A === B ? sizeA : commonGrams(A, B);
  return (2 * common) / (sizeA + sizeB);
}
