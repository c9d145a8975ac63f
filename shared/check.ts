// STUB (replaced by the rules work, issue 3): every finding for a report, tables and text.
import type { Finding, ReportDoc } from './report';
import { reviewDocument } from './review/index';

export function checkReport(doc: ReportDoc, previous?: ReportDoc | null): Finding[] {
  return [...reviewDocument(doc, previous)];
}
