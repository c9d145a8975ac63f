// Faults around the data file, each against a real SQLite file: one program per data folder (and
// a killed one never blocks the next), a damaged or truncated file and a lost -wal found at start,
// kept aside byte for byte and offered for restore, a full disk, and the migration that took the
// format ids out of a CHECK with every row kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawnSync, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { createApi } from '../../electron/core/api/index';
import { openStore, MIGRATIONS, LATEST_VERSION, StoreError, DB_FILE_NAME, SESSION_MARKER } from '../../electron/core/store/index';
import type { Store } from '../../electron/core/store/index';
import { ReportDocSchema } from '../../shared/report';
import { spawnHost } from '../support/kill-rounds';
import { chineseTime } from '../../electron/core/store/startup';
import { projectNode, repoRoot, tempDir } from '../support';

const unit = { name: '故障测试镇人民政府', kind: 'township' as const, supervisor: '', address: '', postcode: '', phone: '', email: '', signature: '' };
const doc = (year: number, extra: Record<string, unknown> = {}) => ReportDocSchema.parse({ formatId: 'gov-2021', year, unit, ...extra });
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const hostBuilt = existsSync(join(repoRoot, 'dist', 'host.mjs'));

/** A store with one report, closed, then opened once more so that an automatic backup holds it. */
async function storeWithBackup(dir: string): Promise<{ reportId: number }> {
  let store = await openStore(dir);
  const r = store.createReport(store.saveUnit(unit).id, doc(2025, { sections: { overview: '备份中的正文' }, cells: { 't3.granted.natural_person': 7 } }));
  store.close();
  store = await openStore(dir);
  assert.equal(store.listBackups().length, 1);
  store.close();
  return { reportId: r.id };
}

test('a second program on the same data folder is refused with a Chinese message; closing lets the next one in', async () => {
  const dir = tempDir('store-lock');
  try {
    const first = await openStore(dir.path);
    await assert.rejects(openStore(dir.path), (err: unknown) => {
      assert.ok(err instanceof StoreError);
      assert.equal(err.code, 'conflict');
      assert.match(err.message, /正在被另一个年报编制助手使用/);
      return true;
    });
    // Reading the database file while the program runs still works (tools, tests).
    const reader = new Database(join(dir.path, DB_FILE_NAME), { readonly: true });
    assert.equal(reader.pragma('integrity_check', { simple: true }), 'ok');
    reader.close();
    first.close();
    const second = await openStore(dir.path);
    second.close();
  } finally {
    dir.cleanup();
  }
});

test(
  'a host killed with SIGKILL leaves no lock behind; a second host on a folder in use exits with the message',
  { skip: !hostBuilt && 'run node build/build.mjs first' },
  async () => {
    const dir = tempDir('store-lock-kill');
    try {
      const h = await spawnHost(dir.path);
      const second = spawnSync(projectNode(), [join(repoRoot, 'dist', 'host.mjs'), '--no-open', '--port', '0', '--data-dir', dir.path], {
        encoding: 'utf8',
        timeout: 20_000,
        env: process.env,
      });
      assert.equal(second.status, 1);
      assert.match(second.stderr, /正在被另一个年报编制助手使用/);
      const exited = new Promise((r) => h.child.once('exit', r));
      h.child.kill('SIGKILL');
      await exited;
      const store = await openStore(dir.path);
      assert.equal(store.startupProblem, null, 'a kill is not damage: the WAL is replayed');
      store.close();
    } finally {
      dir.cleanup();
    }
  },
);

