// The facts layer of the review: each text is read once into typed facts with their positions —
// quantities, totals with their parts, dates (malformed ones too), names of bodies, 《》 titles,
// outline numbers, the report describing itself. The checks read these instead of scanning the text.
// Every scan is one linear pass with a simple pattern; results are cached per text.
import { AUTHOR_TAILS, GENERIC_PLACE_PREFIXES, NOT_IN_PLACE_NAMES, NOT_PLACE_START } from './phrases';
import type { Span, TextSource } from './text';
import { compact, sentences } from './text';

// ---------------------------------------------------------------------------------------------
// Numbers

const DIGIT_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A number as written: 12, １２, 1.5, 十二, 两百零五, 1.2万, 三万. null when it is not one. */
export function readNumber(raw: string): number | null {
  // Fast path: plain ASCII digits (most figures).
  let plain = raw.length > 0;
  for (let i = 0; i < raw.length && plain; i++) {
    const c = raw.charCodeAt(i);
    plain = c >= 48 && c <= 57;
  }
  if (plain) return Number(raw);
  let s = raw.replace(/[０-９．]/g, (d) => (d === '．' ? '.' : String.fromCharCode(d.charCodeAt(0) - 0xfee0))).replace(/,/g, '');
  let factor = 1;
  if (s.endsWith('万') && s.length > 1) {
    factor = 10000;
    s = s.slice(0, -1);
  }
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * factor;
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) return null;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGIT_DIGITS) digit = DIGIT_DIGITS[ch]!;
    else if (ch === '万') {
      total += (section + digit) * 10000;
      section = 0;
      digit = 0;
    } else {
      section += (digit || 1) * SMALL_UNITS[ch]!;
      digit = 0;
    }
  }
  return (total + section + digit) * factor;
}

/** Measure words a count or an amount is written with. Longer ones first. */
export const MEASURES = [
  '人次',
  '万元',
  '亿元',
  '件',
  '条',
  '个',
  '项',
  '次',
  '篇',
  '期',
  '名',
  '家',
  '处',
  '份',
  '宗',
  '起',
  '例',
  '场',
  '批',
  '户',
  '元',
] as const;
export type Measure = (typeof MEASURES)[number];

/** How exact a quantity is: 300余条 is more than 300, 近300条 a little less. */
export type Approx = 'exact' | 'more' | 'near' | 'about';

export interface Quantity {
  /** where the number (with 近/约 before it) starts, and where the measure word ends */
  start: number;
  end: number;
  value: number;
  /** the upper end of a range (3至5件), else value */
  upper: number;
  approx: Approx;
  measure: Measure;
  /** index of the sentence in the facts' `sentences` */
  sentence: number;
  /** where its clause starts (after ，；：、 or the sentence start) */
  clauseStart: number;
}

const NUM = '(?:[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万(?!元))?|[零〇一二两三四五六七八九十百千万]+)';
const MEASURE_ALT = MEASURES.join('|');
/**
 * One quantity: [近/约/…] number [至 number] [余/多] measure. The Chinese numeral must not be only
 * units (万元, 千方百计) and is not an ordinal (第一次) — both checked after the match.
 */
const QUANTITY_AT = new RegExp(`(${NUM})(?:\\s*(?:至|到|-|—|～|~)\\s*(${NUM}))?\\s*(余|多)?\\s*(${MEASURE_ALT})`, 'g');
/** Words after a measure that make it no count: 一次性, 一条龙, 个人, 条件, 件事 is fine. */
const NOT_A_COUNT_AFTER: Partial<Record<Measure, RegExp>> = {
  次: /^(性|数|要|序|日|年|月|会)/,
  条: /^(件|例|款|龙|线|理|目)/,
  个: /^(人|体|别|性|案)/,
  名: /^(称|义|单|册|录|额|誉)/,
  家: /^(庭|属|人|乡|园|风|长|门|底)/,
  处: /^(理|置|分|罚|室|长|于|在|级)/,
  份: /^(额|子)/,
  期: /^(间|限|满|待|末|初|望|内|刊)/,
  起: /^(来|草|诉|到|始|因|点)/,
  项: /^(目)/,
  件: /^(事项|中)/,
  元: /^(旦|素|宵)/,
  户: /^(籍|口|外)/,
  场: /^(所|景|地|合|面)/,
  批: /^(准|复|示|评|次|量)/,
  例: /^(如|会|行|外)/,
};
const ONLY_UNITS = /^[十百千万]+$/;

