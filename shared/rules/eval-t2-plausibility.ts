// Table 二 figures that cannot be right (issue 19 §4, 表二 plausibility), in both formats: a row
// issuing more documents than are now in force or repealed (2021), 上一年项目数量 + 本年增/减 below
// zero or not carried from last year's report (2019), a 采购总金额 with no 采购项目 (2019).
import { cellKey } from '../formats/index';
import { finding, n, t2Column, t2Row, type Evaluator } from './context';

/** 2021: the documents issued this year are still in force or were repealed: 制发 ≤ 现行有效 + 废止. */
export const t2IssuedBound: Evaluator<'t2_issued_bound'> = (rule, ctx, out) => {
  for (const row of rule.rows) {
    const [issuedKey, repealedKey, inForceKey] = [rule.issued, rule.repealed, rule.inForce].map((c) => cellKey('t2', row, c)) as [string, string, string];
    const issued = ctx.cells[issuedKey];
    const inForce = ctx.cells[inForceKey];
    if (issued === undefined || inForce === undefined) continue;
    const repealed = ctx.cells[repealedKey] ?? 0;
    if (issued <= inForce + repealed) continue;
    out.push(
      finding(
        rule,
        `“${t2Row(ctx, row)}”${t2Column(ctx, rule.issued)} ${n(issued)}，多于${t2Column(ctx, rule.inForce)} ${n(inForce)} 与${t2Column(ctx, rule.repealed)} ${n(repealed)} 之和 ${n(inForce + repealed)}：本年制发的文件年底要么仍然有效，要么已经废止，现行有效件数至少是 ${n(issued - repealed)}。请核对这三格。`,
        [issuedKey, inForceKey, repealedKey],
        { expected: inForce + repealed, actual: issued },
      ),
    );
  }
};

/** 2019: 上一年项目数量 + 本年增/减 is this year's number of items, never below zero. */
export const t2ItemsNotNegative: Evaluator<'t2_items_not_negative'> = (rule, ctx, out) => {
  for (const row of rule.rows) {
    const itemsKey = cellKey('t2', row, rule.items);
    const changeKey = cellKey('t2', row, rule.change);
    if (!ctx.model.byKey.has(changeKey)) continue;
    const items = ctx.cells[itemsKey];
    const change = ctx.cells[changeKey];
    if (items === undefined || change === undefined || items + change >= 0) continue;
    out.push(
      finding(
        rule,
        `“${t2Row(ctx, row)}”${t2Column(ctx, rule.items)} ${n(items)}，${t2Column(ctx, rule.change)} ${n(change)}，本年只剩 ${n(items + change)} 项：项目数量不可能少于0，减少的项目不会多于上一年的项目。请核对这两格。`,
        [changeKey, itemsKey],
        { expected: -items, actual: change },
      ),
    );
  }
};

/** 2019: a 采购总金额 while 采购项目数量 is 0. */
export const t2AmountWithoutItems: Evaluator<'t2_amount_without_items'> = (rule, ctx, out) => {
  const itemsKey = cellKey('t2', rule.row, rule.items);
  const amountKey = cellKey('t2', rule.row, rule.amount);
  if (!ctx.model.byKey.has(amountKey)) return;
  const items = ctx.cells[itemsKey];
  const amount = ctx.cells[amountKey];
  if (items !== 0 || amount === undefined || amount <= 0) return;
  out.push(
    finding(
      rule,
      `“${t2Row(ctx, rule.row)}”${t2Column(ctx, rule.items)}为 0，却填了${t2Column(ctx, rule.amount)} ${n(amount)}：没有采购项目就没有采购金额。请核对这两格。`,
      [itemsKey, amountKey],
      { actual: amount },
    ),
  );
};

/** 2019, across years: 上一年项目数量 = last year's 上一年项目数量 + 本年增/减. */
export const t2ItemsContinuity: Evaluator<'t2_items_continuity'> = (rule, ctx, out) => {
  const last = ctx.previousCells;
  if (!last) return;
  for (const row of rule.rows) {
    const itemsKey = cellKey('t2', row, rule.items);
    const changeKey = cellKey('t2', row, rule.change);
    const items = ctx.cells[itemsKey];
    const lastItems = last[itemsKey];
    const lastChange = last[changeKey];
    if (items === undefined || lastItems === undefined || lastChange === undefined) continue;
    const expected = lastItems + lastChange;
    if (items === expected) continue;
    out.push(
      finding(
        rule,
        `“${t2Row(ctx, row)}”${t2Column(ctx, rule.items)} ${n(items)}，而上一年度报告的${t2Column(ctx, rule.items)} ${n(lastItems)}、${t2Column(ctx, rule.change)} ${n(lastChange)}，上一年年底应有 ${n(expected)} 项。请核对；项目清理等原因确实不同的，可标记为已核实。`,
        [itemsKey],
        { expected, actual: items },
      ),
    );
  }
};
