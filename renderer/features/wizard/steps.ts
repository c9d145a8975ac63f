// The wizard's steps and which findings belong to which step.
import type { FormatModel, SectionKey } from '../../../shared/formats/index';
import type { Finding, ReportDoc } from '../../../shared/report';
import { findingSection, isAcknowledged as checkAcknowledged } from '../../../shared/check';

export interface StepDef {
  key: string;
  label: string;
  kind: 'basic' | 'table' | 'text' | 'review' | 'export';
  section?: SectionKey;
}

export function wizardSteps(model: FormatModel | null): StepDef[] {
  const sections: StepDef[] = model
    ? model.format.sections.map((s) => ({ key: s.key, label: s.heading, kind: s.table ? 'table' : 'text', section: s.key }))
    : [];
  return [{ key: 'basic', label: '基本信息', kind: 'basic' }, ...sections, { key: 'review', label: '审核', kind: 'review' }, { key: 'export', label: '导出', kind: 'export' }];
}

/** The step a finding is fixed in: its section, else 基本信息 (findings about the whole report). */
export function findingStep(f: Finding, doc: ReportDoc): string {
  const k = findingSection(doc, f);
  return k === 'general' ? 'basic' : k;
}

export function isAcknowledged(f: Finding, doc: ReportDoc): boolean {
  return checkAcknowledged(doc, f);
}

export interface StepStatus {
  errors: number;
  warnings: number;
  done: boolean;
  /** a text part with nothing written yet */
  empty: boolean;
  /** a text part still as copied from last year's report (沿用上年) */
  copied: boolean;
}

export function stepStatuses(steps: StepDef[], findings: Finding[], doc: ReportDoc, model: FormatModel | null): Record<string, StepStatus> {
  const out: Record<string, StepStatus> = {};
  for (const s of steps) out[s.key] = { errors: 0, warnings: 0, done: false, empty: false, copied: false };
  for (const f of findings) {
    const st = out[findingStep(f, doc)];
    if (!st || isAcknowledged(f, doc)) continue;
    if (f.severity === 'error') st.errors++;
    else if (f.severity === 'warning') st.warnings++;
  }
  const totalErrors = findings.filter((f) => f.severity === 'error').length;
  for (const s of steps) {
    const st = out[s.key];
    if (s.kind === 'basic') st.done = !!doc.title.trim() && !!doc.signature.trim() && !!doc.date;
    else if (s.kind === 'text') {
      st.empty = !doc.sections[s.section!]?.trim();
      // Last year's words are not this year's report: not done until the clerk has rewritten them.
      st.copied = !st.empty && doc.copiedSections.includes(s.section!);
      st.done = !st.empty && !st.copied;
    }
    else if (s.kind === 'table') {
      const table = model?.format.sections.find((x) => x.key === s.section)?.table;
      st.done = !!table && Object.keys(doc.cells).some((k) => k.startsWith(`${table}.`));
    } else if (s.kind === 'review') st.done = totalErrors === 0;
    if (st.errors) st.done = false;
  }
  return out;
}
