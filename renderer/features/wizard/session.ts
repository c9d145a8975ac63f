// One open report in the page: the per-report state (report-state.ts) with its save queue
// (save-queue.ts) and its findings scheduler (findings-scheduler.ts). Every edit updates the state
// at once, joins the save queue and asks for a check; this file only wires the three together.
import { api } from '../../api/client';
import type { SectionKey } from '../../../shared/formats/index';
import type { Finding, ReportDoc, StoredReport } from '../../../shared/report';
import { stripXmlIllegal, stripXmlIllegalDeep } from '../../../shared/xml-chars';
import { ReportState, findingId } from './report-state';
import { FindingsScheduler } from './findings-scheduler';
import { SaveQueue, type EditBatch, type JournalStorage, type MetaPatch, type SaveState, type SendBatch } from './save-queue';

export { findingId } from './report-state';
export type { CellSnapshot, Topic } from './report-state';
export type { MetaPatch, SaveState } from './save-queue';

/** Where unacknowledged edits of a report wait in the page (per origin: per data folder). */
export const journalKey = (reportId: number) => `nianbao.unsaved.${reportId}`;
const reviewedKey = (reportId: number) => `nianbao.reviewed.${reportId}`;

/** Only the parts a batch has: a smaller request, and nothing the schema might fill in. */
function withoutEmptyParts(id: number, b: EditBatch) {
  return {
    id,
    ...(Object.keys(b.cells).length ? { cells: b.cells } : {}),
    ...(Object.keys(b.sections).length ? { sections: b.sections } : {}),
    ...(Object.keys(b.meta).length ? { meta: b.meta } : {}),
  };
}

