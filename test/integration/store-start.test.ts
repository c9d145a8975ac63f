// Starting on a data folder in trouble, against real files: a read-only folder (a Chinese message),
// every header byte flipped in turn (never stuck: the file is fine or a restore is offered), a full
// disk (the program starts read-only and says so), the files' modes (0700 folder, 0600 files), and
// the log after forced kills (start-ups, recoveries, refusals; the diagnostics file holds them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createApi } from '../../electron/core/api/index';
import { openLog } from '../../electron/core/log/index';
import { openStore, DB_FILE_NAME, LOCK_FILE_NAME, StoreError } from '../../electron/core/store/index';
import { ReportDocSchema } from '../../shared/report';
import { spawnHost } from '../support/kill-rounds';
import { projectNode, repoRoot, tempDir } from '../support';

const unit = { name: '启动测试镇人民政府', kind: 'township' as const, supervisor: '', address: '', postcode: '', phone: '', email: '', signature: '' };
const secretText = '只属于这份报告的正文，不应出现在日志里';

/** One report, then a second start: its automatic backup holds it. */
async function withReport(dir: string): Promise<void> {
  let store = await openStore(dir);
  store.createReport(store.saveUnit(unit).id, ReportDocSchema.parse({ formatId: 'gov-2021', year: 2025, unit, sections: { overview: secretText } }));
  store.close();
  store = await openStore(dir);
  store.close();
}

/** A small tmpfs, where the machine allows mounting one (root on Linux); null when mounted. */
function mountTmpfs(dir: string, size: string): string | null {
  if (process.platform !== 'linux') return 'tmpfs needs Linux';
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  return r.status === 0 ? null : `cannot mount a tmpfs here (${(r.stderr || r.error?.message || '').trim()})`;
}

const english = /\b(unable|error|errno|EROFS|EACCES|ENOENT|SQLITE_\w+|such file|denied|read-only file system)\b/i;

test('a read-only data folder: a Chinese message that says what to do, nothing English', async (t) => {
  const dir = tempDir('store-ro');
  const mount = join(dir.path, 'disk');
  mkdirSync(mount);
  const skip = mountTmpfs(mount, '4m');
  if (skip) {
    dir.cleanup();
    return t.skip(skip);
  }
  try {
    const data = join(mount, 'data');
    await withReport(data);
    execFileSync('mount', ['-o', 'remount,ro', mount]);
    for (const folder of [data, join(mount, 'new')]) {
      await assert.rejects(openStore(folder), (err: unknown) => {
        assert.ok(err instanceof StoreError, String(err));
        assert.match(err.message, /只读|无法写入/);
        assert.match(err.message, /请.*--data-dir/);
        assert.doesNotMatch(err.message.replace(folder, ''), english);
        return true;
      });
    }
  } finally {
    execFileSync('umount', [mount]);
    dir.cleanup();
  }
});

test('every byte of the file header flipped in turn: the program always starts, with the reports or with a restore offered', async () => {
  const dir = tempDir('store-header-flips');
  try {
    await withReport(dir.path);
    const path = join(dir.path, DB_FILE_NAME);
    const original = join(dir.path, 'original.sqlite');
    copyFileSync(path, original);
    const stuck: string[] = [];
    let offered = 0;
    for (let at = 0; at < 100; at++) {
      for (const f of readdirSync(dir.path)) if (!['backups', 'original.sqlite'].includes(f)) rmSync(join(dir.path, f), { recursive: true, force: true });
      copyFileSync(original, path);
      const fd = openSync(path, 'r+');
      const b = Buffer.alloc(1);
      readSync(fd, b, 0, 1, at);
      b[0] ^= 0x01;
      writeSync(fd, b, 0, 1, at);
      closeSync(fd);
      try {
        const store = await openStore(dir.path, { backupAtOpen: false });
        const fine = store.listReports().length === 1 && store.requireReport(1).doc.sections.overview === secretText;
        if (store.startupProblem?.offer) offered++;
        else if (!fine) stuck.push(`byte ${at}: started without the report and without an offer`);
        store.close();
      } catch (err) {
        stuck.push(`byte ${at}: ${(err as Error).message.slice(0, 80)}`);
      }
    }
    assert.deepEqual(stuck, []);
    assert.ok(offered > 30, `most header flips are damage with a restore offered (${offered})`);
  } finally {
    dir.cleanup();
  }
});

