// The one implementation of the API declared in shared/api.ts. Both doors (IPC in the desktop
// shell, HTTP in the browser host) call handleApiCall with untrusted input: it checks the method,
// validates the input with the shared zod schema, runs the handler and returns errors as data.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { apiSpec, invalidInput, prototypeKeyError, prototypeKeyPath } from '../../../shared/api';
import type { ApiError, ApiMethod, ApiOutputs, ApiParsedInput, ApiResult } from '../../../shared/api';
import { defaultTitle, ReportDocSchema } from '../../../shared/report';
import type { ReportDoc, StoredReport } from '../../../shared/report';
import { deriveNextYearReport } from '../../../shared/carry-over';
import { checkReport, hasBlockingFindings } from '../../../shared/check';
import { serializeReportFile } from '../../../shared/report-file';
import { buildDocx } from '../export/docx';
import { draftReasons } from '../../../shared/print/content';
import { confirmedBlankCells } from './blank-cells';
import type { Refuse } from '../register/api';
import { stripXmlIllegalDeep } from '../../../shared/xml-chars';
import type { FontCheck } from '../../../shared/print/fonts';
import { ImportError } from '../import/index';
import { readReportSourceOffThread } from '../import/off-thread';
import { StoreError } from '../store/index';
import type { Store } from '../store/index';
import { logError } from '../log/index';
import { diagnostics } from './diagnostics';
import { cellInputProblem } from './cell-input';
import { registerHandlers } from '../register/api';
import { countyHandlers } from './county-handlers';
import { backupInfo, safeFileName, summary, withoutStatedTotals } from './helpers';
import pkg from '../../../package.json';

// zod's own messages (used in invalid-input errors) in Chinese, for every schema on the main side.
z.config(z.locales.zhCN());

export interface ApiContext {
  store: Store;
  transport: 'electron' | 'host';
  dataDir: string;
  /** the clock of the hourly backup (tests move it forward); Date.now by default */
  now?: () => number;
}

export type ApiHandler = (method: string, rawInput: unknown) => Promise<ApiResult<unknown>>;

type Handlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => ApiOutputs[M] | Promise<ApiOutputs[M]> };

/** An error a handler raises on purpose, carried to the page as it is. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
  ) {
    super(message);
  }
}

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const HOURLY = 60 * 60 * 1000;

/** Methods that change the data: after them an hourly backup is due. */
const EDITS = new Set<ApiMethod>([
  'saveUnit',
  'saveUnitSettings',
  'createReport',
  'updateReport',
  'setSection',
  'setCells',
  'saveEdits',
  'setAcknowledgement',
  'importCommit',
  'registerSave',
  'registerDelete',
  'registerApply',
  'registerSaveHolidays',
  'registerImportCommit',
  'registerSaveDocuments',
  'registerSaveCases',
  'registerApplyTables',
]);

