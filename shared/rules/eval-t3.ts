// Evaluators for table 三: each column balances, no outcomes without applications, last year's carried-forward carried over.
import { cellKey, roundMoney } from '../formats/index';
import { finding, label, n, plan, t3Columns, t3Short, value, type Evaluator } from './context';
import type { BalanceRows } from './types';

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
export const t3Balance: Evaluator<'t3_balance'> = (rule, ctx, out) => {
  const { rows } = rule;
  const columns = plan(rule, ctx.format, () => t3Columns(ctx).map((col) => ({ col, k: balanceKeys(rows, col.key) })));
  for (const { col, k } of columns) {
    const a = value(ctx, k.nr);
    const b = value(ctx, k.co);
    const c = value(ctx, k.tp);
    const d = value(ctx, k.cf);
    if (roundMoney(a + b) === roundMoney(c + d)) continue;
    const [sNr, sCo, sTp, sCf] = [rows.newReceived, rows.carriedOver, rows.processed, rows.carriedForward].map((r) => t3Short(ctx, r));
    const [left, right, unit] = [a + b, c + d, col.unit];
    const diff = n(Math.abs(roundMoney(left - right)));
    // The equation and the difference, never “结转下年度应为 N”: 结转下年度 counts applications still
    // open at year end and is usually right; overwriting it to balance erased real ones.
    const head = `“${col.label}”一列不平衡：${sNr} ${n(a)} + ${sCo} ${n(b)} = ${n(left)} ${unit}，${sTp} ${n(c)} + ${sCf} ${n(d)} = ${n(right)} ${unit}，差 ${diff} ${unit}。`;
    const advice =
      left > right
        ? `收到的比办理和结转的多 ${diff} ${unit}：请对照申请登记台账核对标出的格子——是否有申请的办理结果漏填，${sNr}或${sCo}是否多计。`
        : `办理和结转的比收到的多 ${diff} ${unit}：请对照申请登记台账核对标出的格子——${sNr}或${sCo}是否漏计，同一申请是否计入了两种办理结果。`;
    const keep = `${sCf}只填年底仍在办理的申请，台账上有几件就填几件，不要为了凑平而改它。`;
    // expected/actual (for --json): the 结转下年度 that would balance, or where no 结转 could, the
    // 办理结果总计 that would — neither is the fix to make (notAFix).
    const figures = left - c >= 0 ? { expected: left - c, actual: d } : { expected: left - d, actual: c };
    out.push(finding(rule, head + advice + keep, [k.nr, k.co, k.tp, k.cf], figures, k.cf));
  }
};

export const t3ZeroWithoutRequests: Evaluator<'t3_zero_without_requests'> = (rule, ctx, out) => {
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

export const t3CarryOver: Evaluator<'t3_carry_over'> = (rule, ctx, out) => {
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
