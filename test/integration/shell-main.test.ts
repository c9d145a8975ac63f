// The built Electron main process (dist/shell/main.cjs) run under Node with a stand-in for the
// 'electron' module, because the Electron runtime cannot be downloaded here. The stand-in only
// records what main.cjs asks of Electron and lets the test play the roles of Electron (ready,
// IPC events, protocol requests, navigation, dialogs); everything else is real: the store is a
// real SQLite file, files are really written, the renderer files are the real build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { API_METHODS } from '../../shared/api';
import { repoRoot, tempDir } from '../support';
import type { TempDir } from '../support';

import { fakeElectron, FakeBrowserWindow, loadMain, MAIN_FRAME, mainBuilt, state, trusted } from '../support/fake-electron';
import type { FakeContents } from '../support/fake-electron';

let dir: TempDir;

before(async () => {
  if (!mainBuilt) return;
  dir = tempDir('shell-main');
  await loadMain(dir.path);
});

after(() => {
  if (!mainBuilt) return;
  for (const fn of state.appEvents.get('will-quit') ?? []) fn();
  dir.cleanup();
});

const opts = { skip: !mainBuilt && 'run node build/build.mjs first' };

test('one window, sandboxed, isolated, no Node, loading app://nianbao/', opts, () => {
  assert.equal(state.errorBox, null);
  assert.equal(state.windows.length, 1);
  const w = state.windows[0];
  const p = w.options.webPreferences;
  assert.equal(p.contextIsolation, true);
  assert.equal(p.sandbox, true);
  assert.equal(p.nodeIntegration, false);
  assert.equal(p.nodeIntegrationInSubFrames, false);
  assert.equal(p.webviewTag, false);
  assert.equal(p.webSecurity, true);
  assert.equal(p.nodeIntegrationInWorker, false);
  assert.equal(p.allowRunningInsecureContent, false);
  assert.ok(existsSync(p.preload), 'the preload file exists');
  assert.equal(w.loadedUrl, 'app://nianbao/index.html');
  assert.equal(state.sandboxForced, true);
  assert.deepEqual(
    state.schemes.map((s) => s.scheme),
    ['app'],
  );
  assert.equal(state.schemes[0].privileges.standard, true);
  assert.equal(state.schemes[0].privileges.secure, true);
  assert.equal(state.paths.userData, join(dir.path, 'session'), "Chromium's profile in a subfolder of the data folder from --data-dir");
  assert.ok(existsSync(join(dir.path, 'nianbao.sqlite')));
});

test('one IPC channel per API method plus the two dialogs, and nothing else', opts, () => {
  assert.deepEqual(
    [...state.ipc.keys()].sort(),
    [...API_METHODS.map((m) => `api:${m}`), 'platform:copyText', 'platform:openFile', 'platform:printToPdf', 'platform:saveFile'].sort(),
  );
});

test('IPC from our main frame reaches the real API; any other sender is refused', async (t) => {
  if (!mainBuilt) return t.skip('run node build/build.mjs first');
  const info = await state.ipc.get('api:appInfo')!(trusted, {});
  assert.equal(info.ok, true);
  assert.equal(info.value.transport, 'electron');
  const saved = await state.ipc.get('api:saveUnit')!(trusted, { name: '桌面测试镇人民政府', kind: 'township' });
  assert.equal(saved.ok, true);
  const created = await state.ipc.get('api:createReport')!(trusted, { year: 2025, formatId: 'gov-2021' });
  assert.equal(created.ok, true);
  assert.equal(created.value.doc.title, '桌面测试镇人民政府2025年政府信息公开工作年度报告');
  const invalid = await state.ipc.get('api:createReport')!(trusted, { year: 'x' });
  assert.equal(invalid.error.code, 'invalid_input');

  for (const senderFrame of [
    null,
    { url: 'https://evil.example/', parent: null },
    { url: 'app://nianbao/index.html', parent: MAIN_FRAME },
    { url: 'file:///index.html', parent: null },
  ]) {
    // Every API channel, not just one: a handler registered without the check fails here.
    for (const method of API_METHODS) {
      const r = await state.ipc.get(`api:${method}`)!({ senderFrame, sender: {} }, {});
      assert.equal(r.ok, false, `${method} from ${JSON.stringify(senderFrame)}`);
      assert.match(r.error.message, /拒绝访问/);
    }
    await assert.rejects(state.ipc.get('platform:saveFile')!({ senderFrame, sender: {} }, 'a.docx', 'AA==', []), /拒绝访问/);
    await assert.rejects(state.ipc.get('platform:openFile')!({ senderFrame, sender: {} }, []), /拒绝访问/);
    await assert.rejects(state.ipc.get('platform:printToPdf')!({ senderFrame, sender: {} }, 'a.pdf', '<!DOCTYPE html><p>x'), /拒绝访问/);
  }
});

