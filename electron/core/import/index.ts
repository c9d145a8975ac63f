// STUB (replaced by the import work, issue 6): reads a report made elsewhere.
import type { ReportDoc } from '../../../shared/report';

export interface ImportReadResult {
  report: ReportDoc;
  recognised: string[];
  problems: string[];
  source: 'nianbao-file' | 'docx' | 'text';
}

export class ImportError extends Error {}

export async function readReportSource(_fileName: string, _bytes: Uint8Array): Promise<ImportReadResult> {
  throw new ImportError('导入尚未实现');
}
