// Issue 20, minors of the command line and the host's start: a file is looked at before it is read
// (size first; /dev/zero and named pipes refused without a byte read), `validate` survives a 27 MB
// file and deeply nested JSON, and no English error (Node's, a stack trace) reaches the user.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { buildDocx } from '../../electron/core/export/docx';
import { fullReport } from '../fixtures/full-report';
import { nianbaoCommand } from '../support/cli';
import { projectNode, repoRoot, startHost, tempDir } from '../support';
import type { TempDir } from '../support';

/** What English from Node or a stack trace looks like in the output. */
const ENGLISH = /Error\b|\n\s+at |Invalid|RangeError|ERR_[A-Z_]+|Maximum call stack|File size|greater than/;

let dir: TempDir;
before(() => {
  dir = tempDir('nianbao-cli-bounds-');
});
after(() => dir.cleanup());

function nianbao(...args: string[]) {
  const r = spawnSync(nianbaoCommand[0], [...nianbaoCommand.slice(1), ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout + r.stderr };
}

/** A sparse file of this size: no disk space used, but stat says it is that large. */
function sparse(name: string, bytes: number): string {
  const path = join(dir.path, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return path;
}

test('import refuses a device and a named pipe without reading (or waiting)', () => {
  // Exit 1: nothing usable written (issue 21); 2 is for usage.
  const r = nianbao('import', '/dev/zero', '-o', join(dir.path, 'z.nianbao.json'));
  assert.equal(r.code, 1);
  assert.match(r.out, /不是普通文件/);
  assert.doesNotMatch(r.out, ENGLISH);
  const fifo = join(dir.path, 'pipe');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
  const p = nianbao('import', fifo, '-o', join(dir.path, 'p.nianbao.json'));
  assert.equal(p.code, 1, p.out);
  assert.match(p.out, /不是普通文件/);
  assert.ok(!existsSync(join(dir.path, 'p.nianbao.json')));
});

test('import and validate check the size before reading: 1.5 GB and 2.5 GiB files are refused in Chinese', () => {
  for (const [name, bytes, shown] of [
    ['big.docx', 1.5 * 1024 ** 3, '1.5 GB'],
    ['huge.docx', 2.5 * 1024 ** 3, '2.5 GB'],
  ] as const) {
    const path = sparse(name, bytes);
    const r = nianbao('import', path, '-o', join(dir.path, 'out.nianbao.json'));
    assert.equal(r.code, 1, r.out);
    assert.ok(r.out.includes(shown) && /超过了 20\.0 MB 的上限/.test(r.out), r.out);
    assert.doesNotMatch(r.out, ENGLISH);
    const v = nianbao('validate', path);
    assert.equal(v.code, 2, v.out);
    assert.match(v.out, /超过了 5\.0 MB 的上限/);
    assert.doesNotMatch(v.out, ENGLISH);
  }
});

test('validate: a 27 MB file and deeply nested JSON are refused in Chinese, no stack overflow', () => {
  const big = join(dir.path, 'big.nianbao.json');
  writeFileSync(big, `{"schema":"nianbao.report/1","x":${'['.repeat(13_500_000)}${']'.repeat(13_500_000)}}`);
  const r = nianbao('validate', big);
  assert.equal(r.code, 2, r.out);
  assert.match(r.out, /超过了 5\.0 MB 的上限/);
  assert.doesNotMatch(r.out, ENGLISH);
  const deep = join(dir.path, 'deep.nianbao.json');
  writeFileSync(deep, `{"schema":"nianbao.report/1","x":${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}}`);
  for (const args of [
    ['validate', deep],
    ['export', deep, '-o', join(dir.path, 'deep.docx')],
  ]) {
    const d = nianbao(...args);
    assert.ok(d.code === 1 || d.code === 2, d.out);
    assert.match(d.out, /[\u4e00-\u9fff]/);
    assert.doesNotMatch(d.out, ENGLISH);
  }
});

test('import: a .docx with a character reference beyond Unicode (&#x110000;) gives no English error', async () => {
  const parts = unzipSync(await buildDocx(fullReport({ date: '2026-01-15' })));
  parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml']).replace('总体情况', '总体&#x110000;&#99999999999;情况'));
  const path = join(dir.path, 'codepoint.docx');
  writeFileSync(path, zipSync(parts));
  const r = nianbao('import', path, '-o', join(dir.path, 'codepoint.nianbao.json'));
  assert.ok(r.code === 0 || r.code === 1, r.out);
  assert.doesNotMatch(r.out, ENGLISH);
});

test('a second start on the same data folder prints its Chinese message and no stack trace', async () => {
  const host = await startHost();
  try {
    const second = spawn(projectNode(), [join(repoRoot, 'dist/host.mjs'), '--no-open', '--port', '0', '--data-dir', host.dataDir], { cwd: repoRoot });
    let out = '';
    second.stdout.on('data', (d: Buffer) => (out += d.toString()));
    second.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    assert.equal(code, 1);
    assert.match(out, /^年报编制助手无法启动：数据文件夹.*正在被另一个年报编制助手使用/);
    assert.doesNotMatch(out, ENGLISH);
  } finally {
    await host.stop();
  }
});
