// What a report keeps of the register it was counted from (issue 24 items 2 and 7): for each table
// 三 cell the ids of the applications behind it, the applications answered late or overdue, and —
// only when the clerk opts in — the applicants' names. The figures themselves stay in the report's
// cells; a cell whose figure differs from its list's length was typed over by hand.
import { getFormat } from '../formats/index';
import type { Application } from './model';
import { deadlineOf, isOverdue, type WorkCalendar } from './deadline';
import type { RegisterSummary } from './schema';
import { computeTable3 } from './table3';

export interface RegisterCount {
  cells: Record<string, number>;
  summary: RegisterSummary;
  unplaced: { id: string; reason: string }[];
}

/** Table 三 and the summary a report keeps, counted from the register as of `today`. */
export function countRegister(
  applications: readonly Application[],
  year: number,
  formatId: string,
  calendar: WorkCalendar,
  today: string,
  options: { includeNames?: boolean; computedAt?: string } = {},
): RegisterCount {
  const format = getFormat(formatId);
  const t = computeTable3(applications, year, format);
  const sources: Record<string, string[]> = {};
  for (const [k, ids] of Object.entries(t.sources)) if (ids.length) sources[k] = ids;
  const inYear = new Set(Object.values(sources).flat());
  const yearEnd = `${year}-12-31`;
  // Overdue as the year's report sees it: late answers in the year, and applications still open
  // past their due date at year end (or today, if earlier).
  const asOf = today < yearEnd ? today : yearEnd;
  const overdue = applications
    .filter((a) => inYear.has(a.id))
    .filter((a) => {
      const d = deadlineOf(a.answeredOn && a.answeredOn > yearEnd ? { ...a, answeredOn: '', outcome: '' } : a, calendar, asOf);
      return isOverdue(d);
    })
    .map((a) => a.id);
  const summary: RegisterSummary = { computedAt: options.computedAt ?? new Date().toISOString(), tables: ['t3'], counted: t.counted, sources, overdue };
  if (options.includeNames) {
    const applicants: Record<string, string> = {};
    for (const a of applications) if (inYear.has(a.id) && a.applicant) applicants[a.id] = a.applicant;
    summary.applicants = applicants;
  }
  return { cells: t.cells, summary, unplaced: t.unplaced };
}
