// Export history: what was handed out, byte for byte (sha256) and as the report then stood.
import type { Database as Db } from 'better-sqlite3';
import type { ExportRecord } from '../../../shared/api';
import type { ReportDoc } from '../../../shared/report';
import type { FontCheck } from '../../../shared/print/fonts';
import { now } from './database';
import { StoreError } from './errors';
import { reportRow } from './reports';

/** An export history row: the API's ExportRecord but for `stale`, which compares it with the report as it is now. */
export type ExportRow = Omit<ExportRecord, 'stale'>;

export interface ExportVariant {
  kind: 'docx' | 'pdf';
  letterhead: boolean;
  sealed: boolean;
}

interface ExportDbRow {
  id: number;
  report_id: number;
  created_at: string;
  file_name: string;
  sha256: string;
  draft: number;
  saved_path: string;
  kind: 'docx' | 'pdf';
  letterhead: number;
  sealed: number;
  font_check: string | null;
  blank_as_zero: number | null;
}

const COLUMNS = 'id, report_id, created_at, file_name, sha256, draft, saved_path, kind, letterhead, sealed, font_check, blank_as_zero';

function exportFromRow(r: ExportDbRow): ExportRow {
  return {
    id: r.id,
    reportId: r.report_id,
    createdAt: r.created_at,
    fileName: r.file_name,
    sha256: r.sha256,
    draft: r.draft === 1,
    savedPath: r.saved_path,
    kind: r.kind,
    letterhead: r.letterhead === 1,
    sealed: r.sealed === 1,
    fontCheck: r.font_check ? (JSON.parse(r.font_check) as FontCheck) : null,
    blankAsZero: r.blank_as_zero,
  };
}

/** What an export is recorded with. */
export type ExportInput = {
  fileName: string;
  sha256: string;
  draft: boolean;
  doc: ReportDoc;
  fontCheck?: FontCheck | null;
  blankAsZero?: number | null;
} & Partial<ExportVariant>;

export function addExport(db: Db, reportId: number, record: ExportInput): ExportRow {
  const t = now();
  const variant: ExportVariant = { kind: record.kind ?? 'docx', letterhead: record.letterhead ?? false, sealed: record.sealed ?? false };
  const fontCheck = record.fontCheck ?? null;
  const blankAsZero = record.blankAsZero ?? null;
  const r = db
    .prepare(
      `INSERT INTO exports (report_id, created_at, file_name, sha256, draft, saved_path, report_json, kind, letterhead, sealed, font_check, blank_as_zero) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      reportId,
      t,
      record.fileName,
      record.sha256,
      record.draft ? 1 : 0,
      JSON.stringify(record.doc),
      variant.kind,
      +variant.letterhead,
      +variant.sealed,
      fontCheck ? JSON.stringify(fontCheck) : null,
      blankAsZero,
    );
  return {
    id: Number(r.lastInsertRowid),
    reportId,
    createdAt: t,
    fileName: record.fileName,
    sha256: record.sha256,
    draft: record.draft,
    savedPath: '',
    ...variant,
    fontCheck,
    blankAsZero,
  };
}

export function getExport(db: Db, exportId: number): ExportRow | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM exports WHERE id = ?`).get(exportId) as ExportDbRow | undefined;
  return row ? exportFromRow(row) : null;
}

export function confirmExport(db: Db, exportId: number, savedPath: string): ExportRow {
  const r = db.prepare(`UPDATE exports SET saved_path = ? WHERE id = ?`).run(savedPath, exportId);
  if (r.changes === 0) throw new StoreError('not_found', `找不到编号为 ${exportId} 的导出记录。请重新导出一次。`);
  return getExport(db, exportId)!;
}

/** The report exactly as it was exported. */
export function exportedDoc(db: Db, exportId: number): ReportDoc | null {
  const row = db.prepare(`SELECT report_json FROM exports WHERE id = ?`).get(exportId) as { report_json: string } | undefined;
  return row ? (JSON.parse(row.report_json) as ReportDoc) : null;
}

export function listExports(db: Db, reportId: number): ExportRow[] {
  reportRow(db, reportId);
  const rows = db.prepare(`SELECT ${COLUMNS} FROM exports WHERE report_id = ? ORDER BY id DESC`).all(reportId) as ExportDbRow[];
  return rows.map(exportFromRow);
}

/** What an exported file shows of a report: its printed content (not the 已核实 marks or the editing state). */
function printedContent(doc: ReportDoc): string {
  const sorted = (o: object) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  const { formatId, year, unit, title, period, preamble, sections, cells, signature, date, letterhead, legacySections } = doc;
  return JSON.stringify([
    formatId,
    year,
    unit,
    title,
    period,
    sorted(preamble),
    sorted(sections),
    sorted(cells),
    signature,
    date,
    sorted(letterhead),
    legacySections ?? null,
  ]);
}

/** Whether the report was changed (in what an export prints) after `exportId` was made. */
export function exportIsStale(db: Db, exportId: number, current: ReportDoc): boolean {
  const then = exportedDoc(db, exportId);
  return !then || printedContent(then) !== printedContent(current);
}
