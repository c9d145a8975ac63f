// The state of one open report in the page: its document, the derived totals, the findings laid
// onto cells, refused entries and the focus. Components subscribe to exactly what they show (one
// cell, a topic), so a keystroke in table 三 re-renders the cell and its totals only.
import { deriveTotals, formatModel, isGovFormatId } from '../../../shared/formats/index';
import type { FormatModel } from '../../../shared/formats/index';
import type { Finding, ReportDoc, StoredReport } from '../../../shared/report';
import type { FocusRequest } from './types';
import { isPremature } from './steps';

/** 'cells': which input cells are filled in changed (the 填 0 button's count reads it at once). */
export type Topic = 'doc' | 'findings' | 'save' | 'focus' | 'cells';

export interface CellSnapshot {
  value: number | undefined;
  derived: boolean;
  /** the worst finding at this cell */
  severity: Finding['severity'] | null;
  findings: Finding[];
  /** a typed value that was refused; the stored value stays */
  rejected: { raw: string; message: string } | null;
  /** a jump to this cell waiting to be taken (0: none) */
  focusRequest: number;
}

/** The id under which a warning's 已核实 mark is stored (the rules give every acknowledgeable finding one). */
export function findingId(f: Finding): string {
  return f.id ?? `${f.rule}:${f.cells.join(',')}`;
}

export class ReportState {
  readonly id: number;
  readonly model: FormatModel | null;
  stored: StoredReport;
  doc: ReportDoc;
  derived: Record<string, number> = {};
  previous: ReportDoc | null = null;
  findings: Finding[] = [];
  focusedCell: string | null = null;
  /** a jump to a text range waiting for its editor */
  focusRequest: FocusRequest | null = null;

  private snapshots = new Map<string, CellSnapshot>();
  private cellSubs = new Map<string, Set<() => void>>();
  private topicSubs = new Map<Topic, Set<() => void>>();
  private topicSubscribers = new Map<Topic, (fn: () => void) => () => void>();
  private versions: Record<Topic, number> = { doc: 0, findings: 0, save: 0, focus: 0, cells: 0 };
  private findingsSignature = '';
  private nextFocusId = 1;

  constructor(stored: StoredReport) {
    this.id = stored.id;
    this.stored = stored;
    this.doc = { ...stored.doc, cells: { ...stored.doc.cells }, sections: { ...stored.doc.sections } };
    this.model = isGovFormatId(this.doc.formatId) ? formatModel(this.doc.formatId) : null;
    // A stored total is not an input: the page derives totals and never sends them.
    if (this.model) for (const d of this.model.derived) delete this.doc.cells[d.key];
    this.derived = this.model ? deriveTotals(this.model.format, this.doc.cells) : {};
  }

  // ---- subscriptions -------------------------------------------------------------------------
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
  protected notify(topic: Topic) {
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
      s = { value: derived ? (this.derived[key] ?? 0) : this.doc.cells[key], derived, severity: null, findings: [], rejected: null, focusRequest: 0 };
      this.snapshots.set(key, s);
    }
    return s;
  }
  protected updateCell(key: string, patch: Partial<CellSnapshot>) {
    this.snapshots.set(key, { ...this.cellSnapshot(key), ...patch });
    this.cellSubs.get(key)?.forEach((fn) => fn());
  }

  // ---- focus ---------------------------------------------------------------------------------
  setFocusedCell(key: string | null) {
    if (this.focusedCell === key) return;
    this.focusedCell = key;
    this.notify('focus');
  }

  /** Asks for the caret at a cell or a text range; the cell or editor takes it once it is on screen. */
  requestFocus(target: { cell?: string; section?: { key: string; start: number; end: number } }) {
    const id = this.nextFocusId++;
    if (target.cell) this.updateCell(target.cell, { focusRequest: id });
    if (target.section) {
      this.focusRequest = { id, section: target.section };
      this.notify('focus');
    }
  }

  /** The component that placed the caret marks the request as done. */
  takeFocusRequest(target: { cell?: string; section?: string }) {
    if (target.cell && this.cellSnapshot(target.cell).focusRequest) this.updateCell(target.cell, { focusRequest: 0 });
    if (target.section && this.focusRequest?.section?.key === target.section) this.focusRequest = null;
  }

  // ---- refused entries -----------------------------------------------------------------------
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

  // ---- cells and totals ----------------------------------------------------------------------
  /** Applies input cells to the document and the totals; returns the ones that changed. */
  protected applyCells(values: Record<string, number | null>): Record<string, number | null> {
    const changed: Record<string, number | null> = {};
    let unrejected = false;
    for (const [key, value] of Object.entries(values)) {
      const info = this.model?.byKey.get(key);
      if (!info || info.derived) continue;
      const before = this.doc.cells[key];
      const snap = this.cellSnapshot(key);
      if (snap.rejected) unrejected = true;
      if (value === null ? before === undefined : before === value) {
        if (snap.rejected) this.updateCell(key, { rejected: null });
        continue;
      }
      if (value === null) delete this.doc.cells[key];
      else this.doc.cells[key] = value;
      changed[key] = value;
      this.updateCell(key, { value: value ?? undefined, rejected: null });
    }
    // The list of refused entries reads the 'findings' topic.
    if (unrejected) this.notify('findings');
    if (Object.keys(changed).length) this.notify('cells');
    if (Object.keys(changed).length && this.model) {
      const next = deriveTotals(this.model.format, this.doc.cells);
      for (const [k, v] of Object.entries(next)) if (this.derived[k] !== v) this.updateCell(k, { value: v });
      this.derived = next;
    }
    return changed;
  }

  // ---- findings ------------------------------------------------------------------------------
  /** Lays fresh findings onto their cells and tells the lists, each only if something changed. */
  protected applyFindings(findings: Finding[]) {
    const byCell = new Map<string, Finding[]>();
    for (const f of findings) {
      // A column not yet filled in is not outlined as wrong (see isPremature).
      if (isPremature(f, this.doc)) continue;
      for (const c of f.cells) {
        const list = byCell.get(c);
        if (list) list.push(f);
        else byCell.set(c, [f]);
      }
    }
    const touched = new Set<string>([...byCell.keys()]);
    for (const [key, s] of this.snapshots) if (s.findings.length) touched.add(key);
    for (const key of touched) {
      const list = byCell.get(key) ?? [];
      const before = this.cellSnapshot(key).findings;
      // Outlines depend on rule and severity only: a message that merely recounts (“还有 140 格未填”)
      // must not re-render every cell it names; the focus bar reads the fresh messages.
      if (
        before.length === list.length &&
        before.every((f, i) => f.rule === list[i].rule && f.severity === list[i].severity && f.expected === list[i].expected)
      )
        continue;
      this.updateCell(key, { findings: list, severity: list[0]?.severity ?? null });
    }
    // Typing that does not change any finding re-renders nothing.
    const signature = JSON.stringify(findings.map((f) => [f.rule, f.severity, f.message, f.expected, f.actual, f.id, f.cells.length]));
    if (signature === this.findingsSignature) return;
    this.findingsSignature = signature;
    this.findings = findings;
    this.notify('findings');
  }

  /** The current findings at one cell (messages up to date, unlike the cell snapshot's). */
  findingsAt(key: string): Finding[] {
    return this.findings.filter((f) => f.cells.includes(key));
  }

  /** The report as it stands in the page, derived totals left out (the rules compute them). */
  currentDoc(): ReportDoc {
    return { ...this.doc, cells: { ...this.doc.cells } };
  }
}
