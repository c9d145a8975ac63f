// The register's choices as the clerk sees them, read from the year's format (shared/formats):
// applicant types are table 三's columns, outcomes its outcome rows.
import { formatForYear, getFormat } from '../../../shared/formats/index';
import { applicantTypes, outcomeRows } from '../../../shared/register/model';

export function choicesFor(yearOrFormat: number | string) {
  const format = typeof yearOrFormat === 'number' ? formatForYear(yearOrFormat) : getFormat(yearOrFormat);
  const types = applicantTypes(format);
  const outcomes = outcomeRows(format);
  return {
    format,
    types,
    outcomes,
    typeLabel: (k: string) => types.find((t) => t.key === k)?.label ?? k,
    outcomeLabel: (k: string) => outcomes.find((o) => o.key === k)?.name ?? (k ? k : ''),
  };
}

/** The clerk's local day (deadlines are reckoned on the main side; this only proposes a date). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const STATE_COLOR: Record<string, 'error' | 'warning' | 'success' | 'default' | 'info'> = {
  overdue: 'error',
  answered_late: 'error',
  due_soon: 'warning',
  answered: 'success',
  open: 'info',
  awaiting_correction: 'default',
};
