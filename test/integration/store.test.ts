// The store against real SQLite files in a temp dir: creation, migration with a backup first,
// refusal of a newer file (left byte-identical), reopening, one report per unit and year, and
// durability when the writing process is killed mid-stream.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, APPLICATION_ID, LATEST_VERSION, MIGRATIONS, DB_FILE_NAME, LOCK_FILE_NAME, StoreError } from '../../electron/core/store/index';
import type { ReportDoc, Unit } from '../../shared/report';
import { ReportDocSchema } from '../../shared/report';
import { tempDir, projectNode, repoRoot } from '../support';

const unit: Unit = {
  name: '永安市小陶镇人民政府',
  kind: 'township',
  supervisor: '永安市人民政府',
  address: '小陶镇',
  postcode: '366000',
  phone: '0598-1234567',
  email: 'xt@example.cn',
  signature: '永安市小陶镇人民政府',
};

function doc(year: number, extra: Partial<ReportDoc> = {}): ReportDoc {
  return { ...ReportDocSchema.parse({ formatId: 'gov-2021', year, unit }), ...extra };
}

test('a new empty file is created and migrated to the latest version with the required pragmas', async () => {
  const dir = tempDir('store-empty');
  try {
    writeFileSync(join(dir.path, DB_FILE_NAME), ''); // an empty file, as a crashed first start might leave
    const store = await openStore(dir.path);
    const db = store.database;
    assert.equal(db.pragma('user_version', { simple: true }), LATEST_VERSION);
    assert.equal(db.pragma('application_id', { simple: true }), APPLICATION_ID);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('synchronous', { simple: true }), 2, 'synchronous=FULL');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    assert.deepEqual(tables, [
      'cells',
      'exports',
      'register_applications',
      'register_holidays',
      'register_lists',
      'reports',
      'section_texts',
      'ui_state',
      'units',
    ]);
    // A brand-new file has nothing worth backing up.
    assert.deepEqual(store.listBackups(), []);
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('a file from a newer version is refused with a Chinese message and left byte-identical', async () => {
  for (const mode of ['delete', 'wal'] as const) {
    const dir = tempDir('store-newer');
    try {
      const path = join(dir.path, DB_FILE_NAME);
      const db = new Database(path);
      db.pragma(`journal_mode = ${mode}`);
      db.exec(`CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('数据')`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${LATEST_VERSION + 1}`);
      db.close();
      const before = readFileSync(path);
      // The data-folder lock (nianbao.lock) is taken before the file is looked at; it is not the data.
      const files = () =>
        readdirSync(dir.path)
          .filter((f) => f !== LOCK_FILE_NAME)
          .sort();
      const filesBefore = files();
      await assert.rejects(openStore(dir.path), (err: unknown) => {
        assert.ok(err instanceof StoreError);
        assert.equal(err.code, 'newer_version');
        assert.match(err.message, /更新版本/);
        assert.match(err.message, /没有打开也没有改动/);
        return true;
      });
      assert.ok(readFileSync(path).equals(before), `file changed (${mode})`);
      assert.deepEqual(files(), filesBefore, `no -wal/-shm or backups created (${mode})`);
    } finally {
      dir.cleanup();
    }
  }
});

test('a file that is not ours is refused and left unchanged', async () => {
  const dir = tempDir('store-foreign');
  try {
    const path = join(dir.path, DB_FILE_NAME);
    const db = new Database(path);
    db.exec(`CREATE TABLE other (x)`);
    db.close();
    const before = readFileSync(path);
    await assert.rejects(openStore(dir.path), /不是年报编制助手的数据文件/);
    assert.ok(readFileSync(path).equals(before));
    // A file that is not a database at all is damage: kept aside as it was, the program starts afresh (store-faults.test.ts).
    writeFileSync(path, '这不是数据库，只是一些文字。'.repeat(20));
    const text = readFileSync(path);
    const store = await openStore(dir.path);
    assert.equal(store.startupProblem?.kind, 'damaged');
    assert.ok(readFileSync(join(store.startupProblem!.keptAt, DB_FILE_NAME)).equals(text));
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('data survives close and reopen; an automatic backup is made at each reopen and rotated', async () => {
  const dir = tempDir('store-reopen');
  try {
    let store = await openStore(dir.path);
    const u = store.saveUnit(unit);
    const r = store.createReport(
      u.id,
      doc(2025, { sections: { overview: '一、总体情况的正文' }, cells: { 't3.granted.natural_person': 3, 't2.fees.amount': 0.35 } }),
    );
    store.setAcknowledgement(r.id, 'w1', '已核实');
    store.close();
    for (let i = 0; i < 12; i++) {
      store = await openStore(dir.path);
      store.close();
    }
    store = await openStore(dir.path);
    const again = store.requireReport(r.id);
    assert.equal(again.doc.sections.overview, '一、总体情况的正文');
    assert.deepEqual(again.doc.cells, { 't2.fees.amount': 0.35, 't3.granted.natural_person': 3 });
    assert.equal(again.doc.acknowledgements.w1.reason, '已核实');
    assert.deepEqual(store.getUnit(), { ...unit, id: u.id });
    const autos = store.listBackups().filter((b) => b.kind === 'auto');
    assert.equal(autos.length, 10, 'rotation keeps the last 10 automatic backups');
    // Each backup is a full, valid copy.
    const b = new Database(autos[0].path, { readonly: true });
    assert.equal(b.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal((b.prepare(`SELECT count(*) AS n FROM reports`).get() as { n: number }).n, 1);
    b.close();
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('an existing file is backed up before a migration, and the migration runs in one transaction', async () => {
  const dir = tempDir('store-migrate');
  try {
    let store = await openStore(dir.path);
    const u = store.saveUnit(unit);
    store.createReport(u.id, doc(2024));
    store.close();
    const v2 = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, up: (db: Database.Database) => db.exec(`ALTER TABLE units ADD COLUMN note TEXT NOT NULL DEFAULT ''`) },
    ];
    store = await openStore(dir.path, { migrations: v2 });
    assert.equal(store.database.pragma('user_version', { simple: true }), LATEST_VERSION + 1);
    const pre = store.listBackups().filter((b) => b.kind === 'pre-migration');
    assert.equal(pre.length, 1);
    assert.match(pre[0].fileName, new RegExp(`-v${LATEST_VERSION}\\.sqlite$`));
    const copy = new Database(pre[0].path, { readonly: true });
    assert.equal(copy.pragma('user_version', { simple: true }), LATEST_VERSION, 'the backup is the file as it was before migrating');
    assert.equal((copy.prepare(`SELECT count(*) AS n FROM reports`).get() as { n: number }).n, 1);
    copy.close();
    store.close();

    // A migration that fails leaves the file at its old version with its data.
    const failing = [
      ...v2,
      {
        version: LATEST_VERSION + 2,
        up: (db: Database.Database) => {
          db.exec(`CREATE TABLE half (x)`);
          throw new Error('boom');
        },
      },
    ];
    await assert.rejects(openStore(dir.path, { migrations: failing }), /boom/);
    store = await openStore(dir.path, { migrations: v2 });
    assert.equal(store.database.pragma('user_version', { simple: true }), LATEST_VERSION + 1);
    assert.equal(store.database.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'`).pluck().get(), 0);
    assert.equal(store.listReports().length, 1);
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('one report per unit and year is enforced by the store and by the schema', async () => {
  const dir = tempDir('store-unique');
  try {
    const store = await openStore(dir.path);
    const u = store.saveUnit(unit);
    store.createReport(u.id, doc(2025));
    assert.throws(
      () => store.createReport(u.id, doc(2025)),
      (err: unknown) => err instanceof StoreError && err.code === 'conflict' && /2025年度的报告已经存在/.test(err.message),
    );
    // Even bypassing the store's own check, SQLite refuses the second row.
    assert.throws(
      () =>
        store.database
          .prepare(`INSERT INTO reports (unit_id, year, format_id, created_at, updated_at, unit_json) VALUES (?, 2025, 'gov-2021', 'x', 'x', '{}')`)
          .run(u.id),
      /UNIQUE/,
    );
    assert.equal(store.listReports().length, 1);
    // A report cannot point at a unit that does not exist.
    assert.throws(
      () =>
        store.database
          .prepare(`INSERT INTO reports (unit_id, year, format_id, created_at, updated_at, unit_json) VALUES (999, 2020, 'gov-2019', 'x', 'x', '{}')`)
          .run(),
      /FOREIGN KEY/,
    );
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('deleting a report removes its sections, cells and export history', async () => {
  const dir = tempDir('store-cascade');
  try {
    const store = await openStore(dir.path);
    const u = store.saveUnit(unit);
    const r = store.createReport(u.id, doc(2025, { sections: { problems: '问题' }, cells: { 't4.review.maintain': 1 } }));
    store.addExport(r.id, { fileName: 'a.docx', sha256: 'x'.repeat(64), draft: false, doc: r.doc });
    store.deleteReport(r.id);
    const count = (t: string) => store.database.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    assert.equal(count('section_texts'), 0);
    assert.equal(count('cells'), 0);
    assert.equal(count('exports'), 0);
    assert.throws(() => store.deleteReport(r.id), /找不到编号为/);
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('restoring a backup brings back the data as it was, after backing up the current data', async () => {
  const dir = tempDir('store-restore');
  try {
    let store = await openStore(dir.path);
    const u = store.saveUnit(unit);
    const r = store.createReport(u.id, doc(2025, { sections: { overview: '旧的内容' } }));
    store.close();
    store = await openStore(dir.path); // makes an automatic backup holding 旧的内容
    const [backup] = store.listBackups();
    store.setSection(r.id, 'overview', '新的内容');
    store.createReport(u.id, doc(2024));
    await store.restoreBackup(backup.fileName);
    assert.equal(store.requireReport(r.id).doc.sections.overview, '旧的内容');
    assert.equal(store.listReports().length, 1);
    const preRestore = store.listBackups().find((b) => b.kind === 'pre-restore');
    assert.ok(preRestore, 'the data before the restore is kept as a backup');
    await store.restoreBackup(preRestore.fileName);
    assert.equal(store.requireReport(r.id).doc.sections.overview, '新的内容');
    assert.deepEqual(
      readdirSync(store.backupsDir()).filter((f) => !/^nianbao-[\d-]+-(auto|pre-restore)\.sqlite$/.test(f)),
      [],
      'backups are single self-contained files (no -wal/-shm left beside them)',
    );
    await assert.rejects(store.restoreBackup('../nianbao.sqlite'), /没有名为/);
    await assert.rejects(store.restoreBackup('nianbao-20990101-000000-000-auto.sqlite'), /不存在/);
    store.close();
    store = await openStore(dir.path);
    assert.equal(store.requireReport(r.id).doc.sections.overview, '新的内容');
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('a process killed with SIGKILL mid-write loses no acknowledged write and leaves a sound file', async () => {
  const dir = tempDir('store-kill');
  try {
    const child = spawn(projectNode(), ['--import', 'tsx', join(repoRoot, 'test/integration/fixtures/store-writer.ts'), dir.path], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    let lastAck = 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`writer too slow: ${out.slice(-200)} ${err}`)), 60_000);
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const acks = out.match(/ack (\d+)\n/g);
        if (acks && acks.length >= 300) {
          child.kill('SIGKILL');
          clearTimeout(timer);
          resolve();
        }
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`writer exited early: ${err}`));
      });
    });
    assert.equal(await exited, 'SIGKILL');
    for (const m of out.matchAll(/ack (\d+)\n/g)) lastAck = Math.max(lastAck, Number(m[1]));
    assert.ok(lastAck >= 300);

    // The file as the killed process left it (WAL and all), checked before the store touches it.
    const raw = new Database(join(dir.path, DB_FILE_NAME));
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
    raw.close();

    const store = await openStore(dir.path);
    const report = store.listReports()[0];
    const cell = store.requireReport(report.id).doc.cells['t3.new_received.natural_person'];
    assert.ok(cell >= lastAck, `cell ${cell} should include acknowledged write ${lastAck}`);
    const seqs = store.database.prepare(`SELECT count(*) FROM ui_state WHERE key GLOB 'seq*' AND CAST(substr(key, 4) AS INTEGER) <= ?`).pluck().get(lastAck);
    assert.equal(seqs, lastAck, 'every acknowledged write is present');
    assert.equal(store.database.pragma('integrity_check', { simple: true }), 'ok');
    store.close();
  } finally {
    dir.cleanup();
  }
});

test('the data folder is created if missing; a folder that cannot be created gives a Chinese message', async () => {
  const dir = tempDir('store-dirs');
  try {
    const nested = join(dir.path, 'a', 'b');
    const store = await openStore(nested);
    store.close();
    assert.ok(existsSync(join(nested, DB_FILE_NAME)));
    const blocker = join(dir.path, 'file');
    writeFileSync(blocker, 'x');
    await assert.rejects(openStore(join(blocker, 'sub')), /无法创建数据文件夹/);
    assert.ok(statSync(blocker).isFile());
  } finally {
    dir.cleanup();
  }
});
