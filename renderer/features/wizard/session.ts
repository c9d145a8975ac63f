// One open report in the page: its document, the derived totals, the findings, and the saving of
// every change. Components subscribe to exactly what they show (one cell, the sections, the
// findings, the save state), so a keystroke in table 三 re-renders the cell and its totals only.
import { api } from '../../api/client';
import { deriveTotals, formatModel, isGovFormatId } from '../../../shared/formats/index';
import type { FormatModel, SectionKey } from '../../../shared/formats/index';
import { checkReport } from '../../../shared/check';
import type { Finding, ReportDoc, StoredReport } from '../../../shared/report';
import type { ApiInput } from '../../../shared/api';

export type Topic = 'doc' | 'findings' | 'save' | 'focus';
export type MetaPatch = ApiInput<'updateReport'>['patch'];

export interface SaveState {
  status: 'saved' | 'pending' | 'saving' | 'error';
  /** when everything was last stored */
  savedAt: Date | null;
  /** the failure's message, kept until a save succeeds */
  message: string;
  /** seconds to the next automatic attempt after a failure */
  retryIn: number;
}

export interface CellSnapshot {
  value: number | undefined;
  derived: boolean;
  /** the worst finding at this cell */
  severity: Finding['severity'] | null;
  findings: Finding[];
  /** a typed value that was refused; the stored value stays */
  rejected: { raw: string; message: string } | null;
}

/** The id under which a warning's 已核实 mark is stored (the rules give every acknowledgeable finding one). */
export function findingId(f: Finding): string {
  return f.id ?? `${f.rule}:${f.cells.join(',')}`;
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };
const DEBOUNCE_MS = 400;
const CHECK_DELAY_MS = 120;

export class ReportSession {
  readonly id: number;
  readonly model: FormatModel | null;
  stored: StoredReport;
  doc: ReportDoc;
  derived: Record<string, number> = {};
  previous: ReportDoc | null = null;
  findings: Finding[] = [];
  focusedCell: string | null = null;
  save: SaveState = { status: 'saved', savedAt: null, message: '', retryIn: 0 };

  private snapshots = new Map<string, CellSnapshot>();
  private cellSubs = new Map<string, Set<() => void>>();
  private topicSubs = new Map<Topic, Set<() => void>>();
  private versions: Record<Topic, number> = { doc: 0, findings: 0, save: 0, focus: 0 };

  private pendingCells: Record<string, number | null> = {};
  private pendingSections = new Map<SectionKey, string>();
  private pendingMeta: MetaPatch = {};
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setInterval> | null = null;
  private inflight = false;
  private failures = 0;
  private checkTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(stored: StoredReport) {
    this.id = stored.id;
    this.stored = stored;
    this.doc = { ...stored.doc, cells: { ...stored.doc.cells }, sections: { ...stored.doc.sections } };
    this.model = isGovFormatId(this.doc.formatId) ? formatModel(this.doc.formatId) : null;
    // A stored total is not an input: the page derives totals and never sends them.
    if (this.model) for (const d of this.model.derived) delete this.doc.cells[d.key];
    this.derived = this.model ? deriveTotals(this.model.format, this.doc.cells) : {};
    this.runCheck();
    window.addEventListener('online', this.onOnline);
  }

  dispose() {
    this.disposed = true;
    window.removeEventListener('online', this.onOnline);
    if (this.checkTimer) clearTimeout(this.checkTimer);
    if (this.retryTimer) clearInterval(this.retryTimer);
  }

  // ---- subscriptions -------------------------------------------------------------------------
  private topicSubscribers = new Map<Topic, (fn: () => void) => () => void>();
  /** A stable subscribe function per topic (useSyncExternalStore resubscribes when it changes). */
  subscribeTopic = (topic: Topic) => {
    let sub = this.topicSubscribers.get(topic);
    if (!sub) {
      sub = (fn: () => void) => {
        let set = this.topicSubs.get(topic);
        if (!set) this.topicSubs.set(topic, (set = new Set()));
        set.add(fn);
        return () => void set.delete(fn);
      };
      this.topicSubscribers.set(topic, sub);
    }
    return sub;
  };
  version = (topic: Topic) => this.versions[topic];
  private notify(topic: Topic) {
    this.versions[topic]++;
    this.topicSubs.get(topic)?.forEach((fn) => fn());
  }

  subscribeCell = (key: string, fn: () => void) => {
    let set = this.cellSubs.get(key);
    if (!set) this.cellSubs.set(key, (set = new Set()));
    set.add(fn);
    return () => void set.delete(fn);
  };
  cellSnapshot(key: string): CellSnapshot {
    let s = this.snapshots.get(key);
    if (!s) {
      const derived = !!this.model?.byKey.get(key)?.derived;
      s = { value: derived ? (this.derived[key] ?? 0) : this.doc.cells[key], derived, severity: null, findings: [], rejected: null };
      this.snapshots.set(key, s);
    }
    return s;
  }
  private updateCell(key: string, patch: Partial<CellSnapshot>) {
    this.snapshots.set(key, { ...this.cellSnapshot(key), ...patch });
    this.cellSubs.get(key)?.forEach((fn) => fn());
  }