test('a full disk at start: the program starts read-only, says so, refuses writes in Chinese, and starts normally once there is room', async (t) => {
  const dir = tempDir('store-full-start');
  const mount = join(dir.path, 'disk');
  mkdirSync(mount);
  const skip = mountTmpfs(mount, '3m');
  if (skip) {
    dir.cleanup();
    return t.skip(skip);
  }
  try {
    await withReport(mount);
    const filler = join(mount, 'filler.bin');
    const fd = openSync(filler, 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(4096, 1));
    } catch (err) {
      assert.equal((err as NodeJS.ErrnoException).code, 'ENOSPC');
    } finally {
      closeSync(fd);
    }
    const before = readdirSync(mount).sort();
    const store = await openStore(mount);
    try {
      assert.equal(store.startupProblem?.kind, 'read-only');
      assert.match(store.startupProblem.message, /磁盘已满，程序以只读方式打开.*腾出磁盘空间/);
      assert.equal(store.requireReport(1).doc.sections.overview, secretText, 'the reports can be read');
      const { handleApiCall } = createApi({ store, transport: 'host', dataDir: mount });
      const info = await handleApiCall('appInfo', {});
      assert.ok(info.ok && (info.value as { startupProblem: { kind: string } }).startupProblem.kind === 'read-only');
      const refused = await handleApiCall('setSection', { id: 1, key: 'overview', text: '磁盘满时的修改' });
      assert.ok(!refused.ok);
      assert.match(refused.error.message, /磁盘已满/);
      assert.deepEqual(readdirSync(mount).sort(), before, 'nothing written in the folder');
    } finally {
      store.close();
    }
    rmSync(filler);
    const again = await openStore(mount);
    assert.equal(again.startupProblem, null);
    again.setSection(1, 'overview', '有空间后的修改');
    again.close();
  } finally {
    execFileSync('umount', [mount]);
    dir.cleanup();
  }
});

test(
  'file modes: the data folder is 0700; the database, its -wal and -shm, backups, logs and lock are 0600',
  { skip: process.platform === 'win32' },
  async () => {
    const dir = tempDir('store-modes');
    try {
      const data = join(dir.path, 'data');
      openLog(data, { console: false }).info('test', '开始');
      await withReport(data);
      const store = await openStore(data);
      try {
        store.setSection(1, 'overview', '再改一次');
        const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);
        assert.equal(mode(data), '700');
        for (const sub of ['backups', 'logs']) assert.equal(mode(join(data, sub)), '700', sub);
        const files = [
          DB_FILE_NAME,
          `${DB_FILE_NAME}-wal`,
          `${DB_FILE_NAME}-shm`,
          LOCK_FILE_NAME,
          ...readdirSync(join(data, 'backups')).map((f) => join('backups', f)),
          ...readdirSync(join(data, 'logs')).map((f) => join('logs', f)),
        ];
        for (const f of files) assert.equal(mode(join(data, f)), '600', f);
      } finally {
        store.close();
      }
    } finally {
      dir.cleanup();
    }
  },
);

test(
  'the log after forced kills: start-ups, the recovery after each kill and refused writes are logged, without report text, and the diagnostics file holds them',
  { skip: !existsSync(join(repoRoot, 'dist', 'host.mjs')) && 'run node build/build.mjs first' },
  async () => {
    const dir = tempDir('store-log-kills');
    try {
      await withReport(dir.path);
      for (let i = 0; i < 2; i++) {
        const h = await spawnHost(dir.path);
        const exited = new Promise((r) => h.child.once('exit', r));
        h.child.kill('SIGKILL');
        await exited;
      }
      assert.ok(existsSync(join(dir.path, 'logs')), 'the logs folder is there after the kills');
      openLog(dir.path, { console: false });
      const store = await openStore(dir.path);
      try {
        rmSync(join(dir.path, LOCK_FILE_NAME));
        const other = await openStore(dir.path, { backupAtOpen: false });
        assert.throws(() => store.setSection(1, 'overview', '被拒绝的修改'), StoreError);
        other.close();
        const { handleApiCall } = createApi({ store, transport: 'host', dataDir: dir.path });
        const d = await handleApiCall('exportDiagnostics', {});
        assert.ok(d.ok);
        const content = (d.value as { content: string }).content;
        const log = content.slice(content.indexOf('== 日志'));
        assert.ok((log.match(/INFO \[store\] 启动：/g) ?? []).length >= 3, 'each start-up is logged');
        assert.ok((log.match(/上次没有正常退出/g) ?? []).length >= 2, 'each recovery after a kill is logged');
        assert.match(log, /WARN \[store\] 拒绝写入：.*锁文件/);
        assert.ok(!content.includes(secretText) && !content.includes('被拒绝的修改'), 'no report text');
      } finally {
        store.close();
      }
    } finally {
      dir.cleanup();
    }
  },
);

test('a crash is logged before the process ends, and still ends it', async () => {
  const dir = tempDir('store-log-crash');
  try {
    const script = `const { openLog } = await import(${JSON.stringify(join(repoRoot, 'electron', 'core', 'log', 'index.ts'))});
      openLog(${JSON.stringify(dir.path)}, { console: false });
      setTimeout(() => { throw new Error('测试用的崩溃'); });`;
    const r = spawnSync(projectNode(), ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
    assert.notEqual(r.status, 0, 'the crash still ends the process');
    const log = readFileSync(join(dir.path, 'logs', 'nianbao.log'), 'utf8');
    assert.match(log, /ERROR \[crash\] 未处理的错误，程序结束：Error: 测试用的崩溃/);
  } finally {
    dir.cleanup();
  }
});
