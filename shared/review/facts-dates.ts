// The facts layer's dates: dates as written (malformed ones too), year mentions and the statistics period.
import { readNumber } from './facts-numbers';

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

// Months and days after a year may be written in Chinese numerals (2025年二月三十日); 2025-02-30,
// 2025.2.30 and 2025/2/30 are dates too.
const DATE_RE =
  /(?<![0-9０-９])([0-9]{1,6})[ \u3000]*年(?:[ \u3000]*度)?(?:[ \u3000]*([0-9]{1,3}|[一二三四五六七八九十]{1,3})[ \u3000]*(月份?|日))?(?:[ \u3000]*([0-9]{1,3}|[一二三四五六七八九十]{1,3})[ \u3000]*日)?|(?<![0-9年])([0-9]{1,3})[ \u3000]*月(?:[ \u3000]*([0-9]{1,3})[ \u3000]*日)?|(?<![0-9０-９.\-/])((?:19|20)[0-9]{2})([-./])([0-9]{1,2})\8([0-9]{1,2})(?![0-9０-９])/g;
const CN_NUMBER = /^[一二三四五六七八九十]+$/;
function dateNumber(raw: string): number {
  return CN_NUMBER.test(raw) ? readNumber(raw)! : Number(raw);
}

function daysIn(month: number, year?: number): number {
  if (month === 2) return year === undefined ? 29 : (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

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

export function readDates(text: string): DateFact[] {
  const out: DateFact[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const f: DateFact = { start: m.index, end: m.index + m[0].length, problem: '' };
    if (m[7] !== undefined) {
      f.year = Number(m[7]);
      f.yearDigits = 4;
      f.month = Number(m[9]);
      f.day = Number(m[10]);
    } else if (m[1] !== undefined) {
      const yd = m[1].length;
      // Only 4 digits, or 5–6 that start like a year (202525年), are years; 100年, 12345 are not.
      if (yd < 4 && !m[2]) continue;
      if (yd > 4 && !/^(19|20)/.test(m[1])) continue;
      if (yd < 4) continue;
      f.year = Number(m[1]);
      f.yearDigits = yd;
      if (m[2] !== undefined) {
        if (m[3] === '日') {
          f.day = dateNumber(m[2]);
          f.problem = `“${m[0].trim()}”缺少月份`;
        } else f.month = dateNumber(m[2]);
      }
      if (m[4] !== undefined) f.day = dateNumber(m[4]);
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

export function readYears(text: string): YearFact[] {
  const out: YearFact[] = [];
  YEAR_MENTION_RE.lastIndex = 0;
  for (let m = YEAR_MENTION_RE.exec(text); m; m = YEAR_MENTION_RE.exec(text)) {
    out.push({ start: m.index, end: text.indexOf('年', m.index + 4) + 1, year: Number(m[1]) });
  }
  YEAR_MENTION_RE.lastIndex = 0;
  return out;
}

export function readPeriods(text: string): PeriodFact[] {
  const out: PeriodFact[] = [];
  PERIOD_RE.lastIndex = 0;
  for (let m = PERIOD_RE.exec(text); m; m = PERIOD_RE.exec(text)) {
    const from = Number(m[1]);
    out.push({ start: m.index, end: m.index + m[0].length, from, to: m[2] ? Number(m[2]) : from });
  }
  PERIOD_RE.lastIndex = 0;
  return out;
}
