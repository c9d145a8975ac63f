// The register summary a report carries (issue 24 item 7), apart from the code that counts it so
// the report schema reads it without the calendar. See summary.ts for how it is made.
import { z } from 'zod';

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const cellKey = z
  .string()
  .regex(/^t3\.[a-z_]+\.[a-z_]+$/, '单元格编号格式不对')
  .refine((k) => !PROTOTYPE_KEYS.has(k));
const appId = z.string().min(1).max(40);

export const RegisterSummarySchema = z.strictObject({
  /** when table 三 was last counted from the register */
  computedAt: z.string().max(40),
  /** the tables counted from the registers: t3 from the applications, t2 from the list of
   * normative documents, t4 from the case register */
  tables: z
    .array(z.enum(['t2', 't3', 't4']))
    .max(3)
    .default([]),
  /** how many applications the year's table 三 counts */
  counted: z.number().int().min(0).default(0),
  /** application ids behind each table 三 input cell (cells with none left out) */
  sources: z.record(cellKey, z.array(appId)).default({}),
  /** applications answered late, or open past their due date, when counted */
  overdue: z.array(appId).default([]),
  /** id → 申请人, only when the clerk chose to include names */
  applicants: z
    .record(
      appId.refine((k) => !PROTOTYPE_KEYS.has(k)),
      z.string().max(60),
    )
    .optional(),
});
export type RegisterSummary = z.infer<typeof RegisterSummarySchema>;

const TABLE_NAMES = { t2: '表二', t3: '表三', t4: '表四' } as const;

/** “表二、表三由台账计算” for the county desk and its workbook; '' when every table was typed by hand. */
export function registerSourceText(tables: readonly RegisterSummary['tables'][number][]): string {
  return tables.length ? `${tables.map((t) => TABLE_NAMES[t]).join('、')}由台账计算` : '';
}
