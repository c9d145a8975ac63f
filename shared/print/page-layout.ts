// The printed page of the report (GB/T 9704-2012 as in spec §5), as plain numbers and pure
// functions. The Word writer and the on-screen preview both read this module, so the preview
// shows the same line breaks, indents and signature placement as the exported file.
// Pure TypeScript: no Node, no DOM, no docx.

/** 1 mm in twips (1/1440 inch). */
export const TWIPS_PER_MM = 1440 / 25.4;
export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);

export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginTopMm: 37,
  marginBottomMm: 35,
  marginLeftMm: 28,
  marginRightMm: 26,
  /** 版心 156 mm × 225 mm */
  textWidthMm: 156,
  textHeightMm: 225,
  linesPerPage: 22,
  charsPerLine: 28,
  /** the page number's line sits about 7 mm under the 版心 (std §7.5) */
  footerMm: 22,
  headerMm: 15,
} as const;

/** Type sizes in points (号 → pt, spec §5). */
export const SIZE = {
  xiaochu: 36,
  er: 22,
  san: 16,
  si: 14,
  xiaosi: 12,
  wu: 10.5,
  xiaowu: 9,
} as const;

/** Font names as Word and WPS know them; the preview adds fallbacks for other machines. */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  table: '宋体',
  /** digits and Latin letters (practice): half an em each, in Word's Times New Roman and in
   * LibreOffice's metric twin Liberation Serif alike, so a date measures the same everywhere */
  latin: 'Times New Roman',
} as const;

/** CSS font stacks for the preview: the Word font first, then what Windows, macOS and Linux have. */
export const CSS_FONT = {
  title: `"${FONT.title}", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif`,
  body: `"${FONT.body}", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif`,
  heading1: `"${FONT.heading1}", "SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`,
  heading2: `"${FONT.heading2}", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif`,
  song: `"${FONT.pageNumber}", "SimSun", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", serif`,
} as const;

/** Exact line pitch: 225 mm / 22 lines ≈ 28.9 pt (std §5.2.3). */
// Rounded down so 22 lines never overflow the 版心 by a fraction of a twip.
export const LINE_PITCH_TWIPS = Math.floor((mmToTwips(PAGE.heightMm) - mmToTwips(PAGE.marginTopMm) - mmToTwips(PAGE.marginBottomMm)) / PAGE.linesPerPage);
export const LINE_PITCH_PT = LINE_PITCH_TWIPS / 20;
/** Character pitch on the document grid: 156 mm / 28 characters ≈ 15.8 pt. */
export const CHAR_PITCH_PT = ((PAGE.textWidthMm / 25.4) * 72) / PAGE.charsPerLine;
/** The 版心 width as Word computes it from the page and margins (156 mm, give or take a twip of rounding). */
export const TEXT_WIDTH_TWIPS = mmToTwips(PAGE.widthMm) - mmToTwips(PAGE.marginLeftMm) - mmToTwips(PAGE.marginRightMm);
/** 1 字 at 3号 in twips, for indents (2 字 = first-line indent, 空2字 for the 署名). */
export const CHAR_TWIPS = SIZE.san * 20;
/** One cell of the character grid: the 版心 width over 28 (≈ 315.9 twips, 15.8 pt). */
export const CHAR_PITCH_TWIPS = TEXT_WIDTH_TWIPS / PAGE.charsPerLine;
/**
 * docGrid charSpace (1/4096 pt beyond the 16 pt body size): a hair under the exact pitch so Word's
 * floor(版心 ÷ pitch) is 28, never 27, and LibreOffice lays 28 characters in a line.
 */
export const GRID_BASE_PT = SIZE.san;
export const GRID_CHAR_SPACE = Math.floor((CHAR_PITCH_TWIPS / 20 - GRID_BASE_PT) * 4096) - 4;

/**
 * Table text: 5号, one exact line of 12.6 pt, cells padded 2.85 pt left and right, 1.4 pt top and
 * bottom; each row's rule (½ pt) adds to its height as Word and LibreOffice draw it.
 */
export const TABLE_TEXT = { fontPt: SIZE.wu, linePt: 12.6, paddingPt: 5.7, paddingYPt: 2.8, rulePt: 0.5 } as const;

