// The facts layer's numbers: a number as written (12, 十二, 1.2万) and the quantities of a text (300余条, 近50件).
import type { Span } from './text';

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

const CLAUSE_MARKS = '，,；;：:、。！？!?\n（(）)';
/** The clause marks by character code, for the walk over every character of a text. */
const CLAUSE_MARK_CODES = new Set([...CLAUSE_MARKS].map((c) => c.charCodeAt(0)));

/** The characters a written number starts with. */
const NUMBER_CHARS = new Set('0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千万');
const PREFIX_BEFORE = /(近|约|逾|超过|大约|将近)$/;

export function readQuantities(text: string, ss: readonly Readonly<Span>[]): Quantity[] {
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
