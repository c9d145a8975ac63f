// The browser host as started by `npm start`, probed from outside: token, Host and Origin checks,
// loopback-only binding, static path traversal, security headers, body limits, clean shutdown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startHost } from '../support';
import type { RunningHost } from '../support';

let host: RunningHost;

before(async () => {
  host = await startHost();
});
after(async () => {
  await host?.stop();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: the path and Host header go out exactly as given (fetch would normalise them). */
function raw(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; address?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.address ?? '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers },
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(method: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': host.token, ...headers },
    body: JSON.stringify(body),
  });
}

test('the start line carries a 256-bit token and is printed once', () => {
  assert.match(host.token, /^[0-9a-f]{64}$/);
  assert.equal(host.output().split('年报编制助手已启动').length - 1, 1);
  assert.equal(host.url, `http://127.0.0.1:${host.port}/?token=${host.token}`);
});

test('with the right token the API answers', async () => {
  const r = await api('appInfo', {});
  assert.equal(r.status, 200);
  const body = JSON.parse(r.body);
  assert.equal(body.ok, true);
  assert.equal(body.value.transport, 'host');
  assert.equal(body.value.dataDir, host.dataDir);
  assert.equal(r.headers['cache-control'], 'no-store');
});

test('no token or a wrong token → 401 with a Chinese message, and nothing is done', async () => {
  const unit = { name: '不该保存的镇人民政府', kind: 'township' };
  for (const headers of [
    { 'X-Nianbao-Token': '' },
    { 'X-Nianbao-Token': 'wrong' },
    { 'X-Nianbao-Token': host.token.slice(0, -1) + (host.token.endsWith('0') ? '1' : '0') },
    { 'X-Nianbao-Token': host.token + '0' },
  ]) {
    const r = await api('saveUnit', unit, headers);
    assert.equal(r.status, 401, JSON.stringify(headers));
    const body = JSON.parse(r.body);
    assert.equal(body.ok, false);
    assert.match(body.error.message, /访问口令/);
  }
  // Without the header at all
  const r = await raw({ method: 'POST', path: '/api/saveUnit', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(unit) });
  assert.equal(r.status, 401);
  // The token in the query string is not accepted as a substitute for the header.
  const q = await raw({
    method: 'POST',
    path: `/api/saveUnit?token=${host.token}`,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(unit),
  });
  assert.equal(q.status, 401);
  const unitNow = JSON.parse((await api('getUnit', {})).body);
  assert.equal(unitNow.value, null, 'no unit was saved');
});

test('a foreign Host header (DNS rebinding) → 403, for the API and the page', async () => {
  for (const h of [
    'evil.example',
    `evil.example:${host.port}`,
    `127.0.0.1:${host.port + 1}`,
    `127.0.0.2:${host.port}`,
    `[::1]:${host.port}`,
    `0.0.0.0:${host.port}`,
    '',
  ]) {
    const a = await api('appInfo', {}, { Host: h });
    assert.equal(a.status, 403, `API with Host ${h}`);
    const p = await raw({ path: '/', headers: { Host: h } });
    assert.equal(p.status, 403, `page with Host ${h}`);
  }
  assert.equal((await api('appInfo', {}, { Host: `localhost:${host.port}` })).status, 200);
});

test('an Origin other than the host itself → 403', async () => {
  for (const o of [
    'http://evil.example',
    `http://127.0.0.1:${host.port + 1}`,
    `https://127.0.0.1:${host.port}`,
    'null',
    `http://127.0.0.1:${host.port}.evil.example`,
  ]) {
    const r = await api('appInfo', {}, { Origin: o });
    assert.equal(r.status, 403, `Origin ${o}`);
    assert.match(JSON.parse(r.body).error.message, /其他网页/);
  }
  assert.equal((await api('appInfo', {}, { Origin: host.origin })).status, 200);
});

test('the server listens on 127.0.0.1 only', async () => {
  const tryConnect = (address: string) =>
    new Promise<boolean>((resolve) => {
      const s = connect({ host: address, port: host.port, timeout: 2000 });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
      s.once('timeout', () => {
        s.destroy();
        resolve(false);
      });
    });
  assert.equal(await tryConnect('127.0.0.1'), true);
  const others = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && !(i.family === 'IPv4' && i.address === '127.0.0.1'))
    .map((i) => (i!.family === 'IPv6' ? i!.address.split('%')[0] : i!.address))
    .filter((a) => !a.startsWith('fe80'));
  for (const address of others) assert.equal(await tryConnect(address), false, `reachable on ${address}`);
  // ::1 is another loopback address but not the one the host binds.
  assert.equal(await tryConnect('::1'), false);
  console.log(`checked ${others.length} other local address(es): ${others.join(', ')}`);
});