/**
 * The page number's place (std §7.5): its line, 14 pt exact, starts 7 mm below the 版心, so the
 * footer's distance from the bottom edge is the bottom margin less 7 mm less that line.
 */
export const PAGE_NUMBER = {
  lineTwips: SIZE.si * 20,
  footerTwips: mmToTwips(PAGE.marginBottomMm - 7) - SIZE.si * 20,
} as const;

/** Width of a string in 字 (a CJK character = 1, ASCII = ½): how GB/T 9704 counts spaces. */
export function widthInChars(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

export type HeadingLevel = 0 | 1 | 2 | 3 | 4;

/** Level of a narrative line by its numbering: 一、 （一） 1. （1）; 0 = body text. */
export function headingLevel(line: string): HeadingLevel {
  if (/^[一二三四五六七八九十]{1,3}、/.test(line)) return 1;
  if (/^[（(][一二三四五六七八九十]{1,3}[）)]/.test(line)) return 2;
  if (/^(?:\d{1,2}|[０-９]{1,2})(?:[.．](?!\d)|、)/.test(line)) return 3;
  if (/^[（(]\d{1,2}[）)]/.test(line)) return 4;
  return 0;
}

/** "1、" and "１．" are written "1." (GB/T 9704 §7.3.3: the third level takes a full stop-dot). */
export function normaliseNumbering(line: string): string {
  return line
    .replace(/^(\d{1,2})(?:、|．)/, '$1.')
    .replace(/^([０-９]{1,2})[.．、]/, (_m, d: string) => `${String.fromCharCode(...[...d].map((c) => c.charCodeAt(0) - 0xfee0))}.`);
}

/** Width in 字 of a paragraph's first line: 28 字 less the 2 字 first-line indent. */
export const FIRST_LINE_CHARS = PAGE.charsPerLine - 2;

const NUMBERING = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．](?!\d)|[（(]\d{1,2}[）)])/;

/**
 * A heading line followed by text in the same paragraph ("（一）主动公开。本年度……"): the heading
 * style covers the words up to the first 。 or ：, and only while that phrase fits on the first
 * line; a longer lead-in is a sentence, not a heading, so only its number takes the style.
 */
export function splitHeading(line: string): { heading: string; rest: string } {
  const stop = line.search(/[。：:]/);
  if (stop >= 0 && stop < line.length - 1) {
    const phrase = line.slice(0, stop + 1);
    if (widthInChars(phrase) <= FIRST_LINE_CHARS) return { heading: phrase, rest: line.slice(stop + 1) };
    const number = NUMBERING.exec(line)?.[0] ?? '';
    return { heading: number, rest: line.slice(number.length) };
  }
  if (widthInChars(line) > FIRST_LINE_CHARS) {
    const number = NUMBERING.exec(line)?.[0] ?? '';
    return { heading: number, rest: line.slice(number.length) };
  }
  return { heading: line, rest: '' };
}

/** Latin letters, digits and their punctuation: the stretches Word should treat as en-US words. */
const LATIN = /[\u0021-\u007e\u00a0-\u024f]+(?:[ \u00a0][\u0021-\u007e\u00a0-\u024f]+)*/g;

/**
 * Splits text into East Asian and Latin stretches, so each run carries its own language tag:
 * a number, an e-mail address or a web address tagged en-US is one word and never broken.
 */
export function scriptRuns(text: string): { text: string; latin: boolean }[] {
  const out: { text: string; latin: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(LATIN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at), latin: false });
    out.push({ text: m[0], latin: true });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), latin: false });
  return out;
}

/**
 * A web or e-mail address (a Latin stretch with an 「@」, a 「/」 or a dotted domain): one that does
 * not fit at a line's end is broken where the line ends rather than moved whole to the next line,
 * which would letter-space the line before it wide. The Word file lets Word break it there
 * (w:wordWrap off: 允许西文在单词中间换行) and tags it zh-CN, so LibreOffice breaks it the same way;
 * the text itself stays as written (no zero-width spaces to carry into a copied address).
 * Numbers (telephone numbers, amounts, dates) stay whole.
 */
export function isAddress(latin: string): boolean {
  return /[@/]|[A-Za-z0-9]\.[A-Za-z]{2,}/.test(latin) && /[A-Za-z]/.test(latin);
}

