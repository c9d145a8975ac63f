// Table cells the clerk left blank (issue 21 item 4). The official tables print a blank input cell
// as 0, so a final export asks first ("N 格未填，按 0 印出？") and the command line names them.
// Cells the import could not read (未读入) are not among them: those keep an export a 草稿.
import { formatModel, isGovFormatId, type CellInfo, type TableId } from '../formats/index';
import type { ReportDoc } from '../report';

const TABLE_NAMES: Record<TableId, string> = { t2: '表二', t3: '表三', t4: '表四' };

/** Input cells with no figure, in the order the tables print them; [] for a report without the official tables. */
export function blankCells(doc: Pick<ReportDoc, 'formatId' | 'cells' | 'unreadCells'>): CellInfo[] {
  if (!isGovFormatId(doc.formatId)) return [];
  const unread = new Set(doc.unreadCells ?? []);
  return formatModel(doc.formatId).inputs.filter((c) => doc.cells[c.key] === undefined && !unread.has(c.key));
}

/** The row's official label and the column's, from the cell's accessible name (“row · column”). */
function splitLabel(c: CellInfo): { row: string; column: string } {
  const at = c.label.lastIndexOf(' · ');
  return at < 0 ? { row: c.label, column: '' } : { row: c.label.slice(0, at), column: c.label.slice(at + 3) };
}

export interface BlankRow {
  table: TableId;
  /** 表二, 表三, 表四 */
  tableName: string;
  /** the row's official label, e.g. 三、本年度办理结果（一）予以公开 */
  row: string;
  /** the columns left blank in that row, by their official labels */
  columns: string[];
  cells: CellInfo[];
}

/** The blank cells grouped by table and row, for the question before a final export. */
export function blankRows(cells: readonly CellInfo[]): BlankRow[] {
  const rows = new Map<string, BlankRow>();
  for (const c of cells) {
    const { row, column } = splitLabel(c);
    const id = `${c.table}.${c.row}`;
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { table: c.table, tableName: TABLE_NAMES[c.table], row, columns: [], cells: [] }));
    r.columns.push(column);
    r.cells.push(c);
  }
  return [...rows.values()];
}

/** 表三“…（一）予以公开 · 自然人” for each of the first `max` cells, joined with 、. */
export function blankCellNames(cells: readonly CellInfo[], max = 5): string {
  return cells
    .slice(0, max)
    .map((c) => `${TABLE_NAMES[c.table]}“${c.label}”`)
    .join('、');
}
