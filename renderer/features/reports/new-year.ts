// Which year 新建年度报告 offers first (no React here, so it is tested on its own).
import type { ReportSummary } from '../../../shared/report';

/**
 * The year a new report is most likely for: the year after the newest report there is (based on
 * it), never later than last year; with no reports, last year (January's report on the year before).
 */
export function defaultNewYear(reports: Pick<ReportSummary, 'year'>[], thisYear = new Date().getFullYear()): number {
  const lastYear = thisYear - 1;
  const taken = new Set(reports.map((r) => r.year));
  const newest = reports.length ? Math.max(...reports.map((r) => r.year)) : null;
  if (newest !== null && newest + 1 <= thisYear && !taken.has(newest + 1)) return Math.max(2019, newest + 1);
  if (!taken.has(lastYear)) return lastYear;
  // Every recent year exists: the newest free one before it, else next year's (shown as not yet due).
  for (let y = lastYear - 1; y >= 2019; y--) if (!taken.has(y)) return y;
  return thisYear;
}
