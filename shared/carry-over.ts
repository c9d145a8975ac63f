// STUB (replaced by the year-over-year work, issue 6): a new year's report based on last year's.
import type { ReportDoc } from './report';

export function deriveNextYearReport(previous: ReportDoc, year: number, formatId: 'gov-2021' | 'gov-2019'): ReportDoc {
  return { ...previous, year, formatId, cells: {}, acknowledgements: {}, copiedSections: [] };
}