  setFocusedCell(key: string | null) {
    if (this.focusedCell === key) return;
    this.focusedCell = key;
    this.notify('focus');
  }

  // ---- edits ---------------------------------------------------------------------------------
  /** Stores input cells (null = not filled in), updates the totals at once and saves soon. */
  setCells(values: Record<string, number | null>) {
    let changed = false;
    let unrejected = false;
    for (const [key, value] of Object.entries(values)) {
      const info = this.model?.byKey.get(key);
      if (!info || info.derived) continue;
      const before = this.doc.cells[key];
      if (this.cellSnapshot(key).rejected) unrejected = true;
      if (value === null ? before === undefined : before === value) {
        if (this.cellSnapshot(key).rejected) this.updateCell(key, { rejected: null });
        continue;
      }
      if (value === null) delete this.doc.cells[key];
      else this.doc.cells[key] = value;
      this.pendingCells[key] = value;
      this.updateCell(key, { value: value ?? undefined, rejected: null });
      changed = true;
    }
    // The list of refused entries reads the 'findings' topic.
    if (unrejected) this.notify('findings');
    if (!changed || !this.model) return;
    const next = deriveTotals(this.model.format, this.doc.cells);
    for (const [k, v] of Object.entries(next)) if (this.derived[k] !== v) this.updateCell(k, { value: v });
    this.derived = next;
    this.scheduleSave();
    this.scheduleCheck();
  }

  /** A refused entry: shown at the cell, never stored. */
  rejectCell(key: string, raw: string, message: string) {
    this.updateCell(key, { rejected: { raw, message } });
    this.notify('findings');
  }
  clearRejected(key: string) {
    if (this.cellSnapshot(key).rejected) {
      this.updateCell(key, { rejected: null });
      this.notify('findings');
    }
  }
  rejectedCells(): { key: string; raw: string; message: string }[] {
    const out: { key: string; raw: string; message: string }[] = [];
    for (const [key, s] of this.snapshots) if (s.rejected) out.push({ key, ...s.rejected });
    return out;
  }

  setSection(key: SectionKey, text: string) {
    if ((this.doc.sections[key] ?? '') === text) return;
    this.doc.sections = { ...this.doc.sections, [key]: text };
    // An edited section is the clerk's own text now, no longer 沿用上年.
    if (this.doc.copiedSections.includes(key)) this.doc.copiedSections = this.doc.copiedSections.filter((k) => k !== key);
    this.pendingSections.set(key, text);
    this.notify('doc');
    this.scheduleSave();
    this.scheduleCheck();
  }

  /** Last year's words checked and kept as they are: no longer 沿用上年 (saving a section clears the mark). */
  keepCopied(key: SectionKey) {
    if (!this.doc.copiedSections.includes(key)) return;
    this.doc.copiedSections = this.doc.copiedSections.filter((k) => k !== key);
    this.pendingSections.set(key, this.doc.sections[key] ?? '');
    this.notify('doc');
    this.scheduleSave();
    this.scheduleCheck();
  }

  patchMeta(patch: MetaPatch) {
    const { status, ...docPatch } = patch;
    if (status) this.stored = { ...this.stored, status };
    this.doc = { ...this.doc, ...(docPatch as Partial<ReportDoc>) };
    this.pendingMeta = { ...this.pendingMeta, ...patch };
    this.notify('doc');
    this.scheduleSave();
    this.scheduleCheck();
  }

  /** Marks a warning as checked (reason) or takes the mark back (null); saved at once. */
  async acknowledge(f: Finding, reason: string | null): Promise<string | null> {
    const id = findingId(f);
    const r = await api.setAcknowledgement({ id: this.id, findingId: id, reason });
    if (!r.ok) return r.error.message;
    const acks = { ...this.doc.acknowledgements };
    if (reason === null) delete acks[id];
    else acks[id] = { reason, at: r.value.updatedAt };
    this.doc = { ...this.doc, acknowledgements: acks };
    this.notify('findings');
    return null;
  }

  setPrevious(previous: ReportDoc | null) {
    this.previous = previous;
    this.runCheck();
  }

