// The registry of national formats and what every consumer derives from one: the list of cells,
// which are inputs and which are derived (and from what), and the cells' accessible names.
import { GOV_2019 } from './gov-2019';
import { GOV_2021 } from './gov-2021';
import type { CellKind, ColumnDef, DerivedCell, FormatId, ReportFormat, SectionKey, TableId } from './types';

export * from './types';
export { SECTION_HEADINGS, GOVERNMENT_ACCOUNTABILITY_ITEMS } from './common';

export const FORMATS: Record<ReportFormat['id'], ReportFormat> = {
  'gov-2021': GOV_2021,
  'gov-2019': GOV_2019,
};

export const DEFAULT_FORMAT_ID: ReportFormat['id'] = 'gov-2021';

export function isGovFormatId(id: string): id is ReportFormat['id'] {
  return id === 'gov-2021' || id === 'gov-2019';
}

export function getFormat(id: string): ReportFormat {
  if (!isGovFormatId(id)) throw new Error(`未知的报告格式：${id}`);
  return FORMATS[id];
}

/** The format in force for a reporting year (2019–2020: the 试行 format; 2021 on: the current one). */
export function formatForYear(year: number): ReportFormat {
  for (const f of Object.values(FORMATS)) {
    if (year >= f.years.from && (f.years.to === null || year <= f.years.to)) return f;
  }
  return GOV_2021;
}

export function cellKey(table: TableId, row: string, column: string): string {
  return `${table}.${row}.${column}`;
}

export interface CellInfo {
  key: string;
  table: TableId;
  row: string;
  column: string;
  kind: CellKind;
  unit: string;
  derived: boolean;
  /** accessible name, e.g. 三、本年度办理结果（一）予以公开 · 自然人 */
  label: string;
  /** the section the cell's table is printed in */
  section: SectionKey;
}

export interface FormatModel {
  format: ReportFormat;
  cells: CellInfo[];
  byKey: Map<string, CellInfo>;
  inputs: CellInfo[];
  derived: DerivedCell[];
}

const models = new Map<string, FormatModel>();

/** Everything computed from a format's data, built once per format. */
export function formatModel(formatOrId: ReportFormat | FormatId): FormatModel {
  const format = typeof formatOrId === 'string' ? getFormat(formatOrId) : formatOrId;
  const cached = models.get(format.id);
  if (cached) return cached;
  const cells: CellInfo[] = [];
  const derived: DerivedCell[] = [];
  const add = (table: TableId, row: string, col: ColumnDef, label: string, isDerived: boolean, section: SectionKey) =>
    cells.push({ key: cellKey(table, row, col.key), table, row, column: col.key, kind: col.kind, unit: col.unit, derived: isDerived, label, section });

  for (const block of format.t2.blocks) {
    for (const row of block.rows) for (const col of block.columns) add('t2', row.key, col, `${row.label} · ${col.label}`, false, 'proactive');
  }

  const t3 = format.t3;
  const applicantCols = t3.columns.filter((c) => !c.derived);
  const totalCol = t3.columns.find((c) => c.derived);
  const outcomeRows = t3.rows.filter((r) => r.outcome);
  const totalRow = t3.rows.find((r) => r.derived);
  for (const row of t3.rows) {
    for (const col of t3.columns) {
      const isDerived = Boolean(row.derived || col.derived);
      add('t3', row.key, col, `${row.path.join('')} · ${col.label}`, isDerived, 'requests');
    }
    if (totalCol) derived.push({ key: cellKey('t3', row.key, totalCol.key), sumOf: applicantCols.map((c) => cellKey('t3', row.key, c.key)) });
  }
  if (totalRow) {
    for (const col of applicantCols) derived.push({ key: cellKey('t3', totalRow.key, col.key), sumOf: outcomeRows.map((r) => cellKey('t3', r.key, col.key)) });
  }

  const t4 = format.t4;
  const t4Parts = t4.columns.filter((c) => !c.derived);
  const t4Total = t4.columns.find((c) => c.derived);
  for (const group of t4.groups) {
    for (const col of t4.columns) add('t4', group.key, col, `${group.path.join('')} · ${col.label}`, Boolean(col.derived), 'review_litigation');
    if (t4Total) derived.push({ key: cellKey('t4', group.key, t4Total.key), sumOf: t4Parts.map((c) => cellKey('t4', group.key, c.key)) });
  }

  const model: FormatModel = {
    format,
    cells,
    byKey: new Map(cells.map((c) => [c.key, c])),
    inputs: cells.filter((c) => !c.derived),
    derived,
  };
  models.set(format.id, model);
  return model;
}

/** Adds up a value's parts, treating an unfilled cell as 0 (the official tables want 0 there). */
function sumCells(cells: Readonly<Record<string, number | undefined>>, keys: string[]): number {
  let sum = 0;
  for (const k of keys) sum += cells[k] ?? 0;
  return sum;
}

/**
 * The derived cells' values computed from the input cells. Derived cells depend only on inputs,
 * except t3.total_processed.total (the sum of a derived row), which is computed from its row.
 */
export function deriveTotals(formatOrId: ReportFormat | FormatId, cells: Readonly<Record<string, number | undefined>>): Record<string, number> {
  const model = formatModel(formatOrId);
  const out: Record<string, number> = {};
  for (const d of derivationOrder(model)) {
    let sum = 0;
    for (const k of d.sumOf) sum += (d.readsDerived.has(k) ? out[k] : cells[k]) ?? 0;
    out[d.key] = roundMoney(sum);
  }
  return out;
}

type OrderedDerived = DerivedCell & { readsDerived: Set<string> };
const derivationOrders = new WeakMap<FormatModel, OrderedDerived[]>();

/** Column sums of inputs first, then row sums, which may read the column sums; computed once per format (the rules run on every edit). */
function derivationOrder(model: FormatModel): OrderedDerived[] {
  let ordered = derivationOrders.get(model);
  if (!ordered) {
    ordered = [...model.derived]
      .sort((a, b) => Number(isRowSum(a, model)) - Number(isRowSum(b, model)))
      .map((d) => ({ ...d, readsDerived: new Set(d.sumOf.filter((k) => model.byKey.get(k)?.derived)) }));
    derivationOrders.set(model, ordered);
  }
  return ordered;
}

function isRowSum(d: DerivedCell, model: FormatModel): boolean {
  return d.sumOf.some((k) => model.byKey.get(k)?.derived);
}

/** Sums of money values drift in binary floating point; the tables keep at most 4 places. */
export function roundMoney(n: number): number {
  return Math.round(n * 10000) / 10000;
}

export { sumCells };
