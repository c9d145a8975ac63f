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

// Word boundaries for the title: a line break never cuts these apart.
const PLACE_SUFFIX = /(自治区|自治州|自治县|特别行政区|街道办事处|人民政府|办事处|委员会|办公室|管理委员会|省|市|州|盟|地区|县|旗|区|镇|乡|街道|局|厅|委|办)/g;

const ORGAN_KIND = /^(人民政府|街道办事处|办事处|管理委员会|委员会)$/;

/** Splits a title into unbreakable words: place names by their suffixes, then the report's name. */
export function titleWords(title: string): string[] {
  const tail = /(\d{4}年)?(政府信息公开工作年度报告)$/.exec(title);
  let head = title;
  const tailWords: string[] = [];
  if (tail) {
    // 「2025年政府信息公开工作年度报告」 is the report's name: one word (16 字 fits any 2号 line).
    head = title.slice(0, tail.index);
    tailWords.push(tail[0]);
  }
  const words: string[] = [];
  let last = 0;
  for (const m of head.matchAll(PLACE_SUFFIX)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end > last) {
      words.push(head.slice(last, end));
      last = end;
    }
  }
  if (last < head.length) words.push(head.slice(last));
  // The organ is its place and its kind together: 「小陶镇人民政府」, 「城关街道办事处」 never part.
  const organ: string[] = [];
  for (const w of words.filter((x) => x.length > 0)) {
    if (ORGAN_KIND.test(w) && organ.length > 0) organ[organ.length - 1] += w;
    else organ.push(w);
  }
  return [...organ, ...tailWords];
}

/**
 * Breaks a title into centred lines that fit `maxChars` (2号 on the 156 mm 版心: 20 字), keeping
 * words whole and the lines balanced, in a trapezoid (short over long) or diamond shape (std §7.3.1).
 * The natural break between the 机关名称 and 「{年}年政府信息公开工作年度报告」 is preferred.
 */
export function titleLines(title: string, maxChars = Math.floor(TEXT_WIDTH_TWIPS / (SIZE.er * 20))): string[] {
  const text = title.trim();
  if (widthInChars(text) <= maxChars) return [text];
  let words = titleWords(text);
  // A word longer than a line (unusual names) is broken between its own words (Intl.Segmenter).
  words = words.flatMap((w) => (widthInChars(w) <= maxChars ? [w] : labelLines(w, maxChars)));
  const tailMatch = /(\d{4}年)?政府信息公开工作年度报告$/.exec(text);
  const unitEnd = tailMatch ? tailMatch.index : -1;

  let best: { lines: string[]; score: number } | null = null;
  const n = words.length;
  // Try every way to cut the word list into lines (titles have < 20 words; lines ≤ 4).
  const search = (start: number, lines: string[]) => {
    if (lines.length > 4) return;
    if (start === n) {
      const score = shapeScore(lines, unitEnd);
      if (!best || score < best.score) best = { lines: [...lines], score };
      return;
    }
    let line = '';
    for (let i = start; i < n; i++) {
      line += words[i];
      if (widthInChars(line) > maxChars) break;
      lines.push(line);
      search(i + 1, lines);
      lines.pop();
    }
  };
  search(0, []);
  return best ? (best as { lines: string[] }).lines : [text];
}

