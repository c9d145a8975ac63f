// The desktop shell's security logic that can run without Electron: which URLs and frames are
// trusted, the app:// path guard, the CSP, atomic file writes, the data folder, and the shape of
// the preload bridge. The window and its handlers are exercised in test/integration/shell-main.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { isAllowedNavigation, isTrustedAppUrl, isTrustedSender, APP_ENTRY_URL } from '../../electron/shell/trusted-url';
import { CONTENT_SECURITY_POLICY, mimeType, resolveInside } from '../../electron/core/safe-path';
import { writeFileAtomic } from '../../electron/core/atomic-write';
import { defaultDataDir, resolveDataDir } from '../../electron/core/paths';
import type { PreloadBridge } from '../../electron/shell/preload';
import type { DesktopBridge } from '../../renderer/api/client';
import { repoRoot, tempDir } from '../support';

// Compile-time: the preload exposes exactly what the page expects (tsc fails otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const bridgeMatches: Same<PreloadBridge, DesktopBridge> = true;

test('the preload bridge has the DesktopBridge shape', () => {
  assert.equal(bridgeMatches, true);
});

test('only app://nianbao/… is a trusted URL', () => {
  for (const url of [APP_ENTRY_URL, 'app://nianbao/', 'app://nianbao/assets/index-abc.js', 'app://nianbao/index.html?x=1#top']) {
    assert.equal(isTrustedAppUrl(url), true, url);
  }
  for (const url of [
    'app://evil/index.html',
    'app://nianbao.evil.example/',
    'app://evilnianbao/',
    'app://user:pw@nianbao/',
    'app://nianbao@evil/',
    'app://nianbao:8080/',
    'http://nianbao/',
    'https://nianbao/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'http://127.0.0.1:3000/',
    '',
    'not a url',
  ]) {
    assert.equal(isTrustedAppUrl(url), false, url);
    assert.equal(isAllowedNavigation(url), false, url);
  }
  assert.equal(isTrustedAppUrl(null), false);
  assert.equal(isTrustedAppUrl(undefined), false);
});

test('IPC is answered only for the main frame of our page', () => {
  assert.equal(isTrustedSender({ url: APP_ENTRY_URL, parent: null }), true);
  assert.equal(isTrustedSender({ url: APP_ENTRY_URL, parent: { url: APP_ENTRY_URL } }), false, 'a subframe');
  assert.equal(isTrustedSender({ url: 'https://evil.example/', parent: null }), false);
  assert.equal(isTrustedSender({ url: '', parent: null }), false, 'a frame that navigated away or is being torn down');
  assert.equal(isTrustedSender(null), false, 'a destroyed frame');
  assert.equal(isTrustedSender(undefined), false);
});

test('the path guard keeps every request inside the renderer folder', () => {
  const root = join(repoRoot, 'dist', 'renderer');
  assert.equal(resolveInside(root, '/index.html'), join(root, 'index.html'));
  assert.equal(resolveInside(root, '/assets/index-x1.js'), join(root, 'assets', 'index-x1.js'));
  assert.equal(resolveInside(root, '/assets/%E5%9B%BE.png'), join(root, 'assets', '图.png'));
  assert.equal(resolveInside(root, '/./assets//a.js'), join(root, 'assets', 'a.js'));
  for (const bad of [
    '/../package.json',
    '/assets/../../package.json',
    '/..',
    '/%2e%2e/package.json',
    '/%2E%2E%2Fpackage.json',
    '/..%2f..%2fetc/passwd',
    '/..\\package.json',
    '/%5c..%5cpackage.json',
    '/a%00.html',
    '/C:/Windows/win.ini',
    '/c:%5cWindows',
    '/%E0%A4%A',
  ]) {
    assert.equal(resolveInside(root, bad), null, bad);
  }
  assert.equal(resolveInside(root, '/'), null, 'the folder itself is not a file');
  // Whatever comes back is inside the root.
  for (const p of ['/a/b/c', '/x..y/z', '/...', '/a/./b']) {
    const r = resolveInside(root, p);
    assert.ok(r && r.startsWith(root + sep), p);
  }
});

