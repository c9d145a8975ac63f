// The application register (依申请公开登记台账, issue 24): one entry per application, kept per unit
// through the years. Applicant types and outcomes are the columns and outcome rows of table 三 in
// the report's format (shared/formats): the register never spells a label of its own.
import { z } from 'zod';
import { getFormat } from '../formats/index';
import type { ReportFormat, Table3Row } from '../formats/types';

/** 申请方式 (not a table 三 dimension; the register keeps it for the clerk). */
export const REQUEST_CHANNELS = ['当面', '网络', '信函', '传真', '其他'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日，例如 2025-03-08');
const optionalDate = z.union([z.literal(''), isoDate]).default('');

export const ApplicationSchema = z
  .strictObject({
    /** stable id within the unit's register, e.g. 2025-017 (the clerk's 登记编号 when imported) */
    id: z.string().trim().min(1, '请填写登记编号').max(40, '登记编号不超过40个字'),
    /** 收到日期 (条例第三十一条: the day the application counts as received) */
    receivedOn: isoDate,
    /** 申请人 (optional; never written to a report file unless the clerk opts in) */
    applicant: z.string().max(60, '申请人不超过60个字').default(''),
    /** table 三 applicant column key: natural_person, commercial_enterprise, … */
    applicantType: z.string().min(1, '请选择申请人类型'),
    channel: z.enum(REQUEST_CHANNELS).default('其他'),
    /** 申请内容 (short) */
    content: z.string().max(200, '申请内容请概括在200字以内').default(''),
    /** 补正: the day the correction was asked for, and the day the corrected application arrived */
    correctionAskedOn: optionalDate,
    correctionReceivedOn: optionalDate,
    /** 延期 (条例第三十三条第二款), with the day the applicant was told */
    extended: z.boolean().default(false),
    extendedOn: optionalDate,
    /** 征求第三方意见: from the day the request went out to the day the opinion came back */
    consultationFrom: optionalDate,
    consultationTo: optionalDate,
    /** 答复日期: empty while the application is open */
    answeredOn: optionalDate,
    /** table 三 outcome row key; empty while open */
    outcome: z.string().default(''),
    /** 收费 in 元 */
    fee: z.number().finite().min(0, '收费金额不能为负').default(0),
    notes: z.string().max(500, '备注不超过500字').default(''),
  })
  .superRefine((a, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if ((a.answeredOn === '') !== (a.outcome === '')) issue(a.answeredOn ? 'outcome' : 'answeredOn', '已答复的申请要同时填写答复日期和办理结果');
    if (a.answeredOn && a.answeredOn < a.receivedOn) issue('answeredOn', '答复日期早于收到日期，请核对');
    if (a.correctionReceivedOn && !a.correctionAskedOn) issue('correctionAskedOn', '填写了补正收到日期，请同时填写告知补正的日期');
    if (a.correctionAskedOn && a.correctionAskedOn < a.receivedOn) issue('correctionAskedOn', '告知补正的日期早于收到日期，请核对');
    if (a.correctionReceivedOn && a.correctionReceivedOn < a.correctionAskedOn) issue('correctionReceivedOn', '补正收到日期早于告知补正的日期，请核对');
    if (a.consultationTo && !a.consultationFrom) issue('consultationFrom', '填写了征求意见的结束日期，请同时填写开始日期');
    if (a.consultationFrom && a.consultationTo && a.consultationTo < a.consultationFrom) issue('consultationTo', '征求意见的结束日期早于开始日期，请核对');
    if (a.extendedOn && !a.extended) issue('extended', '填写了延期日期，请同时勾选“延期”');
  });

export type Application = z.infer<typeof ApplicationSchema>;
export type ApplicationInput = z.input<typeof ApplicationSchema>;

export interface ApplicantType {
  key: string;
  label: string;
}

/** The six applicant types, as table 三's columns of the format (the derived 总计 left out). */
export function applicantTypes(format: ReportFormat): ApplicantType[] {
  return format.t3.columns.filter((c) => !c.derived).map((c) => ({ key: c.key, label: c.label }));
}

export interface OutcomeRow {
  key: string;
  /** the printed label of the leaf: 1.属于国家秘密 */
  label: string;
  /** the whole path, for lists: （三）不予公开 1.属于国家秘密 */
  name: string;
}

function outcomeName(row: Table3Row): string {
  return row.path.slice(1).join(' ');
}

/** The outcome rows and sub-rows an answered application can count in, in table order. */
export function outcomeRows(format: ReportFormat): OutcomeRow[] {
  return format.t3.rows.filter((r) => r.outcome).map((r) => ({ key: r.key, label: r.path[r.path.length - 1], name: outcomeName(r) }));
}

/** An applicant type's printed label (自然人…), or the key itself when the format has no such column. */
export function applicantTypeLabel(format: ReportFormat, key: string): string {
  return format.t3.columns.find((c) => c.key === key)?.label ?? key;
}

/** An outcome's labels run together (（三）不予公开1.属于国家秘密), as the register's sheet prints it and reads it back. */
export function outcomeLabel(format: ReportFormat, key: string): string {
  return (
    format.t3.rows
      .find((r) => r.key === key)
      ?.path.slice(1)
      .join('') ?? key
  );
}

/** Why an application does not fit the format's table, or null when it does. */
export function placementProblem(app: Application, format: ReportFormat): string | null {
  if (!applicantTypes(format).some((t) => t.key === app.applicantType)) return `申请人类型“${app.applicantType}”不是${format.citation}表三中的类型`;
  if (app.outcome && !outcomeRows(format).some((r) => r.key === app.outcome)) return `办理结果“${app.outcome}”不是${format.citation}表三中的一行`;
  return null;
}

/** Parses an application as typed, with the first problem as a Chinese message. */
export function parseApplication(input: unknown, formatId = 'gov-2021'): { ok: true; value: Application } | { ok: false; message: string } {
  const parsed = ApplicationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? '登记内容不完整' };
  const problem = placementProblem(parsed.data, getFormat(formatId));
  return problem ? { ok: false, message: problem } : { ok: true, value: parsed.data };
}

/** The year of an ISO date. */
export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}
