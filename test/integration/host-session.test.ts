// Issue 20, item 2 (port squatting) and item 3 (the token on a command line), against the real
// browser host and a real squatter on its remembered port. The page's protocol code
// (renderer/api/host-session.ts) runs here in Node exactly as in the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { hostApi, pageApi, pageSession, startHost, startSquatter, tempDir } from '../support/index';
import { hostCaller } from '../../renderer/api/host-session';
import { OneTimeCodes } from '../../electron/host/session';
import { readLaunchRecord, writeLaunchRecord } from '../../electron/host/launch-record';

test('the first load exchanges the token for a session; the page then calls the API without the token', async () => {
  const host = await startHost();
  try {
    const first = await pageSession(host.url);
    assert.equal(first.status, 200);
    assert.ok(first.session, 'the page served for the token carries a session');
    assert.ok(!first.html.includes(host.token), 'the token is not in the page');
    // Plain loads (assets, reloads) carry no session.
    assert.equal((await pageSession(`${host.origin}/`)).session, null);
    // Each first load its own session.
    assert.notEqual((await pageSession(host.url)).session?.id, first.session.id);
    // A wrong token: a Chinese page, no session.
    const wrong = await pageSession(`${host.origin}/?token=${'0'.repeat(64)}`);
    assert.equal(wrong.status, 403);
    assert.equal(wrong.session, null);
    assert.match(wrong.html, /访问口令不对[\s\S]*复制/);

    const info = await pageApi(host, first.session, 'appInfo', {});
    assert.equal(info.transport, 'host');
    // A made-up session (no key from the host) is refused, and nothing is done.
    const forged = await hostCaller({ id: first.session.id, key: 'ab'.repeat(32) }, host.origin).call('saveUnit', { name: '假冒镇', kind: 'township' });
    assert.equal(forged.kind, 'impostor', 'the page sees the proof does not match its key and sends nothing');
    assert.equal(await hostApi(host, 'getUnit', {}), null);
  } finally {
    await host.stop();
  }
});

test('a recorded call cannot be played again, and a body sealed under another key is refused', async () => {
  const host = await startHost();
  try {
    const { session } = await pageSession(host.url);
    assert.ok(session);
    const recorded: { url: string; init: RequestInit }[] = [];
    const recording: typeof fetch = (url, init) => {
      recorded.push({ url: String(url), init: init! });
      return fetch(url, init);
    };
    await hostApi(host, 'saveUnit', { name: '永安市小陶镇人民政府', kind: 'township' });
    const outcome = await hostCaller(session, host.origin, recording).call('saveUnit', { name: '第一次', kind: 'township' });
    assert.equal(outcome.kind, 'result');
    const call = recorded.find((r) => r.url.includes('/api/'))!;
    assert.ok(
      !Buffer.from(call.init.body as Uint8Array)
        .toString('latin1')
        .includes('第一次'),
      'the body is sealed',
    );
    await hostApi(host, 'saveUnit', { name: '后来改的名字', kind: 'township' });
    const replay = await fetch(call.url, call.init);
    assert.equal(replay.status, 401, 'the challenge was used');
    assert.match(((await replay.json()) as { error: { message: string } }).error.message, /凭据不对或已过期/);
    assert.equal((await hostApi(host, 'getUnit', {}))?.name, '后来改的名字', 'the replay changed nothing');
    // A fresh challenge, but a body not sealed under the session's key.
    const hello = await fetch(`${host.origin}/auth/hello`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ session: session.id, nonce: 'cd'.repeat(32) }),
    });
    const { challenge } = (await hello.json()) as { challenge: string };
    const forged = await fetch(`${host.origin}/api/saveUnit`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-Nianbao-Session': session.id, 'X-Nianbao-Challenge': challenge },
      body: new Uint8Array(64),
    });
    assert.equal(forged.status, 401);
    assert.equal((await hostApi(host, 'getUnit', {}))?.name, '后来改的名字');
  } finally {
    await host.stop();
  }
});

