// Evaluators for table 二: the stock of normative documents across years, rows a unit kind should not fill, published and decision bounds.
import { cellKey } from '../formats/index';
import { UNIT_KIND_LABELS } from '../report';
import { finding, label, n, plan, t2Column, t2Row, type Evaluator, type RuleContext } from './context';
import type { StockColumns } from './types';
import { readNumber } from '../review/facts-numbers';

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

export const t2StockContinuity: Evaluator<'t2_stock_continuity'> = (rule, ctx, out) => {
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

export const t2RepealBound: Evaluator<'t2_repeal_bound'> = (rule, ctx, out) => {
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

export const zeroRowForUnits: Evaluator<'zero_row_for_units'> = (rule, ctx, out) => {
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

export const unusualRowForUnits: Evaluator<'unusual_row_for_units'> = (rule, ctx, out) => {
  const kind = ctx.doc.unit.kind;
  if (!rule.unitKinds.includes(kind)) return;
  const keys = plan(rule, ctx.format, () =>
    ctx.model.cells.filter((c) => c.table === 't2' && c.row === rule.row && !c.derived && c.kind === 'count').map((c) => c.key),
  );
  // The first column (本年制发件数 / 本年新制作数量) says the unit issued some this year.
  const issued = keys[0];
  const v = issued ? (ctx.cells[issued] ?? 0) : 0;
  if (!issued || v <= 0 || textStatesIssued(ctx, v)) return;
  out.push(
    finding(
      rule,
      `“${label(ctx, issued)}”填了 ${n(v)} 件，请核对。多数${UNIT_KIND_LABELS[kind]}没有制发行政规范性文件的权限，常见的是把一般的通知、方案也算进来了。请核实这些文件确是规范性文件（经合法性审核、向社会公布、有普遍约束力）；确实是的，请在正文中写明制发的件数，或标记为已核实。`,
      [issued],
      { actual: v },
    ),
  );
};

/**
 * The text itself says the unit issued that many (制发行政规范性文件2件, 制发规范性文件两件): the
 * clerk has stated it on purpose, so the table is not questioned (issue 19 §3: a check that fires
 * on a correct report is a false alarm).
 */
function textStatesIssued(ctx: RuleContext, v: number): boolean {
  for (const text of Object.values(ctx.doc.sections)) {
    if (!text || !text.includes('规范性文件')) continue;
    for (const m of text.matchAll(
      /(?:制发|出台|印发|发布)[^。；;，,]{0,8}规范性文件[^。；;，,\d一二两三四五六七八九十]{0,4}([0-9０-９]+|[一二两三四五六七八九十]+)\s*件/g,
    ))
      if (readNumber(m[1]!) === v) return true;
  }
  return false;
}

export const t2PublishedBound: Evaluator<'t2_published_bound'> = (rule, ctx, out) => {
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

export const t2DecisionsWithoutItems: Evaluator<'t2_decisions_without_items'> = (rule, ctx, out) => {
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