export function createApi(ctx: ApiContext): { handleApiCall: ApiHandler; handlers: Handlers } {
  const { store } = ctx;
  const requireUnit = (next = '再新建或导入报告') => {
    const unit = store.getUnit();
    if (!unit) throw new ApiFailure('not_found', `还没有填写本机关信息。请先在“机关信息”中填写机关名称和类型，${next}。`);
    return unit;
  };

  /** Figures its own rules call impossible are never stored (cell-input.ts). */
  const refuse: Refuse = (code, message) => new ApiFailure(code, message);
  const refuseImpossibleCells = (id: number, cells: Record<string, number | null>) => {
    if (!Object.keys(cells).length) return;
    const problem = cellInputProblem(store.requireReport(id).doc.formatId, cells);
    if (problem) throw new ApiFailure('invalid_input', problem);
  };

  /** The same unit's report for the year before, the baseline of the cross-year checks. */
  const previousDoc = (r: StoredReport): ReportDoc | null => store.findReportByYear(r.unitId, r.doc.year - 1)?.doc ?? null;

  /** The last 公文 fonts check the 导出 step ran on this PC (recordFontCheck), for the export record. */
  const storedFontCheck = (): FontCheck | null => {
    const raw = store.getUiValue('fontCheck');
    if (!raw) return null;
    try {
      return JSON.parse(raw) as FontCheck;
    } catch {
      return null;
    }
  };

  const handlers: Handlers = {
    appInfo: () => {
      const p = store.startupProblem;
      return {
        version: pkg.version,
        transport: ctx.transport,
        dataDir: ctx.dataDir,
        startupProblem: p ? { kind: p.kind, message: p.message, keptAt: p.keptAt, offer: p.offer } : null,
      };
    },

    getUnit: () => store.getUnit(),

    saveUnit: (unit) => store.saveUnit(unit),
    getUnitSettings: () => store.getUnitSettings(),
    saveUnitSettings: (settings) => (requireUnit('再设置“本单位公文双面打印”'), store.saveUnitSettings(settings)!),

    listReports: () => {
      const unit = store.getUnit();
      return unit ? store.listReports(unit.id) : [];
    },

    createReport: ({ year, formatId, basedOnId }) => {
      const unit = requireUnit();
      const existing = store.findReportByYear(unit.id, year);
      if (existing) throw new ApiFailure('conflict', `${year}年度的报告已经存在，每个年度只能有一份。请在报告列表中打开它，或先删除它再新建。`);
      let doc: ReportDoc;
      if (basedOnId !== null) {
        const prev = store.getReport(basedOnId);
        if (!prev)
          throw new ApiFailure('not_found', `找不到作为基础的报告（编号 ${basedOnId}），它可能已被删除。请重新选择上一年度的报告，或不选基础报告直接新建。`);
        const derived = deriveNextYearReport(prev.doc, year, formatId);
        // The unit record is the authority on the unit's details: the clerk may have corrected
        // them since last year's report was written.
        const { id: _id, ...unitFields } = unit;
        const renamed = prev.doc.unit.name !== unit.name;
        doc = {
          ...derived,
          unit: unitFields,
          title: defaultTitle(unit.name, year),
          signature: renamed || !derived.signature ? unit.signature || unit.name : derived.signature,
        };
      } else {
        const { id: _id, ...unitFields } = unit;
        doc = ReportDocSchema.parse({
          formatId,
          year,
          unit: unitFields,
          title: defaultTitle(unit.name, year),
          signature: unit.signature || unit.name,
        });
      }
      return store.createReport(unit.id, doc, { basedOnId });
    },

    getReport: ({ id }) => store.requireReport(id),

    deleteReport: async ({ id }) => {
      store.requireReport(id);
      // A wrong delete must be undoable with everything typed up to this moment.
      await store.backup('pre-change');
      store.deleteReport(id);
      return { deleted: true as const };
    },

    updateReport: ({ id, patch }) => {
      const { status, ...fields } = patch;
      return store.updateReport(id, (doc) => ({ ...doc, ...fields }), status);
    },

    setSection: ({ id, key, text }) => ({ updatedAt: store.setSection(id, key, text) }),

    setCells: ({ id, cells }) => {
      refuseImpossibleCells(id, cells);
      return { updatedAt: store.setCells(id, cells) };
    },

    saveEdits: ({ id, cells, sections, meta }) => {
      refuseImpossibleCells(id, cells);
      const { status, ...fields } = meta;
      const change = Object.keys(fields).length ? (doc: ReportDoc) => ({ ...doc, ...fields }) : undefined;
      return store.saveEdits(id, { cells, sections, change, status });
    },

    setAcknowledgement: ({ id, findingId, reason }) => ({ updatedAt: store.setAcknowledgement(id, findingId, reason) }),

    getUiState: () => {
      const raw = store.getUiValue('reportId');
      const reportId = raw !== null && store.getReport(Number(raw)) ? Number(raw) : null;
      return { reportId, step: store.getUiValue('step') };
    },

    setUiState: ({ reportId, step }) => {
      store.setUiValues({ reportId: reportId === null ? null : String(reportId), step });
      return { reportId, step };
    },

    exportDocx: async ({ id, letterhead, sealed, duplex, blankAsZero }) => {
      const report = store.requireReport(id);
      const doc = report.doc;
      const findings = checkReport(doc, previousDoc(report));
      // No 成文日期, or a 红头 without 发文字号, is never the final version: the file is a 草稿.
      const reasons = doc.formatId === 'legacy' ? [] : draftReasons(doc, { letterhead });
      const draft = hasBlockingFindings(findings) || reasons.length > 0;
      const confirmedBlanks = confirmedBlankCells(doc, draft, blankAsZero, refuse);
      const bytes = await buildDocx(doc, { letterhead, sealed, draft, duplex });
      const title = doc.title || defaultTitle(doc.unit.name, doc.year);
      const fileName = `${safeFileName(title)}${draft ? '（草稿）' : ''}.docx`;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const checks = { blankAsZero: confirmedBlanks, fontCheck: storedFontCheck() };
      const row = store.addExport(id, { fileName, sha256, draft, doc, kind: 'docx', letterhead, sealed, ...checks });
      return { exportId: row.id, fileName, sha256, base64: Buffer.from(bytes).toString('base64'), draft, draftReasons: reasons };
    },

    recordPdfExport: ({ id, letterhead, sealed, blankAsZero }) => {
      // The PDF is printed from the preview in the page: recorded like a Word export, drafts the same way.
      const report = store.requireReport(id);
      const doc = report.doc;
      if (doc.formatId === 'legacy') throw new ApiFailure('unsupported', '这是2019年以前的历史报告，没有官方格式可以导出。请新建本年度报告后再导出。');
      const reasons = draftReasons(doc, { letterhead });
      const draft = hasBlockingFindings(checkReport(doc, previousDoc(report))) || reasons.length > 0;
      const fileName = `${safeFileName(doc.title || defaultTitle(doc.unit.name, doc.year))}${draft ? '（草稿）' : ''}.pdf`;
      const blanks = confirmedBlankCells(doc, draft, blankAsZero, refuse);
      const row = store.addExport(id, { fileName, sha256: '', draft, doc, kind: 'pdf', letterhead, sealed, blankAsZero: blanks });
      return { exportId: row.id, fileName, draft, draftReasons: reasons };
    },

    recordFontCheck: ({ method, missing }) => {
      const check: FontCheck = { method, missing };
      store.setUiValues({ fontCheck: JSON.stringify(check) });
      return check;
    },

    confirmExport: ({ exportId, savedPath }) => {
      const row = store.confirmExport(exportId, savedPath);
      return { ...row, stale: store.exportIsStale(row.id, store.requireReport(row.reportId).doc) };
    },

    listExports: ({ id }) => {
      const current = store.requireReport(id).doc;
      return store.listExports(id).map((r) => ({ ...r, stale: store.exportIsStale(r.id, current) }));
    },

    exportReportFile: ({ id }) => {
      const { doc } = store.requireReport(id);
      return { fileName: safeFileName(`${doc.unit.name}${doc.year}年度报告`) + '.nianbao.json', content: serializeReportFile(doc) };
    },

    importPreview: async ({ fileName, base64 }) => {
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length === 0) throw new ApiFailure('invalid_input', `文件“${fileName}”是空的，请选择另一个文件。`);
      if (bytes.length > MAX_UPLOAD_BYTES) throw new ApiFailure('invalid_input', `文件“${fileName}”超过 20 MB，不像是一份年度报告。请选择报告文件本身。`);
      let read;
      try {
        read = await readReportSourceOffThread(fileName, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
      } catch (err) {
        if (err instanceof ImportError) throw new ApiFailure('unsupported', err.message);
        throw err;
      }
      const unit = store.getUnit();
      const existing = unit ? store.findReportByYear(unit.id, read.report.year) : null;
      return {
        report: read.report,
        recognised: read.recognised,
        problems: read.problems,
        findings: checkReport(read.report),
        existing: existing ? summary(existing) : null,
        source: read.source,
        notes: read.notes,
      };
    },

    importCommit: async ({ report, replace }) => {
      // Importing on first run sets the unit up from the report itself.
      const unit = store.getUnit() ?? store.saveUnit(report.unit);
      const { id: _unitId, ...unitFields } = unit;
      // A report of this unit read from a web copy often names it short (安砂镇 for 永安市安砂镇人民政府):
      // the unit record has the full details.
      const ownUnit = report.unit.name !== '' && unit.name.includes(report.unit.name);
      const doc = withoutStatedTotals(ownUnit ? { ...report, unit: unitFields } : report);
      const existing = store.findReportByYear(unit.id, doc.year);
      if (existing && !replace) {
        throw new ApiFailure('conflict', `${doc.year}年度的报告已经存在。如果要用导入的内容替换它，请确认“替换”；否则请先把现有报告导出留底。`);
      }
      if (existing) await store.backup('pre-change');
      // A replaced report is new content: it goes back to draft until the clerk finalises it again.
      return existing ? store.replaceReportDoc(existing.id, doc, 'draft') : store.createReport(unit.id, doc);
    },

    listBackups: () => store.listBackups().map(backupInfo),

    backupNow: async () => backupInfo(await store.backup('manual')),

    restoreBackup: async ({ fileName }) => {
      const restored = await store.restoreBackup(fileName);
      return { restored: restored.fileName };
    },

    ...countyHandlers((code, message) => new ApiFailure(code, message)),
    exportDiagnostics: () => diagnostics(store, { version: pkg.version, transport: ctx.transport, dataDir: ctx.dataDir }),
    ...registerHandlers({ store, requireUnit, now: () => (ctx.now ?? Date.now)(), refuse: (code, message) => new ApiFailure(code, message) }),
  };

  // While the clerk edits, the newest backup is never more than an hour behind.
  const hourlyBackup = async () => {
    try {
      await store.backupIfStale(HOURLY, (ctx.now ?? Date.now)());
    } catch (err) {
      // The edit itself is saved; a backup that could not be written goes to the log and is
      // tried again on the next edit.
      logError('backup', '自动备份失败', err);
    }
  };

  const handleApiCall: ApiHandler = async (method, rawInput) => {
    if (typeof method !== 'string' || !Object.hasOwn(apiSpec, method)) {
      return {
        ok: false,
        error: { code: 'unsupported', message: `程序不认识“${String(method).slice(0, 60)}”这个操作。请刷新页面；如果仍然出现，请把程序更新到最新版本。` },
      };
    }
    const m = method as ApiMethod;
    const protoPath = prototypeKeyPath(rawInput);
    if (protoPath) return { ok: false, error: prototypeKeyError(protoPath) };
    // Text XML cannot hold (U+FFFE, control characters, lone surrogates) is never stored.
    const parsed = (apiSpec[m].input as z.ZodType).safeParse(stripXmlIllegalDeep(rawInput ?? {}));
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
    try {
      const handler = handlers[m] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (EDITS.has(m)) await hourlyBackup();
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: toApiError(m, err) };
    }
  };

  return { handleApiCall, handlers };
}

