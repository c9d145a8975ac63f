// 按 0 印出 (issue 21 item 4): a final export's blank table cells, which the 导出 step asks about
// before the file is made; the count the clerk confirmed is recorded with the export.
import type { ReportDoc } from '../../../shared/report';
import { blankCells } from '../../../shared/print/blank-cells';
import type { Refuse } from '../register/api';

/**
 * The number of blank cells the clerk confirmed to print as 0, for the export's record; null when
 * none were asked about (a 草稿, every cell filled, or a caller that did not ask). A confirmed count
 * that is no longer the report's (the tables changed after the question) is refused, so the record
 * never claims fewer 0s than the file prints.
 */
export function confirmedBlankCells(doc: ReportDoc, draft: boolean, confirmed: number | undefined, refuse: Refuse): number | null {
  if (draft || confirmed === undefined) return null;
  const n = blankCells(doc).length;
  if (n === 0) return null;
  if (confirmed !== n)
    throw refuse(
      'conflict',
      `报告现在有 ${n} 格未填，与确认“按 0 印出”时的 ${confirmed} 格不同（确认以后表格又改动过）。请回到导出一步再看一遍未填的格子，然后重新导出。`,
    );
  return n;
}
