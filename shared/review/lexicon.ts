// Typos in fixed terms (issue 19 §4): a word one character away from a term of the field, where
// that character sounds the same or looks alike (lexicon-confusion.ts), and
// the words as written are not themselves a term or an ordinary word: 依申情公开, 行政服议.
//
// The lexicon is every official label of shared/formats plus the terms of lexicon-terms.ts. It is
// indexed by the characters around each position of each term, so a text is read in one pass:
// at each character, the terms whose neighbours match are looked up, never the whole lexicon.
import { FORMATS } from '../formats/index';
import type { Finding } from '../report';
import type { Mark } from './facts';
import { factsOf, memo } from './facts';
import { confusion, type Confusion } from './lexicon-confusion';
import { FIXED_TERMS, ORDINARY_WORDS, SHORT_TERMS } from './lexicon-terms';
import type { RuleExamples } from './rule-examples';
import type { TextSource } from './text';
import { allMatches, excerpt, textFinding } from './text';

/** Slots under one key; `same` is their right character when they all have the same one. */
type SlotList = Slot[] & { same?: number };

/** A term and the position in it where a typo may be. */
interface Slot {
  term: string;
  i: number;
  right: string;
  rightCode: number;
  before: string;
  after: string;
}

interface Lexicon {
  terms: Set<string>;
  ordinary: Set<string>;
  /** the lengths of terms and ordinary words */
  allLengths: number[];
  /** each character's place in the alphabet of the terms (1…), 0 for one in no term */
  index: Uint16Array;
  /** position 1…L−2, keyed by the characters on both sides */
  mid: Map<number, SlotList>;
  /** position 0, keyed by the next two characters */
  head: Map<number, SlotList>;
  /** position L−1, keyed by the two characters before */
  tail: Map<number, SlotList>;
  /** two-character terms: position 0 keyed by the character after, position 1 by the one before */
  pair0: (SlotList | undefined)[];
  pair1: (SlotList | undefined)[];
  /** the keys of mid, head and tail, hashed into bits: a key whose bit is 0 is in none of them */
  keys: Uint8Array;
}

const MIN_TERM = 3;

/** Labels as terms: numbering and bracketed notes stripped, split at the brackets and commas. */
function labelTerms(label: string): string[] {
  const bare = label
    .replace(/^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[）)]|^\d+\./, '')
    .replace(/（单位：[^）]*）/, '')
    .trim();
  const out = [bare];
  for (const part of bare.split(/[（）()，、“”]/)) if (part.length >= MIN_TERM) out.push(part);
  return out;
}

/** Every official label of the formats (headings, aspects, table captions, rows, columns). */
export function formatLabels(): string[] {
  const out: string[] = [];
  for (const f of Object.values(FORMATS)) {
    out.push(f.name, ...labelTerms(f.t2.title), ...labelTerms(f.t3.title), ...labelTerms(f.t4.title), ...labelTerms(f.t3.applicantHeader));
    for (const s of f.sections) {
      out.push(...labelTerms(s.heading));
      for (const a of s.aspects ?? []) out.push(...labelTerms(a.title));
    }
    for (const b of f.t2.blocks) {
      out.push(...labelTerms(b.caption), ...labelTerms(b.firstHeader));
      for (const c of b.columns) out.push(...labelTerms(c.label));
      for (const r of b.rows) out.push(...labelTerms(r.label));
    }
    for (const c of f.t3.columns) out.push(...labelTerms(c.label), ...(c.group ? [c.group] : []));
    for (const r of f.t3.rows) for (const p of r.path) out.push(...labelTerms(p));
    for (const g of f.t4.groups) for (const p of g.path) out.push(...labelTerms(p));
    for (const c of f.t4.columns) out.push(...labelTerms(c.label));
  }
  return out;
}

let built: Lexicon | null = null;

/** Keys of two characters' places in the alphabet stay small integers (fast map keys). */
const ALPHABET = 4096;

/** A bit per hashed key: most characters' neighbours are in no key, and a bit is cheaper than a map. */
const FILTER_BITS = 1 << 16;
const filterBit = (k: number) => Math.imul(k, 0x9e3779b1) >>> 16;

function push(map: Map<number, SlotList>, k: number, slot: Slot, filter?: Uint8Array): void {
  if (filter) filter[filterBit(k) >>> 3]! |= 1 << (filterBit(k) & 7);
  const list = map.get(k);
  if (list) list.push(slot);
  else map.set(k, [slot]);
}