function shapeScore(lines: string[], unitEnd: number): number {
  const widths = lines.map(widthInChars);
  const max = Math.max(...widths);
  const min = Math.min(...widths);
  // Fewer lines first, then balance, then shape.
  let score = lines.length * 1000 + (max - min) * 10;
  // Acceptable shapes: a trapezoid (each line at least as long as the one above) or a diamond
  // (lines grow, then shrink once at the end). Inverted trapezoids and hourglasses are not.
  const peak = widths.indexOf(max);
  const rising = widths.slice(0, peak + 1).every((w, i) => i === 0 || w >= widths[i - 1]);
  const falling = widths.slice(peak).every((w, i, a) => i === 0 || w <= a[i - 1]);
  const diamond = peak > 0 && peak < widths.length - 1;
  if (!(rising && (peak === widths.length - 1 || (diamond && falling)))) score += 80;
  // Breaking right after the 机关名称 reads naturally: 「某某镇人民政府」／「2025年政府信息公开工作年度报告」.
  if (unitEnd > 0) {
    let pos = 0;
    for (const l of lines.slice(0, -1)) {
      pos += l.length;
      if (pos === unitEnd) score -= 40;
    }
  }
  return score;
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
 * Body tracking in twips: 3号 tightened by 0.3 pt a character so 28 字 fill the 156 mm line
 * (std §5.2.3). The grid's cells (15.8 pt) are narrower than a 16 pt character, and LibreOffice
 * gives such a character two cells (14 字 a line), so body text does not snap to the character grid.
 */
export const BODY_TRACKING_TWIPS = Math.floor(TEXT_WIDTH_TWIPS / PAGE.charsPerLine - SIZE.san * 20) - 1;

/** The space Word and LibreOffice put between Chinese and a digit (自动调整中文与数字的间距): ⅕ em. */
export const AUTOSPACE_EM = 0.2;

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
  let prevLatin: boolean | null = null;
  let prevAlnum = false;
  for (const ch of s) {
    const latin = ch.charCodeAt(0) < 0x2000;
    w += ((latin ? SIZE.san * 20 * (TIMES_EM[ch] ?? 0.5) : SIZE.san * 20) + BODY_TRACKING_TWIPS) / pitch;
    // Only letters and digits get the space, not the punctuation next to them (「2.动」 has none).
    const alnum = /[A-Za-z0-9]/.test(ch);
    if (prevLatin !== null && prevLatin !== latin && ch !== ' ' && (latin ? alnum : prevAlnum)) w += (AUTOSPACE_EM * SIZE.san * 20) / pitch;
    prevLatin = latin;
    prevAlnum = alnum;
  }
  return w;
}

