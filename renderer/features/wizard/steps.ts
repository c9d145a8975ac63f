// The wizard's steps and which findings belong to which step.
import { SEVERITY_WORDS } from '../../../shared/severity';
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
  return [
    { key: 'basic', label: '基本信息', kind: 'basic' },
    ...sections,
    { key: 'review', label: '审核', kind: 'review' },
    { key: 'export', label: '导出', kind: 'export' },
  ];
}

/** The step a finding is fixed in: its section, else 基本信息 (findings about the whole report). */
export function findingStep(f: Finding, doc: ReportDoc): string {
  // “三张统计表都没有填写” is fixed in the tables, not on 基本信息: the first table's step.
  if (f.rule === TABLES_EMPTY && doc.formatId !== 'legacy') return 'proactive';
  const k = findingSection(doc, f);
  return k === 'general' ? 'basic' : k;
}

const TABLES_EMPTY = 'tables.empty';

export function isAcknowledged(f: Finding, doc: ReportDoc): boolean {
  return checkAcknowledged(doc, f);
}

/** A balance error in a column where only 上年结转 (carried over from last year) is filled: the
 * column is not filled in yet, not wrong. Shown as 未填写, not as an error. */
export function isPremature(f: Finding, doc: ReportDoc): boolean {
  if (f.rule !== 't3.balance') return false;
  const col = f.cells.map((k) => /^t3\.carried_over\.(.+)$/.exec(k)?.[1]).find(Boolean) ?? f.cells[0]?.split('.')[2];
  if (!col) return false;
  return !Object.keys(doc.cells).some((k) => k.startsWith('t3.') && k.endsWith(`.${col}`) && !k.startsWith('t3.carried_over.'));
}

/**
 * One state per step, each meaning one thing:
 * todo: nothing entered yet (还没有填写) (审核: not opened yet) · error: N errors to fix · incomplete: entered
 * but not finished (blank cells, last year's words) · warning: finished, N warnings to check ·
 * done: finished, nothing left.
 */
export type StepState = 'todo' | 'error' | 'incomplete' | 'warning' | 'done' | 'none';

export interface StepStatus {
  state: StepState;
  errors: number;
  warnings: number;
  /** input cells still blank (tables) */
  blanks: number;
  /** a text part still as copied from last year's report (沿用上年) */
  copied: boolean;
  /** what the step list prints under the step's name */
  caption: string;
}

export function stepStatuses(steps: StepDef[], findings: Finding[], doc: ReportDoc, model: FormatModel | null, reviewed = false): Record<string, StepStatus> {
  const out: Record<string, StepStatus> = {};
  for (const s of steps) out[s.key] = { state: 'none', errors: 0, warnings: 0, blanks: 0, copied: false, caption: '' };
  let totalErrors = 0;
  let totalWarnings = 0;
  for (const f of findings) {
    if (isAcknowledged(f, doc) || isPremature(f, doc)) continue;
    const st = out[findingStep(f, doc)];
    if (f.severity === 'error') totalErrors++;
    else if (f.severity === 'warning') totalWarnings++;
    if (!st) continue;
    if (f.severity === 'error') st.errors++;
    else if (f.severity === 'warning') st.warnings++;
  }
  const settle = (st: StepStatus, started: boolean, complete: boolean, incompleteCaption: string) => {
    if (!started) [st.state, st.caption] = ['todo', '还没有填写'];
    else if (st.errors) [st.state, st.caption] = ['error', `${st.errors} 处错误`];
    else if (!complete) [st.state, st.caption] = ['incomplete', incompleteCaption];
    else if (st.warnings) [st.state, st.caption] = ['warning', `${st.warnings} 处${SEVERITY_WORDS.warning}`];
    else [st.state, st.caption] = ['done', '已完成'];
  };
  for (const s of steps) {
    const st = out[s.key];
    if (s.kind === 'basic') {
      const missing = [!doc.title.trim() && '标题', !doc.signature.trim() && '署名'].filter(Boolean);
      settle(st, true, missing.length === 0, `未填${missing.join('、')}`);
    } else if (s.kind === 'text' && s.section) {
      const empty = !doc.sections[s.section]?.trim();
      // Last year's words are not this year's report: not finished until rewritten or kept on purpose.
      st.copied = !empty && doc.copiedSections.includes(s.section);
      settle(st, !empty, !st.copied, '沿用上年，待改写');
    } else if (s.kind === 'table' && s.section) {
      const table = model?.format.sections.find((x) => x.key === s.section)?.table;
      const inputs = model && table ? model.inputs.filter((c) => c.table === table) : [];
      st.blanks = inputs.filter((c) => doc.cells[c.key] === undefined).length;
      // 上年结转 comes from last year's report: a table with only those is not started.
      const started = inputs.some((c) => doc.cells[c.key] !== undefined && !c.key.startsWith('t3.carried_over.'));
      settle(st, started, st.blanks === 0, `还有 ${st.blanks} 格未填`);
    } else if (s.kind === 'review') {
      st.errors = totalErrors;
      st.warnings = totalWarnings;
      if (!reviewed) [st.state, st.caption] = ['todo', '未审核'];
      else settle(st, true, true, '');
      if (reviewed && st.state === 'error') st.caption = `全文 ${totalErrors} 处错误`;
    }
  }
  return out;
}
