// 表二's 行政规范性文件 row from the unit's list of normative documents, and table 四 from its short
// register of 行政复议 and 行政诉讼 cases (issue 24 items 5 and 6). Both lists are kept across years:
// a document in force stays in force until its 废止日期 (so 现行有效 continues from last year), and a
// case stays 尚未审结 — carried into the next year's table — until it is decided.
import { z } from 'zod';
import { cellKey } from '../formats/index';
import type { ReportFormat } from '../formats/types';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日，例如 2025-03-08');

export const NormativeDocumentSchema = z
  .strictObject({
    /** 文号, e.g. 某政规〔2025〕1号 */
    number: z.string().trim().min(1, '请填写文号').max(60),
    title: z.string().trim().min(1, '请填写文件名称').max(200),
    issuedOn: isoDate,
    repealedOn: z.union([z.literal(''), isoDate]).default(''),
  })
  .refine((d) => !d.repealedOn || d.repealedOn >= d.issuedOn, { message: '废止日期早于制发日期，请核对', path: ['repealedOn'] });
export type NormativeDocument = z.infer<typeof NormativeDocumentSchema>;

export const CASE_RESULTS = ['maintain', 'correct', 'other', 'pending'] as const;

export const CaseSchema = z
  .strictObject({
    id: z.string().trim().min(1, '请填写案号或编号').max(60),
    /** 行政复议; 行政诉讼 未经复议直接起诉; 行政诉讼 复议后起诉 — the groups of table 四 */
    group: z.enum(['review', 'litigation_direct', 'litigation_after_review']),
    receivedOn: isoDate,
    /** 结果维持 / 结果纠正 / 其他结果 / 尚未审结 */
    result: z.enum(CASE_RESULTS),
    /** when the result was known; empty while 尚未审结 */
    decidedOn: z.union([z.literal(''), isoDate]).default(''),
  })
  .refine((c) => (c.result === 'pending') === (c.decidedOn === ''), { message: '已审结的案件要填写审结日期，尚未审结的不填', path: ['decidedOn'] })
  .refine((c) => !c.decidedOn || c.decidedOn >= c.receivedOn, { message: '审结日期早于收到日期，请核对', path: ['decidedOn'] });
export type Case = z.infer<typeof CaseSchema>;

/** The table 二 row the list fills, and its three columns (2021 format only). */
const T2_ROW = 'normative_documents';

/** 本年制发, 本年废止, 现行有效 of the 行政规范性文件 row; null when the format has no such columns (2019). */
export function table2FromDocuments(docs: readonly NormativeDocument[], year: number, format: ReportFormat): Record<string, number> | null {
  const block = format.t2.blocks.find((b) => b.rows.some((r) => r.key === T2_ROW));
  const has = (col: string) => Boolean(block?.columns.some((c) => c.key === col));
  if (!has('issued') || !has('repealed') || !has('in_force')) return null;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  let issued = 0;
  let repealed = 0;
  let inForce = 0;
  for (const d of docs) {
    if (d.issuedOn >= first && d.issuedOn <= last) issued++;
    if (d.repealedOn >= first && d.repealedOn <= last) repealed++;
    if (d.issuedOn <= last && (!d.repealedOn || d.repealedOn > last)) inForce++;
  }
  return { [cellKey('t2', T2_ROW, 'issued')]: issued, [cellKey('t2', T2_ROW, 'repealed')]: repealed, [cellKey('t2', T2_ROW, 'in_force')]: inForce };
}

/**
 * Table 四's input cells: a case decided in the year counts under its result; one still pending at
 * the year's end counts as 尚未审结 (and again next year, until decided). Cases decided before the
 * year, or received after it, are not in it.
 */
export function table4FromCases(cases: readonly Case[], year: number, format: ReportFormat): Record<string, number> {
  const cells: Record<string, number> = {};
  const inputs = format.t4.columns.filter((c) => !c.derived);
  for (const g of format.t4.groups) for (const c of inputs) cells[cellKey('t4', g.key, c.key)] = 0;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  for (const c of cases) {
    if (c.receivedOn > last || (c.decidedOn && c.decidedOn < first)) continue;
    const column = c.decidedOn && c.decidedOn <= last ? c.result : 'pending';
    const key = cellKey('t4', c.group, column);
    if (key in cells) cells[key]!++;
  }
  return cells;
}
