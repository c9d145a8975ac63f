// The one API between the page and the main side. Declared here, implemented once in
// electron/core/api, carried over IPC by electron/shell and over HTTP by electron/host.
// Both doors validate every request with these schemas; the renderer is untrusted.
import { z } from 'zod';
import {
  recordKey,
  LetterheadSchema,
  PreambleSchema,
  ReportDocSchema,
  SectionKeySchema,
  UnitSchema,
  UnitSettingsSchema,
  CellValuesSchema,
  REPORT_STATUSES,
} from './report';
import type { Finding, ReportDoc, ReportStatus, ReportSummary, StoredReport, Unit, UnitSettings } from './report';
import type { CountyReview } from './county/types';
import { FORMATS } from './formats/index';
import type { ReportFormat } from './formats/index';
import { registerApiSpec, type RegisterApiOutputs } from './register/api-spec';
import { OFFICIAL_FONTS } from './print/fonts';
import type { FontCheck } from './print/fonts';

export const ReportIdSchema = z.strictObject({ id: z.number().int().positive() });

/** Fields of a report a clerk edits on the 基本信息 step. */
export const ReportMetaPatchSchema = z
  .object({
    unit: UnitSchema,
    title: z.string().max(120),
    period: z.string().max(80),
    preamble: PreambleSchema,
    signature: z.string().max(60),
    // Without the field's default: zod 4 fills defaults of absent keys even in .partial(), and a
    // patch of the title would blank the date.
    date: ReportDocSchema.shape.date.unwrap(),
    letterhead: LetterheadSchema,
    status: z.enum(REPORT_STATUSES),
  })
  .partial()
  .strict();

export interface ExportRecord {
  id: number;
  reportId: number;
  createdAt: string;
  fileName: string;
  sha256: string;
  /** true when the report had unresolved errors and the file was named 草稿 */
  draft: boolean;
  /** where the desktop app saved it; empty for a browser download */
  savedPath: string;
  /** Word, or PDF (printed from the preview; no checksum when the browser prints it) */
  kind: 'docx' | 'pdf';
  letterhead: boolean;
  sealed: boolean;
  /** the report changed after this export: the file no longer matches it (已过期) */
  stale: boolean;
  /** the 公文 fonts check the 导出 step ran on this PC before the export; null when none ran */
  fontCheck: FontCheck | null;
  /** a final export: the blank table cells the clerk confirmed to print as 0 (按 0 印出); null when none were asked about */
  blankAsZero: number | null;
}

export interface ImportPreview {
  /** the report as read, not yet saved */
  report: ReportDoc;
  /** which parts were recognised: section keys, table ids */
  recognised: string[];
  /** what could not be read, in Chinese */
  problems: string[];
  /** findings of the rules over what was read (stated totals that differ, 勾稽 errors) */
  findings: Finding[];
  /** the existing report of that year, if any: importing it asks before replacing */
  existing: ReportSummary | null;
  source: ImportSource;
  /** 导入核对: what the reader changed or could not do, each with its source line (issue 21 item 5) */
  notes: ImportNote[];
}

/** Where an imported report came from: its own file, a Word document, a PDF, a web page, or text. */
export type ImportSource = 'nianbao-file' | 'docx' | 'doc' | 'pdf' | 'html' | 'text';

/** One thing the import did to the text or could not do: shown in the 导入核对 list and on the CLI's stderr. */
export interface ImportNote {
  kind: 'joined' | 'markup' | 'furniture' | 'unread';
  /** line (or page and line, for a PDF) of the source, 1-based, where known */
  line?: number;
  /** Chinese: what was done, quoting the source */
  text: string;
}

/** auto: at start-up and hourly while editing; manual: 立即备份; pre-change: before a delete or an
 * import that replaced a report; pre-migration: before a program upgrade; pre-restore: before a restore */
