// Evaluators that read the cells on their own: kinds, unknown keys, stated totals, blanks and amounts.
import { roundMoney } from '../formats/index';
import type { TableId } from '../formats/types';
import { cellValueProblem, decimalPlaces, formatCellValue, MONEY_DECIMALS } from '../number';
import { UNIT_KIND_LABELS } from '../report';
import { finding, label, n, plan, sectionHeadingOf, type Evaluator } from './context';

export const cellKind: Evaluator<'cell_kind'> = (rule, ctx, out) => {
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

export const unknownCell: Evaluator<'unknown_cell'> = (rule, ctx, out) => {
  for (const key in ctx.cells) {
    if (ctx.model.byKey.has(key)) continue;
    out.push(
      finding(rule, `单元格 ${key} 不在${ctx.format.citation}格式的表格里，导出时不会印出。可能是用了别的年度的格式：请核对报告格式，或删去这个数字。`, [key], {
        actual: ctx.cells[key],
      }),
    );
  }
};

export const statedTotal: Evaluator<'stated_total'> = (rule, ctx, out) => {
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

export const moneyLooksLikeYuan: Evaluator<'money_looks_like_yuan'> = (rule, ctx, out) => {
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

export const unfilled: Evaluator<'unfilled'> = (rule, ctx, out) => {
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

export const moneyDecimals: Evaluator<'money_decimals'> = (rule, ctx, out) => {
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

export const tablesEmpty: Evaluator<'tables_empty'> = (rule, ctx, out) => {
  for (const c of ctx.model.inputs) if (ctx.cells[c.key] !== undefined) return;
  const headings = (['t2', 't3', 't4'] as TableId[]).map((t) => sectionHeadingOf(ctx, t)).join('”“');
  out.push(
    finding(rule, `“${headings}”三张统计表都没有填写。年度报告必须附这三张表，没有发生的事项填 0。请在第二、三、四部分逐格填写后再导出。`, [], {}, 'all'),
  );
};
