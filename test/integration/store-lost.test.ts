// A data file that is gone, empty (0 bytes) or another program's, while backups hold the reports:
// never a first run. Each against the real store on a real SQLite file: the start says in Chinese
// what happened and offers the newest backup holding reports, the restore brings them back, and
// ten ordinary starts on the emptied file never rotate that backup away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApi } from '../../electron/core/api/index';
import { openStore, DB_FILE_NAME, StoreError } from '../../electron/core/store/index';
import { ReportDocSchema } from '../../shared/report';
import { tempDir } from '../support';

const unit = { name: '备份测试镇人民政府', kind: 'township' as const, supervisor: '', address: '', postcode: '', phone: '', email: '', signature: '' };
const doc = (year: number, overview: string) => ReportDocSchema.parse({ formatId: 'gov-2021', year, unit, sections: { overview } });

/** Two reports, then a second start: its automatic backup holds them. */
async function withReports(dir: string): Promise<void> {
  let store = await openStore(dir);
  const u = store.saveUnit(unit);
  store.createReport(u.id, doc(2024, '二〇二四年的正文'));
  store.createReport(u.id, doc(2025, '二〇二五年的正文'));
  store.close();
  store = await openStore(dir);
  store.close();
}

const path = (dir: string) => join(dir, DB_FILE_NAME);
const removeData = (dir: string) => {
  for (const f of ['', '-wal', '-shm']) rmSync(`${path(dir)}${f}`, { force: true });
};

const scenarios = [
  ['missing', (dir: string) => removeData(dir), /数据文件（nianbao\.sqlite）不见了/],
  [
    'empty (0 bytes)',
    (dir: string) => {
      removeData(dir);
      writeFileSync(path(dir), '');
    },
    /数据文件（nianbao\.sqlite）是空的（0 字节）/,
  ],
  [
    'foreign',
    (dir: string) => {
      removeData(dir);
      const db = new Database(path(dir));
      db.exec(`CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('别的程序的数据')`);
      db.close();
    },
    /不是年报编制助手的数据文件（原文件已原样移到数据文件夹的“damaged/,
  ],
] as const;

for (const [name, damage, said] of scenarios) {
  test(`a ${name} data file with backups holding reports is not a first run: told in Chinese, the newest backup offered and restored`, async () => {
    const dir = tempDir('store-lost');
    try {
      await withReports(dir.path);
      damage(dir.path);
      const foreignBytes = existsSync(path(dir.path)) ? readFileSync(path(dir.path)) : null;
      const store = await openStore(dir.path);
      try {
        const p = store.startupProblem;
        assert.ok(p, 'the start reports what happened');
        assert.equal(p.kind, 'lost');
        assert.match(p.message, said);
        assert.match(p.message, /没有把这次当作第一次使用/);
        assert.match(p.message, /最近一份有报告的备份是 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d 的备份（2 份报告）/);
        const newest = store.listBackups()[0];
        assert.deepEqual(p.offer, { fileName: newest.fileName, createdAt: newest.createdAt, reports: 2 });
        if (name === 'foreign') assert.ok(readFileSync(join(p.keptAt, DB_FILE_NAME)).equals(foreignBytes!), 'the other program’s file is kept byte for byte');

        const { handleApiCall } = createApi({ store, transport: 'host', dataDir: dir.path });
        const info = await handleApiCall('appInfo', {});
        assert.ok(info.ok);
        assert.deepEqual((info.value as { startupProblem: unknown }).startupProblem, { kind: 'lost', message: p.message, keptAt: p.keptAt, offer: p.offer });
        assert.ok((await handleApiCall('restoreBackup', { fileName: p.offer!.fileName })).ok);
        assert.deepEqual(
          store.listReports().map((r) => r.year),
          [2025, 2024],
        );
        assert.equal(store.startupProblem, null, 'a restore settles it');
      } finally {
        store.close();
      }
    } finally {
      dir.cleanup();
    }
  });
}

test('a foreign data file with no backups is still refused and left as it was (nothing of ours to protect)', async () => {
  const dir = tempDir('store-lost-foreign');
  try {
    const db = new Database(path(dir.path));
    db.exec(`CREATE TABLE contacts (name TEXT)`);
    db.close();
    const before = readFileSync(path(dir.path));
    await assert.rejects(openStore(dir.path), (err: unknown) => err instanceof StoreError && /不是年报编制助手的数据文件/.test(err.message));
    assert.ok(readFileSync(path(dir.path)).equals(before));
  } finally {
    dir.cleanup();
  }
});

test('a true first run (no backups, nothing kept) says nothing', async () => {
  const dir = tempDir('store-first');
  try {
    const store = await openStore(dir.path);
    assert.equal(store.startupProblem, null);
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('ten ordinary starts after an accidental reset keep the last backup holding the reports, and keep offering it', async () => {
  const dir = tempDir('store-lost-rotation');
  try {
    await withReports(dir.path);
    removeData(dir.path);
    let store = await openStore(dir.path);
    const offered = store.startupProblem!.offer!.fileName;
    // The clerk, not noticing, sets the unit up again and goes on; ten, then twelve, ordinary starts.
    store.saveUnit(unit);
    store.close();
    for (let i = 0; i < 12; i++) {
      store = await openStore(dir.path);
      assert.equal(store.startupProblem?.kind, 'lost', `start ${i + 1}: still said while the file holds no report`);
      assert.equal(store.startupProblem.offer?.fileName, offered);
      store.close();
    }
    store = await openStore(dir.path);
    const autos = store.listBackups().filter((b) => b.kind === 'auto');
    assert.ok(
      autos.some((b) => b.fileName === offered),
      'the backup with the reports survived the rotation',
    );
    assert.equal(autos.length, 11, 'ten by count, plus the one kept for its content');
    assert.match(store.startupProblem!.message, /启动时发现数据文件（nianbao\.sqlite）不见了，现在的数据中还没有报告/);
    // Restored, the reports are back; a later start has nothing to say.
    await store.restoreBackup(offered);
    assert.equal(store.listReports().length, 2);
    store.close();
    store = await openStore(dir.path);
    assert.equal(store.startupProblem, null);
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('a missing data file with no backups but a file kept in damaged/ is not a first run either: told where the earlier file is', async () => {
  const dir = tempDir('store-lost-damaged');
  try {
    let store = await openStore(dir.path, { backupAtOpen: false });
    store.saveUnit(unit);
    store.close();
    // The earlier file was damaged and kept aside; there is no backup; now the data file is gone too.
    writeFileSync(path(dir.path), '这不是数据库，只是一些文字。'.repeat(40));
    store = await openStore(dir.path, { backupAtOpen: false });
    assert.equal(store.startupProblem?.kind, 'damaged');
    store.close();
    removeData(dir.path);
    store = await openStore(dir.path, { backupAtOpen: false });
    try {
      assert.equal(store.startupProblem?.kind, 'lost');
      assert.match(store.startupProblem.message, /数据文件（nianbao\.sqlite）不见了.*“damaged”中保存着以前的数据文件/);
      assert.equal(store.startupProblem.offer, null);
    } finally {
      store.close();
    }
  } finally {
    dir.cleanup();
  }
});