export const BACKUP_KINDS = ['auto', 'manual', 'pre-change', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupInfo {
  fileName: string;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
}

export interface UiState {
  reportId: number | null;
  step: string | null;
}

const fileUpload = z.strictObject({
  fileName: z.string().min(1).max(260),
  /** the file's bytes, base64; at most 20 MB */
  base64: z.string().max(28_000_000),
});

const countyBatchId = z.string().uuid();

/** Every API method: its request schema and (as a type) its response. */
export const apiSpec = {
  appInfo: { input: z.object({}).strict() },
  getUnit: { input: z.object({}).strict() },
  saveUnit: { input: UnitSchema },
  /** how the unit prints: 本单位公文双面打印 (the 导出 step's 双面打印 starts from it) */
  getUnitSettings: { input: z.object({}).strict() },
  saveUnitSettings: { input: UnitSettingsSchema },
  listReports: { input: z.object({}).strict() },
  createReport: {
    input: z
      .object({
        year: z.number().int().min(2008).max(2100),
        /** a format of shared/formats: a new national format needs no change here */
        formatId: z.enum(Object.keys(FORMATS) as [ReportFormat['id'], ...ReportFormat['id'][]]),
        /** base the new report on this earlier report (normally last year's) */
        basedOnId: z.number().int().positive().nullable().default(null),
      })
      .strict(),
  },
  getReport: { input: ReportIdSchema.strict() },
  deleteReport: { input: ReportIdSchema.strict() },
  updateReport: { input: z.object({ id: z.number().int().positive(), patch: ReportMetaPatchSchema }).strict() },
  setSection: { input: z.object({ id: z.number().int().positive(), key: SectionKeySchema, text: z.string().max(50000) }).strict() },
  /** null clears a cell (not filled in) */
  setCells: {
    input: z.object({ id: z.number().int().positive(), cells: z.record(CellValuesSchema.keyType, z.number().finite().nullable()) }).strict(),
  },
  /**
   * The page's save queue: a batch of cells (null clears), section texts and 基本信息 fields,
   * stored in ONE transaction, so a batch is either kept whole or not at all (safe to resend).
   */
  saveEdits: {
    input: z
      .object({
        id: z.number().int().positive(),
        cells: z.record(CellValuesSchema.keyType, z.number().finite().nullable()).default({}),
        sections: z.partialRecord(SectionKeySchema, z.string().max(50000)).default({}),
        meta: ReportMetaPatchSchema.default({}),
      })
      .strict(),
  },
  /** mark a warning as reviewed (reason) or take the mark back (null) */
  setAcknowledgement: {
    input: z.object({ id: z.number().int().positive(), findingId: recordKey.min(1).max(200), reason: z.string().trim().min(1).max(500).nullable() }).strict(),
  },
  getUiState: { input: z.object({}).strict() },
  setUiState: { input: z.object({ reportId: z.number().int().positive().nullable(), step: z.string().max(40).nullable() }).strict() },
  exportDocx: {
    input: z
      .object({
        id: z.number().int().positive(),
        letterhead: z.boolean().default(false),
        /** the copy that will be sealed: 署名 centred over the date 空4字 (GB/T 9704 §7.3.5.1) */
        sealed: z.boolean().default(false),
        /** 双面打印: mirror margins, the 订口 on the inside of every leaf */
        duplex: z.boolean().default(false),
        /** the number of blank table cells the clerk confirmed to print as 0 (按 0 印出); refused when the report now has another number */
        blankAsZero: z.number().int().min(0).max(100_000).optional(),
      })
      .strict(),
  },
  /** the 导出 step's check of the 公文 fonts on this PC: kept, and written into the next export's record */
  recordFontCheck: {
    input: z
      .object({
        method: z.enum(['local-fonts', 'measured']),
        missing: z.array(z.enum(OFFICIAL_FONTS.map((f) => f.name) as [string, ...string[]])).max(OFFICIAL_FONTS.length),
      })
      .strict(),
  },
  /** a PDF printed from the preview, recorded like a Word export (drafts marked the same way) */
  recordPdfExport: {
    input: z
      .object({
        id: z.number().int().positive(),
        letterhead: z.boolean().default(false),
        sealed: z.boolean().default(false),
        blankAsZero: z.number().int().min(0).max(100_000).optional(),
      })
      .strict(),
  },
  confirmExport: { input: z.object({ exportId: z.number().int().positive(), savedPath: z.string().max(1000).default('') }).strict() },
  listExports: { input: ReportIdSchema.strict() },
  exportReportFile: { input: ReportIdSchema.strict() },
  importPreview: { input: fileUpload },
  importCommit: { input: z.object({ report: ReportDocSchema, replace: z.boolean().default(false) }).strict() },
  listBackups: { input: z.object({}).strict() },
  backupNow: { input: z.object({}).strict() },
  restoreBackup: { input: z.object({ fileName: z.string().min(1).max(200) }).strict() },
  /** 县级审查: add report files to a batch kept in memory (a new batch when batchId is null); never touches the clerk's reports */
  countyAddFiles: { input: z.object({ batchId: countyBatchId.nullable(), files: z.array(fileUpload.strict()).min(1).max(100) }).strict() },
  /** the batch checked, compared and summed, with the reports as read */
  countyReview: { input: z.object({ batchId: countyBatchId }).strict() },
  /** the county's workbook (.xlsx) */
  countyWorkbook: { input: z.object({ batchId: countyBatchId }).strict() },
  /** one unit's 审查意见 (.docx); issuer signs it */
  countyOpinion: {
    input: z.object({ batchId: countyBatchId, entryId: z.string().regex(/^e\d{1,4}$/), issuer: z.string().trim().max(60).default('') }).strict(),
  },
  /** for a unit sent more than once: count this file (the others of its unit and year are shown, not counted) */
  countyKeep: { input: z.object({ batchId: countyBatchId, entryId: z.string().regex(/^e\d{1,4}$/) }).strict() },
  countyClose: { input: z.object({ batchId: countyBatchId }).strict() },
  /** 导出诊断信息: the log, versions and a database check for the county's IT person; no report text */
  exportDiagnostics: { input: z.object({}).strict() },
  /** the application register (issue 24): shared/register/api-spec.ts */
  ...registerApiSpec,
} as const;

export type ApiMethod = keyof typeof apiSpec;
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiSpec)[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof apiSpec)[M]['input']>;