// ---------------------------------------------------------------------------------------------
// Dates

export interface DateFact {
  start: number;
  end: number;
  /** as written, digits only where given */
  year?: number;
  yearDigits?: number;
  month?: number;
  day?: number;
  /** why it cannot be a date, in Chinese, or '' */
  problem: string;
}

const DATE_RE =
  /(?<![0-9０-９])([0-9]{1,6})[ \u3000]*年(?:[ \u3000]*度)?(?:[ \u3000]*([0-9]{1,3})[ \u3000]*(月份?|日))?(?:[ \u3000]*([0-9]{1,3})[ \u3000]*日)?|(?<![0-9年])([0-9]{1,3})[ \u3000]*月(?:[ \u3000]*([0-9]{1,3})[ \u3000]*日)?/g;

function daysIn(month: number, year?: number): number {
  if (month === 2) return year === undefined ? 29 : (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// ---------------------------------------------------------------------------------------------
// Names of bodies, titles, outline numbers, the report describing itself

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

/** A year mention: four digits (19xx/20xx) and 年, maybe with spaces between (web copies). */
export interface YearFact {
  /** the first digit */
  start: number;
  /** just after 年 */
  end: number;
  year: number;
}

/** “YYYY年1月1日至YYYY年12月31日”: the statistics period written out, with both years. */
export interface PeriodFact {
  start: number;
  end: number;
  from: number;
  /** the second year (the first one when the second is left out: 2025年1月1日至12月31日) */
  to: number;
}

const YEAR = '(?:19|20)\\d{2}';
/** Spaces inside a line (web copies: 「2020 年 1 月」), never a line break. */
const SP = '[ \\t\\u3000\\u00a0]*';
const YEAR_MENTION_RE = new RegExp(`(${YEAR})(?=${SP}年)`, 'g');
const PERIOD_RE = new RegExp(
  `(${YEAR})${SP}年${SP}(?:度${SP})?1${SP}月${SP}1${SP}日${SP}(?:起${SP})?(?:至|到|—|–|-|~|～|－)${SP}(?:(${YEAR})${SP}年${SP})?12${SP}月${SP}31${SP}日${SP}止?`,
  'g',
);

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

function readDocNumbers(text: string): DocNumberFact[] {
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
  /^[ \t\u3000]*(?:其中[：:][ \u3000]*)?(?:([一二三四五六七八九十]{1,3})[ \t\u3000]*[、.．](?![一二三四五六七八九十])|([（(]?)[ \t\u3000]*([一二三四五六七八九十]{1,3})[ \t\u3000]*([）)])|([0-9０-９]{1,2})[ \t\u3000]*[.．、](?![0-9０-９])|([（(]?)[ \t\u3000]*([0-9０-９]{1,2})[ \t\u3000]*([）)]))/;

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
}

const PARTS_RE =
  /(?:本报告|本年度报告|报告全文|年度报告)[^。；\n]{0,12}?(?:由|分为?|包括|共分为?)([^。；\n]{0,80}?)(?:等)?(?:共)?([一二三四五六七八九十两0-9])个?部分(?:组成|内容)?/g;

// ---------------------------------------------------------------------------------------------

export interface SourceFacts {
  text: string;
  sentences: readonly Readonly<Span>[];
  quantities: Quantity[];
  dates: DateFact[];
  years: YearFact[];
  periods: PeriodFact[];
  bodies: BodyFact[];
  places: PlaceFact[];
  titles: TitleFact[];
  docNumbers: DocNumberFact[];
  outline: OutlineFact[];
  headings: HeadingFact[];
  parts: PartsFact[];
}

const FACTS_CACHE_SIZE = 48;
const factsCache = new Map<string, SourceFacts>();

/** The facts of one text, read once (cached per text: read them, do not change them). */
export function factsOf(text: string): SourceFacts {
  const hit = factsCache.get(text);
  if (hit) return hit;
  const ss = sentences(text);
  const headings: HeadingFact[] = [];
  const facts: SourceFacts = {
    text,
    sentences: ss,
    quantities: readQuantities(text, ss),
    dates: /[年月]/.test(text) ? readDates(text) : [],
    years: text.includes('年') ? readYears(text) : [],
    periods: text.includes('12') ? readPeriods(text) : [],
    bodies: readBodies(text),
    places: /[镇乡]|街道/.test(text) ? readPlaces(text) : [],
    titles: text.includes('《') ? readTitles(text) : [],
    docNumbers: text.includes('号') ? readDocNumbers(text) : [],
    outline: readOutline(text, headings),
    headings,
    parts: text.includes('部分') ? readParts(text) : [],
  };
  if (factsCache.size >= FACTS_CACHE_SIZE) factsCache.delete(factsCache.keys().next().value!);
  factsCache.set(text, facts);
  return facts;
}

/** The facts of each source, in order. */
export function sourceFacts(sources: readonly TextSource[]): { src: TextSource; facts: SourceFacts }[] {
  return sources.map((src) => ({ src, facts: factsOf(src.text) }));
}

const CLAUSE_MARKS = '，,；;：:、。！？!?\n（(）)';
/** The clause marks by character code, for the walk over every character of a text. */
const CLAUSE_MARK_CODES = new Set([...CLAUSE_MARKS].map((c) => c.charCodeAt(0)));

/** The characters a written number starts with. */
const NUMBER_CHARS = new Set('0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千万');
const PREFIX_BEFORE = /(近|约|逾|超过|大约|将近)$/;

function readQuantities(text: string, ss: readonly Readonly<Span>[]): Quantity[] {
  const out: Quantity[] = [];
  let si = 0;
  // The last clause mark before the current match, found by one forward walk over the text.
  let walked = 0;
  let lastMark = -1;
  // The pattern starts with the number itself (a leading optional 近/约 makes the scan slow);
  // the words before it are looked at afterwards.
  QUANTITY_AT.lastIndex = 0;
  for (let m = QUANTITY_AT.exec(text); m; m = QUANTITY_AT.exec(text)) {
    const k = m.index;
    if (k > 0 && NUMBER_CHARS.has(text.charAt(k - 1))) continue;
    const raw = m[1]!;
    const measure = m[4] as Measure;
    const numStart = k;
    const prefix = PREFIX_BEFORE.exec(text.slice(Math.max(0, k - 2), k))?.[1];
    const start = k - (prefix?.length ?? 0);
    const end = k + m[0].length;
    if (ONLY_UNITS.test(raw) && raw !== '十') continue;
    // Part of a longer number or word: “第一次”, “3.5” after a digit are not counts.
    const prev = text.charAt(numStart - 1);
    if (prev === '第' || prev === '.') continue;
    const after = text.slice(end, end + 3);
    if (NOT_A_COUNT_AFTER[measure]?.test(after)) continue;
    // 元/万元 after a Chinese numeral word is seldom money (一元化, 多元).
    if ((measure === '元' || measure === '万元') && !/[0-9０-９]/.test(raw)) continue;
    const value = readNumber(raw);
    if (value === null) continue;
    const upper = m[2] ? (readNumber(m[2]) ?? value) : value;
    while (si < ss.length - 1 && ss[si]!.end <= start) si++;
    for (; walked < start; walked++) if (CLAUSE_MARK_CODES.has(text.charCodeAt(walked))) lastMark = walked;
    const sStart = ss[si]?.start ?? 0;
    const cs = lastMark;
    const approx: Approx = m[3]
      ? 'more'
      : prefix === '近' || prefix === '将近'
        ? 'near'
        : prefix
          ? prefix === '逾' || prefix === '超过'
            ? 'more'
            : 'about'
          : 'exact';
    out.push({ start, end, value, upper, approx, measure, sentence: si, clauseStart: Math.max(cs + 1, sStart) });
  }
  QUANTITY_AT.lastIndex = 0;
  return out;
}

function readDates(text: string): DateFact[] {
  const out: DateFact[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const f: DateFact = { start: m.index, end: m.index + m[0].length, problem: '' };
    if (m[1] !== undefined) {
      const yd = m[1].length;
      // Only 4 digits, or 5–6 that start like a year (202525年), are years; 100年, 12345 are not.
      if (yd < 4 && !m[2]) continue;
      if (yd > 4 && !/^(19|20)/.test(m[1])) continue;
      if (yd < 4) continue;
      f.year = Number(m[1]);
      f.yearDigits = yd;
      if (m[2] !== undefined) {
        if (m[3] === '日') {
          f.day = Number(m[2]);
          f.problem = `“${m[0].trim()}”缺少月份`;
        } else f.month = Number(m[2]);
      }
      if (m[4] !== undefined) f.day = Number(m[4]);
      if (yd !== 4) f.problem = `年份“${m[1]}”不是4位数`;
    } else {
      f.month = Number(m[5]);
      if (m[6] !== undefined) f.day = Number(m[6]);
    }
    if (!f.problem && f.month !== undefined && (f.month < 1 || f.month > 12)) f.problem = `没有${f.month}月`;
    if (!f.problem && f.day !== undefined && f.month !== undefined && (f.day < 1 || f.day > daysIn(f.month, f.year))) {
      f.problem = `${f.year ? `${f.year}年` : ''}${f.month}月没有${f.day}日`;
    }
    out.push(f);
  }
  DATE_RE.lastIndex = 0;
  return out;
}

function readYears(text: string): YearFact[] {
  const out: YearFact[] = [];
  YEAR_MENTION_RE.lastIndex = 0;
  for (let m = YEAR_MENTION_RE.exec(text); m; m = YEAR_MENTION_RE.exec(text)) {
    out.push({ start: m.index, end: text.indexOf('年', m.index + 4) + 1, year: Number(m[1]) });
  }
  YEAR_MENTION_RE.lastIndex = 0;
  return out;
}

function readPeriods(text: string): PeriodFact[] {
  const out: PeriodFact[] = [];
  PERIOD_RE.lastIndex = 0;
  for (let m = PERIOD_RE.exec(text); m; m = PERIOD_RE.exec(text)) {
    const from = Number(m[1]);
    out.push({ start: m.index, end: m.index + m[0].length, from, to: m[2] ? Number(m[2]) : from });
  }
  PERIOD_RE.lastIndex = 0;
  return out;
}

/** Province, city, county or township names, and the generic 全省/市政府 forms. */

function readBodies(text: string): BodyFact[] {
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

function readPlaces(text: string): PlaceFact[] {
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
    const end = m.index + m[0].length;
    out.push({ start: end - name.length, end, name, peeled });
  }
  return out;
}

const TITLE_RE = /《([^《》\n]{1,80})》/g;

function readTitles(text: string): TitleFact[] {
  const out: TitleFact[] = [];
  TITLE_RE.lastIndex = 0;
  for (let m = TITLE_RE.exec(text); m; m = TITLE_RE.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, name: m[1]! });
  TITLE_RE.lastIndex = 0;
  return out;
}

/** The outline numbers, and (into `headings`) the lines that read as headings: one walk over the lines. */
function readOutline(text: string, headings: HeadingFact[]): OutlineFact[] {
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

function readParts(text: string): PartsFact[] {
  const out: PartsFact[] = [];
  PARTS_RE.lastIndex = 0;
  for (let m = PARTS_RE.exec(text); m; m = PARTS_RE.exec(text)) {
    const stated = readNumber(m[2]!);
    if (stated === null) continue;
    const list = m[1]!.replace(/^[\s：:“”"]+|[\s”"]+$/g, '');
    // Parts are listed with 、 (or commas); 和/及 inside a part's name (收到和处理…) does not split it,
    // but may join the last two (A、B和C), so either count is accepted.
    const items = list ? list.split(/[、，,；;]/).filter((x) => x.replace(/[\s“”"等]/g, '').length >= 2) : [];
    const listed = items.length >= 2 ? items.length : 0;
    const joined = listed && /[和及与]/.test(items[items.length - 1]!) ? listed + 1 : listed;
    out.push({ start: m.index, end: m.index + m[0].length, stated, listed, listedOr: joined });
  }
  PARTS_RE.lastIndex = 0;
  return out;
}

/** The text of the clause a position is in (from the last ，；： before it, within its sentence). */
export function clauseBefore(facts: SourceFacts, q: Quantity): string {
  return facts.text.slice(q.clauseStart, q.start);
}

/**
 * What a check works out from a text alone (marks with their positions), kept with the text's facts
 * so an unchanged text is not scanned again. `key` names the check (and anything else it depends on).
 */
const memos = new WeakMap<SourceFacts, Map<string, unknown>>();
export function memo<T>(facts: SourceFacts, key: string, compute: () => T): T {
  let byKey = memos.get(facts);
  if (!byKey) memos.set(facts, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = compute();
  byKey.set(key, value);
  return value;
}

/** A place in a text a check reports, with the message after the place's label. */
export interface Mark {
  start: number;
  end: number;
  /** the message without the leading place label (「一、总体情况」中…) */
  message: string;
  /** the words the finding id rests on (the sentence around the mark) */
  context?: string;
}