test('files get their MIME types; unknown files are served as octet-stream', () => {
  assert.match(mimeType('a/index.html'), /^text\/html/);
  assert.match(mimeType('a/x.JS'), /^text\/javascript/);
  assert.match(mimeType('a/x.css'), /^text\/css/);
  assert.equal(mimeType('a/x.woff2'), 'font/woff2');
  assert.equal(mimeType('a/x.svg'), 'image/svg+xml');
  assert.equal(mimeType('a/x.exe'), 'application/octet-stream');
  assert.equal(mimeType('a/noext'), 'application/octet-stream');
});

test('the CSP allows only our own scripts and no plugins, frames or base changes', () => {
  const directives = Object.fromEntries(
    CONTENT_SECURITY_POLICY.split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v]),
  );
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.equal(directives['script-src'], undefined, 'scripts fall back to default-src self');
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['frame-ancestors'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.ok(!CONTENT_SECURITY_POLICY.includes('unsafe-eval'));
});

test('writeFileAtomic writes the whole file under the real name and leaves no temp file', async () => {
  const dir = tempDir('atomic');
  try {
    const target = join(dir.path, '报告.docx');
    writeFileSync(target, 'old');
    const data = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    await writeFileAtomic(target, data);
    assert.ok(readFileSync(target).equals(Buffer.from(data)));
    assert.deepEqual(readdirSync(dir.path), ['报告.docx']);
    await assert.rejects(writeFileAtomic(join(dir.path, 'missing', 'x.docx'), data));
    mkdirSync(join(dir.path, 'adir'));
    await assert.rejects(writeFileAtomic(join(dir.path, 'adir'), data), 'cannot replace a folder');
    assert.deepEqual(readdirSync(dir.path).sort(), ['adir', '报告.docx'], 'a failed write leaves no temp file');
  } finally {
    dir.cleanup();
  }
});

test('the data folder: --data-dir, then NIANBAO_DATA_DIR, then the per-user folder', () => {
  assert.equal(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a'), join('C:\\Users\\a\\AppData\\Roaming', 'nianbao'));
  assert.equal(defaultDataDir('darwin', {}, '/Users/a'), '/Users/a/Library/Application Support/nianbao');
  assert.equal(defaultDataDir('linux', {}, '/home/a'), '/home/a/.config/nianbao');
  assert.equal(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/a'), '/xdg/nianbao');
  assert.equal(
    defaultDataDir('linux', { XDG_CONFIG_HOME: 'relative' }, '/home/a'),
    '/home/a/.config/nianbao',
    'a relative XDG path is ignored, as the spec says',
  );
  assert.equal(resolveDataDir(['--data-dir', '/d1'], { NIANBAO_DATA_DIR: '/d2' }, 'linux'), '/d1');
  assert.equal(resolveDataDir(['--data-dir=/d3'], {}, 'linux'), '/d3');
  assert.equal(resolveDataDir(['--port', '0'], { NIANBAO_DATA_DIR: '/d2' }, 'linux'), '/d2');
  assert.equal(resolveDataDir([], { XDG_CONFIG_HOME: '/xdg' }, 'linux'), '/xdg/nianbao');
});

// The window's options, every IPC handler's sender check, navigation, permissions and the
// app:// guard are tested by what they do, in test/integration/shell-main.test.ts.

test(
  'the built preload is one CommonJS file that requires only electron',
  { skip: !existsSync(join(repoRoot, 'dist/shell/preload.cjs')) && 'run node build/build.mjs first' },
  () => {
    const preload = readFileSync(join(repoRoot, 'dist/shell/preload.cjs'), 'utf8');
    const required = new Set([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['electron']);
    assert.match(preload, /exposeInMainWorld\("nianbao"/);
  },
);
