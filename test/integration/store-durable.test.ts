// Files taken from under a running store, against real SQLite files: a -wal deleted while the
// program runs (the edits are written into the data file at the next save, never acknowledged
// while only in a deleted file), the data file itself deleted, and the lock file deleted so that a
// second program could open the same data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, DB_FILE_NAME, LOCK_FILE_NAME, StoreError } from '../../electron/core/store/index';
import { ReportDocSchema } from '../../shared/report';
import { tempDir } from '../support';

const unit = { name: '日志测试镇人民政府', kind: 'township' as const, supervisor: '', address: '', postcode: '', phone: '', email: '', signature: '' };

/** The files as the next start would find them after a crash (the data file and its -wal, if any): the cells they hold. */
function cellsAfterCrash(dir: string, reportId: number): Record<string, number> {
  const crash = join(dir, 'crash');
  mkdirSync(crash, { recursive: true });
  const copy = join(crash, DB_FILE_NAME);
  copyFileSync(join(dir, DB_FILE_NAME), copy);
  if (existsSync(join(dir, `${DB_FILE_NAME}-wal`))) copyFileSync(join(dir, `${DB_FILE_NAME}-wal`), `${copy}-wal`);
  const db = new Database(copy, { readonly: true });
  try {
    const rows = db.prepare(`SELECT cell_key, value FROM cells WHERE report_id = ?`).all(reportId) as { cell_key: string; value: number }[];
    return Object.fromEntries(rows.map((r) => [r.cell_key, r.value]));
  } finally {
    db.close();
    rmSync(crash, { recursive: true });
  }
}

test('a -wal deleted while the program runs: the next save writes every edit into the data file before it is acknowledged', async () => {
  const dir = tempDir('store-wal-deleted');
  try {
    const store = await openStore(dir.path, { backupAtOpen: false });
    try {
      const r = store.createReport(store.saveUnit(unit).id, ReportDocSchema.parse({ formatId: 'gov-2021', year: 2025, unit }));
      store.database.pragma('wal_checkpoint(TRUNCATE)');
      const expected: Record<string, number> = {};
      for (let i = 0; i < 40; i++) {
        store.setCells(r.id, { [`t3.wal.e${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`]: i });
        expected[`t3.wal.e${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`] = i;
      }
      const wal = join(dir.path, `${DB_FILE_NAME}-wal`);
      assert.ok(existsSync(wal));
      assert.equal(Object.keys(cellsAfterCrash(dir.path, r.id)).length, 40, 'before: the 40 edits are in the -wal');
      rmSync(wal);
      // The next save: acknowledged only once it and the 40 before it are in the data file.
      store.setCells(r.id, { 't3.wal.last': 41 });
      expected['t3.wal.last'] = 41;
      assert.deepEqual(cellsAfterCrash(dir.path, r.id), expected, 'every acknowledged edit is in the data file itself');
      assert.ok(existsSync(wal), 'the file was reopened with a new -wal');
      // Later edits go to the new -wal and survive a clean close.
      store.setCells(r.id, { 't3.wal.after': 42 });
      assert.equal(store.requireReport(r.id).doc.cells['t3.wal.after'], 42);
    } finally {
      store.close();
    }
    const again = await openStore(dir.path, { backupAtOpen: false });
    assert.equal(again.startupProblem, null);
    assert.equal(again.requireReport(1).doc.cells['t3.wal.after'], 42);
    assert.equal(Object.keys(again.requireReport(1).doc.cells).length, 42);
    again.close();
  } finally {
    dir.cleanup();
  }
});

test('a -wal deleted between saves is found within seconds even without a save', async () => {
  const dir = tempDir('store-wal-watch');
  try {
    const store = await openStore(dir.path, { backupAtOpen: false });
    try {
      const r = store.createReport(store.saveUnit(unit).id, ReportDocSchema.parse({ formatId: 'gov-2021', year: 2025, unit }));
      store.setCells(r.id, { 't3.watch.a': 1 });
      rmSync(join(dir.path, `${DB_FILE_NAME}-wal`));
      await new Promise((res) => setTimeout(res, 2600));
      assert.equal(cellsAfterCrash(dir.path, r.id)['t3.watch.a'], 1);
    } finally {
      store.close();
    }
  } finally {
    dir.cleanup();
  }
});

test('the data file deleted while the program runs is written out again at the next save', async () => {
  const dir = tempDir('store-file-deleted');
  try {
    const store = await openStore(dir.path, { backupAtOpen: false });
    try {
      const r = store.createReport(store.saveUnit(unit).id, ReportDocSchema.parse({ formatId: 'gov-2021', year: 2025, unit }));
      store.setCells(r.id, { 't3.gone.a': 1 });
      for (const f of ['', '-wal', '-shm']) rmSync(join(dir.path, DB_FILE_NAME + f), { force: true });
      store.setCells(r.id, { 't3.gone.b': 2 });
      assert.deepEqual(cellsAfterCrash(dir.path, r.id), { 't3.gone.a': 1, 't3.gone.b': 2 });
    } finally {
      store.close();
    }
  } finally {
    dir.cleanup();
  }
});

test('nianbao.lock deleted: a second program can open the folder, but the first then refuses to write (in Chinese) instead of overwriting it', async () => {
  const dir = tempDir('store-lock-deleted');
  try {
    const first = await openStore(dir.path, { backupAtOpen: false });
    const r = first.createReport(first.saveUnit(unit).id, ReportDocSchema.parse({ formatId: 'gov-2021', year: 2025, unit }));
    rmSync(join(dir.path, LOCK_FILE_NAME));
    const second = await openStore(dir.path, { backupAtOpen: false });
    try {
      assert.throws(
        () => first.setSection(r.id, 'overview', '第一个程序的修改'),
        (err: unknown) => err instanceof StoreError && err.code === 'conflict' && /锁文件.*被删除.*不再保存修改/.test(err.message),
      );
      assert.throws(() => first.setCells(r.id, { 't3.lock.a': 1 }), StoreError, 'and every later write');
      second.setSection(r.id, 'overview', '第二个程序的修改');
      assert.equal(second.requireReport(r.id).doc.sections.overview, '第二个程序的修改');
    } finally {
      second.close();
      first.close();
    }
  } finally {
    dir.cleanup();
  }
});

test('nianbao.lock deleted with no second program: the first takes a new lock at its next write and goes on; a later second program is refused', async () => {
  const dir = tempDir('store-lock-retaken');
  try {
    const first = await openStore(dir.path, { backupAtOpen: false });
    try {
      first.saveUnit(unit);
      rmSync(join(dir.path, LOCK_FILE_NAME));
      first.saveUnit({ ...unit, phone: '0598-1' });
      assert.ok(existsSync(join(dir.path, LOCK_FILE_NAME)));
      await assert.rejects(openStore(dir.path), (err: unknown) => err instanceof StoreError && err.code === 'conflict');
    } finally {
      first.close();
    }
  } finally {
    dir.cleanup();
  }
});
