// The facts layer's names: generic bodies (全省, 市政府), named towns as authors, 文号 and 《》 titles.
import { AUTHOR_TAILS, GENERIC_PLACE_PREFIXES, NOT_IN_PLACE_NAMES, NOT_PLACE_START } from './phrases';
import { NOT_PLACE_END } from './phrases-places';

export type BodyLevel = 'province' | 'city' | 'county' | 'township';

export interface BodyFact {
  start: number;
  end: number;
  name: string;
  level: BodyLevel;
  /** 全省/全市/全县 (the whole area), or an organ of it (市政府, 县政府办公室) */
  generic: boolean;
}

/** 全省、全市、市政府、县政府办公室…: a province, city or county as a body. */
const GENERIC_BODY_RE = /(全省|全市|全县|全区|(?:省|市|县|区)(?:人民)?政府(?:办公室|办)?|(?:省|市|县|区)政务公开办(?:公室)?)/g;

/**
 * A named 镇/乡/街道 (maybe after its county: 永安市小陶镇) right before the words of an author
 * (人民政府, 高度重视, 共, a year …): a town writing or doing something.
 */
export interface PlaceFact {
  /** where the name starts (after any peeled words) */
  start: number;
  end: number;
  /** the name as written: 小陶镇, 永安市小陶镇 */
  name: string;
  /** the words peeled off the front (请与, 联合 …): what the sentence does with the town */
  peeled: string[];
}

/** A 文号: issuer, the year in brackets, the number and 号 (国办公开办函〔2021〕30号, 某政发（2024）3号). */
export interface DocNumberFact {
  /** the opening bracket */
  start: number;
  /** just after 号 */
  end: number;
  open: string;
  close: string;
  year: string;
  no: string;
  /** the Chinese characters right before the bracket (up to 10, spaces between allowed): the issuer's 代字 */
  issuer: string;
  /** where `issuer` starts ('' issuer: the bracket) */
  issuerStart: number;
  /** spaces between the issuer and the bracket */
  gap: boolean;
}

const DOC_NUMBER_RE = /([〔【[［(（])\s*((?:19|20)\d{2})\s*([〕】\]］)）])\s*(\d{1,4})\s*号/g;
const HAN = /[\u4e00-\u9fa5]/;

export function readDocNumbers(text: string): DocNumberFact[] {
  const out: DocNumberFact[] = [];
  DOC_NUMBER_RE.lastIndex = 0;
  for (let m = DOC_NUMBER_RE.exec(text); m; m = DOC_NUMBER_RE.exec(text)) {
    let i = m.index;
    while (i > 0 && /\s/.test(text.charAt(i - 1))) i--;
    const gapStart = i;
    while (i > 0 && gapStart - i < 10 && HAN.test(text.charAt(i - 1))) i--;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      open: m[1]!,
      close: m[3]!,
      year: m[2]!,
      no: m[4]!,
      issuer: text.slice(i, gapStart),
      issuerStart: i,
      gap: gapStart < m.index,
    });
  }
  DOC_NUMBER_RE.lastIndex = 0;
  return out;
}

export interface TitleFact {
  start: number;
  end: number;
  /** the words inside 《》 */
  name: string;
}

/** Province, city, county or township names, and the generic 全省/市政府 forms. */

export function readBodies(text: string): BodyFact[] {
  const out: BodyFact[] = [];
  if (!/[省市县区]/.test(text)) return out;
  GENERIC_BODY_RE.lastIndex = 0;
  for (let m = GENERIC_BODY_RE.exec(text); m; m = GENERIC_BODY_RE.exec(text)) {
    const name = m[1]!;
    const ch = name.startsWith('全') ? name.charAt(1) : name.charAt(0);
    // 本市/该县 is not generic here; 县政府 after a place name (永安市人民政府) is the named city.
    const prev = text.charAt(m.index - 1);
    if (!name.startsWith('全') && /[\u4e00-\u9fa5]/.test(prev) && !/[在由向和与及、经对把将被为是即]/.test(prev)) continue;
    const level: BodyLevel = ch === '省' ? 'province' : ch === '市' ? 'city' : 'county';
    out.push({ start: m.index, end: m.index + name.length, name, level, generic: true });
  }
  GENERIC_BODY_RE.lastIndex = 0;
  return out;
}

