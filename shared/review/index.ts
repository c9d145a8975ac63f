// STUB (replaced by the 审读 work, issue 7): the reviewer's checks on the whole document.
import type { Finding, ReportDoc } from '../report';

export function reviewDocument(_doc: ReportDoc, _previous?: ReportDoc | null): Finding[] {
  return [];
}
