// The rule context (a report, its format and last year's figures) and the helpers every evaluator shares.
import { deriveTotals, formatModel, type FormatModel } from '../formats/index';
import type { ReportFormat, TableId } from '../formats/types';
import { formatCellValue } from '../number';
import type { Finding, ReportDoc } from '../report';
import type { RuleDecl } from './types';

export type Cells = Readonly<Record<string, number | undefined>>;

export interface RuleContext {
  doc: ReportDoc;
  format: ReportFormat;
  model: FormatModel;
  cells: Cells;
  /** the derived cells computed from the inputs (never the stated ones) */
  derived: Record<string, number>;
  /** last year's report, when given */
  previous: ReportDoc | null;
  /** last year's figures: the previous report's cells, else the doc's kept baseline */
  previousCells: Cells | null;
}

export function makeContext(doc: ReportDoc, format: ReportFormat, previous?: ReportDoc | null): RuleContext {
  const model = formatModel(format);
  return {
    doc,
    format,
    model,
    cells: doc.cells,
    derived: deriveTotals(format, doc.cells),
    previous: previous ?? null,
    previousCells: previous ? previous.cells : (doc.previousCells ?? null),
  };
}

export const n = (v: number) => formatCellValue(v, 'money', { grouping: true });

export function finding(rule: RuleDecl, message: string, cells: string[], extra: Partial<Finding> = {}, anchor = cells[0] ?? ''): Finding {
  return { rule: rule.id, severity: rule.severity, message, cells, id: `${rule.id}:${anchor}`, ...extra };
}

export function label(ctx: RuleContext, key: string): string {
  return ctx.model.byKey.get(key)?.label ?? key;
}

/** A cell's value for arithmetic: derived cells from the computation, inputs as filled (blank = 0). */
export function value(ctx: RuleContext, key: string): number {
  const info = ctx.model.byKey.get(key);
  return (info?.derived ? ctx.derived[key] : ctx.cells[key]) ?? 0;
}

export function t3Columns(ctx: RuleContext) {
  return ctx.format.t3.columns.filter((c) => !c.derived);
}

export function t3Short(ctx: RuleContext, rowKey: string): string {
  const row = ctx.format.t3.rows.find((r) => r.key === rowKey);
  return row ? (row.short ?? row.path[row.path.length - 1]) : rowKey;
}

export function t2Column(ctx: RuleContext, colKey: string): string {
  for (const b of ctx.format.t2.blocks) for (const c of b.columns) if (c.key === colKey) return c.label;
  return colKey;
}

export function t2Row(ctx: RuleContext, rowKey: string): string {
  for (const b of ctx.format.t2.blocks) for (const r of b.rows) if (r.key === rowKey) return r.label;
  return rowKey;
}

export function sectionHeadingOf(ctx: RuleContext, table: TableId): string {
  return ctx.format.sections.find((s) => s.table === table)?.heading ?? table;
}

export type Evaluator<T extends RuleDecl['type']> = (rule: Extract<RuleDecl, { type: T }>, ctx: RuleContext, out: Finding[]) => void;

/** Per format and rule, what does not depend on the report (cell keys, labels) is built once. */
const plans = new WeakMap<object, Map<string, unknown>>();
export function plan<T>(rule: object, format: ReportFormat, build: () => T): T {
  let byFormat = plans.get(rule);
  if (!byFormat) plans.set(rule, (byFormat = new Map()));
  if (!byFormat.has(format.id)) byFormat.set(format.id, build());
  return byFormat.get(format.id) as T;
}
