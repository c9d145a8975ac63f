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
export const CHAR_PITCH_PT = (PAGE.textWidthMm / 25.4 * 72) / PAGE.charsPerLine;
/** The 版心 width as Word computes it from the page and margins (156 mm, give or take a twip of rounding). */
export const TEXT_WIDTH_TWIPS = mmToTwips(PAGE.widthMm) - mmToTwips(PAGE.marginLeftMm) - mmToTwips(PAGE.marginRightMm);
/** 1 字 at 3号 in twips, for indents (2 字 = first-line indent, 空2字 for the 署名). */
export const CHAR_TWIPS = SIZE.san * 20;

/** Width of a string in 字 (a CJK character = 1, ASCII = ½): how GB/T 9704 counts spaces. */
export function widthInChars(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

// Word boundaries for the title: a line break never cuts these apart.
const PLACE_SUFFIX = /(自治区|自治州|自治县|特别行政区|街道办事处|人民政府|办事处|委员会|办公室|管理委员会|省|市|州|盟|地区|县|旗|区|镇|乡|街道|局|厅|委|办)/g;

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
  return [...words.filter((w) => w.length > 0), ...tailWords];
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
  // A word longer than a line (unusual names) is cut into line-sized pieces.
  words = words.flatMap((w) => {
    if (widthInChars(w) <= maxChars) return [w];
    const pieces: string[] = [];
    let cur = '';
    for (const ch of w) {
      if (widthInChars(cur + ch) > maxChars) {
        pieces.push(cur);
        cur = '';
      }
      cur += ch;
    }
    if (cur) pieces.push(cur);
    return pieces;
  });
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
  if (/^\d{1,2}(?:[.．](?!\d)|、)/.test(line)) return 3;
  if (/^[（(]\d{1,2}[）)]/.test(line)) return 4;
  return 0;
}

/**
 * A heading line followed by text in the same paragraph ("（一）主动公开。本年度……"): the heading
 * style covers the words up to the first 。 only, the rest is body text.
 */
export function splitHeading(line: string): { heading: string; rest: string } {
  const stop = line.search(/[。：:]/);
  if (stop >= 0 && stop < line.length - 1) return { heading: line.slice(0, stop + 1), rest: line.slice(stop + 1) };
  return { heading: line, rest: '' };
}

/**
 * 署名 and 成文日期 without a seal (std §7.3.5.2): the 署名 空2字 from the right, the date on the
 * next line starting 2 字 right of the 署名's first character; a date longer than the 署名 gets the
 * 空2字 itself and the 署名 moves left. Returns the right indents in 字.
 */
export function signatureIndents(signature: string, date: string): { signatureRight: number; dateRight: number } {
  const s = widthInChars(signature);
  const d = widthInChars(date);
  const dateRight = Math.max(2, s - d);
  const signatureRight = dateRight + d + 2 - s;
  return { signatureRight, dateRight };
}

/** 发文机关标志 size: as large as 小初 while the name still fits the 版心 on one line. */
export function issuerSizePt(issuer: string): number {
  return Math.min(SIZE.xiaochu, Math.floor(TEXT_WIDTH_TWIPS / 20 / Math.max(1, [...issuer].length)));
}
