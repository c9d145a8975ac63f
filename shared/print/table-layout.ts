// Column widths of the printed tables, chosen by measuring the labels: header words are never cut
// inside a word (商业企业 stays whole or breaks as 商业/企业, never 商业企/业) and, among the widths
// that allow that, the one that makes the table shortest wins. The Word writer and the preview
// both use these widths, so the screen wraps the labels where the paper does.
// Pure TypeScript: no Node, no DOM.
import type { GridCell, TableGrid } from '../formats/grid';
import { TABLE_TEXT, TEXT_WIDTH_TWIPS, widthInChars } from './page-layout';

export interface TableMetrics {
  /** table text size in pt (5号 = 10.5) */
  fontPt: number;
  /** left + right cell padding in pt */
  paddingPt: number;
  /** height of one table text line in pt */
  linePt: number;
  /** top + bottom cell padding in pt */
  paddingYPt: number;
}

type LabelCell = Extract<GridCell, { type: 'label' }>;

/**
 * Places a header may break: after a closing bracket or a 顿号, and between the two-character words
 * of an even run of Chinese (商业|企业, 社会|公益|组织, 不予|公开). Three-character words (自然人)
 * and two-character ones (总计) do not break.
 */
export function headerBreaks(text: string): number[] {
  const units = [...text];
  const out: number[] = [];
  let start = 0;
  const flush = (end: number) => {
    const run = units.slice(start, end);
    if (run.length >= 4 && run.length % 2 === 0 && run.every((c) => /[\u4e00-\u9fff]/.test(c))) for (let k = start + 2; k < end; k += 2) out.push(k);
  };
  units.forEach((c, k) => {
    if (/[）)、]/.test(c) && k + 1 < units.length) {
      flush(k + 1);
      out.push(k + 1);
      start = k + 1;
    } else if (!/[\u4e00-\u9fff]/.test(c)) {
      flush(k);
      start = k + 1;
    }
  });
  flush(units.length);
  return [...new Set(out)].sort((x, y) => x - y);
}

/**
 * A header label broken into lines at word boundaries for a column `chars` 字 wide, or null when a
 * word does not fit. Word and LibreOffice fill Chinese lines greedily (商业企/业), so the writer
 * prints these lines with explicit breaks.
 */
