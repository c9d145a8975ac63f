// The wizard's save queue against the real API implementation over a real SQLite file. The only
// thing simulated is the way between page and program (a host that is down answers nothing), as
// the page sees it when the program is closed: the store itself is real throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApi } from '../../electron/core/api/index';
import type { ApiHandler } from '../../electron/core/api/index';
import { openStore } from '../../electron/core/store/index';
import type { Store } from '../../electron/core/store/index';
import type { ApiOutput, ApiResult } from '../../shared/api';
import { SaveQueue, readJournal, type EditBatch, type JournalStorage } from '../../renderer/features/wizard/save-queue';
import { tempDir } from '../support';
import type { TempDir } from '../support';

let dir: TempDir;
let store: Store;
let handle: ApiHandler;
let reportId: number;

before(async () => {
  dir = tempDir('nianbao-save-queue-');
  store = await openStore(dir.path);
  handle = createApi({ store, transport: 'host', dataDir: dir.path }).handleApiCall;
  await handle('saveUnit', { name: '永安市小陶镇人民政府', kind: 'township' });
  const r = (await handle('createReport', { year: 2025, formatId: 'gov-2021', basedOnId: null })) as ApiResult<{ id: number }>;
  assert.ok(r.ok);
  reportId = r.value.id;
});
after(() => {
  store.close();
  dir.cleanup();
});

