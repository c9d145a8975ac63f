// Evaluates a format's rule catalogue over a report (and last year's figures) into findings.
// One evaluator per rule type; every message names the cells, the figures and the fix.
import type { Finding } from '../report';
import type { Evaluator, RuleContext } from './context';
import { cellKind, moneyDecimals, moneyLooksLikeYuan, statedTotal, tablesEmpty, unfilled, unknownCell } from './eval-cells';
import { previousIdentity } from './eval-previous';
import { t2DecisionsWithoutItems, t2PublishedBound, t2RepealBound, t2StockContinuity, unusualRowForUnits, zeroRowForUnits } from './eval-t2';
import { t2AmountWithoutItems, t2IssuedBound, t2ItemsContinuity, t2ItemsNotNegative } from './eval-t2-plausibility';
import { t3Balance, t3CarryOver, t3ZeroWithoutRequests } from './eval-t3';
import type { RuleDecl } from './types';

export { makeContext, type RuleContext } from './context';

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
  t2_issued_bound: t2IssuedBound,
  t2_items_not_negative: t2ItemsNotNegative,
  t2_amount_without_items: t2AmountWithoutItems,
  t2_items_continuity: t2ItemsContinuity,
};

/** Runs the given rules; each rule's findings in the order of the table. */
export function evaluate(rules: readonly RuleDecl[], ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) (EVALUATORS[rule.type] as Evaluator<typeof rule.type>)(rule as never, ctx, out);
  return out;
}
