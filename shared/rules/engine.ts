// Evaluates a format's rule catalogue over a report (and last year's figures) into findings.
// One evaluator per rule type; every message names the cells, the figures and the fix.
import { cellKey, deriveTotals, formatModel, roundMoney, type FormatModel } from '../formats/index';
import type { ReportFormat, TableId } from '../formats/types';
import { cellValueProblem, decimalPlaces, formatCellValue, MONEY_DECIMALS } from '../number';
import { UNIT_KIND_LABELS, type Finding, type ReportDoc } from '../report';
import type { BalanceRows, RuleDecl, StockColumns } from './types';

type Cells = Readonly<Record<string, number | undefined>>;

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

const n = (v: number) => formatCellValue(v, 'money', { grouping: true });

function finding(rule: RuleDecl, message: string, cells: string[], extra: Partial<Finding> = {}, anchor = cells[0] ?? ''): Finding {
  return { rule: rule.id, severity: rule.severity, message, cells, id: `${rule.id}:${anchor}`, ...extra };
}

function label(ctx: RuleContext, key: string): string {
  return ctx.model.byKey.get(key)?.label ?? key;
}

/** A cell's value for arithmetic: derived cells from the computation, inputs as filled (blank = 0). */
function value(ctx: RuleContext, key: string): number {
  const info = ctx.model.byKey.get(key);
  return (info?.derived ? ctx.derived[key] : ctx.cells[key]) ?? 0;
}

function t3Columns(ctx: RuleContext) {
  return ctx.format.t3.columns.filter((c) => !c.derived);
}

function t3Short(ctx: RuleContext, rowKey: string): string {
  const row = ctx.format.t3.rows.find((r) => r.key === rowKey);
  return row ? (row.short ?? row.path[row.path.length - 1]) : rowKey;
}

function t2Column(ctx: RuleContext, colKey: string): string {
  for (const b of ctx.format.t2.blocks) for (const c of b.columns) if (c.key === colKey) return c.label;
  return colKey;
}

function t2Row(ctx: RuleContext, rowKey: string): string {
  for (const b of ctx.format.t2.blocks) for (const r of b.rows) if (r.key === rowKey) return r.label;
  return rowKey;
}

function sectionHeadingOf(ctx: RuleContext, table: TableId): string {
  return ctx.format.sections.find((s) => s.table === table)?.heading ?? table;
}

type Evaluator<T extends RuleDecl['type']> = (rule: Extract<RuleDecl, { type: T }>, ctx: RuleContext, out: Finding[]) => void;

const cellKind: Evaluator<'cell_kind'> = (rule, ctx, out) => {
  for (const key in ctx.cells) {
    const v = ctx.cells[key];
    const info = ctx.model.byKey.get(key);
    if (v === undefined || !info) continue;
    // Too many decimals in an amount is W19 (cell.money_decimals), a warning of its own.
    if (info.kind === 'money' && Number.isFinite(v) && v >= 0 && decimalPlaces(v) > MONEY_DECIMALS) continue;
    const problem = cellValueProblem(v, info.kind);
    if (problem) out.push(finding(rule, `“${info.label}”：${problem}。`, [key], { actual: Number.isFinite(v) ? v : String(v) }));
  }
};

const unknownCell: Evaluator<'unknown_cell'> = (rule, ctx, out) => {
  for (const key in ctx.cells) {
    if (ctx.model.byKey.has(key)) continue;
    out.push(
      finding(rule, `单元格 ${key} 不在${ctx.format.citation}格式的表格里，导出时不会印出。可能是用了别的年度的格式：请核对报告格式，或删去这个数字。`, [key], {
        actual: ctx.cells[key],
      }),
    );
  }
};

const statedTotal: Evaluator<'stated_total'> = (rule, ctx, out) => {
  for (const d of ctx.model.derived) {
    const stated = ctx.cells[d.key];
    if (stated === undefined) continue;
    const computed = ctx.derived[d.key];
    if (Math.abs(stated - computed) < 1e-9) continue;
    out.push(
      finding(
        rule,
        `“${label(ctx, d.key)}”填的是 ${n(stated)}，各分项相加是 ${n(computed)}。总计由程序按分项自动计算：请核对各分项的数字，确认无误后删去填写的总计。`,
        [d.key, ...d.sumOf],
        {
          expected: computed,
          actual: stated,
        },
      ),
    );
  }
};

