// Export history: what was handed out, byte for byte (sha256) and as the report then stood.
import type { Database as Db } from 'better-sqlite3';
import type { ExportRecord } from '../../../shared/api';
import type { ReportDoc } from '../../../shared/report';
import type { FontCheck } from '../../../shared/print/fonts';
import { now } from './database';
import { StoreError } from './errors';
import { reportRow } from './reports';

/** An export history row is exactly the API's ExportRecord. */
export type ExportRow = ExportRecord;

interface ExportDbRow {
  id: number;
  report_id: number;
  created_at: string;
  file_name: string;
  sha256: string;
  draft: number;
  saved_path: string;
  font_check: string | null;
}

function exportFromRow(r: ExportDbRow): ExportRow {
  return {
    id: r.id,
    reportId: r.report_id,
    createdAt: r.created_at,
    fileName: r.file_name,
    sha256: r.sha256,
    draft: r.draft === 1,
    savedPath: r.saved_path,
    fontCheck: r.font_check ? (JSON.parse(r.font_check) as FontCheck) : null,
  };
}

export function addExport(
  db: Db,
  reportId: number,
  record: { fileName: string; sha256: string; draft: boolean; doc: ReportDoc; fontCheck?: FontCheck | null },
): ExportRow {
  const t = now();
  const fontCheck = record.fontCheck ?? null;
  const r = db
    .prepare(`INSERT INTO exports (report_id, created_at, file_name, sha256, draft, saved_path, report_json, font_check) VALUES (?, ?, ?, ?, ?, '', ?, ?)`)
    .run(reportId, t, record.fileName, record.sha256, record.draft ? 1 : 0, JSON.stringify(record.doc), fontCheck ? JSON.stringify(fontCheck) : null);
  return {
    id: Number(r.lastInsertRowid),
    reportId,
    createdAt: t,
    fileName: record.fileName,
    sha256: record.sha256,
    draft: record.draft,
    savedPath: '',
    fontCheck,
  };
}

export function getExport(db: Db, exportId: number): ExportRow | null {
  const row = db.prepare(`SELECT id, report_id, created_at, file_name, sha256, draft, saved_path, font_check FROM exports WHERE id = ?`).get(exportId) as
    ExportDbRow | undefined;
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
  const rows = db
    .prepare(`SELECT id, report_id, created_at, file_name, sha256, draft, saved_path, font_check FROM exports WHERE report_id = ? ORDER BY id DESC`)
    .all(reportId) as ExportDbRow[];
  return rows.map(exportFromRow);
}
