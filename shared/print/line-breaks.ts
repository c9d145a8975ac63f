// Where printed text breaks: titles between words (never inside the organ name), table labels at
// word boundaries with explicit breaks, and the 署名/成文日期 block. Measured with the page model of
// page-layout.ts; the preview and the Word file both take their lines from here.
import { PAGE, printedWidth, SIZE, TEXT_WIDTH_TWIPS, widthInChars } from './page-layout';

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