/**
 * Body tracking in twips: 3号 tightened by 0.3 pt a character so 28 字 fill the 156 mm line
 * (std §5.2.3). The grid's cells (15.8 pt) are narrower than a 16 pt character, and LibreOffice
 * gives such a character two cells (14 字 a line), so body text does not snap to the character grid.
 */
export const BODY_TRACKING_TWIPS = Math.floor(TEXT_WIDTH_TWIPS / PAGE.charsPerLine - SIZE.san * 20) - 1;

/** The space Word and LibreOffice put between Chinese and a digit (自动调整中文与数字的间距): ⅕ em. */
export const AUTOSPACE_EM = 0.2;
/** The characters that take that space: Chinese characters, not full-width punctuation. */
export const IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * Advance widths (em) of Times New Roman (and its metric twin Liberation Serif) for printable
 * ASCII, from the font's metrics: 「.」 is a quarter em, 「@」 nearly a whole one.
 */
const TIMES_EM: Record<string, number> = Object.fromEntries([
  [' ', 0.25],
  ['!', 0.333],
  ['"', 0.408],
  ['#', 0.5],
  ['$', 0.5],
  ['%', 0.833],
  ['&', 0.778],
  ["'", 0.18],
  ['(', 0.333],
  [')', 0.333],
  ['*', 0.5],
  ['+', 0.564],
  [',', 0.25],
  ['-', 0.333],
  ['.', 0.25],
  ['/', 0.278],
  [':', 0.278],
  [';', 0.278],
  ['<', 0.564],
  ['=', 0.564],
  ['>', 0.564],
  ['?', 0.444],
  ['@', 0.921],
  ['[', 0.333],
  ['\\', 0.278],
  [']', 0.333],
  ['^', 0.469],
  ['_', 0.5],
  ['`', 0.333],
  ['{', 0.48],
  ['|', 0.2],
  ['}', 0.48],
  ['~', 0.541],
  ...[...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [
      0.722, 0.667, 0.667, 0.722, 0.611, 0.556, 0.722, 0.722, 0.333, 0.389, 0.722, 0.611, 0.889, 0.722, 0.722, 0.556, 0.722, 0.667, 0.556, 0.611, 0.722, 0.722,
      0.944, 0.722, 0.722, 0.611,
    ][i],
  ]),
  ...[...'abcdefghijklmnopqrstuvwxyz'].map((c, i) => [
    c,
    [
      0.444, 0.5, 0.444, 0.5, 0.444, 0.333, 0.5, 0.5, 0.278, 0.278, 0.5, 0.278, 0.778, 0.5, 0.5, 0.5, 0.5, 0.333, 0.389, 0.278, 0.5, 0.5, 0.722, 0.5, 0.5,
      0.444,
    ][i],
  ]),
] as [string, number][]);

/**
 * Printed width of a 3号 line in 字 (grid cells of 156 mm ÷ 28), from the real advances: a CJK
 * character or full-width mark 16 pt, a digit half an em and other Latin characters their Times
 * New Roman width, each less the body tracking, plus the automatic space at each change between
 * Chinese and a letter or digit.
 */
export function printedWidth(s: string): number {
  const pitch = TEXT_WIDTH_TWIPS / PAGE.charsPerLine;
  let w = 0;
  let prevAlnum = false;
  let prevIdeograph = false;
  for (const ch of s) {
    const latin = ch.charCodeAt(0) < 0x2000;
    w += ((latin ? SIZE.san * 20 * (TIMES_EM[ch] ?? 0.5) : SIZE.san * 20) + BODY_TRACKING_TWIPS) / pitch;
    // Only between a Chinese character and a letter or digit: not next to Latin punctuation
    // (「2.动」 has none), nor next to a full-width mark (「：2025」, 「2025。」 have none).
    const alnum = /[A-Za-z0-9]/.test(ch);
    const ideograph = IDEOGRAPH.test(ch);
    if ((alnum && prevIdeograph) || (ideograph && prevAlnum)) w += (AUTOSPACE_EM * SIZE.san * 20) / pitch;
    prevAlnum = alnum;
    prevIdeograph = ideograph;
  }
  return w;
}
