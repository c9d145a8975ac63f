// The report as every part of the program sees it: what the store keeps, what the API carries,
// what the report file holds (plus its envelope), what the rules and the export read.
import { z } from 'zod';
import { SECTION_KEYS } from './formats/types';
import { RegisterSummarySchema } from './register/schema';

// The unit kinds live apart (no zod) so the first screen can name them without loading the schemas.
import { UNIT_KINDS, type UnitKind } from './unit-kinds';
export { UNIT_KINDS, UNIT_KIND_LABELS } from './unit-kinds';
export type { UnitKind } from './unit-kinds';

/** A 人民政府 must also report 工作考核、社会评议和责任追究 (条例第五十条第（四）项). */
export function isPeoplesGovernment(kind: UnitKind, name = ''): boolean {
  return kind === 'township' || name.endsWith('人民政府');
}

const text = (max: number) => z.string().max(max);

// Every object the program accepts is strict: a key it does not know (`__proto__`, `constructor`,
// a misspelt field) is refused, never dropped or stored (issue 13). Record keys likewise refuse
// the names that would reach an object's prototype.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const recordKey = z.string().refine((k) => !PROTOTYPE_KEYS.has(k), { message: '不能用作名称' });

export const UnitSchema = z.strictObject({
  /** 机关全称, e.g. 永安市小陶镇人民政府 */
  name: z.string().trim().min(1, '请填写机关名称').max(60, '机关名称不超过60个字'),
  kind: z.enum(UNIT_KINDS),
  /** 上级主管部门 */
  supervisor: text(60).default(''),
  address: text(120).default(''),
  postcode: text(12).default(''),
  phone: text(40).default(''),
  email: text(80).default(''),
  /** 署名, usually the 机关全称 */
  signature: text(60).default(''),
});
export type Unit = z.infer<typeof UnitSchema>;

/**
 * How the unit prints its documents (issue 22): kept with the unit, not in its reports.
 * `duplex`: 本单位公文双面打印, the 导出 step's 双面打印 starts on (mirror margins, 版记 on an even page).
 */
export const UnitSettingsSchema = z.strictObject({ duplex: z.boolean() });
export type UnitSettings = z.infer<typeof UnitSettingsSchema>;

/**
 * The unit as a clerk types it (first-run setup, 机关信息, 基本信息): UnitSchema plus the formats a
 * printed address block needs, every message saying what to write. Stored units and report files
 * are read with UnitSchema itself (imported reports carry numbers in every style).
 */
export const UnitFormSchema = UnitSchema.extend({
  name: z.string().trim().min(1, '请填写机关名称（全称），例如“某某县某某镇人民政府”').max(60, '机关名称不超过60个字'),
  supervisor: z.string().max(60, '上级主管部门不超过60个字'),
  address: z.string().max(120, '地址不超过120个字'),
  postcode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, '邮政编码应为6位数字，例如 366000'),
  phone: z
    .string()
    .trim()
    .regex(/^([0-9０-９\-－—()（）\s、,，/转]{7,40})?$/, '电话只能含数字、区号连接号“-”和括号，例如 0598-3612345'),
  email: z
    .string()
    .trim()
    .regex(/^([^\s@]+@[^\s@]+\.[^\s@]+)?$/, '电子邮箱格式不对，例如 xtzf@example.gov.cn'),
  signature: z.string().max(60, '署名不超过60个字'),
});

export const SectionKeySchema = z.enum(SECTION_KEYS);

/** Optional preamble items (not required by the format; most published reports have them). */
export const PreambleSchema = z.strictObject({
  basis: z.boolean().default(true),
  period: z.boolean().default(true),
  contact: z.boolean().default(true),
  /** where the electronic version can be found, e.g. the county portal */
  publishedAt: text(200).default(''),
});
export type Preamble = z.infer<typeof PreambleSchema>;

/** 红头 variant: the report issued as a document. */
export const LetterheadSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** 发文机关标志, e.g. 永安市小陶镇人民政府文件 */
  issuer: text(60).default(''),
  /** 发文字号, e.g. 小政〔2026〕1号 */
  docNumber: text(40).default(''),
  /**
   * 版记's 印发机关 (GB/T 9704 §7.4.3), e.g. 永安市小陶镇党政办公室: when set, the 红头 version
   * ends with the 版记 at the foot of its last page; empty = no 版记.
   */
  printedBy: z.string().max(60, '印发机关不超过60个字').default(''),
  /** 版记's 印发日期, ISO yyyy-mm-dd; empty = the 成文日期 */
  printedDate: z
    .union([
      z.literal(''),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, '印发日期格式应为 年-月-日')
        .refine(isCalendarDate, { message: '印发日期不是真实的日期（没有这个月或这一天），请重新选择印发日期' }),
    ])
    .default(''),
});

