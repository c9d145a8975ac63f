// Column widths of the printed tables, chosen by measuring the labels: header words are never cut
// inside a word (商业企业 stays whole or breaks as 商业/企业, never 商业企/业) and, among the widths
// that allow that, the one that makes the table shortest wins. The Word writer and the preview
// both use these widths, so the screen wraps the labels where the paper does.
// Pure TypeScript: no Node, no DOM.
import type { GridCell, TableGrid } from '../formats/grid';
import { TABLE_TEXT, TEXT_WIDTH_TWIPS } from './page-layout';
import { labelLines } from './line-breaks';
import { widthInChars } from './page-layout';
export { labelLines, labelWords } from './line-breaks';

export interface TableMetrics {
  /** table text size in pt (5号 = 10.5) */
  fontPt: number;
  /** left + right cell padding in pt */
  paddingPt: number;
  /** height of one table text line in pt */
  linePt: number;
  /** top + bottom cell padding in pt */
  paddingYPt: number;
  /** the rule between rows, which adds to each row's height */
  rulePt: number;
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
  const rowHeights = new Array<number>(n).fill(m.linePt + m.paddingYPt + m.rulePt);
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
      const need = lines * m.linePt + m.paddingYPt + m.rulePt;
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
  const heights = tableRowHeights(grid, widths, TABLE_TEXT) ?? grid.rows.map(() => TABLE_TEXT.linePt + TABLE_TEXT.paddingYPt + TABLE_TEXT.rulePt);
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
 * Rows a page may start at by splitting a merged group (「（三）不予公开」 and its eight items) when
 * keeping the group whole would leave more than a third of a page empty: inside a short merged
 * label (not the long ones printed at the top), with two of its rows on either side. The label is
 * printed again beside the rows on the new page.
 */
export function groupSplitRows(grid: TableGrid): boolean[] {
  const out = grid.rows.map(() => false);
  const occupied: number[][] = grid.rows.map(() => []);
  grid.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      while (occupied[r].includes(col)) col++;
      if (cell.type === 'label' && cell.rowSpan >= 4 && !topAligned(cell)) for (let k = r + 2; k <= r + cell.rowSpan - 2; k++) out[k] = true;
      for (let k = 1; k < cell.rowSpan; k++) for (let c = col; c < col + cell.colSpan; c++) occupied[r + k]?.push(c);
      col += cell.colSpan;
    }
  });
  return out;
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
