// The tables' spreadsheet logic without React: the layout cache, typed-value parsing, the value
// cells in reading order (for arrow keys and paste), and where a pasted block lands.
import { tableGrid, type TableGrid } from '../../../shared/formats/grid';
import type { CellKind, ReportFormat, TableId } from '../../../shared/formats/index';
import { parseCellInput } from '../../../shared/number';

const grids = new Map<string, TableGrid>();
/** The layout never changes for a format: computed once. */
export function cachedGrid(format: ReportFormat, id: TableId): TableGrid {
  const k = `${format.id}/${id}`;
  let g = grids.get(k);
  if (!g) grids.set(k, (g = tableGrid(format, id)));
  return g;
}

export function displayValue(v: number | undefined): string {
  return v === undefined ? '' : String(v);
}

export type TypedValue = { ok: true; value: number | null } | { ok: false; message: string; partial?: true };

/** Parses what was typed in a cell; an empty cell is "not filled in" (null). */
export function parseTyped(raw: string, kind: CellKind): TypedValue {
  if (raw.trim() === '') return { ok: true, value: null };
  // The first key of a negative figure (2019's 本年增/减): not a mistake yet.
  if (kind === 'signed_count' && /^\s*[-－−]\s*$/.test(raw)) return { ok: false, partial: true, message: '请在负号后面接着填写数字' };
  const r = parseCellInput(raw, kind);
  return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message };
}

export interface NavCell {
  key: string;
  /** the grid column the cell starts at */
  col: number;
  span: number;
  derived: boolean;
  kind: CellKind;
}

/** Value cells row by row, with the grid column each starts at (for up/down and paste). */
export function navRows(grid: TableGrid): NavCell[][] {
  const rows: NavCell[][] = [];
  for (const row of grid.rows) {
    if (row.kind !== 'body') continue;
    const out: NavCell[] = [];
    // Label cells merged from rows above take columns on the left; count from the right instead.
    let right = grid.columns;
    for (let i = row.cells.length - 1; i >= 0; i--) {
      const c = row.cells[i];
      right -= c.colSpan;
      if (c.type === 'value') out.unshift({ key: c.cell, col: right, span: c.colSpan, derived: c.derived, kind: c.kind });
    }
    if (out.length) rows.push(out);
  }
  return rows;
}

export interface PasteReport {
  /** figures really placed (empty pasted fields are not figures) */
  filled: number;
  /** filled cells an empty pasted field cleared */
  cleared: number;
  problems: { cell?: string; text: string }[];
}

export interface PastePlan {
  /** input cells to store (null = the pasted field was empty) */
  values: Record<string, number | null>;
  /** figures that landed on derived cells: compared with the computed totals, never stored */
  statedTotals: { key: string; value: number; raw: string }[];
  problems: { cell?: string; text: string }[];
}

/**
 * Where a tab-separated block (an Excel/WPS copy) lands: line by line onto the table's rows from
 * the focused cell, field by field onto its grid columns. A field on a derived cell is kept aside
 * (the program adds up); a refused value or a field outside the table is listed, not dropped.
 */
export function planPaste(rows: NavCell[][], startKey: string, text: string, labelOf: (key: string) => string): PastePlan {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const r0 = rows.findIndex((row) => row.some((x) => x.key === startKey));
  const col0 = r0 >= 0 ? rows[r0].find((x) => x.key === startKey)!.col : 0;
  const plan: PastePlan = { values: {}, statedTotals: [], problems: [] };
  if (r0 < 0) return plan;
  lines.forEach((line, i) => {
    const row = rows[r0 + i];
    line.split('\t').forEach((raw, j) => {
      const field = raw.trim();
      const cell = row?.find((x) => x.col === col0 + j);
      if (!cell) {
        if (field) plan.problems.push({ text: `粘贴内容第${i + 1}行第${j + 1}列的“${field}”在表格中没有对应的格子（超出表格或落在合并的格子上），没有填入。` });
        return;
      }
      const p = parseTyped(field, cell.kind);
      if (cell.derived) {
        if (p.ok && p.value !== null) plan.statedTotals.push({ key: cell.key, value: p.value, raw: field });
        else if (!p.ok) plan.problems.push({ cell: cell.key, text: `${labelOf(cell.key)}：“${field}”不是数字（合计由程序计算）。` });
        return;
      }
      if (!p.ok) plan.problems.push({ cell: cell.key, text: `${labelOf(cell.key)}：“${field}”未填入——${p.message}，保留原值。` });
      else plan.values[cell.key] = p.value;
    });
  });
  return plan;
}
