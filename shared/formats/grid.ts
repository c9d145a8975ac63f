// The printed layout of each table (header rows, merged labels, value cells) computed from the
// format data. The wizard renders it as an HTML table and the Word export as a docx table, so the
// two cannot disagree on a label or a span.
import { cellKey, formatModel } from './index';
import type { CellKind, ReportFormat, TableId } from './types';

export type GridCell =
  | {
      type: 'label';
      text: string;
      colSpan: number;
      rowSpan: number;
      /** caption: 第二十条第（…）项; header: column headers; row: row labels; note: the 勾稽 note; blank: filler */
      role: 'caption' | 'header' | 'row' | 'note' | 'blank';
      /** nesting level of a row label (1 outermost) */
      level?: number;
    }
  | { type: 'value'; cell: string; colSpan: number; rowSpan: 1; derived: boolean; kind: CellKind };

export interface GridRow {
  kind: 'caption' | 'header' | 'body';
  cells: GridCell[];
}

export interface TableGrid {
  id: TableId;
  /** number of grid columns */
  columns: number;
  /** leading rows that repeat on every printed page (0 for table 二, whose headers are per block) */
  repeatHeaderRows: number;
  /** relative widths of the grid columns, summing to 1 */
  columnWeights: number[];
  rows: GridRow[];
}

const label = (text: string, colSpan: number, rowSpan: number, role: Extract<GridCell, { type: 'label' }>['role'], level?: number): GridCell => ({
  type: 'label',
  text,
  colSpan,
  rowSpan,
  role,
  ...(level ? { level } : {}),
});

function valueCell(format: ReportFormat, key: string, colSpan = 1): GridCell {
  const info = formatModel(format).byKey.get(key);
  if (!info) throw new Error(`格式 ${format.id} 中没有单元格 ${key}`);
  return { type: 'value', cell: key, colSpan, rowSpan: 1, derived: info.derived, kind: info.kind };
}

export function tableGrid(format: ReportFormat, id: TableId): TableGrid {
  switch (id) {
    case 't2':
      return table2Grid(format);
    case 't3':
      return table3Grid(format);
    case 't4':
      return table4Grid(format);
  }
}

function table2Grid(format: ReportFormat): TableGrid {
  const n = format.t2.valueColumns;
  const columns = n + 1;
  const rows: GridRow[] = [];
  for (const block of format.t2.blocks) {
    rows.push({ kind: 'caption', cells: [label(block.caption, columns, 1, 'caption')] });
    const single = block.columns.length === 1;
    const filler = n - block.columns.length;
    const header: GridCell[] = [label(block.firstHeader, 1, 1, 'header')];
    for (const col of block.columns) header.push(label(col.label, single ? n : 1, 1, 'header'));
    if (!single && filler > 0) header.push(label('', filler, 1, 'blank'));
    rows.push({ kind: 'header', cells: header });
    for (const row of block.rows) {
      const cells: GridCell[] = [label(row.label, 1, 1, 'row', 1)];
      for (const col of block.columns) cells.push(valueCell(format, cellKey('t2', row.key, col.key), single ? n : 1));
      if (!single && filler > 0) cells.push(label('', filler, 1, 'blank'));
      rows.push({ kind: 'body', cells });
    }
  }
  const labelWeight = 0.31;
  return { id: 't2', columns, repeatHeaderRows: 0, columnWeights: [labelWeight, ...Array(n).fill((1 - labelWeight) / n)], rows };
}

function table3Grid(format: ReportFormat): TableGrid {
  const t3 = format.t3;
  const labelColumns = Math.max(...t3.rows.map((r) => r.path.length));
  const applicant = t3.columns.filter((c) => !c.derived);
  const total = t3.columns.filter((c) => c.derived);
  const groupName = applicant.find((c) => c.group)?.group ?? '';
  const ungrouped = applicant.filter((c) => !c.group);
  const grouped = applicant.filter((c) => c.group);
  const rows: GridRow[] = [
    { kind: 'header', cells: [label(t3.balanceNote, labelColumns, 3, 'note'), label(t3.applicantHeader, t3.columns.length, 1, 'header')] },
    {
      kind: 'header',
      cells: [
        ...ungrouped.map((c) => label(c.label, 1, 2, 'header')),
        label(groupName, grouped.length, 1, 'header'),
        ...total.map((c) => label(c.label, 1, 2, 'header')),
      ],
    },
    { kind: 'header', cells: grouped.map((c) => label(c.label, 1, 1, 'header')) },
  ];
  t3.rows.forEach((row, i) => {
    const cells: GridCell[] = [];
    row.path.forEach((text, level) => {
      const prev = t3.rows[i - 1];
      const samePrefix = (r: typeof row | undefined) =>
        !!r && r.path.length > level && r.path.slice(0, level + 1).join('\u0000') === row.path.slice(0, level + 1).join('\u0000');
      if (samePrefix(prev)) return; // merged into the cell above
      let span = 1;
      while (samePrefix(t3.rows[i + span])) span++;
      const isLast = level === row.path.length - 1;
      cells.push(label(text, isLast ? labelColumns - level : 1, span, 'row', level + 1));
    });
    for (const col of t3.columns) cells.push(valueCell(format, cellKey('t3', row.key, col.key)));
    rows.push({ kind: 'body', cells });
  });
  // Label columns: the outer narrow, the middle wide enough for 「（三）不予公开」 in two lines of
  // 5号 on paper, the innermost (long item labels) widest.
  const labelWeights = [0.07, 0.11, 0.22].slice(3 - labelColumns);
  const valueWeight = (1 - labelWeights.reduce((a, b) => a + b, 0)) / t3.columns.length;
  return {
    id: 't3',
    columns: labelColumns + t3.columns.length,
    repeatHeaderRows: 3,
    columnWeights: [...labelWeights, ...Array(t3.columns.length).fill(valueWeight)],
    rows,
  };
}

function table4Grid(format: ReportFormat): TableGrid {
  const t4 = format.t4;
  const depth = Math.max(...t4.groups.map((g) => g.path.length));
  const headerRows = depth + 1;
  const rows: GridRow[] = [];
  for (let d = 0; d < headerRows; d++) {
    const cells: GridCell[] = [];
    t4.groups.forEach((g, i) => {
      if (d < g.path.length) {
        const prefix = (x: typeof g | undefined) => x?.path.slice(0, d + 1).join('\u0000');
        if (i > 0 && prefix(t4.groups[i - 1]) === prefix(g)) return;
        let run = 1;
        while (t4.groups[i + run] && prefix(t4.groups[i + run]) === prefix(g)) run++;
        cells.push(label(g.path[d], run * t4.columns.length, 1, 'header'));
      } else if (d === g.path.length) {
        for (const col of t4.columns) cells.push(label(col.label, 1, headerRows - d, 'header'));
      }
    });
    rows.push({ kind: 'header', cells });
  }
  rows.push({ kind: 'body', cells: t4.groups.flatMap((g) => t4.columns.map((c) => valueCell(format, cellKey('t4', g.key, c.key)))) });
  const columns = t4.groups.length * t4.columns.length;
  return { id: 't4', columns, repeatHeaderRows: headerRows, columnWeights: Array(columns).fill(1 / columns), rows };
}