/** A year after a unit's name (洪田镇2024年度……报告): the author of a report or of the year's work. */
const YEAR_TAIL = '(?:19|20)\\d{2}\\s*年';
const tails = [...AUTHOR_TAILS.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), YEAR_TAIL].join('|');
const PLACE_RE = new RegExp(
  `(?:^|[，。；：、！？\\s（）()“”"]|年|度|联系|请与|由|经|对|向|公布|发布|现将)((?:[\\u4e00-\\u9fa5]{1,4}?[市县区旗])?([\\u4e00-\\u9fa5]{1,4}?)(镇|乡|街道))(?=${tails})`,
  'g',
);

/** Where a PLACE_RE match can end: 镇/乡/街道 before one of the author words. */
const PLACE_END_RE = new RegExp(`(?:镇|乡|街道)(?=${tails})`, 'g');
/** No PLACE_RE match is longer: 2 (联系) + 5 (county) + 4 (stem) + 2 (街道) = 13 characters. */
const PLACE_MAX_LENGTH = 13;

/**
 * The matches of PLACE_RE in a text, as `text.matchAll(PLACE_RE)` gives them, but the pattern is
 * only tried near the places a match can end: scanning the whole text with it is slow.
 */
function placeMatches(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  PLACE_END_RE.lastIndex = 0;
  for (let end = PLACE_END_RE.exec(text); end; end = PLACE_END_RE.exec(text)) {
    const endsAt = end.index + end[0].length;
    if (endsAt <= from) continue;
    // Every match ends at such a place; none can start further back than its longest length.
    PLACE_RE.lastIndex = Math.max(from, endsAt - PLACE_MAX_LENGTH);
    const m = PLACE_RE.exec(text);
    if (!m) break;
    out.push(m);
    from = m.index + m[0].length;
    if (PLACE_END_RE.lastIndex < from) PLACE_END_RE.lastIndex = from;
  }
  PLACE_RE.lastIndex = 0;
  PLACE_END_RE.lastIndex = 0;
  return out;
}

export function readPlaces(text: string): PlaceFact[] {
  const out: PlaceFact[] = [];
  for (const m of placeMatches(text)) {
    let name = m[1]!;
    let stem = m[2]!;
    // No word boundaries in Chinese: peel verbs off the front (“请与霞美镇” → 霞美镇), and drop
    // what is left if it is no place name (“负责协调镇政府……”, “由镇党政办……”).
    const peeled: string[] = [];
    for (let again = true; again;) {
      again = false;
      for (const w of NOT_PLACE_START) {
        if (stem.startsWith(w) && name.startsWith(w)) {
          stem = stem.slice(w.length);
          name = name.slice(w.length);
          peeled.push(w);
          again = true;
        }
      }
    }
    if (!stem) continue;
    if (GENERIC_PLACE_PREFIXES.some((g) => stem === g || stem.startsWith(g))) continue;
    if (NOT_IN_PLACE_NAMES.test(stem)) continue;
    if (NOT_PLACE_END.some((w) => stem.endsWith(w))) continue;
    // One character before 镇/乡 is a word (以乡政务公开栏为补充), not a place's proper name.
    if (stem.length < 2) continue;
    const end = m.index + m[0].length;
    out.push({ start: end - name.length, end, name, peeled });
  }
  return out;
}

const TITLE_RE = /《([^《》\n]{1,80})》/g;

export function readTitles(text: string): TitleFact[] {
  const out: TitleFact[] = [];
  TITLE_RE.lastIndex = 0;
  for (let m = TITLE_RE.exec(text); m; m = TITLE_RE.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, name: m[1]! });
  TITLE_RE.lastIndex = 0;
  return out;
}