export function headerLines(text: string, chars: number): string[] | null {
  const units = [...text];
  const cuts = [0, ...headerBreaks(text), units.length];
  const lines: string[] = [];
  let line = '';
  for (let k = 0; k + 1 < cuts.length; k++) {
    const word = units.slice(cuts[k], cuts[k + 1]).join('');
    if (widthInChars(word) > chars + 1e-9) return null;
    if (line && widthInChars(line + word) > chars + 1e-9) {
      lines.push(line);
      line = word;
    } else line += word;
  }
  lines.push(line);
  return lines;
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

/**
 * The printed lines of a label cell, the one plan the preview draws and the Word file carries as
 * explicit breaks: headers at their word boundaries (null when a word does not fit), every other
 * label by labelLines.
 */
export function cellLines(cell: LabelCell, chars: number): string[] | null {
  if (!cell.text) return [''];
  return cell.role === 'header' ? headerLines(cell.text, chars) : labelLines(cell.text, chars);
}

/** Width in 字 available to text in a cell spanning these columns (pt), with the renderers' slack. */
export function cellChars(widthsPt: number[], m: TableMetrics): number {
  // A quarter character of slack: renderers round widths and take the borders out of the cell,
  // and a word that fits exactly on paper is the one that wraps on screen.
  return (widthsPt.reduce((a, b) => a + b, 0) - m.paddingPt) / m.fontPt - 0.25;
}

/** Height in pt of a table with the given column widths (pt), rows as the grid lays them out. */
export function tableHeight(grid: TableGrid, widthsPt: number[], m: TableMetrics): number {
  const rows = tableRowHeights(grid, widthsPt, m);
  return rows ? rows.reduce((a, b) => a + b, 0) : Infinity;
}

/** Height in pt of each row, or null when a header word does not fit its column. */
export function tableRowHeights(grid: TableGrid, widthsPt: number[], m: TableMetrics): number[] | null {
  const n = grid.rows.length;
  const rowHeights = new Array<number>(n).fill(m.linePt + m.paddingYPt);
  const spanning: { from: number; to: number; need: number }[] = [];
  const occupied: number[][] = grid.rows.map(() => []);
  for (let r = 0; r < n; r++) {
    let col = 0;
    for (const cell of grid.rows[r].cells) {
      while (occupied[r].includes(col)) col++;
      const chars = cellChars(widthsPt.slice(col, col + cell.colSpan), m);
      let lines = 1;
      if (cell.type === 'label' && cell.text) {
        const words = cellLines(cell, chars);
        if (!words) return null;
        lines = words.length;
      }
      const need = lines * m.linePt + m.paddingYPt;
      if (cell.rowSpan > 1) {
        spanning.push({ from: r, to: r + cell.rowSpan - 1, need });
        for (let k = 1; k < cell.rowSpan; k++) for (let c = col; c < col + cell.colSpan; c++) occupied[r + k]?.push(c);
      } else rowHeights[r] = Math.max(rowHeights[r], need);
      col += cell.colSpan;
    }
  }
  // A merged label taller than its rows stretches the last of them.
  for (const s of spanning) {
    const have = rowHeights.slice(s.from, s.to + 1).reduce((a, b) => a + b, 0);
    if (have < s.need) rowHeights[s.to] += s.need - have;
  }
  return rowHeights;
}

/**
 * A merged label over more rows than this (「三、本年度办理结果」, twenty-odd rows) is not kept whole:
 * it may not fit a page. It is printed at the top of its cell instead, so its text is never cut,
 * and the page may break between the groups under it.
 */
export const MAX_KEPT_ROWS = 8;

/** Merged labels printed at the top of their cell (the long ones a page break may cross). */
export const topAligned = (cell: GridCell): boolean => cell.type === 'label' && cell.rowSpan > MAX_KEPT_ROWS;

/**
 * Rows kept with the next one: captions and headers always; the rows of a merged label (「（三）
 * 不予公开」 and its eight items), so no merged label is ever cut by a page break; table 二's blocks
 * and the small table 四 whole.
 */
export function rowsKeptWithNext(grid: TableGrid): boolean[] {
  const keep = grid.rows.map((row, r) => r < grid.rows.length - 1 && row.kind !== 'body');
  const { widths } = printColumnWidthsPt(grid, TEXT_WIDTH_TWIPS / 20, TABLE_TEXT);
  const heights = tableRowHeights(grid, widths, TABLE_TEXT) ?? grid.rows.map(() => TABLE_TEXT.linePt + TABLE_TEXT.paddingYPt);
  const occupied: number[][] = grid.rows.map(() => []);
  grid.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      while (occupied[r].includes(col)) col++;
      if (cell.rowSpan > 1) {
        if (!topAligned(cell)) for (let k = r; k < r + cell.rowSpan - 1; k++) keep[k] = true;
        else if (cell.type === 'label') {
          // A long label printed at the top: the rows its text covers (and one more) stay together.
          const chars = cellChars(widths.slice(col, col + cell.colSpan), TABLE_TEXT);
          const lines = cellLines(cell, chars)?.length ?? 1;
          const need = lines * TABLE_TEXT.linePt + TABLE_TEXT.paddingYPt;
          let have = 0;
          for (let k = r; k < r + cell.rowSpan - 1 && have < need + TABLE_TEXT.linePt; k++) {
            keep[k] = true;
            have += heights[k];
          }
        }
        for (let k = 1; k < cell.rowSpan; k++) for (let c = col; c < col + cell.colSpan; c++) occupied[r + k]?.push(c);
      }
      col += cell.colSpan;
    }
    const next = grid.rows[r + 1];
    if (grid.id !== 't3' && next && next.kind !== 'caption') keep[r] = true;
  });
  return keep;
}

/**
 * Column widths (pt) for table 三: every value column the same width, the label columns sharing
 * the rest; tried over a grid of candidates, the shortest table wins (ties: wider value columns,
 * which keep the header words on fewer lines). Other tables keep the format's proportions.
 */
