// The table rules: the catalogue of each format evaluated over a report and, when given, last
// year's report (or the last-year figures the report keeps in `previousCells`).
import { getFormat, isGovFormatId } from '../formats/index';
import type { Finding, ReportDoc } from '../report';
import { RULE_CATALOGUES } from './catalogue';
import { evaluate, makeContext } from './engine';
import type { RuleDecl } from './types';

export type { RuleDecl, RuleType, Severity } from './types';
export { RULE_CATALOGUES, RULES_GOV_2019, RULES_GOV_2021 } from './catalogue';

/** The rules that apply to a format ([] for pre-2019 reports, which have no national table). */
export function rulesFor(formatId: string): readonly RuleDecl[] {
  return isGovFormatId(formatId) ? RULE_CATALOGUES[formatId] : [];
}

/** Every table finding for a report. Pure and fast (well under a millisecond for a full report). */
export function evaluateTableRules(doc: ReportDoc, previous?: ReportDoc | null): Finding[] {
  if (!isGovFormatId(doc.formatId)) return [];
  return evaluate(RULE_CATALOGUES[doc.formatId], makeContext(doc, getFormat(doc.formatId), previous));
}