class MemoryStorage implements JournalStorage {
  map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

/** The page's way to the program: the real API, or nothing while the "host" is down. */
function transport() {
  const t = {
    down: false,
    attempts: [] as number[],
    /** when set, each call waits for it (a save in flight) */
    gate: null as Promise<void> | null,
    send: async (batch: EditBatch): Promise<ApiResult<ApiOutput<'saveEdits'>>> => {
      t.attempts.push(Date.now());
      if (t.gate) await t.gate;
      if (t.down) throw new TypeError('Failed to fetch');
      return (await handle('saveEdits', { id: reportId, ...batch })) as ApiResult<ApiOutput<'saveEdits'>>;
    },
  };
  return t;
}

const stored = () => store.requireReport(reportId).doc;

async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('saveEdits stores cells, section texts and 基本信息 fields of one batch together', async () => {
  const r = (await handle('saveEdits', {
    id: reportId,
    cells: { 't3.new_received.natural_person': 3, 't3.granted.natural_person': 2 },
    sections: { overview: '本年度，我镇认真贯彻落实条例。' },
    meta: { title: '自拟标题', status: 'final' },
  })) as ApiResult<ApiOutput<'saveEdits'>>;
  assert.ok(r.ok);
  assert.equal(r.value.status, 'final');
  const doc = stored();
  assert.equal(doc.cells['t3.new_received.natural_person'], 3);
  assert.equal(doc.sections.overview, '本年度，我镇认真贯彻落实条例。');
  assert.equal(doc.title, '自拟标题');
  // One bad cell key refuses the whole batch: nothing of it is written.
  const bad = await handle('saveEdits', { id: reportId, cells: { 't3.granted.natural_person': 9, 'not a key': 1 }, sections: { overview: '改过' } });
  assert.equal(bad.ok, false);
  assert.equal(stored().cells['t3.granted.natural_person'], 2);
  assert.equal(stored().sections.overview, '本年度，我镇认真贯彻落实条例。');
  // A batch without a date (an empty patch) leaves the stored date alone.
  assert.ok((await handle('saveEdits', { id: reportId, meta: { date: '2026-01-15' } })).ok);
  assert.ok((await handle('saveEdits', { id: reportId, cells: { 't3.granted.natural_person': 2 }, meta: {} })).ok);
  assert.ok((await handle('updateReport', { id: reportId, patch: { title: '另一个标题' } })).ok);
  assert.equal(stored().date, '2026-01-15');
  // Unknown fields are refused (the schema is strict).
  assert.equal((await handle('saveEdits', { id: reportId, cells: {}, extra: 1 })).ok, false);
});

test('a failed save is retried by itself, with a growing wait, until it is stored', async () => {
  const t = transport();
  t.down = true;
  const states: string[] = [];
  const waits: number[] = [];
  const q: SaveQueue = new SaveQueue({
    send: t.send,
    storage: null,
    journalKey: 'k',
    debounceMs: 5,
    backoffMs: 40,
    maxBackoffMs: 400,
    onState: (s) => {
      states.push(s.status);
      if (s.status === 'error' && waits.length < s.failures) waits.push(q.backoff());
    },
  });
  try {
    q.add({ cells: { 't3.partial_grant.natural_person': 4 } });
    await until('two failed attempts', () => t.attempts.length >= 3);
    assert.equal(q.state.status, 'error');
    assert.ok(q.state.failures >= 2);
    assert.match(q.state.message, /Failed to fetch/);
    // Backoff: the wait before each retry doubles (40, 80, …).
    assert.deepEqual(waits.slice(0, 2), [40, 80]);
    assert.equal(stored().cells['t3.partial_grant.natural_person'], undefined);
    // The host comes back: the queue gets there without anyone calling flush.
    t.down = false;
    await until('stored after the host is back', () => stored().cells['t3.partial_grant.natural_person'] === 4);
    await until('saved state', () => q.state.status === 'saved');
    assert.equal(q.state.failures, 0);
    assert.ok(states.includes('error') && states.at(-1) === 'saved');
  } finally {
    q.dispose();
  }
});

test('edits made while a save is in flight are not lost, and acknowledged edits leave the queue', async () => {
  const t = transport();
  let release = () => {};
  t.gate = new Promise<void>((r) => (release = r));
  const storage = new MemoryStorage();
  const q = new SaveQueue({ send: t.send, storage, journalKey: 'j1', debounceMs: 5, backoffMs: 20 });
  try {
    q.add({ cells: { 't3.denied_third_party.natural_person': 1 } });
    const first = q.flush();
    await until('first batch in flight', () => t.attempts.length === 1);
    // Typed while the first batch is on its way: a newer value of the same cell, a new cell, text.
    q.add({ cells: { 't3.denied_third_party.natural_person': 5, 't3.unable_not_held.natural_person': 2 }, sections: { problems: '1.问题：公开不及时。' } });
    assert.equal(q.state.status, 'saving');
    const journal = readJournal(storage, 'j1');
    assert.equal(journal?.cells['t3.denied_third_party.natural_person'], 5, 'the journal holds the newest value');
    t.gate = null;
    release();
    await first;
    await until('everything stored', () => !q.hasUnsaved());
    const doc = stored();
    assert.equal(doc.cells['t3.denied_third_party.natural_person'], 5, 'the later value wins');
    assert.equal(doc.cells['t3.unable_not_held.natural_person'], 2);
    assert.equal(doc.sections.problems, '1.问题：公开不及时。');
    // Acknowledged: nothing left in memory or in the journal.
    assert.deepEqual(q.unsaved(), { cells: {}, sections: {}, meta: {} });
    assert.equal(storage.getItem('j1'), null);
    assert.equal(q.state.status, 'saved');
  } finally {
    q.dispose();
  }
});

test('a batch that fails goes back under newer edits: the newer value wins, nothing is dropped', async () => {
  const t = transport();
  t.down = true;
  const storage = new MemoryStorage();
  const q = new SaveQueue({ send: t.send, storage, journalKey: 'j2', debounceMs: 5, backoffMs: 60_000 });
  try {
    q.add({ cells: { 't3.not_processed_repeat.natural_person': 1, 't3.not_processed_petition.natural_person': 3 } });
    assert.equal(await q.flush(), false);
    q.add({ cells: { 't3.not_processed_repeat.natural_person': 7 } });
    assert.deepEqual(q.unsaved().cells, { 't3.not_processed_repeat.natural_person': 7, 't3.not_processed_petition.natural_person': 3 });
    assert.deepEqual(readJournal(storage, 'j2')?.cells, { 't3.not_processed_repeat.natural_person': 7, 't3.not_processed_petition.natural_person': 3 });
    t.down = false;
    q.retryNow();
    await until('stored', () => !q.hasUnsaved());
    assert.equal(stored().cells['t3.not_processed_repeat.natural_person'], 7);
    assert.equal(stored().cells['t3.not_processed_petition.natural_person'], 3);
  } finally {
    q.dispose();
  }
});

test('replay after reconnect: a new page sends what the closed one never got stored', async () => {
  const storage = new MemoryStorage();
  const down = transport();
  down.down = true;
  const before = new SaveQueue({ send: down.send, storage, journalKey: 'j3', debounceMs: 5, backoffMs: 60_000 });
  before.add({ cells: { 't3.other_other.natural_person': 6 }, sections: { other_matters: '本年度未收取信息处理费。' }, meta: { signature: '小陶镇人民政府' } });
  assert.equal(await before.flush(), false);
  // The page is closed (or the program restarted) before the edits reached the store.
  before.dispose();
  assert.equal(stored().cells['t3.other_other.natural_person'], undefined);

  const up = transport();
  const after = new SaveQueue({ send: up.send, storage, journalKey: 'j3', debounceMs: 5 });
  try {
    const replayed = after.replayJournal();
    assert.equal(replayed?.cells['t3.other_other.natural_person'], 6);
    await until('replayed edits stored', () => !after.hasUnsaved() && after.state.status === 'saved');
    const doc = stored();
    assert.equal(doc.cells['t3.other_other.natural_person'], 6);
    assert.equal(doc.sections.other_matters, '本年度未收取信息处理费。');
    assert.equal(doc.signature, '小陶镇人民政府');
    assert.equal(storage.getItem('j3'), null, 'the journal is cleared once the store has them');
    assert.equal(up.attempts.length, 1);
  } finally {
    after.dispose();
  }
});

test('the journal write after a key waits for the frame, and is made at once when the page is left', async () => {
  const storage = new MemoryStorage();
  const t = transport();
  t.down = true;
  const deferred: (() => void)[] = [];
  const q = new SaveQueue({ send: t.send, storage, journalKey: 'j4', debounceMs: 60_000, deferJournal: (w) => deferred.push(w) });
  try {
    q.add({ cells: { 't3.granted.natural_person': 3 } });
    q.add({ cells: { 't3.granted.natural_person': 4 } });
    assert.equal(storage.getItem('j4'), null, 'nothing written on the key path');
    assert.equal(deferred.length, 1, 'one write for a burst of keys');
    deferred[0]();
    assert.equal(readJournal(storage, 'j4')?.cells['t3.granted.natural_person'], 4);
    // A key, then the page goes away before its frame: written synchronously.
    q.add({ cells: { 't3.granted.natural_person': 5 } });
    assert.equal(readJournal(storage, 'j4')?.cells['t3.granted.natural_person'], 4);
    q.persistJournal();
    assert.equal(readJournal(storage, 'j4')?.cells['t3.granted.natural_person'], 5);
    // The late deferred write changes nothing; a key right before dispose is kept too.
    deferred[1]();
    q.add({ cells: { 't3.partial_grant.natural_person': 2 } });
  } finally {
    q.dispose();
  }
  assert.deepEqual(readJournal(storage, 'j4')?.cells, { 't3.granted.natural_person': 5, 't3.partial_grant.natural_person': 2 });
});
