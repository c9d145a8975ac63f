// The register's API handlers (shared/register/api-spec.ts), spread into electron/core/api's
// handlers. Deadlines are reckoned from the API's clock (tests move it) on the official calendar
// plus the clerk's 节假日安排.
import type { ApiParsedInput } from '../../../shared/api';
import { formatForYear, isGovFormatId } from '../../../shared/formats/index';
import type { RegisterApiOutputs, RegisterEntry } from '../../../shared/register/api-spec';
import { deadlineOf, WorkCalendar } from '../../../shared/register/deadline';
import { placementProblem, yearOf, type Application } from '../../../shared/register/model';
import { countRegister } from '../../../shared/register/summary';
import { placeInYear, registerCellKeys } from '../../../shared/register/table3';
import { CaseSchema, NormativeDocumentSchema, table2FromDocuments, table4FromCases } from '../../../shared/register/other-tables';
import type { RegisterSummary } from '../../../shared/register/schema';
import { cellKey } from '../../../shared/formats/index';
import type { Store, UnitRecord } from '../store/index';
import { readRegisterFile, SheetError } from './read-sheet';
import { buildRegisterWorkbook } from './workbook';

type RegisterMethod = keyof RegisterApiOutputs;
export type RegisterHandlers = { [M in RegisterMethod]: (input: ApiParsedInput<M>) => RegisterApiOutputs[M] | Promise<RegisterApiOutputs[M]> };

/** A handler's deliberate refusal: the API turns it into { code, message }. */
export type Refuse = (code: 'invalid_input' | 'not_found' | 'conflict', message: string) => Error;

