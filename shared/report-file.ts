// STUB (replaced by the rules work, issue 3): the report file (*.nianbao.json), schema nianbao.report/1.
import type { ReportDoc } from './report';
import { ReportDocSchema } from './report';

export const REPORT_FILE_SCHEMA = 'nianbao.report/1';

export type ParsedReportFile = { ok: true; doc: ReportDoc } | { ok: false; code: 'invalid' | 'newer_version'; message: string };

export function serializeReportFile(doc: ReportDoc): string {
  return JSON.stringify({ schema: REPORT_FILE_SCHEMA, ...doc }, null, 2);
}

export function parseReportFile(text: string): ParsedReportFile {
  const r = ReportDocSchema.safeParse(JSON.parse(text));
  return r.success ? { ok: true, doc: r.data } : { ok: false, code: 'invalid', message: '报告文件格式不对' };
}