test('the page is served with the CSP and nosniff; paths outside dist/renderer are refused', async () => {
  const page = await raw({ path: '/' });
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-type']), /^text\/html/);
  const csp = String(page.headers['content-security-policy']);
  for (const directive of [
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ]) {
    assert.ok(csp.includes(directive), `CSP has ${directive}`);
  }
  assert.doesNotMatch(csp, /script-src[^;]*unsafe/);
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  assert.equal(page.headers['referrer-policy'], 'no-referrer');
  const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(page.body);
  assert.ok(script, 'index.html references its script');
  const js = await raw({ path: `/${script[1]}` });
  assert.equal(js.status, 200);
  assert.match(String(js.headers['content-type']), /^text\/javascript/);
  assert.ok(js.headers['content-security-policy']);

  for (const path of [
    '/../host.mjs',
    '/..%2fhost.mjs',
    '/%2e%2e/host.mjs',
    '/%2e%2e%2fhost.mjs',
    '/assets/../../host.mjs',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/..\\host.mjs',
    '/%2e%2e%5chost.mjs',
    '/%00',
    '//etc/passwd',
    '/C:/Windows/win.ini',
    '/%E0%A4%A',
  ]) {
    const r = await raw({ path });
    assert.ok(r.status === 400 || r.status === 404, `${path} → ${r.status}`);
    assert.doesNotMatch(r.body, /import |createRequire|"name": "nianbao"|root:/, `${path} leaked a file`);
    assert.ok(r.headers['content-security-policy'], 'errors carry the CSP too');
  }
  assert.equal((await raw({ path: '/no-such-file.js' })).status, 404);
});

test('API requests: only POST with JSON, a size limit, malformed JSON refused', async () => {
  assert.equal((await raw({ path: '/api/appInfo', headers: { 'X-Nianbao-Token': host.token } })).status, 405);
  assert.equal((await raw({ method: 'PUT', path: '/index.html' })).status, 405);
  const form = await raw({ method: 'POST', path: '/api/appInfo', headers: { 'X-Nianbao-Token': host.token, 'Content-Type': 'text/plain' }, body: '{}' });
  assert.equal(form.status, 415);
  const bad = await raw({
    method: 'POST',
    path: '/api/saveUnit',
    headers: { 'X-Nianbao-Token': host.token, 'Content-Type': 'application/json' },
    body: '{"name": ',
  });
  assert.equal(bad.status, 400);
  assert.equal(JSON.parse(bad.body).error.code, 'invalid_input');
  const huge = await raw({
    method: 'POST',
    path: '/api/importPreview',
    headers: { 'X-Nianbao-Token': host.token, 'Content-Type': 'application/json' },
    body: Buffer.alloc(31 * 1024 * 1024, 0x20),
  });
  assert.equal(huge.status, 413);
  assert.match(JSON.parse(huge.body).error.message, /太大/);
  const unknown = JSON.parse((await api('dropTables', {})).body);
  assert.equal(unknown.ok, false);
  assert.equal(unknown.error.code, 'unsupported');
});

test('each launch has its own token, and a token from another launch is refused', async () => {
  const second = await startHost();
  try {
    assert.notEqual(second.token, host.token);
    const r = await fetch(`${second.origin}/api/appInfo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': host.token },
      body: '{}',
    });
    assert.equal(r.status, 401, "another launch's token is refused");
    const ok = await fetch(`${second.origin}/api/saveUnit`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': second.token },
      body: JSON.stringify({ name: '关闭测试镇人民政府', kind: 'township' }),
    });
    assert.equal((await ok.json()).ok, true);
  } finally {
    await second.stop();
  }
  assert.equal(existsSync(join(second.dataDir)), false, 'startHost removed its own temp data dir');
});

test('a graceful stop leaves no WAL behind', async () => {
  const { tempDir } = await import('../support');
  const dir = tempDir('host-stop');
  try {
    const h = await startHost({ dataDir: dir.path });
    await fetch(`${h.origin}/api/saveUnit`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': h.token },
      body: JSON.stringify({ name: '关闭测试镇人民政府', kind: 'township' }),
    });
    assert.ok(existsSync(join(dir.path, 'nianbao.sqlite-wal')), 'WAL in use while running');
    await h.stop();
    assert.ok(existsSync(join(dir.path, 'nianbao.sqlite')));
    assert.equal(existsSync(join(dir.path, 'nianbao.sqlite-wal')), false, 'the database was closed (WAL checkpointed and removed)');
  } finally {
    dir.cleanup();
  }
});