  // ---- checks --------------------------------------------------------------------------------
  private scheduleCheck() {
    if (this.checkTimer) clearTimeout(this.checkTimer);
    // After a short pause in typing: the totals are painted first, the findings a moment later.
    this.checkTimer = setTimeout(() => {
      this.checkTimer = null;
      // In the idle time after a frame, so a key pressed meanwhile is not held behind the checks.
      const run = () => {
        if (!this.disposed) this.runCheck();
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 300 });
      else run();
    }, CHECK_DELAY_MS);
  }

  runCheck() {
    let findings: Finding[];
    try {
      findings = checkReport(this.currentDoc(), this.previous);
    } catch (err) {
      findings = [{ rule: 'internal.check', severity: 'error', message: `校验程序出错：${err instanceof Error ? err.message : String(err)}。请把这条信息告诉技术支持，填写的内容不受影响。`, cells: [] }];
    }
    findings = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    const byCell = new Map<string, Finding[]>();
    for (const f of findings) for (const c of f.cells) (byCell.get(c) ?? byCell.set(c, []).get(c)!).push(f);
    const touched = new Set<string>([...byCell.keys()]);
    for (const [key, s] of this.snapshots) if (s.findings.length) touched.add(key);
    for (const key of touched) {
      const list = byCell.get(key) ?? [];
      const before = this.cellSnapshot(key).findings;
      // Outlines depend on rule and severity only: a message that merely recounts (“还有 140 格未填”)
      // must not re-render every cell it names; the focus bar reads the fresh messages.
      if (before.length === list.length && before.every((f, i) => f.rule === list[i].rule && f.severity === list[i].severity && f.expected === list[i].expected)) continue;
      this.updateCell(key, { findings: list, severity: list[0]?.severity ?? null });
    }
    // Typing that does not change any finding re-renders nothing.
    const signature = JSON.stringify(findings.map((f) => [f.rule, f.severity, f.message, f.expected, f.actual, f.id, f.cells.length]));
    if (signature === this.findingsSignature) return;
    this.findingsSignature = signature;
    this.findings = findings;
    this.notify('findings');
  }
  private findingsSignature = '';

  /** The current findings at one cell (messages up to date, unlike the cell snapshot's). */
  findingsAt(key: string): Finding[] {
    return this.findings.filter((f) => f.cells.includes(key));
  }

  /** The report as it stands in the page, derived totals left out (the rules compute them). */
  currentDoc(): ReportDoc {
    return { ...this.doc, cells: { ...this.doc.cells } };
  }

  // ---- saving --------------------------------------------------------------------------------
  hasUnsaved(): boolean {
    return this.inflight || Object.keys(this.pendingCells).length > 0 || this.pendingSections.size > 0 || Object.keys(this.pendingMeta).length > 0;
  }

  private setSave(patch: Partial<SaveState>) {
    this.save = { ...this.save, ...patch };
    this.notify('save');
  }

  private scheduleSave() {
    if (this.save.status !== 'error' && this.save.status !== 'pending') this.setSave({ status: 'pending' });
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.flush(), this.failures ? this.backoffMs() : DEBOUNCE_MS);
  }

  private backoffMs() {
    return Math.min(30_000, 1000 * 2 ** Math.max(0, this.failures - 1));
  }

  private onOnline = () => void this.flush();

  /** Sends everything pending now (also called before leaving the report). */
  async flush(): Promise<boolean> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.inflight) {
      this.saveTimer = setTimeout(() => void this.flush(), 100);
      return false;
    }
    if (!this.hasUnsaved()) return true;
    this.inflight = true;
    this.setSave({ status: 'saving' });
    const cells = this.pendingCells;
    const sections = this.pendingSections;
    const meta = this.pendingMeta;
    this.pendingCells = {};
    this.pendingSections = new Map();
    this.pendingMeta = {};
    let failure = '';
    let cellsSent = false;
    try {
      if (Object.keys(cells).length) {
        const r = await api.setCells({ id: this.id, cells });
        if (!r.ok) failure = r.error.message;
        else cellsSent = true;
      }
      for (const [key, text] of sections) {
        if (failure) break;
        const r = await api.setSection({ id: this.id, key, text });
        if (!r.ok) failure = r.error.message;
        else sections.delete(key);
      }
      if (!failure && Object.keys(meta).length) {
        const r = await api.updateReport({ id: this.id, patch: meta });
        if (!r.ok) failure = r.error.message;
        else this.stored = r.value;
      }
    } catch (err) {
      failure = err instanceof Error ? err.message : String(err);
    }
    this.inflight = false;
    if (failure) {
      // Put back what did not reach the store; anything typed meanwhile is newer and wins.
      if (!cellsSent) this.pendingCells = { ...cells, ...this.pendingCells };
      for (const [k, t] of sections) if (!this.pendingSections.has(k)) this.pendingSections.set(k, t);
      this.pendingMeta = { ...meta, ...this.pendingMeta };
      this.failures++;
      const wait = this.backoffMs();
      this.setSave({ status: 'error', message: failure, retryIn: Math.round(wait / 1000) });
      if (this.retryTimer) clearInterval(this.retryTimer);
      this.retryTimer = setInterval(() => {
        if (this.save.status === 'error' && this.save.retryIn > 1) this.setSave({ retryIn: this.save.retryIn - 1 });
      }, 1000);
      if (this.saveTimer) clearTimeout(this.saveTimer);
      this.saveTimer = setTimeout(() => void this.flush(), wait);
      return false;
    }
    this.failures = 0;
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.retryTimer = null;
    if (this.hasUnsaved()) {
      this.setSave({ status: 'pending', message: '' });
      if (!this.saveTimer) this.saveTimer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
    } else this.setSave({ status: 'saved', savedAt: new Date(), message: '', retryIn: 0 });
    return true;
  }

  /** Retry now (the clerk pressed 重试). */
  retryNow() {
    this.failures = Math.max(0, this.failures - 1);
    void this.flush();
  }
}
