// The table rules of each national format, as data. Severities follow the reviewer checks of
// annual-report-format.md §6.2 (E = error blocks export, W = warning, I = info).
import type { ReportFormat } from '../formats/types';
import type { BalanceRows, RuleDecl, StockColumns } from './types';

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
  { id: 'cell.kind', type: 'cell_kind', severity: 'error', title: '数字类型（件数为不小于0的整数，金额最多4位小数）', spec: 'E9/I22' },
  { id: 'cell.unknown', type: 'unknown_cell', severity: 'error', title: '表格中不存在的单元格（可能用了别的年度的格式）', spec: 'E9/E10' },
  { id: 'total.stated', type: 'stated_total', severity: 'error', title: '填写的总计与各分项之和不一致', spec: 'E11/E12/E16' },
  { id: 't3.balance', type: 't3_balance', severity: 'error', title: '勾稽关系：本年新收 + 上年结转 = 办理结果总计 + 结转下年度', spec: 'E13', rows: BALANCE_ROWS },
  { id: 't3.no_requests_zero', type: 't3_zero_without_requests', severity: 'warning', title: '没有新收和结转申请时，办理结果和结转下年度应为 0', spec: 'W15', rows: BALANCE_ROWS },
  { id: 't3.carry_over', type: 't3_carry_over', severity: 'warning', title: '上年结转应等于上一年度报告的结转下年度', spec: 'W14', rows: BALANCE_ROWS },
  { id: 't2.township_regulations', type: 'zero_row_for_units', severity: 'error', title: '乡镇、街道没有规章制定权，规章一行应为 0', spec: 'E18', row: 'regulations', unitKinds: ['township', 'subdistrict'], moveTo: 'normative_documents' },
  { id: 'cells.unfilled', type: 'unfilled', severity: 'info', title: '未填写的格子（官方表格不留空，没有发生的填 0）', spec: 'E9' },
  { id: 'previous.identity', type: 'previous_identity', severity: 'info', title: '上年报告是同一单位的上一年度' },
];

const STOCK_2021: StockColumns = { rows: ['regulations', 'normative_documents'], issued: 'issued', repealed: 'repealed', inForce: 'in_force' };

export const RULES_GOV_2021: RuleDecl[] = [
  ...COMMON_RULES,
  { id: 't2.in_force_continuity', type: 't2_stock_continuity', severity: 'warning', title: '现行有效件数 = 上年现行有效 + 本年制发 − 本年废止', spec: 'W20', stock: STOCK_2021 },
  { id: 't2.repeal_bound', type: 't2_repeal_bound', severity: 'warning', title: '本年废止件数不超过上年现行有效 + 本年制发', spec: 'W21', stock: STOCK_2021 },
  // 1000 万元 of fees in one year is implausible for a 乡镇 or 街道; 1000 元 typed as 万元 is not.
  { id: 't2.fee_unit', type: 'money_looks_like_yuan', severity: 'warning', title: '本年收费金额的单位是万元', spec: 'W19', cell: 't2.fees.amount', unitKinds: ['township', 'subdistrict'], threshold: 1000 },
];

// The 2019 table 二 has no 现行有效件数 (its 第（一）项 columns count documents made and published),
// so the stock checks do not apply; 采购总金额 has no printed unit, so no 元/万元 check either.
export const RULES_GOV_2019: RuleDecl[] = [...COMMON_RULES];

export const RULE_CATALOGUES: Record<ReportFormat['id'], RuleDecl[]> = {
  'gov-2021': RULES_GOV_2021,
  'gov-2019': RULES_GOV_2019,
};