function lexicon(): Lexicon {
  if (built) return built;
  const terms = new Set<string>();
  for (const t of [...formatLabels(), ...FIXED_TERMS]) if (t.length >= MIN_TERM && /[\u4e00-\u9fa5]/.test(t)) terms.add(t);
  const index = new Uint16Array(0x10000);
  let letters = 0;
  const key = (a: number, b: number) => index[a]! * ALPHABET + index[b]!;
  const keys = new Uint8Array(FILTER_BITS / 8);
  const mid = new Map<number, SlotList>();
  const head = new Map<number, SlotList>();
  const tail = new Map<number, SlotList>();
  const pair0: (SlotList | undefined)[] = [];
  const pair1: (SlotList | undefined)[] = [];
  for (const t of SHORT_TERMS) terms.add(t);
  for (const term of terms) {
    const L = term.length;
    for (let i = 0; i < L; i++) if (!index[term.charCodeAt(i)]) index[term.charCodeAt(i)] = ++letters;
    for (let i = 0; i < L; i++) {
      const right = term.charAt(i);
      // Only a Chinese character can be mistyped for another one.
      if (!/[\u4e00-\u9fa5]/.test(right)) continue;
      const slot: Slot = { term, i, right, rightCode: right.charCodeAt(0), before: term.slice(0, i), after: term.slice(i + 1) };
      // The first character of a three-character term is too often the end of the word before
      // (事务公开 is not 五公开, 复议申请 not 依申请): three-character terms are read at their end only.
      if (L === 3 && i === 0) continue;
      if (L === 2) ((i === 0 ? pair0 : pair1)[index[term.charCodeAt(1 - i)]!] ??= []).push(slot);
      else if (i === 0) push(head, key(term.charCodeAt(1), term.charCodeAt(2)), slot, keys);
      else if (i === L - 1) push(tail, key(term.charCodeAt(L - 3), term.charCodeAt(L - 2)), slot, keys);
      else push(mid, key(term.charCodeAt(i - 1), term.charCodeAt(i + 1)), slot, keys);
    }
  }
  if (letters >= ALPHABET) throw new Error('lexicon: too many distinct characters for the index');
  for (const list of [...mid.values(), ...head.values(), ...tail.values(), ...pair0, ...pair1]) {
    if (list && list.every((x) => x.rightCode === list[0]!.rightCode)) list.same = list[0]!.rightCode;
  }
  const ordinary = new Set(ORDINARY_WORDS);
  built = {
    terms,
    ordinary,
    allLengths: [...new Set([...terms, ...ordinary].map((t) => t.length))].sort((a, b) => a - b),
    index,
    mid,
    head,
    tail,
    pair0,
    pair1,
    keys,
  };
  return built;
}

/** The number of terms in the lexicon (for the tests: several hundred). */
export function lexiconSize(): number {
  return lexicon().terms.size;
}

/**
 * Whether the words at q are right as written: a term or an ordinary word covers q and either
 * reaches outside the term's span (查阅电脑: 电脑 starts the next word) or stands where the term
 * itself has a word (制订 where 制定 is, 其它 where 其他 is). A word made inside the span across the
 * term's own words (主动工开: 动工) does not count.
 */
function rightAsWritten(text: string, q: number, start: number, term: string, lex: Lexicon): boolean {
  const isWord = (w: string) => lex.terms.has(w) || lex.ordinary.has(w);
  for (const L of lex.allLengths) {
    for (let s = Math.max(0, q - L + 1); s <= q && s + L <= text.length; s++) {
      const w = text.slice(s, s + L);
      if (!isWord(w)) continue;
      if (s < start || s + L > start + term.length) return true;
      if (isWord(term.slice(s - start, s - start + L))) return true;
    }
  }
  return false;
}

export interface TermTypo {
  start: number;
  end: number;
  /** the words as written */
  written: string;
  /** the term they stand for */
  term: string;
  /** the character written, and the right one */
  wrong: string;
  right: string;
  why: Confusion;
}

/** The longest term with a typo at position q: a slot whose other characters match the text. */
function bestSlot(text: string, q: number, slots: SlotList | undefined, best: Slot | null): Slot | null {
  if (!slots) return best;
  const written = text.charCodeAt(q);
  // The text has the right character where every slot of the list would have its typo (the usual case).
  if (slots.same === written) return best;
  const n = text.length;
  for (const slot of slots) {
    if (best && best.term.length >= slot.term.length) continue;
    const s = q - slot.i;
    if (written === slot.rightCode || s < 0 || s + slot.term.length > n) continue;
    if (!text.startsWith(slot.before, s) || !text.startsWith(slot.after, q + 1)) continue;
    if (confusion(slot.right, text.charAt(q))) best = slot;
  }
  return best;
}

/** Whether a key may be in the lexicon's maps (its bit is set). */
function mayHave(keys: Uint8Array, k: number): boolean {
  const b = filterBit(k);
  return (keys[b >>> 3]! & (1 << (b & 7))) !== 0;
}