/** The local calendar day of a clock reading (the clerk's day, not UTC's). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function entryOf(app: Application, calendar: WorkCalendar, today: string, year: number | null): RegisterEntry {
  const place = year === null ? null : placeInYear(app, year);
  return {
    application: app,
    deadline: deadlineOf(app, calendar, today),
    cells: place ? { intake: cellKey('t3', place.intake, app.applicantType), result: cellKey('t3', place.result, app.applicantType) } : null,
  };
}

export function registerHandlers(deps: { store: Store; requireUnit: () => UnitRecord; now: () => number; refuse: Refuse }): RegisterHandlers {
  const { store, requireUnit, refuse } = deps;
  const calendar = () => new WorkCalendar(store.register.listHolidayArrangements());
  const today = () => localDay(deps.now());
  const lists = (unitId: number) => ({
    documents: store.register.getList(unitId, 'documents').flatMap((d) => {
      const p = NormativeDocumentSchema.safeParse(d);
      return p.success ? [p.data] : [];
    }),
    cases: store.register.getList(unitId, 'cases').flatMap((c) => {
      const p = CaseSchema.safeParse(c);
      return p.success ? [p.data] : [];
    }),
  });
  // The unit's applications as last read, kept while the same connection is open and every register
  // write goes through these handlers: a count after one edit does not read 5,000 rows again. A
  // restored backup is a new connection, so its data is read afresh.
  let cache: { connection: object; unitId: number; apps: Application[] } | null = null;
  const byReceipt = (a: Application, b: Application) =>
    a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  const allApplications = (unitId: number): Application[] => {
    const connection = store.database;
    if (!cache || cache.connection !== connection || cache.unitId !== unitId) cache = { connection, unitId, apps: store.register.listApplications(unitId) };
    return cache.apps;
  };
  /** A year's applications, as the store's year query gives them: received by its end, not answered before it. */
  const yearApplications = (unitId: number, year: number) => {
    const first = `${year}-01-01`;
    const last = `${year}-12-31`;
    return allApplications(unitId).filter((a) => a.receivedOn <= last && (!a.answeredOn || a.answeredOn >= first));
  };
  const changed = (unitId: number, edit: (apps: Application[]) => Application[]) => {
    if (cache && cache.unitId === unitId && cache.connection === store.database) cache = { ...cache, apps: edit(cache.apps).sort(byReceipt) };
    else cache = null;
  };
  /** The report's summary with these tables marked as counted from a register. */
  const withTables = (summary: RegisterSummary | undefined, tables: RegisterSummary['tables']): RegisterSummary => {
    const base: RegisterSummary = summary ?? { computedAt: '', tables: [], counted: 0, sources: {}, overdue: [] };
    const all = new Set([...base.tables, ...tables]);
    return { ...base, computedAt: new Date(deps.now()).toISOString(), tables: (['t2', 't3', 't4'] as const).filter((t) => all.has(t)) };
  };

  return {
    registerList: ({ year }) => {
      const unit = requireUnit();
      const cal = calendar();
      const t = today();
      const entries = yearApplications(unit.id, year).map((a) => entryOf(a, cal, t, year));
      const guessed = new Set<number>();
      for (const e of entries) for (const y of e.deadline.guessedYears) guessed.add(y);
      return {
        year,
        formatId: formatForYear(year).id,
        today: t,
        entries,
        arrangements: store.register.listHolidayArrangements(),
        guessedYears: [...guessed].sort(),
      };
    },

    registerSave: ({ application, previousId }) => {
      const unit = requireUnit();
      // An outcome is a row of the table of the year it is answered in.
      const format = formatForYear(yearOf(application.answeredOn || application.receivedOn));
      const problem = placementProblem(application, format);
      if (problem) throw refuse('invalid_input', `${problem}。请从列表中选择，没有保存。`);
      const saved = store.register.saveApplication(unit.id, application, previousId);
      changed(unit.id, (apps) => [...apps.filter((a) => a.id !== previousId && a.id !== saved.id), saved]);
      return entryOf(saved, calendar(), today(), yearOf(saved.receivedOn));
    },

    registerDelete: ({ id }) => {
      const unitId = requireUnit().id;
      store.register.deleteApplication(unitId, id);
      changed(unitId, (apps) => apps.filter((a) => a.id !== id));
      return { deleted: true as const };
    },

    registerDue: () => {
      const unit = store.getUnit();
      const t = today();
      if (!unit) return { today: t, entries: [] };
      const cal = calendar();
      const entries = allApplications(unit.id)
        .filter((a) => !a.answeredOn)
        .map((a) => entryOf(a, cal, t, null))
        .filter((e) => e.deadline.state === 'overdue' || e.deadline.state === 'due_soon')
        .sort((a, b) => (a.deadline.workdaysLeft ?? 0) - (b.deadline.workdaysLeft ?? 0));
      return { today: t, entries };
    },

    registerTable3: ({ reportId }) => {
      const report = store.requireReport(reportId);
      if (!isGovFormatId(report.doc.formatId)) throw refuse('invalid_input', '2019年以前的报告没有统一的表三，不能从台账计算。');
      const apps = yearApplications(report.unitId, report.doc.year);
      const { cells, summary, unplaced } = countRegister(apps, report.doc.year, report.doc.formatId, calendar(), today());
      return { cells, summary, unplaced };
    },

    registerApply: ({ reportId, includeNames }) => {
      const report = store.requireReport(reportId);
      const { doc } = report;
      if (!isGovFormatId(doc.formatId)) throw refuse('invalid_input', '2019年以前的报告没有统一的表三，不能从台账计算。');
      const apps = yearApplications(report.unitId, doc.year);
      const counted = countRegister(apps, doc.year, doc.formatId, calendar(), today(), { includeNames });
      if (counted.unplaced.length) {
        const list = counted.unplaced.map((u) => `${u.id}：${u.reason}`).join('；');
        throw refuse(
          'invalid_input',
          `台账中有 ${counted.unplaced.length} 件申请计入不了本报告的表三（${list}）。请先在台账中改正，再重新计算；报告没有改动。`,
        );
      }
      const keys = registerCellKeys(doc.formatId);
      const cells = Object.fromEntries(keys.map((k) => [k, counted.cells[k] ?? 0]));
      // Cells and summary in one transaction: the report is never half counted.
      // The new count replaces the t3 part (names only if asked this time); t2/t4 marks are kept.
      const summary = withTables({ ...counted.summary, tables: doc.register?.tables ?? [] }, ['t3']);
      store.saveEdits(reportId, { cells, sections: {}, change: (d) => ({ ...d, register: summary }) });
      return store.requireReport(reportId);
    },

    registerImportPreview: async ({ year, fileName, base64 }) => {
      const unit = requireUnit();
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length === 0) throw refuse('invalid_input', `文件“${fileName}”是空的，请选择台账文件。`);
      let read;
      try {
        read = await readRegisterFile(fileName, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), year, formatForYear(year));
      } catch (err) {
        if (err instanceof SheetError) throw refuse('invalid_input', err.message);
        throw err;
      }
      const existing = read.applications.filter((a) => store.register.getApplication(unit.id, a.id)).map((a) => a.id);
      return { ...read, existing };
    },

    registerImportCommit: ({ applications }) => {
      const unit = requireUnit();
      for (const a of applications) {
        const problem = placementProblem(a, formatForYear(yearOf(a.answeredOn || a.receivedOn)));
        if (problem) throw refuse('invalid_input', `${a.id}：${problem}。没有导入任何申请，请改正后重试。`);
      }
      if (new Set(applications.map((a) => a.id)).size !== applications.length) throw refuse('invalid_input', '导入的申请中有重复的登记编号，没有导入。');
      const result = store.register.saveApplications(unit.id, applications);
      const ids = new Set(applications.map((a) => a.id));
      changed(unit.id, (apps) => [...apps.filter((a) => !ids.has(a.id)), ...applications]);
      return result;
    },

    registerExportXlsx: async ({ year }) => {
      const unit = requireUnit();
      const cal = calendar();
      const t = today();
      const entries = yearApplications(unit.id, year).map((a) => entryOf(a, cal, t, year));
      const title = `${unit.name}${year}年政府信息公开申请登记台账`;
      const bytes = await buildRegisterWorkbook(title, entries, formatForYear(year));
      return { fileName: `${title}.xlsx`, base64: Buffer.from(bytes).toString('base64') };
    },

    registerLists: () => lists(requireUnit().id),

    registerSaveDocuments: ({ documents }) => {
      const unit = requireUnit();
      const numbers = new Set<string>();
      for (const d of documents) {
        if (numbers.has(d.number)) throw refuse('invalid_input', `文号“${d.number}”重复，没有保存。请合并或改正。`);
        numbers.add(d.number);
      }
      store.register.saveList(unit.id, 'documents', documents);
      return { documents: lists(unit.id).documents };
    },

    registerSaveCases: ({ cases }) => {
      const unit = requireUnit();
      if (new Set(cases.map((c) => c.id)).size !== cases.length) throw refuse('invalid_input', '案件编号有重复，没有保存。请改正后重试。');
      store.register.saveList(unit.id, 'cases', cases);
      return { cases: lists(unit.id).cases };
    },

    registerApplyTables: ({ reportId, tables }) => {
      const report = store.requireReport(reportId);
      const { doc } = report;
      if (!isGovFormatId(doc.formatId)) throw refuse('invalid_input', '2019年以前的报告没有统一的表格，不能从清单计算。');
      const format = formatForYear(doc.year).id === doc.formatId ? formatForYear(doc.year) : null;
      if (!format) throw refuse('invalid_input', `这份报告用的格式（${doc.formatId}）与 ${doc.year} 年应使用的格式不同，请先改用正确的格式。`);
      const { documents, cases } = lists(report.unitId);
      const cells: Record<string, number> = {};
      if (tables.includes('t2')) {
        const t2 = table2FromDocuments(documents, doc.year, format);
        if (!t2) throw refuse('invalid_input', '2019年试行格式的表二没有“本年制发、本年废止、现行有效”三栏，不能从文件清单计算。');
        Object.assign(cells, t2);
      }
      if (tables.includes('t4')) Object.assign(cells, table4FromCases(cases, doc.year, format));
      store.saveEdits(reportId, { cells, sections: {}, change: (d) => ({ ...d, register: withTables(d.register, tables) }) });
      return store.requireReport(reportId);
    },

    registerSaveHolidays: ({ arrangement }) => {
      for (const d of [...arrangement.holidays, ...arrangement.workdays]) {
        if (yearOf(d) !== arrangement.year) throw refuse('invalid_input', `日期 ${d} 不在 ${arrangement.year} 年，请只填写这一年的节假日安排。`);
      }
      store.register.saveHolidayArrangement(arrangement);
      return { arrangements: store.register.listHolidayArrangements() };
    },
  };
}
