// Display names for ids the API carries (format ids, statuses, ISO times).
import { FORMATS, isGovFormatId } from '../shared/formats/index';
import type { ReportStatus } from '../shared/report';

export function formatLabel(id: string): string {
  if (isGovFormatId(id)) return `${FORMATS[id].citation}格式`;
  return '2019年以前的报告（无统一格式）';
}

export function statusLabel(s: ReportStatus): string {
  return s === 'final' ? '定稿' : '草稿';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-01-08 14:03 in local time. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function clockTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
