// The .docx table for a format's tableGrid: column widths on the 版心, merged cells, header lines, borders.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { GridCell, TableGrid } from '../../../shared/formats/grid';
import { FONT, TABLE_TEXT, TEXT_WIDTH_TWIPS, scriptRuns } from '../../../shared/print/page-layout';
import { cellChars, cellLines, printColumnWidthsPt, rowsKeptWithNext, topAligned } from '../../../shared/print/table-layout';
import { STYLE, runs } from './docx-text';

/** Column widths in twips adding up to the 版心 exactly: table 三 measured, the others by weight. */
export function columnWidths(grid: TableGrid): number[] {
  // The layout plans on whole twips (adding up to the 版心), so these are its widths exactly.
  return printColumnWidthsPt(grid, TEXT_WIDTH_TWIPS / 20, TABLE_TEXT).widths.map((w) => Math.round(w * 20));
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const CELL_MARGIN_X = Math.round((TABLE_TEXT.paddingPt / 2) * 20);
const CELL_MARGIN_Y = Math.round((TABLE_TEXT.paddingYPt / 2) * 20);

function tableParagraph(text: string | string[], align: (typeof AlignmentType)[keyof typeof AlignmentType], keepNext: boolean): Paragraph {
  const lines = typeof text === 'string' ? [text] : text;
  return new Paragraph({
    // Label lines are broken where the words allow (商业/企业, 法规, 案卷), never where the line fills up.
    children: lines.flatMap((line, i) =>
      scriptRuns(line).flatMap((seg, k) => runs(seg.text, FONT.table, TABLE_TEXT.fontPt, i > 0 && k === 0 ? { break: 1 } : {})),
    ),
    style: STYLE.table,
    alignment: align,
    keepNext: keepNext || undefined,
    spacing: { line: Math.round(TABLE_TEXT.linePt * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { firstLine: 0 },
  });
}

/**
 * The table as Word rows. `splits`: rows where the page model starts a new page inside a merged
 * group (paginate): the rows above are no longer kept with them, and the group's label starts
 * again there (a new vertical merge with the same text), so the next page shows it too.
 */
export function tableFor(grid: TableGrid, values: Record<string, string>, splits: ReadonlySet<number> = new Set()): Table {
  const widths = columnWidths(grid);
  const keep = rowsKeptWithNext(grid);
  for (const r of splits) if (r > 0) keep[r - 1] = false;
  // Cells merged from above, by row: the grid column where they sit, how many columns they span, and the cell.
  const continued = new Map<number, { col: number; span: number; cell: GridCell }[]>();
  const rows = grid.rows.map((gridRow, r) => {
    const placed: { col: number; cell: GridCell | null; span: number; again?: GridCell }[] = [];
    const fromAbove = continued.get(r) ?? [];
    let col = 0;
    const takeAbove = () => {
      let hit = fromAbove.find((c) => c.col === col);
      while (hit) {
        placed.push({ col, cell: null, span: hit.span, again: splits.has(r) ? hit.cell : undefined });
        col += hit.span;
        hit = fromAbove.find((c) => c.col === col);
      }
    };
    for (const cell of gridRow.cells) {
      takeAbove();
      placed.push({ col, cell, span: cell.colSpan });
      if (cell.rowSpan > 1) {
        for (let k = 1; k < cell.rowSpan; k++) continued.set(r + k, [...(continued.get(r + k) ?? []), { col, span: cell.colSpan, cell }]);
      }
      col += cell.colSpan;
    }
    takeAbove();
    const cells = placed.map(({ col: at, cell, span, again }) => {
      const width = widths.slice(at, at + span).reduce((a, b) => a + b, 0);
      const common = { width: { size: width, type: WidthType.DXA }, columnSpan: span > 1 ? span : undefined, verticalAlign: VerticalAlignTable.CENTER };
      if (again && again.type === 'label') {
        // The group's label again at the top of the new page, merged down over the rest of the group.
        const lines = cellLines(
          again,
          cellChars(
            widths.slice(at, at + span).map((w) => w / 20),
            TABLE_TEXT,
          ),
        );
        return new TableCell({
          ...common,
          verticalMerge: VerticalMergeType.RESTART,
          children: [tableParagraph(lines ?? again.text, AlignmentType.CENTER, keep[r])],
        });
      }
      if (!cell) {
        // The continuation of a merged label: an empty paragraph in table type, or the empty
        // cell would be as tall as a 3号 line.
        return new TableCell({ ...common, verticalMerge: VerticalMergeType.CONTINUE, children: [tableParagraph('', AlignmentType.CENTER, keep[r])] });
      }
      const isValue = cell.type === 'value';
      const left = !isValue && cell.role === 'row' && (cell.level ?? 1) > 1;
      // Labels carry the layout's line breaks (the preview draws the same), so no renderer breaks a word.
      const text: string | string[] = isValue
        ? (values[cell.cell] ?? '0')
        : (cellLines(
            cell,
            cellChars(
              widths.slice(at, at + span).map((w) => w / 20),
              TABLE_TEXT,
            ),
          ) ?? cell.text);
      return new TableCell({
        ...common,
        verticalAlign: topAligned(cell) ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
        verticalMerge: cell.rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
        children: [tableParagraph(text, left ? AlignmentType.LEFT : AlignmentType.CENTER, keep[r])],
      });
    });
    return new TableRow({
      children: cells,
      cantSplit: true,
      tableHeader: r < grid.repeatHeaderRows ? true : undefined,
    });
  });
  return new Table({
    rows,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: CELL_MARGIN_X, right: CELL_MARGIN_X, top: CELL_MARGIN_Y, bottom: CELL_MARGIN_Y },
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
  });
}