test('a squatter on the remembered port gets no token, no key and no edit; nothing it answers counts as saved; the restarted host gets the edit', async () => {
  const data = tempDir('nianbao-squat-');
  let host = await startHost({ dataDir: data.path, port: 'remembered' });
  try {
    await hostApi(host, 'saveUnit', { name: '永安市小陶镇人民政府', kind: 'township' });
    const report = await hostApi(host, 'createReport', { year: 2025, formatId: 'gov-2021', basedOnId: null });
    const { session } = await pageSession(host.url);
    assert.ok(session);
    const page = hostCaller(session, host.origin);
    const token = host.token;
    const port = host.port;
    const origin = host.origin;

    // The program is closed; another user's program takes the port.
    await host.stop();
    const squatter = await startSquatter(port);
    const edit = { id: report.id, cells: { 't3.granted.natural_person': 7 }, sections: { problems: '机密修改文本甲乙丙' }, meta: {} };
    let outcomes: string[];
    try {
      outcomes = [];
      for (const method of ['saveEdits', 'getReport', 'appInfo'] as const) {
        const input = method === 'saveEdits' ? edit : method === 'getReport' ? { id: report.id } : {};
        outcomes.push((await page.call(method, input)).kind);
      }
    } finally {
      await squatter.close();
    }
    assert.deepEqual(outcomes, ['impostor', 'impostor', 'impostor'], 'no answer of the squatter is taken as the host’s');
    const received = squatter.received();
    assert.ok(squatter.requests.length >= 3, 'the squatter was asked (and could not prove itself)');
    assert.deepEqual(
      squatter.requests.map((r) => `${r.method} ${r.url}`),
      squatter.requests.map(() => 'POST /auth/hello'),
      'nothing but hellos reached it',
    );
    assert.ok(!received.includes(token), '0 tokens sent to the squatter');
    assert.ok(!received.includes(session.key), 'the session key never travels');
    assert.ok(!received.includes('机密修改文本') && !received.includes(Buffer.from('机密修改文本').toString('latin1')), '0 edits sent to it');
    assert.ok(!received.includes('natural_person'), 'not even a cell key');

    // The real program comes back on the same port with the same secret: the same session works.
    host = await startHost({ dataDir: data.path, port: 'remembered' });
    assert.equal(host.origin, origin);
    const saved = await page.call('saveEdits', edit);
    assert.equal(saved.kind, 'result');
    assert.ok(saved.kind === 'result' && saved.result.ok);
    const doc = (await hostApi(host, 'getReport', { id: report.id })).doc;
    assert.equal(doc.cells['t3.granted.natural_person'], 7);
    assert.equal(doc.sections.problems, '机密修改文本甲乙丙');

    // Started with --new-token, the host cannot prove the old session either: the page sends nothing.
    await host.stop();
    host = await startHost({ dataDir: data.path, port: 'remembered', args: ['--new-token'] });
    assert.equal((await page.call('saveEdits', { ...edit, sections: { problems: '不该保存' } })).kind, 'impostor');
    assert.equal((await hostApi(host, 'getReport', { id: report.id })).doc.sections.problems, '机密修改文本甲乙丙');
  } finally {
    await host.stop();
    data.cleanup();
  }
});

test('the browser is opened on a one-time launch code: no process argument holds the token; a used code gets a Chinese page', async () => {
  const bin = tempDir('nianbao-opener-');
  const argsFile = join(bin.path, 'args.txt');
  // A stand-in for xdg-open/open: records the arguments it was started with, as `ps` would show them.
  for (const name of ['xdg-open', 'open']) {
    const script = join(bin.path, name);
    writeFileSync(script, `#!/bin/sh\ntr '\\0' ' ' < /proc/$$/cmdline >> "${argsFile}"\necho >> "${argsFile}"\n`);
    chmodSync(script, 0o755);
  }
  const host = await startHost({ open: true, env: { PATH: `${bin.path}:${process.env.PATH}` } });
  try {
    let opened = '';
    for (let i = 0; i < 100 && !opened.includes('launch='); i++) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        opened = readFileSync(argsFile, 'utf8');
      } catch {
        opened = '';
      }
    }
    const launchUrl = /http:\/\/127\.0\.0\.1:\d+\/\?launch=[0-9a-f]{64}/.exec(opened)?.[0];
    assert.ok(launchUrl, `the browser was opened on a launch code: ${opened}`);
    assert.ok(!opened.includes(host.token), 'the opener’s arguments do not hold the token');
    const hostArgs = readFileSync(`/proc/${host.pid}/cmdline`, 'utf8');
    assert.ok(!hostArgs.includes(host.token), 'nor do the host’s');
    const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    if (ps.status === 0) assert.ok(!ps.stdout.includes(host.token), 'no process on this machine shows the token to `ps`');

    const first = await pageSession(launchUrl);
    assert.equal(first.status, 200);
    assert.ok(first.session, 'the launch code gives the page its session');
    assert.equal((await pageApi(host, first.session, 'appInfo', {})).transport, 'host');
    const again = await pageSession(launchUrl);
    assert.equal(again.status, 403, 'a launch code is good once');
    assert.equal(again.session, null);
    assert.match(again.html, /<html lang="zh-CN">[\s\S]*已经用过或已过期[\s\S]*年报编制助手已启动/);
    const made = await pageSession(`${host.origin}/?launch=${'1'.repeat(64)}`);
    assert.equal(made.status, 403, 'a code the host never issued is refused');
  } finally {
    await host.stop();
    bin.cleanup();
  }
});

test('a launch code expires after its lifetime, and is good only once within it', () => {
  let now = 1_000;
  const codes = new OneTimeCodes(60_000, 3, () => now);
  const a = codes.issue();
  const b = codes.issue();
  assert.equal(codes.consume(a), true);
  assert.equal(codes.consume(a), false, 'used');
  now += 60_000;
  assert.equal(codes.consume(b), false, 'expired');
  // Bounded: the oldest go when the store is full.
  const c = [codes.issue(), codes.issue(), codes.issue(), codes.issue()];
  assert.equal(codes.consume(c[0]), false);
  assert.equal(codes.consume(c[3]), true);
});

test('the launch record (port and token) is 0600 whatever the umask, also when it replaces a readable file', () => {
  const data = tempDir('nianbao-record-');
  const old = process.umask(0);
  try {
    const path = join(data.path, 'browser-host.json');
    writeFileSync(path, '{}', { mode: 0o666 });
    assert.equal(writeLaunchRecord(data.path, { port: 4321, token: 'ab'.repeat(32) }), true);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.deepEqual(readLaunchRecord(data.path), { port: 4321, token: 'ab'.repeat(32) });
  } finally {
    process.umask(old);
    data.cleanup();
  }
});