/** Per format and rule, what does not depend on the report (cell keys, labels) is built once. */
const plans = new WeakMap<object, Map<string, unknown>>();
function plan<T>(rule: object, format: ReportFormat, build: () => T): T {
  let byFormat = plans.get(rule);
  if (!byFormat) plans.set(rule, (byFormat = new Map()));
  if (!byFormat.has(format.id)) byFormat.set(format.id, build());
  return byFormat.get(format.id) as T;
}

function balanceKeys(rows: BalanceRows, col: string) {
  return {
    nr: cellKey('t3', rows.newReceived, col),
    co: cellKey('t3', rows.carriedOver, col),
    tp: cellKey('t3', rows.processed, col),
    cf: cellKey('t3', rows.carriedForward, col),
  };
}

// The 总计 column is the sum of the applicant columns, so it balances exactly when they do in sum;
// checking it too would repeat every finding.
const t3Balance: Evaluator<'t3_balance'> = (rule, ctx, out) => {
  const { rows } = rule;
  const columns = plan(rule, ctx.format, () => t3Columns(ctx).map((col) => ({ col, k: balanceKeys(rows, col.key) })));
  for (const { col, k } of columns) {
    const a = value(ctx, k.nr);
    const b = value(ctx, k.co);
    const c = value(ctx, k.tp);
    const d = value(ctx, k.cf);
    if (roundMoney(a + b) === roundMoney(c + d)) continue;
    const [sNr, sCo, sTp, sCf] = [rows.newReceived, rows.carriedOver, rows.processed, rows.carriedForward].map((r) => t3Short(ctx, r));
    const head = `“${col.label}”一列不平衡：${sNr} ${n(a)} + ${sCo} ${n(b)} = ${n(a + b)}，${sTp} ${n(c)} + ${sCf} ${n(d)} = ${n(c + d)}。`;
    const need = a + b - c;
    if (need >= 0) {
      out.push(
        finding(
          rule,
          `${head}${sCf}应为 ${n(need)} ${col.unit}（${sNr} ${n(a)} + ${sCo} ${n(b)} − ${sTp} ${n(c)}）；如果${sCf}没错，请核对${sNr}、${sCo}和各项办理结果。`,
          [k.cf, k.nr, k.co, k.tp],
          {
            expected: need,
            actual: d,
          },
        ),
      );
    } else {
      out.push(
        finding(
          rule,
          `${head}${sTp} ${n(c)} ${col.unit}已经多于${sNr}与${sCo}之和 ${n(a + b)} ${col.unit}：请核对各项办理结果（同一申请只计入一种办理结果），或补上漏填的${sNr}、${sCo}。`,
          [k.tp, k.nr, k.co, k.cf],
          { expected: a + b - d, actual: c },
          k.cf,
        ),
      );
    }
  }
};

const t3ZeroWithoutRequests: Evaluator<'t3_zero_without_requests'> = (rule, ctx, out) => {
  const { rows } = rule;
  const columns = plan(rule, ctx.format, () => {
    const outcomeRows = ctx.format.t3.rows.filter((r) => r.outcome).map((r) => r.key);
    return t3Columns(ctx).map((col) => ({
      col,
      k: balanceKeys(rows, col.key),
      watched: [...outcomeRows, rows.carriedForward].map((r) => cellKey('t3', r, col.key)),
    }));
  });
  for (const { col, k, watched } of columns) {
    if (value(ctx, k.nr) !== 0 || value(ctx, k.co) !== 0) continue;
    const nonZero = watched.filter((key) => value(ctx, key) !== 0);
    if (nonZero.length === 0) continue;
    const listed = nonZero.map((key) => `“${label(ctx, key)}”${n(value(ctx, key))}`).join('、');
    out.push(
      finding(
        rule,
        `“${col.label}”一列${t3Short(ctx, rows.newReceived)}和${t3Short(ctx, rows.carriedOver)}都是 0，办理结果和${t3Short(ctx, rows.carriedForward)}也应都是 0，但${listed}不是 0：请核对是否漏填了申请数量。`,
        nonZero,
        {
          expected: 0,
          actual: value(ctx, nonZero[0]),
        },
        k.nr,
      ),
    );
  }
};