export const CellValuesSchema = z.record(z.string().regex(/^t[234]\.[a-z_]+\.[a-z_]+$/, '单元格编号格式不对'), z.number().finite());

export const AcknowledgementSchema = z.strictObject({ reason: z.string().trim().min(1, '请写明已核实的理由').max(500), at: z.string() });

export const ReportDocSchema = z.strictObject({
  formatId: z.enum(['gov-2021', 'gov-2019', 'legacy']),
  year: z.number().int().min(2008, '年度不早于2008年').max(2100, '年度不晚于2100年'),
  unit: UnitSchema,
  title: text(120).default(''),
  /** 统计期限 as printed; empty = {year}年1月1日至{year}年12月31日 */
  period: text(80).default(''),
  preamble: PreambleSchema.default({ basis: true, period: true, contact: true, publishedAt: '' }),
  sections: z.partialRecord(SectionKeySchema, text(50000)).default({}),
  cells: CellValuesSchema.default({}),
  /** 署名 as printed under the report */
  signature: text(60).default(''),
  /** 成文日期, ISO yyyy-mm-dd (a real calendar date), or empty when not yet set */
  date: z
    .union([
      z.literal(''),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日')
        .refine(isCalendarDate, { message: '不是真实的日期（没有这个月或这一天，或年份不是四位数），请重新选择成文日期' }),
    ])
    .default(''),
  letterhead: LetterheadSchema.default({ enabled: false, issuer: '', docNumber: '', printedBy: '', printedDate: '' }),
  /** sections copied from last year's report and not yet edited (shown as 沿用上年) */
  copiedSections: z.array(SectionKeySchema).default([]),
  /** last year's figures kept as the baseline for cross-year checks (t2 现行有效, t3 结转) */
  previousCells: CellValuesSchema.optional(),
  /** warnings the clerk has checked and marked as reviewed, by finding id */
  acknowledgements: z.record(recordKey, AcknowledgementSchema).default({}),
  /** pre-2019 reports: the headings and texts as found, and the 附表 indicators */
  legacySections: z.array(z.strictObject({ heading: z.string(), text: z.string() })).optional(),
  indicators: z.record(recordKey, z.number().finite()).optional(),
  /** table 三 counted from the application register: the applications behind each cell (issue 24) */
  register: RegisterSummarySchema.optional(),
  /**
   * Cells an import could not read (未读入, issue 21): kept apart from a 0 the source printed. A
   * cell stays unread while it has no figure; typing one in settles it.
   */
  unreadCells: z
    .array(z.string().regex(/^t[234]\.[a-z_]+\.[a-z_]+$/, '单元格编号格式不对'))
    .max(5000)
    .optional(),
});
export type ReportDoc = z.infer<typeof ReportDocSchema>;
export type ReportDocInput = z.input<typeof ReportDocSchema>;

/** The cells still marked 未读入: read by no import and not filled in since. */
export function unreadCellKeys(doc: Pick<ReportDoc, 'cells' | 'unreadCells'>): string[] {
  return (doc.unreadCells ?? []).filter((k) => doc.cells[k] === undefined);
}

export function defaultTitle(unitName: string, year: number): string {
  return `${unitName}${year}年政府信息公开工作年度报告`;
}

export function defaultPeriod(year: number): string {
  return `${year}年1月1日至${year}年12月31日`;
}

/** yyyy-mm-dd naming a day that exists (a four-digit year from 1000, a month 1–12, a day in that month). */
export function isCalendarDate(iso: string): boolean {
  const m = /^([1-9]\d{3})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/** 成文日期 in Chinese, Arabic numerals, no zero padding (GB/T 9704 §7.3.5.4): 2026年1月8日; '' when not a real date. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || !isCalendarDate(iso)) return '';
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

export const REPORT_STATUSES = ['draft', 'final'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface StoredReport {
  id: number;
  unitId: number;
  status: ReportStatus;
  basedOnId: number | null;
  createdAt: string;
  updatedAt: string;
  doc: ReportDoc;
}

export interface ReportSummary {
  id: number;
  year: number;
  formatId: ReportDoc['formatId'];
  status: ReportStatus;
  title: string;
  basedOnId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A finding of the rules or the document review. */
export interface Finding {
  /** stable rule id, e.g. t3.balance */
  rule: string;
  severity: 'error' | 'warning' | 'info';
  /** Chinese, names the figures and the fix */
  message: string;
  /** cell keys involved */
  cells: string[];
  expected?: number | string;
  actual?: number | string;
  /** where in the narrative: section and character range, with the words quoted */
  location?: { section: string; start: number; end: number; quote: string };
  /** stable id of this occurrence, used to mark a warning as reviewed */
  id?: string;
}
