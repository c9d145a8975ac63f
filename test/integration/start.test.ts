// `npm start` where the Electron runtime is not installed (as here): it builds if needed, falls
// back to the browser host, passes the arguments through, and stops cleanly on SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectNode, repoRoot, STARTED_LINE, tempDir } from '../support';

test(
  'npm start falls back to the browser host and honours --data-dir and --port',
  { skip: existsSync(join(repoRoot, 'node_modules/electron/path.txt')) && 'the Electron runtime is installed here' },
  async () => {
    const dir = tempDir('start');
    try {
      const child = spawn(projectNode(), [join(repoRoot, 'build/start.mjs'), '--no-open', '--port', '0', '--data-dir', dir.path], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8');
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const m = await new Promise<RegExpExecArray>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start line within 90 s:\n${out}\n${err}`)), 90_000);
        child.stdout.on('data', (d: string) => {
          out += d;
          const found = STARTED_LINE.exec(out);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        });
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`start exited (${code}):\n${out}\n${err}`));
        });
      });
      assert.match(err, /未安装 Electron 运行时，改用浏览器方式启动/);
      const [, url, port, token] = m;
      const info = await fetch(`http://127.0.0.1:${port}/api/appInfo`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': token },
        body: '{}',
      }).then((r) => r.json());
      assert.equal(info.ok, true);
      assert.equal(info.value.dataDir, dir.path);
      assert.equal((await fetch(url)).status, 200, 'the page is served');
      assert.ok(existsSync(join(dir.path, 'nianbao.sqlite')));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.equal(existsSync(join(dir.path, 'nianbao.sqlite-wal')), false, 'the signal reached the host, which closed the database');
    } finally {
      dir.cleanup();
    }
  },
);

test('the host refuses a port already in use with a Chinese message', async () => {
  const { createServer } = await import('node:net');
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  const port = (blocker.address() as { port: number }).port;
  const dir = tempDir('port');
  try {
    const child = spawn(projectNode(), [join(repoRoot, 'dist/host.mjs'), '--no-open', '--port', String(port), '--data-dir', dir.path], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 1);
    assert.match(err, new RegExp(`端口 ${port} 已被占用`));
  } finally {
    blocker.close();
    dir.cleanup();
  }
});