const t3CarryOver: Evaluator<'t3_carry_over'> = (rule, ctx, out) => {
  const prev = ctx.previousCells;
  if (!prev) return;
  const { rows } = rule;
  for (const col of t3Columns(ctx)) {
    const k = balanceKeys(rows, col.key);
    const last = prev[k.cf];
    if (last === undefined) continue;
    const cur = ctx.cells[k.co];
    if ((cur ?? 0) === last) continue;
    const curText = cur === undefined ? '还没有填写' : `是 ${n(cur)} ${col.unit}`;
    out.push(
      finding(
        rule,
        `“${col.label}”一列的${t3Short(ctx, rows.carriedOver)}${curText}，上一年度报告的“${ctx.format.t3.rows.find((r) => r.key === rows.carriedForward)?.path.join('') ?? rows.carriedForward}”是 ${n(last)} ${col.unit}，两者应相等：请改为 ${n(last)}；如确有原因（如上年数字有误），核实后可标记为已核实。`,
        [k.co],
        { expected: last, actual: cur ?? '未填' },
      ),
    );
  }
};

function stockFigures(ctx: RuleContext, stock: StockColumns, row: string) {
  const key = (c: string) => cellKey('t2', row, c);
  return {
    inForceKey: key(stock.inForce),
    repealedKey: key(stock.repealed),
    issuedKey: key(stock.issued),
    last: ctx.previousCells?.[key(stock.inForce)],
    inForce: ctx.cells[key(stock.inForce)],
    issued: ctx.cells[key(stock.issued)] ?? 0,
    repealed: ctx.cells[key(stock.repealed)] ?? 0,
  };
}

const t2StockContinuity: Evaluator<'t2_stock_continuity'> = (rule, ctx, out) => {
  for (const row of rule.stock.rows) {
    const f = stockFigures(ctx, rule.stock, row);
    if (f.last === undefined || f.inForce === undefined) continue;
    const expected = f.last + f.issued - f.repealed;
    if (f.inForce === expected) continue;
    const [cIssued, cRepealed, cInForce] = [rule.stock.issued, rule.stock.repealed, rule.stock.inForce].map((c) => t2Column(ctx, c));
    out.push(
      finding(
        rule,
        `“${t2Row(ctx, row)}”的${cInForce}是 ${n(f.inForce)}，按上年${cInForce} ${n(f.last)} + ${cIssued} ${n(f.issued)} − ${cRepealed} ${n(f.repealed)} 应为 ${n(expected)}。请核对；如因修订、清理等原因确实不同，核实后可标记为已核实。`,
        [f.inForceKey, f.issuedKey, f.repealedKey],
        { expected, actual: f.inForce },
      ),
    );
  }
};

const t2RepealBound: Evaluator<'t2_repeal_bound'> = (rule, ctx, out) => {
  for (const row of rule.stock.rows) {
    const f = stockFigures(ctx, rule.stock, row);
    if (f.last === undefined) continue;
    const bound = f.last + f.issued;
    if (f.repealed <= bound) continue;
    const [cIssued, cRepealed, cInForce] = [rule.stock.issued, rule.stock.repealed, rule.stock.inForce].map((c) => t2Column(ctx, c));
    out.push(
      finding(
        rule,
        `“${t2Row(ctx, row)}”的${cRepealed} ${n(f.repealed)} 多于上年${cInForce} ${n(f.last)} 与${cIssued} ${n(f.issued)} 之和 ${n(bound)}：废止的文件不可能比现有的还多，请核对这几个数字。`,
        [f.repealedKey, f.issuedKey],
        { expected: bound, actual: f.repealed },
      ),
    );
  }
};

const zeroRowForUnits: Evaluator<'zero_row_for_units'> = (rule, ctx, out) => {
  const kind = ctx.doc.unit.kind;
  if (!rule.unitKinds.includes(kind)) return;
  const keys = ctx.model.cells.filter((c) => c.table === 't2' && c.row === rule.row).map((c) => c.key);
  const nonZero = keys.filter((k) => (ctx.cells[k] ?? 0) !== 0);
  if (nonZero.length === 0) return;
  const rowLabel = t2Row(ctx, rule.row);
  const hint = rule.moveTo ? `本单位制发的文件如属行政规范性文件，请填在“${t2Row(ctx, rule.moveTo)}”一行。` : '';
  const listed = nonZero.map((k) => `${label(ctx, k)} ${n(ctx.cells[k] ?? 0)}`).join('、');
  out.push(
    finding(rule, `${UNIT_KIND_LABELS[kind]}没有规章制定权，“${rowLabel}”一行应全部为 0，现在填了：${listed}。请改为 0；${hint}`, nonZero, {
      expected: 0,
      actual: ctx.cells[nonZero[0]],
    }),
  );
};

