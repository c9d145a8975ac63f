// Table rules as data: each format has a catalogue of declarations (catalogue.ts); the engine
// (engine.ts, evaluators in eval-*.ts) has one evaluator per rule type. A new rule for a new format is a new entry.
import type { UnitKind } from '../report';

import type { Severity } from './registry';

export type { Severity };

interface RuleBase {
  /** stable id, part of every finding and of the acknowledgement ids: never rename */
  id: string;
  severity: Severity;
  /** what the rule checks, in Chinese, for lists and documentation */
  title: string;
  /** the matching item of the spec's reviewer checks (annual-report-format.md §6.2), if any */
  spec?: string;
}

/** The four rows of table 三 that the 勾稽关系 一 + 二 = 三（七） + 四 relates. */
export interface BalanceRows {
  newReceived: string;
  carriedOver: string;
  /** （七）总计, a derived row */
  processed: string;
  carriedForward: string;
}

/** The three columns of table 二's 第（一）项 block used by the cross-year stock checks. */
export interface StockColumns {
  rows: string[];
  issued: string;
  repealed: string;
  inForce: string;
}

export type RuleDecl =
  /** every value in `cells` fits its cell's kind (count, signed count, money) */
  | (RuleBase & { type: 'cell_kind' })
  /** every key in `cells` is a cell of the report's format */
  | (RuleBase & { type: 'unknown_cell' })
  /** a total written in the file equals the total computed from its parts */
  | (RuleBase & { type: 'stated_total' })
  /** per applicant column: 一 + 二 = 三（七） + 四 */
  | (RuleBase & { type: 't3_balance'; rows: BalanceRows })
  /** per applicant column: when 一 and 二 are 0, the outcome rows and 四 are 0 */
  | (RuleBase & { type: 't3_zero_without_requests'; rows: BalanceRows })
  /** cross-year, per applicant column: 二 (this year) = 四 (last year) */
  | (RuleBase & { type: 't3_carry_over'; rows: BalanceRows })
  /** cross-year: 现行有效 = last year's 现行有效 + 本年制发 − 本年废止 */
  | (RuleBase & { type: 't2_stock_continuity'; stock: StockColumns })
  /** cross-year: 本年废止 ≤ last year's 现行有效 + 本年制发 */
  | (RuleBase & { type: 't2_repeal_bound'; stock: StockColumns })
  /** a table-二 row that units of these kinds cannot have (乡镇、街道 issue no 规章) */
  | (RuleBase & { type: 'zero_row_for_units'; row: string; unitKinds: UnitKind[]; /** where such figures usually belong */ moveTo?: string })
  /** a 万元 amount large enough to have been typed in 元 */
  | (RuleBase & { type: 'money_looks_like_yuan'; cell: string; unitKinds: UnitKind[]; threshold: number })
  /** input cells left blank, one finding per table */
  | (RuleBase & { type: 'unfilled' })
  /** every input cell of every table blank: a report without its statistics */
  | (RuleBase & { type: 'tables_empty' })
  /** a money cell with more decimals than the table prints (W19) */
  | (RuleBase & { type: 'money_decimals' })
  /** a table-二 row that units of these kinds seldom have (most 乡镇、街道 have no power to issue it) */
  | (RuleBase & { type: 'unusual_row_for_units'; row: string; unitKinds: UnitKind[] })
  /** 2019 第（一）项: 本年新公开 ≤ 本年新制作 and 对外公开总数 ≥ 本年新公开, per row */
  | (RuleBase & { type: 't2_published_bound'; rows: string[]; made: string; published: string; total: string })
  /** 2019 第（五）（六）项: 处理决定 while the row has no items (上一年项目数量 + 本年增/减 = 0 or less) */
  | (RuleBase & { type: 't2_decisions_without_items'; rows: string[]; items: string; change: string; decisions: string })
  /** 2021 第（一）项: 本年制发 ≤ 现行有效 + 本年废止, per row */
  | (RuleBase & { type: 't2_issued_bound'; rows: string[]; issued: string; repealed: string; inForce: string })
  /** 2019 第（五）（六）（八）项: 上一年项目数量 + 本年增/减 ≥ 0, per row */
  | (RuleBase & { type: 't2_items_not_negative'; rows: string[]; items: string; change: string })
  /** 2019 第（九）项: no 采购总金额 without 采购项目 */
  | (RuleBase & { type: 't2_amount_without_items'; row: string; items: string; amount: string })
  /** 2019, cross-year: 上一年项目数量 = last year's 上一年项目数量 + 本年增/减, per row */
  | (RuleBase & { type: 't2_items_continuity'; rows: string[]; items: string; change: string })
  /** the report given as last year's is the same unit's year Y−1 */
  | (RuleBase & { type: 'previous_identity' });

export type RuleType = RuleDecl['type'];
