// Display names for ids the API carries (format ids, statuses, ISO times).
import { FORMATS, isGovFormatId } from '../shared/formats/index';
import type { Finding, ReportStatus } from '../shared/report';
import { SEVERITY_WORDS } from '../shared/severity';

export function formatLabel(id: string): string {
  if (isGovFormatId(id)) return `${FORMATS[id].citation}格式`;
  return '2019年以前的报告（无统一格式）';
}

/** How serious a finding is: the one set of words (shared/severity), as everywhere else. */
export const SEVERITY_LABEL: Record<Finding['severity'], string> = SEVERITY_WORDS;

/**
 * The report's state: 编写中 or 定稿. 草稿 is kept for what the export marks (a file exported with
 * errors is 「草稿」 in its name and header), so each word means one thing.
 */
export function statusLabel(s: ReportStatus): string {
  return s === 'final' ? '定稿' : '编写中';
}

export const REPORT_STATUS_HINT = '报告写完、核对无误后改为“定稿”；定稿后仍可修改';

/** An export record: a file marked 草稿 (exported with errors) or a formal one. */
export function exportKindLabel(draft: boolean): string {
  return draft ? '草稿（有错误时导出）' : '正式';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-01-08 14:03 in local time. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 2026年1月8日 14:03:05 in local time (backups made a minute apart must be told apart). */
export function chineseDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${clockTime(d)}`;
}

export function clockTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
