// The words for a finding's severity, defined once: the clerk's screens, the county's desk, the
// command line, the workbook and the opinions all read them from here (issue 23).
import type { Finding } from './report';

export const SEVERITY_WORDS: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

/** A warning or a hint the clerk checked and kept, with a reason. */
export const ACKNOWLEDGED_WORD = '已核实';

/** 已核实，理由：…, as the county and the opinions show the clerk's reason. */
export function acknowledgedText(reason: string): string {
  return `${ACKNOWLEDGED_WORD}，理由：${reason}`;
}
