// Words the workbook and the opinions share (the UI has its own in renderer/labels).
import { FORMATS, isGovFormatId } from '../../../shared/formats/index';
import type { ContinuityStatus } from '../../../shared/county/index';
import type { Finding } from '../../../shared/report';
import { SEVERITY_WORDS } from '../../../shared/severity';

export function formatLabelOf(id: string): string {
  return isGovFormatId(id) ? `${FORMATS[id].citation}格式` : '2019年以前的格式';
}

export const SEVERITY_TEXT: Record<Finding['severity'], string> = SEVERITY_WORDS;

export const CONTINUITY_TEXT: Record<ContinuityStatus, string> = {
  ok: '衔接一致',
  mismatch: '与上年结转不一致',
  none: '无上年报告',
};
