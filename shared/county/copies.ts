// 内容雷同 between townships: the same paragraph in two units' reports, the names swapped. Unit
// names are masked before comparing; paragraphs are indexed by sampled 4-character shingles, so
// only paragraphs sharing many shingles are compared in full (no all-pairs comparison of texts).
import { getFormat, isGovFormatId } from '../formats/index';
import type { ReportDoc } from '../report';
import { textSimilarity } from '../review/similarity';
import { cutQuote } from './labels';
import type { CountyFinding } from './types';

/** A paragraph this short is a formula (“本年度未收取信息处理费。”), not a copy. */
export const COPY_MIN_CHARS = 60;
/** 3-gram similarity (figures masked) from which two paragraphs count as the same text. */
export const COPY_THRESHOLD = 0.85;
const SHINGLE = 4;
/** Sampling keeps about one shingle in SAMPLE_MOD; a copy keeps the same samples. */
const SAMPLE_MOD = 3;

export interface CopyInput {
  entryId: string;
  unitName: string;
  fileName: string;
  doc: ReportDoc;
}

interface Paragraph {
  unit: number;
  section: string;
  heading: string;
  start: number;
  end: number;
  text: string;
  /** names and figures masked, for the full comparison */
  masked: string;
  samples: number[];
}

export interface CopyPair {
  a: { entryId: string; section: string; heading: string; start: number; end: number; quote: string };
  b: { entryId: string; section: string; heading: string; start: number; end: number; quote: string };
  similarity: number;
}

function sectionTexts(doc: ReportDoc): { section: string; heading: string; text: string }[] {
  if (isGovFormatId(doc.formatId))
    return getFormat(doc.formatId).sections.map((s) => ({ section: s.key, heading: s.heading, text: doc.sections[s.key] ?? '' }));
  return (doc.legacySections ?? []).map((s, i) => ({ section: `legacy.${i}`, heading: s.heading, text: s.text }));
}

const NOT_WORDING = /[\s\p{P}\p{S}]/gu;

function hashShingle(s: string, at: number): number {
  let h = 2166136261;
  for (let i = at; i < at + SHINGLE; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function paragraphsOf(unit: number, doc: ReportDoc, names: RegExp | null): Paragraph[] {
  const out: Paragraph[] = [];
  for (const { section, heading, text } of sectionTexts(doc)) {
    let pos = 0;
    for (const line of text.split('\n')) {
      const start = pos;
      pos += line.length + 1;
      const masked = (names ? line.replace(names, '＊') : line).replace(/[0-9０-９]+/g, '0');
      const wording = masked.replace(NOT_WORDING, '');
      if (wording.length < COPY_MIN_CHARS) continue;
      const samples = new Set<number>();
      for (let i = 0; i + SHINGLE <= wording.length; i++) {
        const h = hashShingle(wording, i);
        if (h % SAMPLE_MOD === 0) samples.add(h);
      }
      const lead = line.length - line.trimStart().length;
      out.push({ unit, section, heading, start: start + lead, end: start + line.trimEnd().length, text: line.trim(), masked, samples: [...samples] });
    }
  }
  return out;
}

/**
 * Pairs of paragraphs of different units that are the same text. A shingle found in many units'
 * reports is the county's common wording (a template sentence): it does not count as copying.
 */
export function findCopiedParagraphs(units: readonly CopyInput[], names: RegExp | null): CopyPair[] {
  const paragraphs: Paragraph[] = [];
  units.forEach((u, i) => paragraphs.push(...paragraphsOf(i, u.doc, names)));

  const postings = new Map<number, number[]>();
  paragraphs.forEach((p, pi) => {
    for (const h of p.samples) {
      let list = postings.get(h);
      if (!list) postings.set(h, (list = []));
      list.push(pi);
    }
  });
  const commonCap = Math.max(4, Math.ceil(units.length * 0.25));
  const common = new Set<number>();
  for (const [h, list] of postings) {
    const unitsWith = new Set(list.map((pi) => paragraphs[pi].unit));
    if (unitsWith.size > commonCap) common.add(h);
  }

  const pairs: CopyPair[] = [];
  const shared = new Map<number, number>();
  paragraphs.forEach((p, pi) => {
    const own = p.samples.filter((h) => !common.has(h));
    if (own.length < 4) return;
    shared.clear();
    for (const h of own) for (const qi of postings.get(h)!) if (qi > pi && paragraphs[qi].unit !== p.unit) shared.set(qi, (shared.get(qi) ?? 0) + 1);
    for (const [qi, n] of shared) {
      const q = paragraphs[qi];
      const qOwn = q.samples.length; // an upper bound is enough for the pre-filter
      if (n < 4 || n < 0.5 * Math.min(own.length, qOwn)) continue;
      const sim = textSimilarity(p.masked, q.masked);
      if (sim < COPY_THRESHOLD) continue;
      const side = (x: Paragraph) => ({ entryId: units[x.unit].entryId, section: x.section, heading: x.heading, start: x.start, end: x.end, quote: x.text });
      pairs.push({ a: side(p), b: side(q), similarity: sim });
    }
  });
  return pairs;
}

/**
 * The finding for one unit's paragraph that other units' reports also have: it quotes the closest
 * other text in full and names the rest (a paragraph passed round several townships is one finding).
 */
export function copyFinding(own: CopyPair['a'], others: { side: CopyPair['b']; unitName: string; fileName: string; similarity: number }[]): CountyFinding {
  const sorted = [...others].sort((x, y) => y.similarity - x.similarity);
  const best = sorted[0];
  const pct = Math.floor(best.similarity * 100);
  const same = pct >= 100 ? '完全相同（单位名称除外）' : `几乎相同（相似度${pct}%，单位名称和数字不计）`;
  const rest = sorted.slice(1).map((o) => o.unitName);
  const more = rest.length ? `；${rest.join('、')}的报告中也有这段文字` : '';
  return {
    rule: 'county.copied_text',
    severity: 'warning',
    message: `「${own.heading}」中的这段文字与${best.unitName}报告「${best.side.heading}」中的一段${same}${more}。本报告：“${cutQuote(own.quote)}”；${best.unitName}：“${cutQuote(best.side.quote)}”。乡镇之间照抄报告属于内容雷同，请按本单位当年的实际工作改写。`,
    cells: [],
    location: { section: own.section, start: own.start, end: own.end, quote: own.quote },
    id: `county.copied_text:${own.section}:${own.start}`,
    other: {
      entryId: best.side.entryId,
      unitName: best.unitName,
      fileName: best.fileName,
      section: best.side.section,
      start: best.side.start,
      end: best.side.end,
      quote: best.side.quote,
    },
  };
}
