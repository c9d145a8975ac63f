// The save queue of one open report: edits wait here until the main side has stored them. One
// batch is in flight at a time (one saveEdits call, one transaction); what is typed meanwhile
// waits for the next. A failed batch goes back under the newer edits and is retried with
// backoff. Everything not yet acknowledged is also kept in a journal (the browser's storage), so
// a reload or a restart of the program loses nothing: a new queue replays the journal.
import type { ApiError, ApiInput, ApiOutput, ApiResult } from '../../../shared/api';
import type { SectionKey } from '../../../shared/formats/index';

export type MetaPatch = ApiInput<'updateReport'>['patch'];

export interface EditBatch {
  cells: Record<string, number | null>;
  sections: Partial<Record<SectionKey, string>>;
  meta: MetaPatch;
}

export type SendBatch = (batch: EditBatch) => Promise<ApiResult<ApiOutput<'saveEdits'>>>;

export interface SaveState {
  status: 'saved' | 'pending' | 'saving' | 'error';
  /** when everything was last stored */
  savedAt: Date | null;
  /** the failure, kept until a save succeeds */
  message: string;
  code: ApiError['code'] | null;
  /** seconds to the next automatic attempt after a failure */
  retryIn: number;
  /** consecutive failures */
  failures: number;
}

/** Where unacknowledged edits survive a reload (localStorage in the page; any Storage in tests). */
export interface JournalStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SaveQueueOptions {
  send: SendBatch;
  /** the journal's place; null keeps edits in memory only */
  storage: JournalStorage | null;
  journalKey: string;
  onState?: (s: SaveState) => void;
  /** called with what the main side answered for a stored batch */
  onSaved?: (value: ApiOutput<'saveEdits'>) => void;
  debounceMs?: number;
  /**
   * When a keystroke's journal write runs: in the page, right after the frame that shows the key
   * (the write is kept off the key's path); without a page (tests, tools), at once. The journal is
   * also written synchronously when the page is hidden or left (persistJournal).
   */
  deferJournal?: (write: () => void) => void;
  /** the first retry's wait; doubles per failure up to maxBackoffMs */
  backoffMs?: number;
  maxBackoffMs?: number;
}

/** After the next frame (rAF, then a task), with a timer as a backstop for a page that draws no frames. */
function afterNextFrame(write: () => void) {
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') return write();
  const backstop = setTimeout(write, 100);
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      clearTimeout(backstop);
      write();
    };
    channel.port2.postMessage(0);
  });
}

const empty = (): EditBatch => ({ cells: {}, sections: {}, meta: {} });
const isEmpty = (b: EditBatch) => !Object.keys(b.cells).length && !Object.keys(b.sections).length && !Object.keys(b.meta).length;
/** `newer` wins field by field. */
const merge = (older: EditBatch, newer: EditBatch): EditBatch => ({
  cells: { ...older.cells, ...newer.cells },
  sections: { ...older.sections, ...newer.sections },
  meta: { ...older.meta, ...newer.meta },
});

export function readJournal(storage: JournalStorage | null, key: string): EditBatch | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<EditBatch>;
    const batch: EditBatch = { cells: parsed.cells ?? {}, sections: parsed.sections ?? {}, meta: parsed.meta ?? {} };
    return isEmpty(batch) ? null : batch;
  } catch {
    return null;
  }
}

export class SaveQueue {
  state: SaveState = { status: 'saved', savedAt: null, message: '', code: null, retryIn: 0, failures: 0 };
  private pending: EditBatch = empty();
  private inflight: EditBatch | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private countdown: ReturnType<typeof setInterval> | null = null;
  private idleWaiters: (() => void)[] = [];
  private disposed = false;
  /** the journal lags behind `pending` until the deferred write runs */
  private journalStale = false;
  private readonly o: Required<Omit<SaveQueueOptions, 'onState' | 'onSaved' | 'storage'>> & Pick<SaveQueueOptions, 'onState' | 'onSaved' | 'storage'>;

  constructor(options: SaveQueueOptions) {
    this.o = { debounceMs: 400, backoffMs: 1000, maxBackoffMs: 10_000, deferJournal: afterNextFrame, ...options };
  }

  /** Edits left in the journal by an earlier page (not yet acknowledged): queued again, sent soon. */
  replayJournal(): EditBatch | null {
    const batch = readJournal(this.o.storage, this.o.journalKey);
    if (!batch) return null;
    this.pending = merge(batch, this.pending);
    this.setState({ status: 'pending' });
    this.schedule(0);
    return batch;
  }

