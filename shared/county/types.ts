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
  /** the file was read but is another document, not an annual report (listed as 不是年度报告, not as a failure) */
  notAReport?: boolean;
  /** what the importer could not read in an otherwise readable file */
  problems: string[];
}

/** A finding that compares one unit with another of the batch (copied text) or with all (outlier). */
export interface CountyFinding extends Finding {
  /** the clerk marked this finding 已核实 in the report file, with the reason */
  acknowledged?: { reason: string; at: string };
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
  /**
   * the role of the file in the batch: a report of the county's year, last year's kept for 结转,
   * another year's (not summed), or a second file of a unit-year already in the batch (never
   * counted, summed or compared: see duplicateOf)
   */
  role: 'current' | 'previous' | 'other' | 'duplicate';
  /** for a duplicate: the file of the same unit and year that is counted instead */
  duplicateOf?: string;
  continuity: ContinuityStatus;
  /** the tables counted from the unit's registers (the report's register summary); [] = typed by hand */
  fromRegister: ('t2' | 't3' | 't4')[];
  /** the file used as last year's report */
  previousEntryId?: string;
  /** open findings by severity; warnings and info the clerk marked 已核实 are in `acknowledged` only */
  errors: number;
  warnings: number;
  info: number;
  acknowledged: number;
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

/** One way two files of the same unit and year differ. */
export interface CountyDifference {
  /** a table cell (key), a section (key) or a field of the report (formatId, date, title, unit) */
  kind: 'cell' | 'section' | 'field';
  key: string;
  /** the official label (cells: 表三“… · 自然人”; sections: their heading) */
  label: string;
  /** the value in each file, in the order of the group's entryIds ('未填' when absent) */
  values: string[];
}

/** Files of one unit for one year: only `kept` is counted. */
export interface CountyDuplicate {
  unitName: string;
  year: number;
  /** the files, in the order they were added */
  entryIds: string[];
  fileNames: string[];
  kept: string;
  /** empty when the files say the same (figures, texts, date) */
  differences: CountyDifference[];
}

export interface CountyReview {
  /** the reporting year the batch is about: the most common year among the readable reports */
  year: number | null;
  /** rows in the batch's order, except that the files of a unit sent twice come first */
  rows: CountyUnitRow[];
  /** units sent more than once for the same year, shown before everything else */
  duplicates: CountyDuplicate[];
  /** files that could not be read, and (notAReport) files that are another document, not a report */
  unreadable: { entryId: string; fileName: string; error: string; notAReport?: boolean }[];
  /** cross-unit findings (each copied paragraph once, each outlier once), for the findings list */
  comparisons: (CountyFinding & { entryId: string; unitName: string })[];
  sums: CountySum[];
  /** how the sums treat reports in other formats, in Chinese, for the screen and the workbook */
  sumNote: string;
}
