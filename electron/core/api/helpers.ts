// Small pure helpers of the API handlers: file names, report summaries, backup info, stated totals.
import type { BackupInfo } from '../../../shared/api';
import type { ReportDoc, ReportSummary, StoredReport } from '../../../shared/report';
import { formatModel, isGovFormatId } from '../../../shared/formats/index';
import type { BackupFile } from '../store/index';

/** Characters Windows and macOS do not allow in a file name. */
export function safeFileName(name: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .slice(0, 150) || '年度报告'
  );
}

export function summary(r: StoredReport): ReportSummary {
  return {
    id: r.id,
    year: r.doc.year,
    formatId: r.doc.formatId,
    status: r.status,
    title: r.doc.title,
    basedOnId: r.basedOnId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function backupInfo(b: BackupFile): BackupInfo {
  return { fileName: b.fileName, kind: b.kind, createdAt: b.createdAt, bytes: b.bytes };
}

/** Drops the cells the program derives (总计): a file's stated totals are not kept once saved. */
export function withoutStatedTotals(doc: ReportDoc): ReportDoc {
  if (!isGovFormatId(doc.formatId)) return doc;
  const model = formatModel(doc.formatId);
  const cells = Object.fromEntries(Object.entries(doc.cells).filter(([k]) => !model.byKey.get(k)?.derived));
  return { ...doc, cells };
}
