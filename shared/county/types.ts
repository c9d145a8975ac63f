// The county's desk (issue 15): a batch of township reports read from files, each checked on its
// own, compared with the others and summed. Pure data shapes, shared by the core, the CLI and the UI.
import type { Finding, ReportDoc } from '../report';

/** One file of the batch, as read (or not) by the importer. */
export interface CountyEntry {
  /** stable within the batch: e1, e2 … in the order the files were added */
  id: string;
  fileName: string;
  source: 'nianbao-file' | 'docx' | 'doc' | 'pdf' | 'html' | 'text' | null;
  /** the report as read; absent when the file could not be read */
  doc?: ReportDoc;
  /** why the file could not be read (Chinese, says what to do) */
  error?: string;
  /** what the importer could not read in an otherwise readable file */
  problems: string[];
}

/** A finding that compares one unit with another of the batch (copied text) or with all (outlier). */
export interface CountyFinding extends Finding {
  /** the other unit's side of a copied paragraph: where it is and its words */
  other?: { entryId: string; unitName: string; fileName: string; section: string; start: number; end: number; quote: string };
}

export type ContinuityStatus =
  /** last year's file of the same unit is in the batch and 上年结转 matches its 结转下年度 */
  | 'ok'
  /** last year's file is in the batch and 上年结转 differs */
  | 'mismatch'
  /** no file of the same unit for the year before */
  | 'none';

export interface CountyUnitRow {
  entryId: string;
  fileName: string;
  source: CountyEntry['source'];
  unitName: string;
  formatId: ReportDoc['formatId'];
  year: number;
  /** 成文日期, ISO, or '' when the report has none */
  date: string;
  /** the role of the file in the batch: a report of the county's year, last year's kept for 结转, or another year's (not summed) */
  role: 'current' | 'previous' | 'other';
  continuity: ContinuityStatus;
  /** the file used as last year's report */
  previousEntryId?: string;
  errors: number;
  warnings: number;
  info: number;
  /** the unit's own checks (shared/check) plus the county's comparisons */
  findings: CountyFinding[];
  problems: string[];
}

/** The county's sums of one format's tables. */
export interface CountySum {
  formatId: 'gov-2021' | 'gov-2019';
  /** entries summed (the year's reports in this format) */
  entryIds: string[];
  /** every cell of the format: inputs summed, totals derived from the sums */
  cells: Record<string, number>;
  /** the table rules over the sums (a unit's unbalanced table leaves the county's sum unbalanced) */
  findings: Finding[];
  /** whether last year's sums of the same units were available for the cross-year rules */
  withPrevious: boolean;
  /** for each rule the sums break, the units whose own reports break it (where to look) */
  causes: { rule: string; entryIds: string[] }[];
}

export interface CountyReview {
  /** the reporting year the batch is about: the most common year among the readable reports */
  year: number | null;
  rows: CountyUnitRow[];
  /** files that could not be read */
  unreadable: { entryId: string; fileName: string; error: string }[];
  /** cross-unit findings (each copied paragraph once, each outlier once), for the findings list */
  comparisons: (CountyFinding & { entryId: string; unitName: string })[];
  sums: CountySum[];
  /** how the sums treat reports in other formats, in Chinese, for the screen and the workbook */
  sumNote: string;
}
