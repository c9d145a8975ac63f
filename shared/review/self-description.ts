// Self-description (issue 19 §4): the report's sentence naming its parts (全文包括……六个部分,
// 本报告由……组成) against the parts the format has. The number is review.parts_count's
// (wording-outline.ts); this check reads the names listed: a part the report does not have
// (工作考核情况), or the parts in another order than the report's.
import { getFormat, isGovFormatId } from '../formats/index';
import type { Finding, ReportDoc } from '../report';
import type { PartsFact } from './facts';
import { factsOf, memo } from './facts';
import type { Mark } from './facts';
import type { RuleExamples } from './rule-examples';
import { LEGACY_PART_NAMES } from './phrases';
import type { TextSource } from './text';
import { excerpt, textFinding } from './text';

/** Words that carry no part's name (情况, joining words, quotes). */
const FILLER = /[“”"‘’\s等的和及与以情况部分]/g;

function bare(s: string): string {
  return s.replace(/^[（(]?[一二三四五六七八九十\d]+(?:是|[）)、.．])?/, '').replace(FILLER, '');
}

/** How much of an item's words a heading holds (0–1), ignoring filler. */
function overlap(item: string, heading: string): number {
  const a = bare(item);
  if (!a) return 0;
  let hit = 0;
  for (const ch of a) if (heading.includes(ch)) hit++;
  return hit / a.length;
}

/** The parts named in a listing, in order: the index of each heading matched, or -1 with the words. */
export function partsNamed(list: string, headings: readonly string[]): { index: number; words: string; at: number }[] {
  const out: { index: number; words: string; at: number }[] = [];
  // A heading written out whole first (行政复议、行政诉讼 has a 、 inside), then the rest item by item.
  const taken: [number, number, number][] = [];
  // Only a name standing between separators (政府信息公开工作总体情况 is one item, not two).
  headings.forEach((h, index) => {
    const at = list.indexOf(h);
    if (at >= 0 && /^$|[、，,；;和及与“"：:]$/.test(list.charAt(at - 1)) && /^$|^[、，,；;和及与”"等]/.test(list.charAt(at + h.length)))
      taken.push([at, at + h.length, index]);
  });
  let pos = 0;
  const pieces: { words: string; at: number; index?: number }[] = [];
  for (const [s, e, index] of taken.sort((a, b) => a[0] - b[0])) {
    if (s < pos) continue;
    pieces.push({ words: list.slice(pos, s), at: pos }, { words: list.slice(s, e), at: s, index });
    pos = e;
  }
  pieces.push({ words: list.slice(pos), at: pos });
  for (const p of pieces) {
    if (p.index !== undefined) {
      out.push({ index: p.index, words: p.words, at: p.at });
      continue;
    }
    let at = p.at;
    for (const raw of p.words.replace(/复议[、，,]((\s*提起)?\s*行政)?诉讼/g, (w) => w.replace(/[、，,]/, '和')).split(/[、，,；;]/)) {
      const words = raw.trim();
      const from = at;
      at += raw.length + 1;
      if (bare(words).length < 2) continue;
      let best = -1;
      let score = 0;
      headings.forEach((h, index) => {
        // The item's words are mostly the heading's, or the heading's are all in the item (因……被申请行政复议、提起行政诉讼情况).
        const o = Math.max(overlap(words, h), overlap(h, words) >= 0.9 ? 1 : 0);
        if (o > score) [best, score] = [index, o];
      });
      out.push({ index: score >= 0.7 ? best : -1, words, at: from });
    }
  }
  return out;
}

function headingsOf(formatId: string): string[] {
  return getFormat(formatId).sections.map((s) => s.heading.replace(/^[一二三四五六七八九十]+、/, ''));
}

function listingMarks(p: PartsFact, text: string, headings: readonly string[]): Mark[] {
  if (!p.list) return [];
  const named = partsNamed(p.list, headings);
  const out: Mark[] = [];
  const all = headings.join('、');
  const unknown = named.filter((n) => n.index < 0);
  // A listing by the pre-2019 outline (概述, 收费及减免) is review.legacy_heading's.
  if (unknown.some((n) => LEGACY_PART_NAMES.some((re) => re.test(n.words)))) return [];
  if (unknown.length) {
    const start = p.listStart + unknown[0]!.at;
    const last = unknown[unknown.length - 1]!;
    out.push({
      start,
      end: p.listStart + last.at + last.words.length,
      message: `中「${excerpt(text, p.start, p.end)}」列出的“${unknown.map((n) => n.words).join('”“')}”不是年度报告的部分。年度报告的${headings.length}个部分是：${all}。请按实际的部分改写这句话。`,
      context: text.slice(p.start, p.end),
    });
  }
  const order = named.filter((n) => n.index >= 0).map((n) => n.index);
  if (!out.length && order.some((x, i) => i > 0 && x < order[i - 1]!)) {
    out.push({
      start: p.start,
      end: p.end,
      message: `中「${excerpt(text, p.start, p.end)}」列出各部分的顺序与报告不一致。年度报告的部分依次是：${all}。请按这个顺序改写。`,
      context: text.slice(p.start, p.end),
    });
  }
  return out;
}

export function checkSelfDescription(doc: ReportDoc, sources: readonly TextSource[]): Finding[] {
  if (!isGovFormatId(doc.formatId)) return [];
  const formatId = doc.formatId;
  const headings = headingsOf(formatId);
  const out: Finding[] = [];
  for (const src of sources) {
    const facts = factsOf(src.text);
    if (!facts.parts.length) continue;
    for (const m of memo(facts, `self-description:${formatId}`, () => facts.parts.flatMap((p) => listingMarks(p, src.text, headings))))
      out.push(textFinding('review.self_description', `${src.label}${m.message}`, src, m.start, m.end, m.context));
  }
  return out;
}

/** Wrong and right examples of the rule, run by test/unit/review-examples-b.test.ts. */
export const SELF_DESCRIPTION_EXAMPLES: RuleExamples = {
  rule: 'review.self_description',
  wrong: [
    '全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、工作考核情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。',
    '本报告由总体情况、收到和处理政府信息公开申请情况、主动公开政府信息情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。',
  ],
  right: [
    '全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。',
    '本报告包括总体情况、主动公开、依申请公开、复议诉讼、问题和改进、其他事项六个部分。',
  ],
};

/** Examples of review.parts_count (wording-outline.ts) in the phrasings this module's facts read. */
export const PARTS_COUNT_EXAMPLES: RuleExamples = {
  rule: 'review.parts_count',
  wrong: [
    '报告分为6个部分，即总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、其他需要报告的事项。',
    '本报告包括以下六个方面：一是总体情况；二是主动公开政府信息情况；三是收到和处理政府信息公开申请情况；四是政府信息公开行政复议、行政诉讼情况；五是存在的主要问题及改进情况。',
    '现将本年度政府信息公开工作情况报告如下，全文共五个部分。',
    '本报告共四个部分，分别是总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况和存在的主要问题及改进情况。',
    // Five items, one of them two parts joined by 和: five or six, never four.
    '本报告包括总体情况、主动公开政府信息情况和收到处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项四个部分。',
  ],
  right: [
    '全文共六个部分。',
    '主要内容包含：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项共六个部分。',
    '报告期内，我镇从以下三个方面推进政务公开：一是完善制度；二是拓展平台；三是强化监督。',
    // One item with 和 in its own name (the pre-2019 part 依申请公开政府信息和不予公开政府信息情况): seven items.
    {
      text: '报告包括概述,主动公开政府信息情况,依申请公开政府信息和不予公开政府信息情况,政府信息公开的收费及减免情况,因政府信息公开申请行政复议、提起行政诉讼的情况,政府信息公开工作存在的主要问题及改进情况,其他需要报告的事项等7个部分。',
      formatId: 'gov-2019',
      source: 'http://www.zjqy.gov.cn/art/2021/1/27/art_1229387879_4441811.html',
    },
  ],
};