test('IPC payloads are validated strictly: unknown keys, including __proto__, are refused and nothing is stored', async (t) => {
  if (!mainBuilt) return t.skip('run node build/build.mjs first');
  const before = await state.ipc.get('api:getUnit')!(trusted, {});
  for (const input of [
    JSON.parse('{"name": "改名镇人民政府", "kind": "township", "__proto__": {"admin": true}}'),
    { name: '改名镇人民政府', kind: 'township', constructor: 1 },
    { name: '改名镇人民政府', kind: 'township', extra: '多余' },
  ]) {
    const r = await state.ipc.get('api:saveUnit')!(trusted, input);
    assert.equal(r.ok, false);
    assert.match(r.error.message, /不允许的名称|不认识的项/);
  }
  assert.deepEqual(await state.ipc.get('api:getUnit')!(trusted, {}), before);
});

test('IPC calls are capped as the browser host caps its requests: 4 MB for an edit, 30 MB for a file; nothing stored', async (t) => {
  if (!mainBuilt) return t.skip('run node build/build.mjs first');
  const created = await state.ipc.get('api:createReport')!(trusted, { year: 2024, formatId: 'gov-2021' });
  assert.equal(created.ok, true, JSON.stringify(created));
  const id = created.value.id;
  const read = async () => (await state.ipc.get('api:getReport')!(trusted, { id })).value.doc.sections.overview ?? '';
  const before = await read();
  // 2.1 M characters of Chinese: 6.3 MB as the host's JSON would carry it.
  const big = await state.ipc.get('api:setSection')!(trusted, { id, key: 'overview', text: '公开'.repeat(1_050_000) });
  assert.equal(big.ok, false);
  assert.equal(big.error.code, 'invalid_input');
  assert.match(big.error.message, /超过 4 MB/);
  assert.equal(await read(), before, 'nothing stored');
  // An input that JSON cannot say (a cycle, as structured clone can carry) is refused, not crashed on.
  const cyclic: Record<string, unknown> = { id, key: 'overview' };
  cyclic.text = cyclic;
  const odd = await state.ipc.get('api:setSection')!(trusted, cyclic);
  assert.equal(odd.ok, false);
  assert.match(odd.error.message, /无法读取/);
  // A file call has the larger allowance: a 5 MB upload is read (and refused for what it is, not its size).
  const upload = await state.ipc.get('api:importPreview')!(trusted, { fileName: 'x.txt', base64: Buffer.alloc(5 << 20, 0x41).toString('base64') });
  assert.doesNotMatch(JSON.stringify(upload), /超过 4 MB|超过 30 MB/);
  const removed = await state.ipc.get('api:deleteReport')!(trusted, { id });
  assert.equal(removed.ok, true, JSON.stringify(removed));
});

