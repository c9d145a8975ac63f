// The table rules of each national format, as data. Severities follow the reviewer checks of
// annual-report-format.md §6.2 (E = error blocks export, W = warning, I = info).
import type { ReportFormat } from '../formats/types';
import { RULE_REGISTRY, type RuleId } from './registry';
import type { BalanceRows, RuleDecl, StockColumns } from './types';

/** A rule's id with its severity, title and spec item, read from the registry. */
function rule(id: RuleId) {
  const { severity, title } = RULE_REGISTRY[id];
  const spec = (RULE_REGISTRY[id] as { spec?: string }).spec;
  return { id, severity, title, ...(spec ? { spec } : {}) };
}

const BALANCE_ROWS: BalanceRows = {
  newReceived: 'new_received',
  carriedOver: 'carried_over',
  processed: 'total_processed',
  carriedForward: 'carried_forward',
};

/** Rules every gov format shares: table 三 and 四 are the same in 2019 and 2021 (spec §2.3–§2.4). */
const COMMON_RULES: RuleDecl[] = [
  // A value that does not fit its cell cannot be printed in the official table, so it blocks
  // export (spec E9); §6.2's I22 is about the same idea as advice while typing.
  { ...rule('cell.kind'), type: 'cell_kind' },
  { ...rule('cell.unknown'), type: 'unknown_cell' },
  { ...rule('total.stated'), type: 'stated_total' },
  { ...rule('t3.balance'), type: 't3_balance', rows: BALANCE_ROWS },
  { ...rule('t3.no_requests_zero'), type: 't3_zero_without_requests', rows: BALANCE_ROWS },
  { ...rule('t3.carry_over'), type: 't3_carry_over', rows: BALANCE_ROWS },
  { ...rule('t2.township_regulations'), type: 'zero_row_for_units', row: 'regulations', unitKinds: ['township', 'subdistrict'], moveTo: 'normative_documents' },
  { ...rule('cell.money_decimals'), type: 'money_decimals' },
  { ...rule('tables.empty'), type: 'tables_empty' },
  { ...rule('cells.unfilled'), type: 'unfilled' },
  { ...rule('previous.identity'), type: 'previous_identity' },
];

const STOCK_2021: StockColumns = { rows: ['regulations', 'normative_documents'], issued: 'issued', repealed: 'repealed', inForce: 'in_force' };

export const RULES_GOV_2021: RuleDecl[] = [
  ...COMMON_RULES,
  { ...rule('t2.in_force_continuity'), type: 't2_stock_continuity', stock: STOCK_2021 },
  { ...rule('t2.repeal_bound'), type: 't2_repeal_bound', stock: STOCK_2021 },
  // 1000 万元 of fees in one year is implausible for a 乡镇 or 街道; 1000 元 typed as 万元 is not.
  // 乡镇、街道 may issue 行政规范性文件 only where a province allows it; most have no such power.
  { ...rule('t2.township_normative'), type: 'unusual_row_for_units', row: 'normative_documents', unitKinds: ['township', 'subdistrict'] },
  { ...rule('t2.fee_unit'), type: 'money_looks_like_yuan', cell: 't2.fees.amount', unitKinds: ['township', 'subdistrict'], threshold: 1000 },
  // Issue 19 part B: 表二 plausibility.
  { ...rule('t2.plausibility'), type: 't2_issued_bound', rows: STOCK_2021.rows, issued: 'issued', repealed: 'repealed', inForce: 'in_force' },
];

/** The 2019 rows counted as items: 上一年项目数量 and 本年增/减 (第（五）（六）（八）项). */
const ITEM_ROWS_2019 = ['licensing', 'other_external_services', 'penalty', 'coercion', 'fees'];

// The 2019 table 二 has no 现行有效件数 (its 第（一）项 columns count documents made and published),
// so the stock checks do not apply; 采购总金额 has no printed unit, so no 元/万元 check either.
export const RULES_GOV_2019: RuleDecl[] = [
  ...COMMON_RULES,
  { ...rule('t2.township_normative'), type: 'unusual_row_for_units', row: 'normative_documents', unitKinds: ['township', 'subdistrict'] },
  {
    ...rule('t2.published_le_made'),
    type: 't2_published_bound',
    rows: ['regulations', 'normative_documents'],
    made: 'new_made',
    published: 'new_published',
    total: 'total_published',
  },
  {
    ...rule('t2.decisions_without_items'),
    type: 't2_decisions_without_items',
    rows: ['licensing', 'other_external_services', 'penalty', 'coercion'],
    items: 'prev_year_items',
    change: 'change',
    decisions: 'decisions',
  },
  // Issue 19 part B: 表二 plausibility in the 2019 format as in 2021.
  { ...rule('t2.plausibility'), type: 't2_items_not_negative', rows: ITEM_ROWS_2019, items: 'prev_year_items', change: 'change' },
  { ...rule('t2.procurement_amount'), type: 't2_amount_without_items', row: 'procurement', items: 'items', amount: 'amount' },
  { ...rule('t2.items_continuity'), type: 't2_items_continuity', rows: ITEM_ROWS_2019, items: 'prev_year_items', change: 'change' },
];

export const RULE_CATALOGUES: Record<ReportFormat['id'], RuleDecl[]> = {
  'gov-2021': RULES_GOV_2021,
  'gov-2019': RULES_GOV_2019,
};