for (const [name, damage] of [
  ['truncated', (path: string) => truncateSync(path, Math.floor(statSync(path).size / 2))],
  [
    'byte-flipped',
    (path: string) => {
      // The b-tree page headers of every page after the first: what integrity_check reads.
      const size = statSync(path).size;
      const fd = openSync(path, 'r+');
      for (let page = 1; page * 4096 < size; page++) writeSync(fd, Buffer.from([0x5a]), 0, 1, page * 4096);
      closeSync(fd);
    },
  ],
  ['overwritten header', (path: string) => writeFileSync(path, '这不是数据库，只是一些文字。'.repeat(40))],
] as const) {
  test(`a ${name} database is found at start, kept aside untouched, and a backup restores the reports`, async () => {
    const dir = tempDir('store-damaged');
    try {
      const { reportId } = await storeWithBackup(dir.path);
      const path = join(dir.path, DB_FILE_NAME);
      damage(path);
      const damagedSha = sha(path);
      const store = await openStore(dir.path);
      try {
        assert.equal(store.startupProblem?.kind, 'damaged');
        assert.match(store.startupProblem!.message, /已损坏.*原样保存.*从备份恢复/);
        const kept = join(store.startupProblem!.keptAt, DB_FILE_NAME);
        assert.equal(sha(kept), damagedSha, 'the damaged file is kept byte for byte');
        assert.equal(store.getUnit(), null, 'the program runs on a fresh file');
        // The first screen's restore path: appInfo carries the message, the backup brings the report back.
        const { handleApiCall } = createApi({ store, transport: 'host', dataDir: dir.path });
        const info = await handleApiCall('appInfo', {});
        assert.ok(info.ok && (info.value as { startupProblem: { message: string } }).startupProblem.message === store.startupProblem!.message);
        const backups = store.listBackups();
        assert.equal(backups.length, 1);
        const restored = await handleApiCall('restoreBackup', { fileName: backups[0].fileName });
        assert.equal(restored.ok, true);
        assert.equal(store.requireReport(reportId).doc.sections.overview, '备份中的正文');
      } finally {
        store.close();
      }
      assert.equal(
        sha(join(readdirSync(join(dir.path, 'damaged')).map((d) => join(dir.path, 'damaged', d))[0], DB_FILE_NAME)),
        damagedSha,
        'still untouched after the session',
      );
    } finally {
      dir.cleanup();
    }
  });
}