  add(edit: Partial<EditBatch>) {
    this.pending = merge(this.pending, { cells: edit.cells ?? {}, sections: edit.sections ?? {}, meta: edit.meta ?? {} });
    if (!this.journalStale && this.o.storage) {
      this.journalStale = true;
      this.o.deferJournal(() => this.persistJournal());
    }
    // Told only when the state changes (typing re-renders nothing else), or in the error state,
    // where the banner counts what is waiting.
    const next = this.inflight ? 'saving' : 'pending';
    if (this.state.status === 'error') this.setState({});
    else if (this.state.status !== next) this.setState({ status: next });
    // After a failure the next attempt keeps its backoff; typing does not hammer a dead host.
    if (!this.state.failures) this.schedule(this.o.debounceMs);
  }

  hasUnsaved(): boolean {
    return !!this.inflight || !isEmpty(this.pending);
  }

  /** Everything not yet acknowledged (in flight or waiting). */
  unsaved(): EditBatch {
    return this.inflight ? merge(this.inflight, this.pending) : { ...this.pending };
  }

  backoff(): number {
    return Math.min(this.o.maxBackoffMs, this.o.backoffMs * 2 ** Math.max(0, this.state.failures - 1));
  }

  /** Sends what is waiting now; resolves true once everything queued so far is stored. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    if (this.disposed) return !this.hasUnsaved();
    if (this.inflight) {
      // One batch at a time: wait for it, then send what came meanwhile.
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      // A batch that just failed waits for its backoff; the caller sees that not all is stored.
      if (this.state.status === 'error') return false;
      return this.flush();
    }
    if (isEmpty(this.pending)) return true;
    const batch = this.pending;
    this.inflight = batch;
    this.pending = empty();
    this.setState({ status: 'saving' });
    let result: ApiResult<ApiOutput<'saveEdits'>>;
    try {
      result = await this.o.send(batch);
    } catch (err) {
      result = { ok: false, error: { code: 'io', message: err instanceof Error ? err.message : String(err) } };
    }
    this.inflight = null;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    if (!result.ok) {
      // Back under what was typed meanwhile: the newer edits win.
      this.pending = merge(batch, this.pending);
      this.writeJournal();
      const failures = this.state.failures + 1;
      this.setState({ status: 'error', message: result.error.message, code: result.error.code, failures });
      const wait = this.backoff();
      this.startCountdown(wait);
      this.schedule(wait);
      waiters.forEach((w) => w());
      return false;
    }
    this.writeJournal();
    this.stopCountdown();
    this.o.onSaved?.(result.value);
    if (this.hasUnsaved()) {
      this.setState({ status: 'pending', message: '', code: null, failures: 0, retryIn: 0 });
      this.schedule(this.o.debounceMs);
    } else this.setState({ status: 'saved', savedAt: new Date(), message: '', code: null, failures: 0, retryIn: 0 });
    waiters.forEach((w) => w());
    return !this.hasUnsaved();
  }

  /** Try again at once (the clerk pressed 重试, the network or the host came back). */
  retryNow() {
    if (!this.hasUnsaved()) return;
    void this.flush();
  }

  /** Brings the journal up to date now (deferred after a key; at once when the page is hidden or left). */
  persistJournal() {
    if (this.journalStale) this.writeJournal();
  }

  dispose() {
    this.persistJournal();
    this.disposed = true;
    this.clearTimer();
    this.stopCountdown();
  }

  private schedule(ms: number) {
    if (this.disposed) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private startCountdown(ms: number) {
    this.stopCountdown();
    this.setState({ retryIn: Math.round(ms / 1000) });
    this.countdown = setInterval(() => {
      if (this.state.status === 'error' && this.state.retryIn > 1) this.setState({ retryIn: this.state.retryIn - 1 });
    }, 1000);
  }

  private stopCountdown() {
    if (this.countdown) clearInterval(this.countdown);
    this.countdown = null;
  }

  private writeJournal() {
    this.journalStale = false;
    const storage = this.o.storage;
    if (!storage) return;
    try {
      if (this.hasUnsaved()) storage.setItem(this.o.journalKey, JSON.stringify(this.unsaved()));
      else storage.removeItem(this.o.journalKey);
    } catch {
      // A full or blocked storage: the edits are still in memory and on their way to the store.
    }
  }

  private setState(patch: Partial<SaveState>) {
    this.state = { ...this.state, ...patch };
    this.o.onState?.(this.state);
  }
}