const moneyLooksLikeYuan: Evaluator<'money_looks_like_yuan'> = (rule, ctx, out) => {
  if (!rule.unitKinds.includes(ctx.doc.unit.kind)) return;
  const v = ctx.cells[rule.cell];
  if (v === undefined || v < rule.threshold) return;
  const asWan = formatCellValue(roundMoney(v / 10000), 'money');
  out.push(
    finding(
      rule,
      `“${label(ctx, rule.cell)}”填的是 ${n(v)} 万元，即 ${n(v * 10000)} 元，对${UNIT_KIND_LABELS[ctx.doc.unit.kind]}来说偏大，可能把元当成了万元。这一格的单位是万元：如果实际收费是 ${n(v)} 元，应填 ${asWan}。请核实。`,
      [rule.cell],
      { expected: roundMoney(v / 10000), actual: v },
    ),
  );
};

const unfilled: Evaluator<'unfilled'> = (rule, ctx, out) => {
  const byTable = new Map<TableId, string[]>();
  for (const c of ctx.model.inputs) {
    if (ctx.cells[c.key] !== undefined) continue;
    const list = byTable.get(c.table) ?? [];
    list.push(c.key);
    byTable.set(c.table, list);
  }
  for (const [table, keys] of byTable) {
    const total = ctx.model.inputs.filter((c) => c.table === table).length;
    const examples = keys
      .slice(0, 2)
      .map((k) => `“${label(ctx, k)}”`)
      .join('、');
    const scope = keys.length === total ? '全部格子都还没有填写' : `有 ${keys.length} 个格子还没有填写（如${examples}${keys.length > 2 ? '等' : ''}）`;
    out.push(finding(rule, `“${sectionHeadingOf(ctx, table)}”的表格${scope}。官方表格不留空白：没有发生的事项请填 0。`, keys, { actual: keys.length }, table));
  }
};

const moneyDecimals: Evaluator<'money_decimals'> = (rule, ctx, out) => {
  // Only the format's money cells (one or two), worked out once per format.
  const keys = plan(rule, ctx.format, () => ctx.model.cells.filter((c) => c.kind === 'money' && !c.derived).map((c) => c.key));
  for (const key of keys) {
    const v = ctx.cells[key];
    const info = ctx.model.byKey.get(key)!;
    if (v === undefined || !Number.isFinite(v) || v < 0) continue;
    if (decimalPlaces(v) <= MONEY_DECIMALS) continue;
    const rounded = roundMoney(v);
    out.push(
      finding(
        rule,
        `“${info.label}”填的是 ${v}，小数超过${MONEY_DECIMALS}位。表格按${info.unit ?? '万元'}印出，最多保留${MONEY_DECIMALS}位小数（0.0001 万元 = 1 元），导出时会印成 ${n(rounded)}。请核对金额和单位。`,
        [key],
        {
          expected: rounded,
          actual: v,
        },
      ),
    );
  }
};

const tablesEmpty: Evaluator<'tables_empty'> = (rule, ctx, out) => {
  for (const c of ctx.model.inputs) if (ctx.cells[c.key] !== undefined) return;
  const headings = (['t2', 't3', 't4'] as TableId[]).map((t) => sectionHeadingOf(ctx, t)).join('”“');
  out.push(
    finding(rule, `“${headings}”三张统计表都没有填写。年度报告必须附这三张表，没有发生的事项填 0。请在第二、三、四部分逐格填写后再导出。`, [], {}, 'all'),
  );
};

const unusualRowForUnits: Evaluator<'unusual_row_for_units'> = (rule, ctx, out) => {
  const kind = ctx.doc.unit.kind;
  if (!rule.unitKinds.includes(kind)) return;
  const keys = plan(rule, ctx.format, () =>
    ctx.model.cells.filter((c) => c.table === 't2' && c.row === rule.row && !c.derived && c.kind === 'count').map((c) => c.key),
  );
  // The first column (本年制发件数 / 本年新制作数量) says the unit issued some this year.
  const issued = keys[0];
  const v = issued ? (ctx.cells[issued] ?? 0) : 0;
  if (!issued || v <= 0) return;
  out.push(
    finding(
      rule,
      `“${label(ctx, issued)}”填了 ${n(v)} 件。多数${UNIT_KIND_LABELS[kind]}没有制发行政规范性文件的权限，常见的是把一般的通知、方案也算进来了。请核实这些文件确是规范性文件（经合法性审核、向社会公布、有普遍约束力）；确实是的，请标记为已核实。`,
      [issued],
      { actual: v },
    ),
  );
};

