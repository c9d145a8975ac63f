// The register's API methods (issue 24), spread into shared/api.ts's apiSpec and ApiOutputs: the
// requests as strict schemas, the responses as types.
import { z } from 'zod';
import type { StoredReport } from '../report';
import { HolidayArrangementSchema, type Deadline, type HolidayArrangement } from './deadline';
import { ApplicationSchema, type Application } from './model';
import { CaseSchema, NormativeDocumentSchema, type Case, type NormativeDocument } from './other-tables';
import type { RegisterSummary } from './schema';

const reportId = z.number().int().positive();
const appId = z.string().trim().min(1).max(40);

export const registerApiSpec = {
  /** a year's register: the applications its table 三 counts, each with its deadline and cell */
  registerList: { input: z.strictObject({ year: z.number().int().min(2008).max(2100) }) },
  /** add (previousId null) or edit an application; saved at once, as typed */
  registerSave: { input: z.strictObject({ application: ApplicationSchema, previousId: appId.nullable().default(null) }) },
  registerDelete: { input: z.strictObject({ id: appId }) },
  /** open applications due within 5 working days, and overdue ones, of every year (the home screen) */
  registerDue: { input: z.strictObject({}) },
  /** table 三 counted from the register for a report, not yet written into it */
  registerTable3: { input: z.strictObject({ reportId }) },
  /** writes the counted table 三 into the report, with the register summary (names only if asked) */
  registerApply: { input: z.strictObject({ reportId, includeNames: z.boolean().default(false) }) },
  /** the clerk's 节假日安排 for a year (empty lists remove it) */
  registerSaveHolidays: { input: z.strictObject({ arrangement: HolidayArrangementSchema }) },
  /** a clerk's Excel/CSV register read for confirmation: nothing saved yet */
  registerImportPreview: {
    input: z.strictObject({
      year: z.number().int().min(2008).max(2100),
      fileName: z.string().min(1).max(260),
      /** the file's bytes, base64; at most 20 MB */
      base64: z.string().max(28_000_000),
    }),
  },
  /** the confirmed applications saved in one transaction (a 登记编号 already there is updated) */
  registerImportCommit: { input: z.strictObject({ applications: z.array(ApplicationSchema).min(1).max(20000) }) },
  /** 表二's list of normative documents and table 四's cases */
  registerLists: { input: z.strictObject({}) },
  /** replaces the list of normative documents (all years: 现行有效 continues from them) */
  registerSaveDocuments: { input: z.strictObject({ documents: z.array(NormativeDocumentSchema).max(5000) }) },
  /** replaces the case register (行政复议、行政诉讼) */
  registerSaveCases: { input: z.strictObject({ cases: z.array(CaseSchema).max(5000) }) },
  /** writes 表二's 行政规范性文件 row and/or table 四 from the lists into the report */
  registerApplyTables: {
    input: z.strictObject({
      reportId,
      tables: z
        .array(z.enum(['t2', 't4']))
        .min(1)
        .max(2),
    }),
  },
  /** the year's register as .xlsx */
  registerExportXlsx: { input: z.strictObject({ year: z.number().int().min(2008).max(2100) }) },
} as const;

/** Where an application counts in the year's table: the cells of its intake and its result. */
export interface RegisterEntry {
  application: Application;
  deadline: Deadline;
  /** the two table 三 cells it counts in for the listed year; null outside it */
  cells: { intake: string; result: string } | null;
}

export interface RegisterListing {
  year: number;
  formatId: string;
  /** the day the deadlines were reckoned from */
  today: string;
  entries: RegisterEntry[];
  arrangements: HolidayArrangement[];
  /** years whose holidays the calendar does not know and the clerk has not typed */
  guessedYears: number[];
}

export interface RegisterTable3Result {
  cells: Record<string, number>;
  summary: RegisterSummary;
  unplaced: { id: string; reason: string }[];
}

export interface RegisterImportPreview {
  sheet: string;
  headerRow: number;
  /** each column's header and the field it was read as (null: not read) */
  columns: { column: number; header: string; field: string | null }[];
  applications: Application[];
  unsure: { row: number; id: string; field: string; text: string; readAs: string }[];
  refused: { row: number; reason: string }[];
  skipped: { row: number; reason: string }[];
  /** 登记编号 already in the register (importing updates them) */
  existing: string[];
}

export interface RegisterApiOutputs {
  registerLists: { documents: NormativeDocument[]; cases: Case[] };
  registerSaveDocuments: { documents: NormativeDocument[] };
  registerSaveCases: { cases: Case[] };
  registerApplyTables: StoredReport;
  registerImportPreview: RegisterImportPreview;
  registerImportCommit: { added: number; updated: number };
  registerExportXlsx: { fileName: string; base64: string };
  registerList: RegisterListing;
  registerSave: RegisterEntry;
  registerDelete: { deleted: true };
  registerDue: { today: string; entries: RegisterEntry[] };
  registerTable3: RegisterTable3Result;
  registerApply: StoredReport;
  registerSaveHolidays: { arrangements: HolidayArrangement[] };
}