test('crash reports stay on this machine; errors and crashes of the page go to the log file', async (t) => {
  if (!mainBuilt) return t.skip('run node build/build.mjs first');
  assert.equal(state.crashReporter?.uploadToServer, false, 'crashReporter.start with uploads off');
  assert.equal(state.paths.crashDumps, join(dir.path, 'crashes'), 'dumps in the data folder');
  for (const fn of state.appEvents.get('render-process-gone') ?? []) fn({}, {}, { reason: 'crashed', exitCode: 139 });
  // A failed save is logged as well as reported to the page.
  state.nextSave = { canceled: false, filePath: join(dir.path, 'no-such-folder', 'x.docx') };
  await assert.rejects(state.ipc.get('platform:saveFile')!(trusted, 'x.docx', 'AA==', []), /无法写入“x.docx”：文件夹 .* 不存在/);
  const log = readFileSync(join(dir.path, 'logs', 'nianbao.log'), 'utf8');
  assert.match(log, /INFO \[shell\] 已启动/);
  assert.match(log, /ERROR \[shell\] 页面进程意外结束（crashed，退出码 139）/);
  assert.match(log, /WARN \[shell\] 保存文件失败/);
  const diagnostics = await state.ipc.get('api:exportDiagnostics')!(trusted, {});
  assert.ok(diagnostics.ok);
  assert.match(diagnostics.value.content, /页面进程意外结束/);
});