const t2PublishedBound: Evaluator<'t2_published_bound'> = (rule, ctx, out) => {
  for (const row of rule.rows) {
    const made = cellKey('t2', row, rule.made);
    const published = cellKey('t2', row, rule.published);
    const total = cellKey('t2', row, rule.total);
    if (!ctx.model.byKey.has(made)) continue;
    const m = ctx.cells[made];
    const p = ctx.cells[published];
    const t = ctx.cells[total];
    if (m !== undefined && p !== undefined && p > m) {
      out.push(
        finding(
          rule,
          `“${t2Row(ctx, row)}”本年新公开 ${n(p)} 件，比本年新制作的 ${n(m)} 件还多。新公开的只能是本年制作的文件，请核对这两格。`,
          [published, made],
          { expected: m, actual: p },
          published,
        ),
      );
    }
    if (p !== undefined && t !== undefined && t < p) {
      out.push(
        finding(
          rule,
          `“${t2Row(ctx, row)}”对外公开总数量 ${n(t)} 件，少于本年新公开的 ${n(p)} 件。对外公开总数量包括本年新公开的，请核对这两格。`,
          [total, published],
          { expected: p, actual: t },
          total,
        ),
      );
    }
  }
};

const t2DecisionsWithoutItems: Evaluator<'t2_decisions_without_items'> = (rule, ctx, out) => {
  for (const row of rule.rows) {
    const items = cellKey('t2', row, rule.items);
    const change = cellKey('t2', row, rule.change);
    const decisions = cellKey('t2', row, rule.decisions);
    if (!ctx.model.byKey.has(decisions)) continue;
    const d = ctx.cells[decisions];
    const i = ctx.cells[items];
    if (d === undefined || d <= 0 || i === undefined) continue;
    const c = ctx.cells[change] ?? 0;
    if (i + c > 0) continue;
    out.push(
      finding(
        rule,
        `“${t2Row(ctx, row)}”上一年项目数量 ${n(i)}、本年增/减 ${n(c)}，本年已没有这类事项，却填了处理决定 ${n(d)} 件。请核对：项目数量是事项的个数，处理决定数量是本年作出的决定件数。`,
        [decisions, items, change],
        { actual: d },
        decisions,
      ),
    );
  }
};

const previousIdentity: Evaluator<'previous_identity'> = (rule, ctx, out) => {
  const prev = ctx.previous;
  if (!prev) return;
  if (prev.year !== ctx.doc.year - 1) {
    out.push(
      finding(
        rule,
        `用来做跨年度核对的上年报告是 ${prev.year} 年度的，不是 ${ctx.doc.year - 1} 年度的；跨年度核对（上年结转、现行有效件数）可能不准确，请换成 ${ctx.doc.year - 1} 年度的报告。`,
        [],
        {
          expected: ctx.doc.year - 1,
          actual: prev.year,
        },
        'year',
      ),
    );
  }
  if (prev.unit.name.trim() !== ctx.doc.unit.name.trim()) {
    out.push(
      finding(
        rule,
        `用来做跨年度核对的上年报告是“${prev.unit.name}”的，本报告是“${ctx.doc.unit.name}”的；如果单位改过名称可以忽略，否则请换成本单位的上年报告。`,
        [],
        {
          expected: ctx.doc.unit.name,
          actual: prev.unit.name,
        },
        'unit',
      ),
    );
  }
};

const EVALUATORS: { [T in RuleDecl['type']]: Evaluator<T> } = {
  cell_kind: cellKind,
  unknown_cell: unknownCell,
  stated_total: statedTotal,
  t3_balance: t3Balance,
  t3_zero_without_requests: t3ZeroWithoutRequests,
  t3_carry_over: t3CarryOver,
  t2_stock_continuity: t2StockContinuity,
  t2_repeal_bound: t2RepealBound,
  zero_row_for_units: zeroRowForUnits,
  money_looks_like_yuan: moneyLooksLikeYuan,
  unfilled,
  tables_empty: tablesEmpty,
  money_decimals: moneyDecimals,
  unusual_row_for_units: unusualRowForUnits,
  t2_published_bound: t2PublishedBound,
  t2_decisions_without_items: t2DecisionsWithoutItems,
  previous_identity: previousIdentity,
};

/** Runs the given rules; each rule's findings in the order of the table. */
export function evaluate(rules: readonly RuleDecl[], ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) (EVALUATORS[rule.type] as Evaluator<typeof rule.type>)(rule as never, ctx, out);
  return out;
}