test(
  'a -wal lost after an unclean exit is found at start: a copy kept aside, the clerk told, the program goes on',
  { skip: !hostBuilt && 'run node build/build.mjs first' },
  async () => {
    const dir = tempDir('store-wal-missing');
    try {
      // A clean first session, so that the file exists with a backup.
      await storeWithBackup(dir.path);
      const h = await spawnHost(dir.path);
      const call = async (method: string, input: unknown) =>
        (await (
          await fetch(`${h.origin}/api/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': h.token },
            body: JSON.stringify(input),
          })
        ).json()) as { ok: boolean };
      assert.equal((await call('setSection', { id: 1, key: 'overview', text: '只在日志文件里的修改' })).ok, true);
      const exited = new Promise((r) => h.child.once('exit', r));
      h.child.kill('SIGKILL');
      await exited;
      const path = join(dir.path, DB_FILE_NAME);
      assert.ok(existsSync(`${path}-wal`) && existsSync(join(dir.path, SESSION_MARKER)), 'a killed program leaves its WAL and its session marker');
      rmSync(`${path}-wal`);
      rmSync(`${path}-shm`, { force: true });
      const before = sha(path);
      const store = await openStore(dir.path);
      try {
        assert.equal(store.startupProblem?.kind, 'wal-missing');
        assert.match(store.startupProblem!.message, /日志文件.*不见了.*从备份恢复/);
        // Exactly what may be missing: everything after the last change the file holds, report by report.
        const saved = store.requireReport(1).updatedAt;
        assert.ok(store.startupProblem!.message.includes(`2025年度报告保存到 ${chineseTime(saved, true)} 为止的内容`), store.startupProblem!.message);
        assert.match(store.startupProblem!.message, /在这些时间之后所做的修改都没有保存下来/);
        assert.equal(sha(join(store.startupProblem!.keptAt, DB_FILE_NAME)), before, 'the file as found is kept');
        assert.equal(store.requireReport(1).doc.sections.overview, '备份中的正文', 'the program goes on with the file, without the lost edit');
      } finally {
        store.close();
      }
      const again = await openStore(dir.path);
      assert.equal(again.startupProblem, null, 'a clean exit: the next start finds nothing wrong');
      again.close();
    } finally {
      dir.cleanup();
    }
  },
);

/** A small tmpfs, where the machine allows mounting one (root on Linux). */
function mountTmpfs(dir: string, size: string): string | null {
  if (process.platform !== 'linux') return 'tmpfs needs Linux';
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  return r.status === 0 ? null : `cannot mount a tmpfs here (${(r.stderr || r.error?.message || '').trim()})`;
}

test('a full disk: a clear Chinese error, earlier data intact, saving resumes when space returns', async (t) => {
  const dir = tempDir('store-full');
  const mountPoint = join(dir.path, 'small');
  mkdirSync(mountPoint);
  const skip = mountTmpfs(mountPoint, '3m');
  if (skip) {
    dir.cleanup();
    return t.skip(skip);
  }
  let store: Store | null = null;
  try {
    store = await openStore(mountPoint, { backupAtOpen: false });
    const { handleApiCall } = createApi({ store, transport: 'host', dataDir: mountPoint });
    await handleApiCall('saveUnit', unit);
    const created = await handleApiCall('createReport', { year: 2025, formatId: 'gov-2021' });
    assert.ok(created.ok);
    const id = (created.value as { id: number }).id;
    assert.ok((await handleApiCall('setSection', { id, key: 'overview', text: '磁盘满之前保存的正文' })).ok);
    // Fill the disk.
    const filler = join(mountPoint, 'filler.bin');
    const fd = openSync(filler, 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(64 * 1024, 1));
    } catch (err) {
      assert.equal((err as NodeJS.ErrnoException).code, 'ENOSPC');
    } finally {
      closeSync(fd);
    }
    let refusal: { code: string; message: string } | null = null;
    for (let i = 0; i < 50 && !refusal; i++) {
      const r = await handleApiCall('setSection', { id, key: 'problems', text: `磁盘满时输入的第${i}段。`.repeat(2000) });
      if (!r.ok) refusal = r.error;
    }
    assert.ok(refusal, 'a write on a full disk is refused');
    assert.equal(refusal.code, 'io');
    assert.match(refusal.message, /磁盘已满/);
    const earlier = await handleApiCall('getReport', { id });
    assert.ok(earlier.ok);
    assert.equal((earlier.value as { doc: { sections: { overview: string } } }).doc.sections.overview, '磁盘满之前保存的正文');
    assert.equal(store.database.pragma('integrity_check', { simple: true }), 'ok');
    rmSync(filler);
    const resumed = await handleApiCall('setSection', { id, key: 'problems', text: '空间恢复后的正文' });
    assert.ok(resumed.ok, JSON.stringify(resumed));
    store.close();
    store = await openStore(mountPoint, { backupAtOpen: false });
    assert.equal(store.requireReport(id).doc.sections.problems, '空间恢复后的正文');
    assert.equal(store.requireReport(id).doc.sections.overview, '磁盘满之前保存的正文');
  } finally {
    store?.close();
    execFileSync('umount', [mountPoint]);
    dir.cleanup();
  }
});

test('migration 2 drops the format-id CHECK with every row kept; a new format id then needs no rebuild', async () => {
  const dir = tempDir('store-migrate-2');
  try {
    let store = await openStore(dir.path, { migrations: MIGRATIONS.slice(0, 1) });
    const u = store.saveUnit(unit);
    const a = store.createReport(u.id, doc(2024, { sections: { overview: '二〇二四年的正文' }, cells: { 't3.granted.natural_person': 4 } }));
    const b = store.createReport(u.id, doc(2025, { cells: { 't2.fees.amount': 1.5 } }), { basedOnId: a.id });
    store.setAcknowledgement(b.id, 'w1', '已核实');
    // Written as version 1 wrote it (later migrations add columns the current code reads).
    const exportRows = (db: Database.Database) =>
      db.prepare(`SELECT id, report_id, created_at, file_name, sha256, draft, saved_path, report_json FROM exports ORDER BY id`).all();
    store.database
      .prepare(`INSERT INTO exports (report_id, created_at, file_name, sha256, draft, saved_path, report_json) VALUES (?, 'x', 'x.docx', 'ab', 0, '', ?)`)
      .run(b.id, JSON.stringify(b.doc));
    const insertFuture = (db: Database.Database) =>
      db.prepare(`INSERT INTO reports (unit_id, year, format_id, created_at, updated_at, unit_json) VALUES (?, 2027, 'gov-2027', 'x', 'x', '{}')`).run(u.id);
    assert.throws(() => insertFuture(store.database), /CHECK constraint failed/, 'version 1 refuses an unknown format id');
    const before = { a: store.requireReport(a.id), b: store.requireReport(b.id), exports: exportRows(store.database) };
    store.close();

    store = await openStore(dir.path);
    assert.equal(store.database.pragma('user_version', { simple: true }), LATEST_VERSION);
    assert.deepEqual(store.requireReport(a.id), before.a);
    assert.deepEqual(store.requireReport(b.id), before.b);
    assert.deepEqual(exportRows(store.database), before.exports);
    assert.equal(store.listExports(b.id).length, 1);
    assert.deepEqual(store.database.pragma('foreign_key_check'), []);
    assert.ok(store.listBackups().some((x) => x.kind === 'pre-migration'));
    const sql = String(store.database.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'reports'`).pluck().get());
    assert.doesNotMatch(sql, /gov-2021/, 'no format id in the table definition');
    insertFuture(store.database);
    // Deleting a report still cascades to its cells (the foreign keys survived the rebuild).
    store.deleteReport(a.id);
    assert.equal(store.database.prepare(`SELECT count(*) FROM cells WHERE report_id = ?`).pluck().get(a.id), 0);
    assert.equal(store.requireReport(b.id).basedOnId, null, 'based_on_id is set null, as declared');
    store.close();
  } finally {
    dir.cleanup();
  }
});