export function printColumnWidthsPt(grid: TableGrid, totalPt: number, m: TableMetrics): { widths: number[]; heightPt: number } {
  // The search takes a moment and its answer depends only on the labels: kept per table layout,
  // so the preview can repaginate as the clerk types.
  const key = JSON.stringify([
    totalPt,
    m,
    grid.columns,
    grid.rows.map((r) => r.cells.map((c) => (c.type === 'label' ? [c.text, c.colSpan, c.rowSpan, c.role] : c.colSpan))),
  ]);
  const cached = widthCache.get(key);
  if (cached) return { widths: [...cached.widths], heightPt: cached.heightPt };
  const result = searchColumnWidths(grid, totalPt, m);
  widthCache.set(key, result);
  return { widths: [...result.widths], heightPt: result.heightPt };
}

const widthCache = new Map<string, { widths: number[]; heightPt: number }>();

/**
 * Widths on the twip grid the Word file is written in, adding up to the total exactly: each
 * rounded up to a whole twip (so a column planned for 3 字 still holds 3 字 after rounding) and
 * the difference taken from or given to `rest`, the column that absorbs it.
 */
function onTwips(widthsPt: number[], totalPt: number, rest: number): number[] {
  const tw = widthsPt.map((w) => Math.ceil(w * 20 - 1e-6));
  tw[rest] += Math.round(totalPt * 20) - tw.reduce((a, b) => a + b, 0);
  return tw.map((t) => t / 20);
}

function searchColumnWidths(grid: TableGrid, totalPt: number, m: TableMetrics): { widths: number[]; heightPt: number } {
  // The format's proportions, rounded down to whole twips, the rest to the widest column.
  const weighted = grid.columnWeights.map((w) => Math.floor(w * totalPt * 20) / 20);
  const proportional = onTwips(weighted, totalPt, weighted.indexOf(Math.max(...weighted)));
  if (grid.id !== 't3') return { widths: proportional, heightPt: tableHeight(grid, proportional, m) };
  const valueColumns = grid.rows[grid.rows.length - 1].cells.filter((c) => c.type === 'value').length;
  const labelColumns = grid.columns - valueColumns;
  const step = m.fontPt / 2;
  // A label column is at least as wide as the numbering that starts its labels (「（三）」, 3 字),
  // so no label is printed one character a line.
  const minLabel = 3.25 * m.fontPt + m.paddingPt;
  // …except the outermost, whose one label (「三、本年度办理结果」) runs down twenty rows.
  const minOuter = 2.25 * m.fontPt + m.paddingPt;
  let best: { widths: number[]; heightPt: number; value: number } | null = null;
  const consider = (planned: number[], value: number) => {
    // Judged on the widths the file will carry, not on the plan before rounding.
    const widths = onTwips(planned, totalPt, labelColumns - 1);
    if (widths.some((w) => w < m.fontPt + m.paddingPt)) return;
    const h = tableHeight(grid, widths, m);
    if (!Number.isFinite(h)) return;
    if (!best || h < best.heightPt - 0.01 || (Math.abs(h - best.heightPt) <= 0.01 && value > best.value)) best = { widths, heightPt: h, value };
  };
  for (let vc = 3; vc <= 7.5; vc += 0.25) {
    const value = vc * m.fontPt + m.paddingPt;
    const labelTotal = totalPt - value * valueColumns;
    if (labelTotal <= 0) continue;
    if (labelColumns === 1) consider([labelTotal, ...Array(valueColumns).fill(value)], value);
    else if (labelColumns === 2) {
      for (let a = minLabel; a < labelTotal; a += step) consider([a, labelTotal - a, ...Array(valueColumns).fill(value)], value);
    } else {
      for (let a = minOuter; a < labelTotal; a += step) {
        for (let b = minLabel; a + b + minLabel <= labelTotal; b += step) {
          consider([a, b, labelTotal - a - b, ...Array(valueColumns).fill(value)], value);
        }
      }
    }
  }
  const chosen = best as { widths: number[]; heightPt: number } | null;
  return chosen ?? { widths: proportional, heightPt: tableHeight(grid, proportional, m) };
}
