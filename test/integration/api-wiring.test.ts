// The protections wired into the API, each tested by what it does, so that removing the wiring
// fails a test: the hourly backup after edits (not after reads or refusals), 导出诊断信息 (log,
// versions, database check, no report text), and the rotating log file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createApi } from '../../electron/core/api/index';
import type { ApiHandler } from '../../electron/core/api/index';
import { openStore } from '../../electron/core/store/index';
import type { Store } from '../../electron/core/store/index';
import { Log, openLog, logDir, LOG_FILE_NAME } from '../../electron/core/log/index';
import { LATEST_VERSION } from '../../electron/core/store/migrations';
import { tempDir } from '../support';

const HOUR = 60 * 60 * 1000;

async function setUp(now: () => number): Promise<{ store: Store; handle: ApiHandler; dir: ReturnType<typeof tempDir>; id: number }> {
  const dir = tempDir('api-wiring');
  const store = await openStore(dir.path);
  const { handleApiCall: handle } = createApi({ store, transport: 'host', dataDir: dir.path, now });
  await handle('saveUnit', { name: '接线测试镇人民政府', kind: 'township' });
  const r = await handle('createReport', { year: 2025, formatId: 'gov-2021' });
  assert.ok(r.ok);
  return { store, handle, dir, id: (r.value as { id: number }).id };
}

test('an hour after the last backup, the next edit makes an automatic backup; reads and refusals do not', async () => {
  let clock = Date.now();
  const { store, handle, dir, id } = await setUp(() => clock);
  try {
    const autos = () => store.listBackups().filter((b) => b.kind === 'auto').length;
    assert.equal(autos(), 0, 'a first session starts without a backup');
    await handle('setSection', { id, key: 'overview', text: '第一段' });
    assert.equal(autos(), 0, 'within the hour: no backup');
    clock += HOUR + 1000;
    await handle('getReport', { id });
    await handle('listReports', {});
    assert.equal(autos(), 0, 'reads make no backup');
    await handle('setSection', { id, key: 'overview', text: 1 });
    await handle('setCells', { id, cells: { nonsense: 1 } });
    assert.equal(autos(), 0, 'refused edits make no backup');
    for (const [method, input] of [
      ['setSection', { id, key: 'overview', text: '一小时后的修改' }],
      ['setCells', { id, cells: { 't3.granted.natural_person': 4 } }],
      ['updateReport', { id, patch: { title: '改过的标题' } }],
      ['setAcknowledgement', { id, findingId: 'x.y', reason: '已核实' }],
      ['saveUnit', { name: '接线测试镇人民政府', kind: 'township' }],
    ] as const) {
      const before = autos();
      const r = await handle(method, input);
      assert.ok(r.ok, method);
      assert.equal(autos(), before + 1, `${method} an hour after the last backup makes one`);
      clock += HOUR + 1000;
    }
    // The backup holds the edit that triggered it.
    const newest = store.listBackups()[0];
    const Database = (await import('better-sqlite3')).default;
    const copy = new Database(newest.path, { readonly: true });
    assert.equal(copy.prepare(`SELECT name FROM units`).pluck().get(), '接线测试镇人民政府');
    copy.close();
  } finally {
    store.close();
    dir.cleanup();
  }
});

test('导出诊断信息: the log, versions and the database check, with no report text in it', async () => {
  const { store, handle, dir, id } = await setUp(Date.now);
  const log = openLog(dir.path, { console: false });
  try {
    const secret = '这是报告正文里的一句秘密话';
    await handle('setSection', { id, key: 'overview', text: secret });
    await handle('setCells', { id, cells: { 't3.granted.natural_person': 987654 } });
    await handle('updateReport', { id, patch: { title: '独一无二的报告标题' } });
    log.error('api', 'setCells', Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }));
    const r = await handle('exportDiagnostics', {});
    assert.ok(r.ok);
    const { fileName, content } = r.value as { fileName: string; content: string };
    assert.match(fileName, /^年报编制助手诊断信息-\d{8}-\d{6}\.txt$/);
    assert.match(content, /完整性检查：ok/);
    assert.match(content, new RegExp(`数据版本（user_version）：${LATEST_VERSION}`));
    assert.match(content, /reports：1 行/);
    assert.match(content, new RegExp(`Node ${process.versions.node.replace(/\./g, '\\.')}`));
    assert.match(content, /SQLite 3\.\d+/);
    assert.match(content, /ERROR \[api\] setCells：Error \(SQLITE_IOERR\): disk I\/O error/, 'the log is in it');
    for (const text of [secret, '987654', '独一无二的报告标题', '接线测试镇']) assert.ok(!content.includes(text), `no report text: ${text}`);
  } finally {
    store.close();
    dir.cleanup();
  }
});

test('errors the API could not handle go to the log file, without the report text', async () => {
  const { store, handle, dir, id } = await setUp(Date.now);
  openLog(dir.path, { console: false });
  try {
    // A database that went away under the program: every write now fails inside SQLite.
    store.database.close();
    const r = await handle('setSection', { id, key: 'overview', text: '不应进入日志的正文' });
    assert.equal(r.ok, false);
    const text = readFileSync(join(logDir(dir.path), LOG_FILE_NAME), 'utf8');
    assert.match(text, /ERROR \[api\] setSection：/);
    assert.ok(!text.includes('不应进入日志的正文'));
  } finally {
    store.close();
    dir.cleanup();
  }
});

test('the log rotates by size and keeps a fixed number of files', () => {
  const dir = tempDir('log-rotate');
  try {
    const log = new Log(dir.path, { maxBytes: 2000, keep: 2, console: false });
    for (let i = 0; i < 200; i++) log.info('test', `第${i}条记录`);
    const files = readdirSync(dir.path).sort();
    assert.deepEqual(files, [LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`]);
    for (const f of files) assert.ok(statSync(join(dir.path, f)).size <= 2000, f);
    assert.match(readFileSync(join(dir.path, LOG_FILE_NAME), 'utf8'), /第199条记录/);
    assert.match(log.tail(), /第199条记录/);
    assert.ok(!log.tail().includes('第0条记录'), 'the oldest entries are gone');
    // A folder that cannot be written does not turn logging into a crash.
    const blocked = new Log(join(dir.path, LOG_FILE_NAME, 'sub'), { console: false });
    blocked.error('test', '写不进去');
    assert.ok(!existsSync(join(dir.path, LOG_FILE_NAME, 'sub')));
  } finally {
    dir.cleanup();
  }
});