/** Deliberate errors keep their message; anything else is logged here and reported without internals. */
export function toApiError(method: string, err: unknown): ApiError {
  if (err instanceof ApiFailure) return { code: err.code, message: err.message };
  if (err instanceof StoreError) return { code: err.code, message: err.message };
  if (err instanceof z.ZodError) return invalidInput(err);
  const sqliteCode = (err as { code?: unknown })?.code;
  if (typeof sqliteCode === 'string' && /^SQLITE_(CONSTRAINT)/.test(sqliteCode)) {
    logError('api', method, err);
    return { code: 'conflict', message: '保存的内容与已有数据冲突（例如同一年度已有报告），没有保存。请刷新后再试。' };
  }
  if (typeof sqliteCode === 'string' && /^(SQLITE_(FULL|IOERR|READONLY|BUSY|LOCKED|CANTOPEN)|ENOSPC|EACCES|EPERM|EIO)/.test(sqliteCode)) {
    logError('api', method, err);
    return { code: 'io', message: '无法写入数据文件（磁盘已满、没有权限或文件被占用），刚才的操作没有保存。请检查磁盘空间后重试。' };
  }
  logError('api', method, err);
  const detail = err instanceof Error && err.message && !err.message.includes('\n') && /[\u4e00-\u9fff]/.test(err.message) ? `（${err.message}）` : '';
  return { code: 'internal', message: `操作没有完成${detail}。已保存的内容不受影响，请重试；如果反复出现，请联系技术支持。` };
}