test('app:// serves the built renderer with the CSP and refuses paths outside it', async (t) => {
  if (!mainBuilt) return t.skip('run node build/build.mjs first');
  const handler = state.protocolHandler!;
  assert.equal(handler.scheme, 'app');
  const index = await handler.fn({ url: 'app://nianbao/index.html' });
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(index.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(await index.text(), readFileSync(join(repoRoot, 'dist/renderer/index.html'), 'utf8'));
  assert.equal((await handler.fn({ url: 'app://nianbao/' })).status, 200);
  for (const url of [
    'app://nianbao/..%2f..%2fpackage.json',
    'app://nianbao/..%5c..%5cpackage.json',
    'app://nianbao/%2e%2e%2fshell%2fmain.cjs',
    'app://nianbao/a%00b',
  ]) {
    const r = await handler.fn({ url });
    assert.equal(r.status, 400, url);
  }
  assert.equal((await handler.fn({ url: 'app://other/index.html' })).status, 404);
  assert.equal((await handler.fn({ url: 'app://nianbao/missing.js' })).status, 404);
});

test('navigation, new windows, webviews, permissions and network requests are denied', opts, () => {
  const c: FakeContents = state.windows[0].webContents;
  const navigate = (event: string, url: string) => {
    let prevented = false;
    for (const fn of c.events.get(event) ?? []) fn({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  assert.equal(navigate('will-navigate', 'https://evil.example/'), true);
  assert.equal(navigate('will-navigate', 'file:///etc/passwd'), true);
  assert.equal(navigate('will-redirect', 'http://127.0.0.1:8080/'), true);
  assert.equal(navigate('will-navigate', 'app://nianbao/index.html#x'), false);
  assert.equal(navigate('will-attach-webview', 'app://nianbao/'), true);
  assert.deepEqual(c.windowOpenHandler!({ url: 'https://example.com' }), { action: 'deny' });
  assert.deepEqual(c.windowOpenHandler!({ url: 'app://nianbao/index.html' }), { action: 'deny' });
  let granted: boolean | null = null;
  state.permissionRequest!({}, 'media', (g: boolean) => (granted = g));
  assert.equal(granted, false);
  assert.equal(state.permissionCheck!({}, 'clipboard-read'), false);
  // The one permission granted: the local font list, for the 导出 step's 公文 fonts check.
  state.permissionRequest!({}, 'local-fonts', (g: boolean) => (granted = g));
  assert.equal(granted, true);
  assert.equal(state.permissionCheck!({}, 'local-fonts'), true);
  assert.ok(state.beforeRequest!.filter.urls.includes('https://*/*'));
  let cancelled: unknown = null;
  state.beforeRequest!.fn({ url: 'https://example.com' }, (r: unknown) => (cancelled = r));
  assert.deepEqual(cancelled, { cancel: true });
});

test('saveFile: a cancelled dialog saves nothing; a chosen path gets the whole file, written atomically', async (t) => {
  if (!mainBuilt) return t.skip('run node build/build.mjs first');
  const bytes = Buffer.from('PK\u0003\u0004 报告内容'.repeat(1000));
  state.nextSave = { canceled: true, filePath: join(dir.path, 'never.docx') };
  assert.deepEqual(await state.ipc.get('platform:saveFile')!(trusted, '报告.docx', bytes.toString('base64'), [{ name: 'Word 文档', extensions: ['docx'] }]), {
    saved: false,
  });
  assert.equal(existsSync(join(dir.path, 'never.docx')), false);
  const target = join(dir.path, '报告.docx');
  writeFileSync(target, 'an older file');
  state.nextSave = { canceled: false, filePath: target };
  assert.deepEqual(await state.ipc.get('platform:saveFile')!(trusted, '报告.docx', bytes.toString('base64'), [{ name: 'Word 文档', extensions: ['docx'] }]), {
    saved: true,
    path: target,
  });
  assert.ok(readFileSync(target).equals(bytes));
  assert.deepEqual(
    readdirSync(dir.path).filter((f) => f.endsWith('.tmp')),
    [],
    'no temp file left',
  );
  state.nextSave = { canceled: false, filePath: join(dir.path, 'no-such-folder', 'x.docx') };
  await assert.rejects(state.ipc.get('platform:saveFile')!(trusted, 'x.docx', 'AA==', []), /无法写入“x.docx”：文件夹 .* 不存在/);
  await assert.rejects(state.ipc.get('platform:saveFile')!(trusted, 'x.docx', 42, []), /不完整/);
});

test('printToPdf: the print HTML in a hidden window without script, PDF saved through the dialog; bad payloads refused', async (t) => {
  if (!mainBuilt) return t.skip('run node build/build.mjs first');
  const html = '<!DOCTYPE html><html><body><p>报告</p></body></html>';
  const before = state.windows.length;
  state.nextSave = { canceled: false, filePath: join(dir.path, '报告.pdf') };
  assert.deepEqual(await state.ipc.get('platform:printToPdf')!(trusted, '报告.pdf', html), { saved: true, path: join(dir.path, '报告.pdf') });
  assert.equal(readFileSync(join(dir.path, '报告.pdf'), 'utf8'), '%PDF-1.7 fake');
  const printer = state.windows[before] as FakeBrowserWindow;
  assert.equal(printer.options.show, false);
  assert.equal(printer.options.webPreferences.javascript, false);
  assert.equal(printer.options.webPreferences.sandbox, true);
  assert.equal(printer.options.webPreferences.preload, undefined);
  // Loaded from app://, not a data: URL (Chromium caps URLs near 2 MiB); gone once printed.
  assert.match(printer.loadedUrl, /^app:\/\/nianbao\/__print\/[0-9a-f-]{36}\.html$/);
  assert.equal(state.printedPages.at(-1), html, 'the print window showed the whole HTML');
  assert.equal((await state.protocolHandler!.fn({ url: printer.loadedUrl })).status, 404, 'the print page is served only while printing');
  assert.equal(printer.destroyed, true);
  assert.deepEqual(state.printed.at(-1), { pageSize: 'A4', printBackground: true, preferCSSPageSize: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  await assert.rejects(state.ipc.get('platform:printToPdf')!(trusted, '报告.exe', html), /不完整/);
  await assert.rejects(state.ipc.get('platform:printToPdf')!(trusted, '报告.pdf', 'https://evil.example/'), /不完整/);
  await assert.rejects(state.ipc.get('platform:printToPdf')!(trusted, '报告.pdf', 42), /不完整/);
  state.nextSave = { canceled: true, filePath: '' };
  assert.deepEqual(await state.ipc.get('platform:printToPdf')!(trusted, '报告.pdf', html), { saved: false });
});

test('openFile: cancel gives null; a file over 20 MB is refused; otherwise its bytes', async (t) => {
  if (!mainBuilt) return t.skip('run node build/build.mjs first');
  state.nextOpen = { canceled: true, filePaths: [] };
  assert.equal(await state.ipc.get('platform:openFile')!(trusted, [{ name: '报告', extensions: ['docx'] }]), null);
  const small = join(dir.path, '上年报告.docx');
  writeFileSync(small, 'hello');
  state.nextOpen = { canceled: false, filePaths: [small] };
  assert.deepEqual(await state.ipc.get('platform:openFile')!(trusted, []), { fileName: '上年报告.docx', base64: Buffer.from('hello').toString('base64') });
  const big = join(dir.path, 'big.docx');
  writeFileSync(big, Buffer.alloc(20 * 1024 * 1024 + 1));
  state.nextOpen = { canceled: false, filePaths: [big] };
  await assert.rejects(state.ipc.get('platform:openFile')!(trusted, []), /超过 20 MB/);
});

test('the preload exposes window.nianbao with named functions only, each invoking its own channel', async (t) => {
  if (!mainBuilt) return t.skip('run node build/build.mjs first');
  createRequire(import.meta.url)(join(repoRoot, 'dist/shell/preload.cjs'));
  assert.equal(state.exposed.length, 1);
  const { key, value } = state.exposed[0];
  assert.equal(key, 'nianbao');
  assert.deepEqual(Object.keys(value).sort(), ['api', 'copyText', 'openFile', 'printToPdf', 'saveFile']);
  assert.deepEqual(Object.keys(value.api).sort(), [...API_METHODS].sort());
  // Nothing but functions is reachable: no ipcRenderer, no objects with their own methods.
  for (const fn of [...Object.values(value.api), value.saveFile, value.openFile, value.printToPdf, value.copyText]) assert.equal(typeof fn, 'function');
  assert.notEqual(value.api, fakeElectron.ipcRenderer);
  await value.api.setCells({ id: 1, cells: { 't3.granted.natural_person': 2 } });
  await value.saveFile('a.docx', 'AA==', []);
  await value.openFile([{ name: 'x', extensions: ['docx'] }]);
  assert.deepEqual(state.invoked, [
    { channel: 'api:setCells', args: [{ id: 1, cells: { 't3.granted.natural_person': 2 } }] },
    { channel: 'platform:saveFile', args: ['a.docx', 'AA==', []] },
    { channel: 'platform:openFile', args: [[{ name: 'x', extensions: ['docx'] }]] },
  ]);
});

test('a second desktop window on the same data folder hands over to the first and quits before touching the data', async (t) => {
  if (!mainBuilt) return t.skip('run node build/build.mjs first');
  // In a child process, with an Electron stand-in whose single-instance lock is already taken.
  const other = tempDir('shell-second');
  try {
    const fake = join(other.path, 'fake-electron.cjs');
    writeFileSync(
      fake,
      `const calls = [];
       process.on('exit', () => console.log(JSON.stringify(calls)));
       const noop = () => {};
       module.exports = {
         app: { setPath: noop, getPath: () => ${JSON.stringify(other.path)}, enableSandbox: noop, requestSingleInstanceLock: () => false,
                on: (e) => calls.push('on:' + e), whenReady: () => { calls.push('whenReady'); return new Promise(noop); }, quit: () => calls.push('quit') },
         protocol: { registerSchemesAsPrivileged: noop, handle: noop },
         crashReporter: { start: noop },
         ipcMain: { handle: (c) => calls.push('ipc:' + c) },
         dialog: {}, session: {}, BrowserWindow: function () { calls.push('window'); },
       };`,
    );
    const loader = join(other.path, 'loader.cjs');
    writeFileSync(
      loader,
      `const M = require('node:module'); const r = M._resolveFilename; M._resolveFilename = function (q, ...a) { return q === 'electron' ? ${JSON.stringify(fake)} : r.call(this, q, ...a); };`,
    );
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, ['--require', loader, join(repoRoot, 'dist/shell/main.cjs'), '--data-dir', join(other.path, 'data')], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    const calls: string[] = JSON.parse(run.stdout.trim().split('\n').pop() ?? '[]');
    assert.ok(calls.includes('quit'), run.stdout + run.stderr);
    assert.ok(!calls.includes('whenReady') && !calls.includes('window') && !calls.some((c) => c.startsWith('ipc:')), calls.join(' '));
    assert.equal(existsSync(join(other.path, 'data', 'nianbao.sqlite')), false, 'the data was not opened');
  } finally {
    other.cleanup();
  }
});
