// Every finding for a report: the table rules (shared/rules) and the reviewer's checks on the
// whole document (shared/review), plus the helpers the 审核 step and the command line share.
import { formatModel, isGovFormatId } from './formats/index';
import { SECTION_KEYS, type SectionKey } from './formats/types';
import type { Finding, ReportDoc } from './report';
import { registerFindings } from './register/findings';
import { reviewDocument } from './review/index';
import { evaluateTableRules } from './rules/index';

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

export function checkReport(doc: ReportDoc, previous?: ReportDoc | null): Finding[] {
  return [...evaluateTableRules(doc, previous), ...reviewDocument(doc, previous), ...registerFindings(doc)];
}

/** Errors cannot be set aside: only warnings and info can be marked as reviewed (已核实). */
export function canAcknowledge(finding: Finding): boolean {
  return finding.severity !== 'error' && Boolean(finding.id);
}

export function isAcknowledged(doc: ReportDoc, finding: Finding): boolean {
  return canAcknowledge(finding) && Boolean(doc.acknowledgements[finding.id as string]);
}

/** Where a finding belongs: a section key, or 'general' for findings about the report as a whole. */
export type FindingGroupKey = SectionKey | 'general';

export function findingSection(doc: ReportDoc, finding: Finding): FindingGroupKey {
  const loc = finding.location?.section;
  if (loc && (SECTION_KEYS as readonly string[]).includes(loc)) return loc as SectionKey;
  if (isGovFormatId(doc.formatId)) {
    const byKey = formatModel(doc.formatId).byKey;
    for (const k of finding.cells) {
      const info = byKey.get(k);
      if (info) return info.section;
    }
  }
  // Unknown cells still name their table: t2 → 二, t3 → 三, t4 → 四.
  for (const k of finding.cells) {
    if (k.startsWith('t2.')) return 'proactive';
    if (k.startsWith('t3.')) return 'requests';
    if (k.startsWith('t4.')) return 'review_litigation';
  }
  return 'general';
}

/**
 * Findings grouped for the 审核 step, in section order ('general' first), each group sorted
 * errors → warnings → info. Every key is present, empty groups included.
 */
export function groupFindingsBySection(doc: ReportDoc, findings: readonly Finding[]): Record<FindingGroupKey, Finding[]> {
  const groups = { general: [] } as unknown as Record<FindingGroupKey, Finding[]>;
  for (const k of SECTION_KEYS) groups[k] = [];
  for (const f of findings) groups[findingSection(doc, f)].push(f);
  for (const k of Object.keys(groups) as FindingGroupKey[]) groups[k].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return groups;
}

export interface FindingCounts {
  errors: number;
  /** warnings not yet marked as reviewed */
  warnings: number;
  /** info findings not yet marked as reviewed */
  info: number;
  acknowledged: number;
}

export function countFindings(doc: ReportDoc, findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, info: 0, acknowledged: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (isAcknowledged(doc, f)) counts.acknowledged++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.info++;
  }
  return counts;
}

/** Export is blocked while any error remains (spec §6.2: E = error blocks export). */
export function hasBlockingFindings(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