/** The typos in fixed terms of one text, in order. */
export function findTermTypos(text: string): TermTypo[] {
  const lex = lexicon();
  const out: TermTypo[] = [];
  const n = text.length;
  const { index, keys } = lex;
  // Each character's place in the lexicon's alphabet (0: in no term), read once.
  const at = new Uint16Array(n + 3);
  for (let q = 0; q < n; q++) at[q + 1] = index[text.charCodeAt(q)]!;
  for (let q = 0; q < n; q++) {
    const c = text.charCodeAt(q);
    if (c < 0x4e00 || c > 0x9fa5) continue;
    const p1 = at[q]!;
    const n1 = at[q + 2]!;
    let best: Slot | null = null;
    if (p1 && n1 && mayHave(keys, p1 * ALPHABET + n1)) best = bestSlot(text, q, lex.mid.get(p1 * ALPHABET + n1), best);
    if (n1 && at[q + 3] && mayHave(keys, n1 * ALPHABET + at[q + 3]!)) best = bestSlot(text, q, lex.head.get(n1 * ALPHABET + at[q + 3]!), best);
    if (p1 && at[q - 1] && mayHave(keys, at[q - 1]! * ALPHABET + p1)) best = bestSlot(text, q, lex.tail.get(at[q - 1]! * ALPHABET + p1), best);
    if (!best && n1) best = bestSlot(text, q, lex.pair0[n1], best);
    if (!best && p1) best = bestSlot(text, q, lex.pair1[p1], best);
    if (!best) continue;
    const start = q - best.i;
    const end = start + best.term.length;
    // Words that are right as written: a term of their own, or an ordinary word (制订, 其它).
    if (rightAsWritten(text, q, start, best.term, lex)) continue;
    const wrong = text.charAt(q);
    out.push({ start, end, written: text.slice(start, end), term: best.term, wrong, right: best.right, why: confusion(best.right, wrong)! });
  }
  return out;
}

/**
 * 公式 (a formula) is an ordinary word, so the lexicon never reads it as 公示; where what comes
 * before or after can only be about making something public (资金公式, 已按规定公式, 公式栏), it is.
 * Not 公式化 (formulaic).
 */
const GONGSHI = /(?<=(?:资金|信息|名单|结果|决定|情况|事项|规定|予以|进行|张榜|及时|已|均|村务|政务|财务)[ \u3000]*)公式(?!化)|公式(?=栏|牌|期|公告|墙|专栏)/g;

function typoMarks(text: string): Mark[] {
  const gongshi: Mark[] = text.includes('公式')
    ? allMatches(GONGSHI, text).map((m) => ({
        start: m.index,
        end: m.index + 2,
        message: `中「${excerpt(text, m.index, m.index + 2)}」的“公式”应为“公示”（同音，像是打错了字），请改正。`,
        context: excerpt(text, m.index, m.index + 2),
      }))
    : [];
  return [
    ...gongshi,
    ...findTermTypos(text).map((t) => {
      const how = t.why === 'homophone' ? '同音' : t.why === 'near-homophone' ? '音近' : '形近';
      return {
        start: t.start,
        end: t.end,
        message: `中「${excerpt(text, t.start, t.end)}」的“${t.written}”应为“${t.term}”（“${t.wrong}”与“${t.right}”${how}，像是打错了字），请改正。`,
        context: excerpt(text, t.start, t.end),
      };
    }),
  ];
}

export function checkTermTypos(sources: readonly TextSource[]): Finding[] {
  const out: Finding[] = [];
  for (const src of sources) {
    if (src.section === 'signature') continue;
    for (const m of memo(factsOf(src.text), 'term-typos', () => typoMarks(src.text)))
      out.push(textFinding('review.typo', `${src.label}${m.message}`, src, m.start, m.end, m.context));
  }
  return out;
}

/** Wrong and right examples of the rule, run by test/unit/review-examples-b.test.ts. */
export const TERM_TYPO_EXAMPLES: RuleExamples = {
  rule: 'review.typo',
  wrong: [
    '全年共收到依申情公开申请4件。',
    '本年度未发生政府信息公开行政服议和行政诉讼案件。',
    '严格执行保密审查制度，及时更新政府信息公开指男。',
    '上年节转的申请均已办结。',
    '发布政策截读9篇。',
    { section: 'problems', text: '二是政务新煤体更新不及时。' },
    { section: 'other_matters', text: '本年度未收取信息处理废。' },
    '通过政府门户网战发布信息。',
    '部份公开的申请已按时答复。',
    '惠民资金公式9条。',
    '全年作出行政处罚决定3件，处罚信息已按规定公式。',
    '二是通过镇政府公式栏公布惠农补贴信息。',
    // Look-alikes of the lexicon's frequent characters (件仵伴, 年午).
    '全年新制发规范性文件1件，现行有效规范性文伴3件。',
    '政府信息公开工作午度报告已在门户网站发布。',
  ],
  right: [
    '全年共收到依申请公开申请4件。',
    '配备查阅电脑1台，方便群众查阅。',
    '严格执行信息发布保密审查制度，制订年度工作计划。',
    '其它事项按要求公开。',
    '加强政府信息源头管理。',
    '二是政策解读形式单一，存在公式化倾向。',
    '按照补贴计算公式核定发放金额。',
    '避免政务信息公式化、模板化。',
    '中午12时前完成当日信息的审核发布，每年度报告一次工作进展。',
  ],
};
