// The facts layer's structure: outline numbers, lines that read as headings, and the parts the report says it has.
import { SECTION_HEADINGS } from '../formats/common';
import { readNumber } from './facts-numbers';
import { compact } from './text';

export interface OutlineFact {
  /** where the number starts and ends (一、 / （一） / 1. / （1）) */
  start: number;
  end: number;
  level: 1 | 2 | 3 | 4;
  /** 1-based position it claims */
  n: number;
  raw: string;
  /** a bracket missing or mixed: “三)” “（三” “(三）” */
  malformed: boolean;
}

const OUTLINE_RE =
  /^[ \t\u3000]*(?:其中[：:][ \u3000]*)?(?:([一二三四五六七八九十]{1,3})[ \t\u3000]*[、.．](?![一二三四五六七八九十])|([（(]?)[ \t\u3000]*([一二三四五六七八九十]{1,3})[ \t\u3000]*([）)])|([0-9０-９]{1,2})[ \t\u3000]*[.．、](?!(?![0-9]{4}年)[0-9０-９])|([（(]?)[ \t\u3000]*([0-9０-９]{1,2})[ \t\u3000]*([）)]))/;

/** A line that reads as a part heading (一、… or （一）…): short, not a sentence. */
export interface HeadingFact {
  level: 1 | 2;
  /** the number as written (一, 十二) */
  number: string;
  /** the words after the number, without spaces and a closing 。/： */
  title: string;
  /** where the line's words start and end (spaces around left out) */
  start: number;
  end: number;
  /** the first line of the text with any words on it */
  first: boolean;
}

const LEVEL1 = /^\s*([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.+?)\s*$/;
const LEVEL2 = /^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*(.+?)\s*$/;

function headingOf(line: string, re: RegExp): { number: string; title: string } | null {
  const m = re.exec(line);
  if (!m) return null;
  const t = compact(m[2]!);
  // A heading is short and is not a sentence; “一、加强领导，落实责任” still counts.
  if (t.length > 36 || /。./.test(t)) return null;
  return { number: m[1]!, title: t.replace(/[。：:]$/, '') };
}

export interface PartsFact {
  start: number;
  end: number;
  /** the number of parts the report says it has */
  stated: number;
  /** the parts it lists (0 when it lists none) */
  listed: number;
  /** the count when the last listed item joins two parts with 和/及 */
  listedOr: number;
  /** the count when no item is read as two parts joined by 和/及 (依申请公开政府信息和不予公开政府信息情况 is one) */
  listedFew: number;
  /** the list as written ('' when none) and where it starts */
  list: string;
  listStart: number;
}

/**
 * The report describing its parts: 本报告由……六部分组成, 全文包括……共六个部分, 主要内容包含：……,
 * 报告分为六个部分. The number stands right before 部分 (not 部分公开).
 */
const PARTS_RE =
  /(?:本报告|本年度报告|本年报|报告全文|报告正文|全文|年度报告|报告|主要内容)[^。；\n《》]{0,12}?(?:由|分为?|分成|包括|包含|涵盖|共分为?|共有)([^。；\n]{0,160}?)(?:等)?(?:共|合计|总计|计)?([一二三四五六七八九十两0-9])(?:个|大)?部分(?!公开)(?:组成|内容|构成)?/g;

/** 行政复议、行政诉讼 is one part's name, not two parts. */
const ONE_PART_WITH_COMMA = /复议[、，,]\s*(提起)?(行政)?诉讼/g;
/** The listing starts after the last of these (本报告由党政办编制，……主要内容包含：……). */
const LISTING_VERB = /(?:由|分为?|分成|包括|包含|涵盖|共分为?|共有)/g;

/** The outline numbers, and (into `headings`) the lines that read as headings: one walk over the lines. */
export function readOutline(text: string, headings: HeadingFact[]): OutlineFact[] {
  const out: OutlineFact[] = [];
  let start = 0;
  let first = true;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const h1 = headingOf(line, LEVEL1);
    const h = h1 ?? headingOf(line, LEVEL2);
    if (h) {
      const at = start + (line.length - line.trimStart().length);
      headings.push({ level: h1 ? 1 : 2, number: h.number, title: h.title, start: at, end: start + line.trimEnd().length, first });
    }
    if (first && line.trim()) first = false;
    // A tab-indented line is a table row pasted as text (其中：1．…), not the outline.
    const m = line.includes('\t') ? null : OUTLINE_RE.exec(line);
    if (m) {
      const at = start + m.index + (m[0].length - m[0].trimStart().length);
      const raw = m[0].trim();
      if (m[1]) out.push({ start: at, end: start + m[0].length, level: 1, n: readNumber(m[1])!, raw, malformed: false });
      else if (m[3]) {
        const open = m[2]!;
        const close = m[4]!;
        // （一） or (一); “三)” and “(三）” are not how a heading is written.
        const malformed = !open || (open === '（') !== (close === '）');
        out.push({ start: at, end: start + m[0].length, level: 2, n: readNumber(m[3])!, raw, malformed });
      } else if (m[5]) out.push({ start: at, end: start + m[0].length, level: 3, n: readNumber(m[5])!, raw, malformed: false });
      else if (m[7]) {
        const open = m[6]!;
        const close = m[8]!;
        out.push({ start: at, end: start + m[0].length, level: 4, n: readNumber(m[7])!, raw, malformed: !open || (open === '（') !== (close === '）') });
      }
    }
    start = end + 1;
  }
  return out;
}