/** Responses, by method. */
export interface ApiOutputs extends RegisterApiOutputs {
  appInfo: {
    version: string;
    transport: 'electron' | 'host';
    dataDir: string;
    /** what the start-up check found (a damaged data file kept aside, the data file lost…), in Chinese; null when all was well */
    startupProblem: {
      kind: 'damaged' | 'wal-missing' | 'lost' | 'checksum' | 'read-only';
      message: string;
      keptAt: string;
      /** the newest backup holding reports, restored in one click (null when there is none) */
      offer: { fileName: string; createdAt: string; reports: number } | null;
    } | null;
  };
  getUnit: (Unit & { id: number }) | null;
  saveUnit: Unit & { id: number };
  getUnitSettings: UnitSettings;
  saveUnitSettings: UnitSettings;
  listReports: ReportSummary[];
  createReport: StoredReport;
  getReport: StoredReport;
  deleteReport: { deleted: true };
  updateReport: StoredReport;
  setSection: { updatedAt: string };
  setCells: { updatedAt: string };
  saveEdits: { updatedAt: string; status: ReportStatus };
  setAcknowledgement: { updatedAt: string };
  getUiState: UiState;
  setUiState: UiState;
  /** the .docx bytes for the caller to save (dialog or download) and the record made */
  exportDocx: {
    exportId: number;
    fileName: string;
    sha256: string;
    base64: string;
    draft: boolean;
    /** why the file is a 草稿 although nothing is wrong in the figures: no 成文日期, a 红头 without 发文字号 (Chinese) */
    draftReasons: string[];
  };
  recordPdfExport: { exportId: number; fileName: string; draft: boolean; draftReasons: string[] };
  recordFontCheck: FontCheck;
  confirmExport: ExportRecord;
  listExports: ExportRecord[];
  exportReportFile: { fileName: string; content: string };
  importPreview: ImportPreview;
  importCommit: StoredReport;
  listBackups: BackupInfo[];
  backupNow: BackupInfo;
  restoreBackup: { restored: string };
  countyAddFiles: { batchId: string; count: number };
  countyReview: { review: CountyReview; docs: Record<string, ReportDoc> };
  countyWorkbook: { fileName: string; base64: string };
  countyOpinion: { fileName: string; base64: string };
  countyKeep: { review: CountyReview };
  countyClose: { closed: true };
  exportDiagnostics: { fileName: string; content: string };
}
export type ApiOutput<M extends ApiMethod> = ApiOutputs[M];

/** Errors travel as data, with a Chinese message that says what to do next. */
export interface ApiError {
  code: 'invalid_input' | 'not_found' | 'conflict' | 'unsupported' | 'newer_version' | 'io' | 'internal';
  message: string;
  /** per-field problems for invalid input */
  issues?: { path: string; message: string }[];
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const API_METHODS = Object.keys(apiSpec) as ApiMethod[];

/** A client of the API, the same in the desktop window and the browser. */
export type ApiClient = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResult<ApiOutput<M>>> };

/** Turns a zod error into the API's Chinese invalid-input error. */
export function invalidInput(error: z.ZodError): ApiError {
  // Bounded whatever the input: a few issues named, each short (a huge request once gave a 291 MB message).
  const issues = error.issues.slice(0, MAX_ISSUES).map((i) => ({ path: clip(i.path.map(String).join('.'), 80), message: clip(issueMessage(i), 200) }));
  const more = error.issues.length > MAX_ISSUES ? `等共 ${error.issues.length} 处` : '';
  return {
    code: 'invalid_input',
    message: `提交的内容不符合要求：${issues.map((i) => `${i.path || '（整体）'} ${i.message}`).join('；')}${more}（没有保存）`,
    issues,
  };
}

/** How many issues an invalid-input error names. */
const MAX_ISSUES = 5;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

const PROTOTYPE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The path of the first key anywhere in the input that names an object's prototype, or null.
 * zod's records skip `__proto__` silently instead of refusing it; the API refuses it outright.
 */
export function prototypeKeyPath(input: unknown, path: string[] = [], depth = 0): string | null {
  if (input === null || typeof input !== 'object' || depth > 64) return null;
  for (const key of Object.keys(input)) {
    if (PROTOTYPE_NAMES.has(key)) return [...path, key].join('.');
    const found = prototypeKeyPath((input as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** The API's refusal of a prototype key, in the same shape as an invalid-input error. */
export function prototypeKeyError(path: string): ApiError {
  const message = `提交的内容中有不允许的名称“${path.slice(0, 80)}”，没有保存。请刷新页面后重试；如果反复出现，请联系技术支持。`;
  return { code: 'invalid_input', message, issues: [{ path, message: '不允许的名称' }] };
}

/** Unknown keys (every schema is strict) are named, so a caller sees what to take out. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const named = issue.keys.slice(0, 5).map((k) => `“${k.slice(0, 40)}”`);
    return `有程序不认识的项：${named.join('、')}${issue.keys.length > 5 ? `等 ${issue.keys.length} 项` : ''}，请去掉后重试`;
  }
  return issue.message;
}
