// The texts of a report as the review reads them, and the small text tools the checks share:
// sentences, Chinese numerals, finding construction with stable ids.
import { getFormat, isGovFormatId } from '../formats/index';
import type { Finding, ReportDoc } from '../report';
import { severityOf, type RuleId, type Severity } from '../rules/registry';

/** One piece of text a finding can point into. */
export interface TextSource {
  /** section key, 'title', 'period', 'preamble', 'signature', 'letterhead', or `legacy.N` */
  section: string;
  /** how a clerk knows the place: 「一、总体情况」, 标题, 署名 … */
  label: string;
  text: string;
}

/** The narrative sections of the report, by key, in printed order. */
export function sectionSources(doc: ReportDoc): TextSource[] {
  if (isGovFormatId(doc.formatId)) {
    return getFormat(doc.formatId).sections.map((s) => ({ section: s.key, label: `「${s.heading}」`, text: doc.sections[s.key] ?? '' }));
  }
  return (doc.legacySections ?? []).map((s, i) => ({ section: `legacy.${i}`, label: `「${s.heading}」`, text: s.text }));
}

/** Every text the clerk typed that is printed: title, preamble items, sections, signature. */
export function allSources(doc: ReportDoc): TextSource[] {
  const out: TextSource[] = [];
  if (doc.title.trim()) out.push({ section: 'title', label: '标题', text: doc.title });
  if (doc.period.trim()) out.push({ section: 'period', label: '统计期限', text: doc.period });
  if (doc.preamble.publishedAt.trim()) out.push({ section: 'preamble', label: '前言（电子版查阅地址）', text: doc.preamble.publishedAt });
  if (doc.letterhead.enabled && doc.letterhead.docNumber.trim()) out.push({ section: 'letterhead', label: '发文字号', text: doc.letterhead.docNumber });
  out.push(...sectionSources(doc));
  const signature = doc.signature.trim() || doc.unit.signature.trim();
  if (signature) out.push({ section: 'signature', label: '署名', text: doc.signature.trim() ? doc.signature : doc.unit.signature });
  return out;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

const SENTENCE = /[^。！？!?\n]+[。！？!?]*|[。！？!?]+/g;
/** Several checks split the same texts, and the wizard re-runs them on mostly unchanged texts. */
const SENTENCE_CACHE_SIZE = 32;
const sentenceCache = new Map<string, readonly Readonly<Span>[]>();

/**
 * Sentences: split after 。！？ and at line breaks; the terminator stays with its sentence.
 * The result is shared between callers (cached per text): read it, do not change it.
 */
export function sentences(text: string): readonly Readonly<Span>[] {
  const hit = sentenceCache.get(text);
  if (hit) return hit;
  const out: Span[] = [];
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m; m = SENTENCE.exec(text)) {
    if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  if (sentenceCache.size >= SENTENCE_CACHE_SIZE) sentenceCache.delete(sentenceCache.keys().next().value!);
  sentenceCache.set(text, out);
  return out;
}

/** The sentence around a character position. */
export function sentenceAt(text: string, pos: number): Readonly<Span> {
  for (const s of sentences(text)) if (pos >= s.start && pos < s.end) return s;
  return { start: pos, end: pos, text: '' };
}

/**
 * Every match of a global pattern, like `text.matchAll(re)` but without cloning the pattern each
 * time (the checks run after every pause in typing). Nothing else may use `re` meanwhile.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex = re.unicode || re.flags.includes('v') ? advanceCodePoint(text, re.lastIndex) : re.lastIndex + 1;
  }
  re.lastIndex = 0;
  return out;
}

function advanceCodePoint(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
}

/** Lines with their offsets (headings are recognised line by line). */
export function lines(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ start, end: start + line.length, text: line });
    start += line.length + 1;
  }
  return out;
}

/** A number as written in a report: 12, １２, 十二, 两, 一百零五. */
export const NUMBER_SOURCE = '[0-9０-９]+|[零〇一二两三四五六七八九十百千]+';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export function parseNumber(raw: string): number | null {
  const s = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else {
      total += (digit || 1) * UNITS[ch]!;
      digit = 0;
    }
  }
  return total + digit;
}

/** Text with spaces removed (web copies are full of them: 「2020 年 1 月 1 日」). */
export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** Quote a passage in a message, shortened around the point of interest. */
export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/**
 * The sentence around words at [start, end), for a message: whole when short, otherwise a window
 * around the words so they are always visible.
 */
export function excerpt(text: string, start: number, end: number, max = 80): string {
  const s = sentenceAt(text, start);
  const sentence = text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
  if (sentence.length <= max) return sentence;
  const from = Math.max(s.start, start - Math.floor((max - (end - start)) / 3));
  const to = Math.min(s.end, from + max);
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > s.start ? '…' : ''}${body}${to < s.end ? '…' : ''}`;
}

/** FNV-1a: a short, stable fingerprint of the words a finding is about. */
export function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export type { Severity };

/**
 * A finding pointing at words in one text. The id rests on the rule, the place and the words (and
 * the sentence around them), not on the offset, so it survives edits elsewhere in the report.
 */
export function textFinding(rule: RuleId, message: string, src: TextSource, start: number, end: number, context?: string): Finding {
  const q = src.text.slice(start, end);
  return {
    rule,
    severity: severityOf(rule),
    message,
    cells: [],
    location: { section: src.section, start, end, quote: q },
    id: `${rule}:${src.section}:${fingerprint(compact(context ?? q) + '|' + compact(q))}`,
  };
}

/**
 * A finding about a whole section or the report (no words to point at). `severity` only for the
 * alternatives the registry lists for the rule (`alsoAs`).
 */
export function sectionFinding(rule: RuleId, message: string, section: string, cells: string[] = [], severity: Severity = severityOf(rule)): Finding {
  return { rule, severity, message, cells, location: { section, start: 0, end: 0, quote: '' }, id: `${rule}:${section}` };
}

/** Whether a position lies inside 《…》 (a document's name). */
export function insideBookTitle(text: string, pos: number): { start: number; end: number } | null {
  const open = text.lastIndexOf('《', pos);
  if (open < 0) return null;
  const closeBefore = text.lastIndexOf('》', pos);
  if (closeBefore > open) return null;
  const close = text.indexOf('》', pos);
  if (close < 0) return null;
  // Nested 《》 inside a 《…》 title: treat the outermost one as the document's name.
  return { start: open, end: close + 1 };
}
