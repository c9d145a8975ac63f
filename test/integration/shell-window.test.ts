// The desktop window's own surfaces a clerk meets first (issue 25): the Chinese menus, right-click
// editing, the page shown when the page process dies, copying through Electron's clipboard.
// Run on the built main process with the stand-in 'electron' (test/support/fake-electron.ts): it
// proves the wiring, not Electron itself (docs/security.md lists what is proven only by reading).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support';
import type { TempDir } from '../support';
import { loadMain, mainBuilt, MAIN_FRAME, state } from '../support/fake-electron';
import type { FakeBrowserWindow } from '../support/fake-electron';

let dir: TempDir;
const opts = { skip: !mainBuilt && 'run node build/build.mjs first' };

before(async () => {
  if (!mainBuilt) return;
  dir = tempDir('shell-window');
  await loadMain(dir.path);
});

after(() => {
  if (!mainBuilt) return;
  for (const fn of state.appEvents.get('will-quit') ?? []) fn();
  dir.cleanup();
});

const mainWindow = () => state.windows[0] as FakeBrowserWindow;
const fire = (name: string, ...args: unknown[]) => {
  for (const fn of mainWindow().webContents.events.get(name) ?? []) fn({ preventDefault() {} }, ...args);
};
const flags = { canUndo: false, canRedo: false, canCut: true, canCopy: true, canPaste: true, canSelectAll: true, canDelete: true, canEditRichly: false };
const labels = (template: any[]) => template.filter((i) => i.type !== 'separator').map((i) => `${i.label}:${i.role}`);

test('right-click in an editable field shows 剪切/复制/粘贴/全选 in Chinese; on plain text only 复制 for a selection', opts, () => {
  state.popups.length = 0;
  fire('context-menu', { isEditable: true, selectionText: '', editFlags: flags });
  assert.deepEqual(labels(state.popups.at(-1)!), ['撤销:undo', '重做:redo', '剪切:cut', '复制:copy', '粘贴:paste', '全选:selectAll']);
  assert.equal(state.popups.at(-1)!.find((i) => i.role === 'undo').enabled, false, 'greyed out when there is nothing to undo');
  fire('context-menu', { isEditable: false, selectionText: '本年新收', editFlags: flags });
  assert.deepEqual(labels(state.popups.at(-1)!), ['复制:copy']);
  const before = state.popups.length;
  fire('context-menu', { isEditable: false, selectionText: '', editFlags: flags });
  assert.equal(state.popups.length, before, 'no menu where there is nothing to do');
});

test('the application menu is Chinese and has no reload or developer tools', opts, () => {
  const menu = state.appMenu!;
  assert.ok(menu, 'the default English menu is replaced');
  const walk = (items: any[]): any[] => items.flatMap((i) => [i, ...walk(i.submenu ?? [])]);
  const items = walk(menu.template).filter((i) => i.type !== 'separator');
  for (const i of items) assert.match(i.label, /^[\u4e00-\u9fff]+$/, `${i.role ?? ''} is labelled in Chinese`);
  const roles = items.map((i) => i.role).filter(Boolean);
  for (const banned of ['reload', 'forceReload', 'toggleDevTools']) assert.ok(!roles.includes(banned), `no ${banned}`);
  assert.ok(roles.includes('paste') && roles.includes('quit'));
});

test('a crashed page or a failed load shows a Chinese page with 重新加载, served from app:// without script', opts, async () => {
  const w = mainWindow();
  fire('render-process-gone', { reason: 'crashed', exitCode: 1 });
  assert.equal(w.loadedUrl, 'app://nianbao/__error.html');
  const page = await state.protocolHandler!.fn({ url: w.loadedUrl });
  assert.equal(page.status, 200);
  assert.match(page.headers.get('Content-Security-Policy') ?? '', /default-src 'none'/);
  const html = await page.text();
  assert.match(html, /不会丢失/);
  assert.match(html, /<a class="button" href="app:\/\/nianbao\/index.html">重新加载<\/a>/);
  assert.doesNotMatch(html, /<script/);
  w.loadedUrl = 'app://nianbao/index.html';
  fire('did-fail-load', -6, 'ERR_FILE_NOT_FOUND', 'app://nianbao/index.html', true);
  assert.equal(w.loadedUrl, 'app://nianbao/__error.html', 'a failed load too');
  w.loadedUrl = 'app://nianbao/index.html';
  fire('did-fail-load', -3, 'ERR_ABORTED', 'app://nianbao/index.html', true);
  assert.equal(w.loadedUrl, 'app://nianbao/index.html', 'an aborted load (replaced by another navigation) is not a failure');
  fire('render-process-gone', { reason: 'clean-exit', exitCode: 0 });
  assert.equal(w.loadedUrl, 'app://nianbao/index.html');
});

test('复制 goes through Electron’s clipboard from our page only, and takes text only', opts, async () => {
  const copy = state.ipc.get('platform:copyText')!;
  await copy({ senderFrame: MAIN_FRAME, sender: {} }, 'a1b2c3');
  assert.equal(state.clipboard, 'a1b2c3');
  await assert.rejects(async () => copy({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: {} }, 'x'), /拒绝访问/);
  await assert.rejects(async () => copy({ senderFrame: MAIN_FRAME, sender: {} }, { text: 'x' }), /不合要求/);
  assert.equal(state.clipboard, 'a1b2c3');
});

test('the data folder exists before Electron is told to use it, and Chromium’s profile sits in a subfolder', opts, () => {
  assert.equal(state.paths.userData, `${dir.path}/session`);
  assert.equal(state.paths.sessionData, `${dir.path}/session`);
  assert.ok(existsSync(join(dir.path, 'nianbao.sqlite')), 'the data itself stays in the data folder');
});