/**
 * The count first and the parts after it: 报告分为6个部分，即……; 本报告共四个部分，分别是……;
 * 本报告包括以下六个方面：一是……; 全文共五个部分.
 */
const PARTS_FIRST_RE =
  /(本报告|本年度报告|本年报|报告全文|报告正文|全文|年度报告|报告内容|报告)[^。；\n《》]{0,8}?(?:共分为?|共有|共|分为?|分成|包括|由)?(?:以下)?([一二三四五六七八九十两0-9])(?:个|大)?(部分|方面)(?!公开)(?:组成|内容|构成)?(?:[ \u3000]*[，,：:]?[ \u3000]*(?:即|分别是|分别为|依次为|依次是|具体为)[ \u3000]*[：:]?|[ \u3000]*[：:])?/g;

/** A part's number written before it in a listing: 一是, （一）, 1. */
const ITEM_NUMBER = /^[\s“”"]*(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十0-9]+[）)、.．])/;

/** The parts' names without their numbers (总体情况, 收到和处理政府信息公开申请情况 …). */
const PART_NAMES = Object.values(SECTION_HEADINGS).map((h) => h.replace(/^[一二三四五六七八九十]+、/, ''));

/** How much of a listed item's words a part's name holds (0–1), ignoring joining words. */
export function partOverlap(item: string, name: string): number {
  const a = item.replace(/^[（(]?[一二三四五六七八九十\d]+(?:是|[）)、.．])?/, '').replace(/[“”"‘’\s等的和及与以情况部分]/g, '');
  if (!a) return 0;
  let hit = 0;
  for (const ch of a) if (name.includes(ch)) hit++;
  return hit / a.length;
}

const namesPart = (item: string) => PART_NAMES.some((h) => partOverlap(item, h) >= 0.7 || partOverlap(h, item) >= 0.9);

/** Two parts joined by 和/及 in one item (主动公开政府信息情况和收到处理政府信息公开申请情况): both named. */
function splitJoined(item: string): string[] {
  for (const m of item.matchAll(/[和及与]/g)) {
    // Not the 和/及 of a part's own name (收到和处理……, 存在的主要问题及改进情况).
    if (
      PART_NAMES.some((h) => {
        const at = item.indexOf(h);
        return at >= 0 && m.index > at && m.index < at + h.length;
      })
    )
      continue;
    const a = item.slice(0, m.index);
    const b = item.slice(m.index + 1);
    if (a.length >= 8 && b.length >= 8 && namesPart(a) && namesPart(b)) return [a, b];
  }
  return [item];
}

function partsFact(start: number, end: number, stated: number, rawList: string, rawStart: number): PartsFact {
  let raw = rawList;
  let cut = 0;
  for (const v of raw.matchAll(LISTING_VERB)) cut = v.index + v[0].length;
  raw = raw.slice(cut);
  const lead = cut + /^[\s：:“”"]*/.exec(raw)![0].length;
  const list = raw.replace(/^[\s：:“”"]+|[\s”"]+$/g, '');
  // Parts are listed with 、 (or commas); 和/及 inside a part's name (收到和处理…) does not split it,
  // but may join the last two (A、B和C), so either count is accepted.
  const whole = list
    ? list
        .replace(ONE_PART_WITH_COMMA, '复议和诉讼')
        .split(/[、，,；;]/)
        .map((x) => x.replace(ITEM_NUMBER, ''))
        .filter((x) => x.replace(/[\s“”"等]/g, '').length >= 2)
    : [];
  // An item may join two parts with 和 (主动公开政府信息情况和收到处理……) or be one part whose name has
  // 和 in it (依申请公开政府信息和不予公开政府信息情况): both counts are readings of the list.
  const items = whole.flatMap(splitJoined);
  const listed = items.length >= 2 ? items.length : 0;
  // 和/及 inside a part's own name (收到和处理……, 存在的主要问题及改进情况) joins nothing.
  const last = listed ? PART_NAMES.reduce((t, h) => t.replace(h, ''), items[items.length - 1]!) : '';
  const joined = listed && /[和及与]/.test(last) ? listed + 1 : listed;
  return { start, end, stated, listed, listedOr: joined, listedFew: listed ? whole.length : 0, list: listed ? list : '', listStart: rawStart + lead };
}

export function readParts(text: string): PartsFact[] {
  const out: PartsFact[] = [];
  const first: { m: RegExpExecArray; listed: boolean }[] = [];
  for (const m of text.matchAll(PARTS_FIRST_RE)) first.push({ m, listed: /[：:即是为]$/.test(m[0].trimEnd()) });
  const overlaps = (start: number, end: number) => out.some((p) => start < p.end && p.start < end);
  // The count followed by its listing first, then the listing followed by its count, then a bare count.
  for (const { m, listed } of first) if (listed) addFirst(text, m, true, out);
  PARTS_RE.lastIndex = 0;
  for (let m = PARTS_RE.exec(text); m; m = PARTS_RE.exec(text)) {
    const stated = readNumber(m[2]!);
    if (stated === null || overlaps(m.index, m.index + m[0].length)) continue;
    out.push(partsFact(m.index, m.index + m[0].length, stated, m[1]!, m.index + m[0].lastIndexOf(m[1]!)));
  }
  PARTS_RE.lastIndex = 0;
  for (const { m, listed } of first) if (!listed && !overlaps(m.index, m.index + m[0].length)) addFirst(text, m, false, out);
  return out.sort((a, b) => a.start - b.start);
}

function addFirst(text: string, m: RegExpMatchArray, listed: boolean, out: PartsFact[]): void {
  const stated = readNumber(m[2]!);
  if (stated === null) return;
  // 方面 is the word of the five aspects of 一 too: only the report's own listing (本报告包括以下六个方面：……).
  if (m[3] === '方面' && !(listed && /^(本报告|本年度报告|全文|报告全文)$/.test(m[1]!))) return;
  const listStart = m.index! + m[0].length;
  let list = '';
  if (listed) {
    const stop = text.slice(listStart).search(/[。\n]/);
    list = text.slice(listStart, stop < 0 ? text.length : listStart + stop);
  }
  out.push(partsFact(m.index!, listStart + list.length, stated, list, listStart));
}