function pageStorage(): JournalStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export class ReportSession extends ReportState {
  readonly queue: SaveQueue;
  private readonly checks: FindingsScheduler;
  private readonly storage: JournalStorage | null;
  /** edits from an earlier page that were not acknowledged, replayed on opening */
  readonly replayed: EditBatch | null;
  /** the 审核 step has been opened for this report (its state means nothing before) */
  reviewed: boolean;

  constructor(stored: StoredReport, options: { send?: SendBatch; storage?: JournalStorage | null } = {}) {
    super(stored);
    this.storage = options.storage === undefined ? pageStorage() : options.storage;
    this.queue = new SaveQueue({
      send: options.send ?? ((batch) => api.saveEdits(withoutEmptyParts(this.id, batch))),
      storage: this.storage,
      journalKey: journalKey(this.id),
      onState: () => this.notify('save'),
      onSaved: (v) => {
        if (v.status !== this.stored.status) this.stored = { ...this.stored, status: v.status };
        this.stored = { ...this.stored, updatedAt: v.updatedAt };
      },
    });
    this.checks = new FindingsScheduler(
      () => ({ doc: this.currentDoc(), previous: this.previous }),
      (findings) => this.applyFindings(findings),
    );
    this.reviewed = this.storage?.getItem(reviewedKey(this.id)) === '1';
    // What an earlier page typed and the store never acknowledged is shown and sent again.
    this.replayed = this.queue.replayJournal();
    if (this.replayed) this.applyReplayed(this.replayed);
    this.checks.runNow();
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onReconnect);
      document.addEventListener('visibilitychange', this.onReconnect);
      window.addEventListener('pagehide', this.onLeave);
    }
  }

  get save(): SaveState {
    return this.queue.state;
  }

  dispose() {
    this.checks.dispose();
    this.queue.dispose();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onReconnect);
      document.removeEventListener('visibilitychange', this.onReconnect);
      window.removeEventListener('pagehide', this.onLeave);
    }
  }

  private onReconnect = () => {
    if (document.visibilityState !== 'hidden') this.queue.retryNow();
    else this.queue.persistJournal();
  };

  /** The page is going away: the last keys' journal write must not wait for a frame. */
  private onLeave = () => this.queue.persistJournal();

  private applyReplayed(batch: EditBatch) {
    this.applyCells(batch.cells);
    const sections = { ...this.doc.sections };
    for (const [k, text] of Object.entries(batch.sections) as [SectionKey, string][]) sections[k] = text;
    const { status, ...meta } = batch.meta;
    this.doc = {
      ...this.doc,
      ...(meta as Partial<ReportDoc>),
      sections,
      copiedSections: this.doc.copiedSections.filter((k) => !(k in batch.sections)),
    };
    if (status) this.stored = { ...this.stored, status };
  }

  markReviewed() {
    if (this.reviewed) return;
    this.reviewed = true;
    try {
      this.storage?.setItem(reviewedKey(this.id), '1');
    } catch {
      // Only the step list's 审核 state depends on it.
    }
    this.notify('doc');
  }

  // ---- edits ---------------------------------------------------------------------------------
  /** Stores input cells (null = not filled in), updates the totals at once and saves soon. */
  setCells(values: Record<string, number | null>): number {
    const changed = this.applyCells(values);
    const n = Object.keys(changed).length;
    if (!n) return 0;
    this.queue.add({ cells: changed });
    this.checks.schedule();
    return n;
  }

  setSection(key: SectionKey, typed: string) {
    // Typed or pasted: characters XML cannot hold (U+FFFE, controls) never reach the report.
    const text = stripXmlIllegal(typed);
    if ((this.doc.sections[key] ?? '') === text) return;
    this.doc.sections = { ...this.doc.sections, [key]: text };
    // An edited section is the clerk's own text now, no longer 沿用上年.
    if (this.doc.copiedSections.includes(key)) this.doc.copiedSections = this.doc.copiedSections.filter((k) => k !== key);
    this.queue.add({ sections: { [key]: text } });
    this.notify('doc');
    this.checks.schedule();
  }

  /** Last year's words checked and kept as they are: no longer 沿用上年 (saving a section clears the mark). */
  keepCopied(key: SectionKey) {
    if (!this.doc.copiedSections.includes(key)) return;
    this.doc.copiedSections = this.doc.copiedSections.filter((k) => k !== key);
    this.queue.add({ sections: { [key]: this.doc.sections[key] ?? '' } });
    this.notify('doc');
    this.checks.schedule();
  }

  patchMeta(typed: MetaPatch) {
    const patch = stripXmlIllegalDeep(typed);
    const { status, ...docPatch } = patch;
    if (status) this.stored = { ...this.stored, status };
    this.doc = { ...this.doc, ...(docPatch as Partial<ReportDoc>) };
    this.queue.add({ meta: patch });
    this.notify('doc');
    this.checks.schedule();
  }

  /** Marks a warning as checked (reason) or takes the mark back (null); saved at once. */
  async acknowledge(f: Finding, reason: string | null): Promise<string | null> {
    return this.acknowledgeId(findingId(f), reason);
  }

  /** The same for any id (a dismissed year mention in a section's text). */
  async acknowledgeId(id: string, reason: string | null): Promise<string | null> {
    const r = await api.setAcknowledgement({ id: this.id, findingId: id, reason });
    if (!r.ok) return r.error.message;
    const acks = { ...this.doc.acknowledgements };
    if (reason === null) delete acks[id];
    else acks[id] = { reason, at: r.value.updatedAt };
    this.doc = { ...this.doc, acknowledgements: acks };
    this.notify('findings');
    this.notify('doc');
    return null;
  }

  setPrevious(previous: ReportDoc | null) {
    this.previous = previous;
    this.checks.runNow();
  }

  /** Runs the checks at once (tests and the export step read fresh findings). */
  runCheck() {
    this.checks.runNow();
  }

  // ---- saving --------------------------------------------------------------------------------
  hasUnsaved(): boolean {
    return this.queue.hasUnsaved();
  }

  /** Sends everything pending now (also called before leaving the report). */
  flush(): Promise<boolean> {
    return this.queue.flush();
  }

  /** Retry now (the clerk pressed 重试). */
  retryNow() {
    this.queue.retryNow();
  }
}