// Closing marks stay with the word before them, opening marks with the word after (避头尾).
const CLOSING_MARK = /^[，。、：；？！）》」』】”’％%.,;:!?)\]]+$/u;
const OPENING_MARK = /^[（《「『【“‘([]+$/u;
const SINGLE_HAN = /^[\u4e00-\u9fff]$/u;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/**
 * A label cut into words by Intl.Segmenter's dictionary (the one browsers use): 「法规」, 「案卷」,
 * 「数量」 stay whole. Characters the dictionary leaves alone stay together (信访举报) or with the
 * word before them (第三方, 过程性); punctuation stays on the right side of its word, and digits
 * with their dot.
 */
export function labelWords(text: string): string[] {
  const words: string[] = [];
  let glueNext = false;
  for (const { segment } of segmenter.segment(text)) {
    const single = SINGLE_HAN.test(segment);
    const before = words[words.length - 1];
    // A lone character after punctuation starts the next word (为：第一项 → 第一项).
    const afterMark = before !== undefined && /[，。、：；？！）》」』】”’（《「『【“‘]$/u.test(before);
    const glue = glueNext || CLOSING_MARK.test(segment) || /^[.．]$/.test(segment) || (single && !afterMark);
    if (before !== undefined && glue) words[words.length - 1] += segment;
    else words.push(segment);
    glueNext = OPENING_MARK.test(segment) || /^\d+$/.test(segment) || (single && afterMark);
  }
  return words;
}

/**
 * A row label (an item, or a merged group label) as lines for a column `chars` 字 wide, broken
 * only between words: the fewest lines; then no break inside quotation marks or brackets; then
 * lines of even length (no 「量」 or 「数量」 alone under a full line). A word wider than the column
 * is cut into column-wide pieces.
 */
export function labelLines(text: string, chars: number): string[] {
  // The same labels are laid out on every export and every keystroke of the preview: kept.
  const key = `${chars.toFixed(4)}|${text}`;
  const known = labelCache.get(key);
  if (known) return [...known];
  const lines = planLabelLines(text, chars);
  if (labelCache.size > 5000) labelCache.clear();
  labelCache.set(key, lines);
  return [...lines];
}

const labelCache = new Map<string, string[]>();

function planLabelLines(text: string, chars: number): string[] {
  const fit = (s: string) => widthInChars(s) <= chars + 1e-9;
  const words = labelWords(text).flatMap((w) => {
    if (fit(w)) return [w];
    const pieces: string[] = [];
    let cur = '';
    for (const ch of w) {
      if (cur && !fit(cur + ch)) {
        pieces.push(cur);
        cur = '';
      }
      cur += ch;
    }
    return cur ? [...pieces, cur] : pieces;
  });
  if (words.length === 0) return [''];
  // Depth of quotation marks and brackets open after each word.
  const depth: number[] = [];
  let open = 0;
  for (const w of words) {
    for (const ch of w) open += /[（“‘《「(]/.test(ch) ? 1 : /[）”’》」)]/.test(ch) ? -1 : 0;
    depth.push(Math.max(0, open));
  }
  // best[k]: the cheapest way to set words[k…].
  const best: { lines: string[]; cost: number }[] = [];
  for (let k = words.length - 1; k >= 0; k--) {
    let line = '';
    let pick: { lines: string[]; cost: number } | null = null;
    for (let j = k; j < words.length; j++) {
      line += words[j];
      if (j > k && !fit(line)) break;
      const lastLine = j + 1 === words.length;
      const w = widthInChars(line);
      const cost = lastLine ? 1e6 + (chars - w) ** 2 : 1e6 + (depth[j] > 0 ? 1e4 : 0) + (chars - w) ** 2 + best[j + 1].cost;
      if (!pick || cost < pick.cost) pick = { lines: lastLine ? [line] : [line, ...best[j + 1].lines], cost };
    }
    best[k] = pick!;
  }
  return best[0].lines;
}

/** Where the 署名 and the 成文日期 go, in 字 from the left edge of the 版心 (x) or right (right). */
export interface SignatureLayout {
  sealed: boolean;
  /** blank lines between the body and the 署名 */
  blankLines: number;
  /** lines of a 署名 too long for one line, above `signature` (broken between words, never in one) */
  signatureAbove: { text: string; left: number; width: number }[];
  /** the 署名 (its last line when it needs more than one) */
  signature: { text: string; left: number; width: number };
  /** `right`: 字 from the right edge the date ends at (a sealed date 空4字), or null when placed from the left */
  date: { text: string; left: number; width: number; right: number | null };
}

/**
 * 署名 and 成文日期 (GB/T 9704 §7.3.5). Without a seal (§7.3.5.2): one blank line, the 署名 空2字
 * from the right, the date on the next line starting 2 字 right of the 署名; a date longer than the
 * 署名 takes the 空2字 itself and the 署名 moves left. With a seal (§7.3.5.1): the date 空4字 from
 * the right, the 署名 centred over it, and room above for the seal to press on both (its top within
 * one line of the body; a 42 mm seal covers about four lines); a 署名 too long to centre over the
 * date without passing 空2字 keeps 空2字 and the date moves left, centred under it.
 * A 署名 longer than the line less 空2字 is set on two or more lines, broken between words.
 * Positions are given from the left, so the printed date starts exactly where the rule says
 * whatever its digits measure.
 */
export function signatureLayout(signature: string, date: string, sealed = false, lineChars: number = PAGE.charsPerLine): SignatureLayout {
  const room = lineChars - 2;
  const parts = printedWidth(signature) <= room ? [signature] : labelLines(signature, room - 0.5);
  const widths = parts.map(printedWidth);
  const s = Math.max(...widths);
  const d = printedWidth(date);
  const place = (rightEnd: number, centre: number | null) =>
    parts.map((text, i) => {
      const left = centre === null ? rightEnd - widths[i] : centre - widths[i] / 2;
      return { text, left: Math.max(0, left), width: widths[i] };
    });
  const finish = (sig: { text: string; left: number; width: number }[], dateLeft: number, right: number | null, blankLines: number): SignatureLayout => ({
    sealed,
    blankLines,
    signatureAbove: sig.slice(0, -1),
    signature: sig[sig.length - 1],
    date: { text: date, left: Math.max(0, dateLeft), width: d, right },
  });
  if (sealed) {
    const dateLeft = lineChars - 4 - d;
    const centre = dateLeft + d / 2;
    if (centre + s / 2 <= room + 1e-9) return finish(place(0, centre), dateLeft, 4, 2);
    // The 署名 is the longer: it keeps 空2字, and the date is centred under it.
    const moved = room - s / 2;
    return finish(place(0, moved), moved - d / 2, null, 2);
  }
  let sigRight = room;
  let dateLeft = sigRight - s + 2;
  if (dateLeft + d > room) {
    dateLeft = room - d;
    sigRight = dateLeft - 2 + s;
  }
  return finish(place(sigRight, null), dateLeft, null, 1);
}

/**
 * 署名 and 成文日期 without a seal (std §7.3.5.2) as right indents in 字 (kept for callers that
 * align right): see signatureLayout.
 */
export function signatureIndents(signature: string, date: string): { signatureRight: number; dateRight: number } {
  const l = signatureLayout(signature, date);
  return { signatureRight: PAGE.charsPerLine - l.signature.left - l.signature.width, dateRight: PAGE.charsPerLine - l.date.left - l.date.width };
}

/** 发文机关标志 size: as large as 小初 while the name still fits the 版心 on one line. */
export function issuerSizePt(issuer: string): number {
  return Math.min(SIZE.xiaochu, Math.floor(TEXT_WIDTH_TWIPS / 20 / Math.max(1, [...issuer].length)));
}
