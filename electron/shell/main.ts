// The Electron main process: one window showing the page from app://nianbao/, the API over IPC
// (one channel per method, each checking its sender), native open/save dialogs, and Electron's
// security checklist applied (see docs/architecture.md §4).
import { app, BrowserWindow, clipboard, crashReporter, dialog, ipcMain, Menu, protocol, session } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { API_METHODS } from '../../shared/api';
import { createApi } from '../core/api/index';
import { ipcInputProblem } from '../core/api/limits';
import type { ApiHandler } from '../core/api/index';
import { openStore } from '../core/store/index';
import type { Store } from '../core/store/index';
import { resolveDataDir } from '../core/paths';
import { CONTENT_SECURITY_POLICY, mimeType, resolveInside } from '../core/safe-path';
import { describeWriteError, isLockedError, writeFileAtomic } from '../core/atomic-write';
import { openLog } from '../core/log/index';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, isAllowedNavigation, isTrustedSender } from './trusted-url';
import { appMenuTemplate, contextMenuTemplate } from './menus';
import { ERROR_PAGE_CSP, ERROR_PAGE_PATH, errorPageHtml } from './error-page';
import { networkDataDirWarning } from '../core/paths';

const MAX_OPEN_BYTES = 20 * 1024 * 1024;
const rendererDir = join(__dirname, '..', 'renderer');
const dataDir = resolveDataDir(process.argv.slice(1));

// Electron documents that setPath throws for a folder that does not exist yet: create it first (only
// this user may read it). If that fails, opening the store below says why, in Chinese.
try {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
} catch {
  // reported by openStore
}
// Chromium's own profile (Local State, Preferences, caches, local storage) goes in a subfolder of the
// data folder, never beside nianbao.sqlite; the program's own files use dataDir directly.
app.setPath('userData', join(dataDir, 'session'));
app.setPath('sessionData', join(dataDir, 'session'));

// Errors go to <dataDir>/logs (a packaged Windows app has no console); crash dumps stay on this
// machine in <dataDir>/crashes and are never uploaded. Both are in 导出诊断信息.
const log = openLog(dataDir);
app.setPath('crashDumps', join(dataDir, 'crashes'));
crashReporter.start({ uploadToServer: false, compress: true });
process.on('uncaughtException', (err) => log.error('shell', '未处理的错误', err));
process.on('unhandledRejection', (err) => log.error('shell', '未处理的异步错误', err));

// Every renderer sandboxed, whatever a future window's options say.
app.enableSandbox();

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

// The pinned shortcut and the window share one taskbar button: the id NSIS gives its shortcuts (appId).
if (process.platform === 'win32') app.setAppUserModelId('cn.gov.nianbao.assistant');

let mainWindow: BrowserWindow | null = null;
/** Print jobs in flight: the print HTML served once at app://nianbao/__print/<id>.html (no data: URL, which Chromium caps near 2 MiB). */
const printJobs = new Map<string, string>();
const PRINT_PREFIX = '/__print/';
const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";
let store: Store | null = null;

const FiltersSchema = z.array(z.object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[A-Za-z0-9*.]{1,20}$/)).max(20) })).max(10);
const SaveArgsSchema = z.tuple([z.string().min(1).max(260), z.string().max(40_000_000), FiltersSchema]);
// The print HTML of a report: a whole document, a few hundred kB at most; 5 MB is far beyond any report.
const PrintArgsSchema = z.tuple([
  z
    .string()
    .min(1)
    .max(260)
    .regex(/\.pdf$/i),
  z.string().min(1).max(5_000_000).startsWith('<!DOCTYPE html>'),
]);

function refuseSender(): never {
  throw new Error('拒绝访问：请求不是来自本程序的页面。');
}

function serveApp(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('找不到这个文件。', { status: 404 });
    if (url.pathname === ERROR_PAGE_PATH) {
      return new Response(errorPageHtml(APP_ENTRY_URL), {
        status: 200,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': ERROR_PAGE_CSP },
      });
    }
    if (url.pathname.startsWith(PRINT_PREFIX)) {
      const html = printJobs.get(url.pathname.slice(PRINT_PREFIX.length).replace(/\.html$/, ''));
      if (html === undefined) return new Response('找不到这个文件。', { status: 404 });
      return new Response(html, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CSP } });
    }
    const file = resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return new Response('请求的路径不合法。', { status: 400 });
    try {
      const s = await stat(file);
      if (!s.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: { 'Content-Type': mimeType(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('找不到这个文件。', { status: 404 });
    }
  });
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params);
    if (template) Menu.buildFromTemplate(template).popup();
  });
}

function registerIpc(handleApiCall: ApiHandler): void {
  for (const method of API_METHODS) {
    ipcMain.handle(`api:${method}`, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'unsupported', message: '拒绝访问：请求不是来自本程序的页面。' } };
      }
      // The same cap as the browser host's request bodies (api/limits.ts).
      const tooBig = ipcInputProblem(method, input);
      if (tooBig) return { ok: false, error: { code: 'invalid_input', message: tooBig } };
      return handleApiCall(method, input);
    });
  }

  ipcMain.handle('platform:saveFile', async (event: IpcMainInvokeEvent, ...raw: unknown[]) => {
    if (!isTrustedSender(event.senderFrame)) refuseSender();
    const parsed = SaveArgsSchema.safeParse(raw);
    if (!parsed.success) throw new Error('保存文件的请求不完整，请重试。');
    const [fileName, base64, filters] = parsed.data;
    return saveThroughDialog(event, fileName, filters, Buffer.from(base64, 'base64'));
  });

  // The report's print HTML to PDF (the 导出 step's 导出 PDF): drawn in a hidden window that runs no
  // script, has no preload and can reach nothing outside (the session blocks the network), printed
  // with Chromium's printToPDF, then saved through the native dialog like a Word file.
  ipcMain.handle('platform:printToPdf', async (event: IpcMainInvokeEvent, ...raw: unknown[]) => {
    if (!isTrustedSender(event.senderFrame)) refuseSender();
    const parsed = PrintArgsSchema.safeParse(raw);
    if (!parsed.success) throw new Error('导出 PDF 的请求不完整，请重试。');
    const [fileName, html] = parsed.data;
    const printer = new BrowserWindow({
      show: false,
      webPreferences: { ...HARDENED_PREFERENCES, javascript: false },
    });
    let pdf: Buffer;
    const job = randomUUID();
    printJobs.set(job, html);
    try {
      await printer.loadURL(`${APP_SCHEME}://${APP_HOST}${PRINT_PREFIX}${job}.html`);
      pdf = await printer.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
      });
    } catch (err) {
      throw new Error(`PDF 没有生成：${(err as Error).message}。请重试；仍不行的，可先导出 Word 文件再另存为 PDF。`, { cause: err });
    } finally {
      printJobs.delete(job);
      printer.destroy();
    }
    return saveThroughDialog(event, fileName, [{ name: 'PDF 文件', extensions: ['pdf'] }], pdf);
  });

  // 复制 (the SHA-256 of an export): Electron's clipboard, since the page's own clipboard permission is denied.
  ipcMain.handle('platform:copyText', (event: IpcMainInvokeEvent, text: unknown) => {
    if (!isTrustedSender(event.senderFrame)) refuseSender();
    const parsed = z.string().max(10_000).safeParse(text);
    if (!parsed.success) throw new Error('复制的内容不合要求。');
    clipboard.writeText(parsed.data);
  });

  ipcMain.handle('platform:openFile', async (event: IpcMainInvokeEvent, rawFilters: unknown) => {
    if (!isTrustedSender(event.senderFrame)) refuseSender();
    const filters = FiltersSchema.safeParse(rawFilters);
    if (!filters.success) throw new Error('打开文件的请求不完整，请重试。');
    const owner = BrowserWindow.fromWebContents(event.sender) ?? mainWindow;
    const options = { properties: ['openFile' as const], filters: filters.data };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || !path) return null;
    const s = await stat(path);
    if (s.size > MAX_OPEN_BYTES) throw new Error(`文件“${basename(path)}”超过 20 MB，不像是一份年度报告。请选择报告文件本身。`);
    return { fileName: basename(path), base64: (await readFile(path)).toString('base64') };
  });
}

/** The native save dialog, then the bytes written to a temp file and renamed (a cancel writes nothing). */
async function saveThroughDialog(
  event: IpcMainInvokeEvent,
  fileName: string,
  filters: { name: string; extensions: string[] }[],
  bytes: Buffer,
): Promise<{ saved: false } | { saved: true; path: string }> {
  const owner = BrowserWindow.fromWebContents(event.sender) ?? mainWindow;
  let defaultPath = join(app.getPath('documents'), basename(fileName));
  for (let attempt = 2; ; attempt++) {
    const options = { defaultPath, filters };
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false };
    try {
      await writeFileAtomic(result.filePath, bytes);
      return { saved: true, path: result.filePath };
    } catch (err) {
      log.warn('shell', '保存文件失败', err);
      const message = describeWriteError(result.filePath, err);
      if (!isLockedError(err)) throw new Error(message, { cause: err });
      // Most often the file is open in Word or WPS: offer the same folder under another name.
      const box = { type: 'warning' as const, title: '文件无法覆盖', message, buttons: ['换个文件名保存…', '取消'], defaultId: 0, cancelId: 1 };
      const choice = owner ? await dialog.showMessageBox(owner, box) : await dialog.showMessageBox(box);
      if (choice.response !== 0) return { saved: false };
      const ext = extname(result.filePath);
      defaultPath = `${result.filePath.slice(0, result.filePath.length - ext.length).replace(/（\d+）$/, '')}（${attempt}）${ext}`;
    }
  }
}

/** Electron's security checklist for every window this program opens (docs/security.md). */
const HARDENED_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
} as const;

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: '年报编制助手',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      ...HARDENED_PREFERENCES,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // A crashed page or a failed load shows a Chinese page with 重新加载, never a white window.
  const errorPage = `${APP_SCHEME}://${APP_HOST}${ERROR_PAGE_PATH}`;
  mainWindow.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    void mainWindow?.loadURL(errorPage);
  });
  mainWindow.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame || url === errorPage || code === -3 /* ERR_ABORTED: a navigation replaced it */) return;
    log.error('shell', `页面没有加载（${code} ${description}）`);
    void mainWindow?.loadURL(errorPage);
  });
  // The page refuses to unload while edits are unsaved (its beforeunload); Electron shows no dialog
  // of its own, so ask here. preventDefault() on this event lets the window close after all.
  const win = mainWindow;
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      title: '还有修改没有保存',
      message: '还有修改没有保存完，现在关闭可能丢失最后的改动。',
      detail: '请先留在本页，等右上角显示“已保存”后再关闭。',
      buttons: ['留在本页', '仍要关闭'],
      defaultId: 0,
      cancelId: 0,
    });
    if (choice === 1) event.preventDefault();
  });
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(APP_ENTRY_URL);
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  // Another window is open on the same data: it gets focus, this process ends.
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('render-process-gone', (_event, _contents, details) => log.error('shell', `页面进程意外结束（${details.reason}，退出码 ${details.exitCode}）`));
  app.on('child-process-gone', (_event, details) => log.error('shell', `${details.type} 进程意外结束（${details.reason}，退出码 ${details.exitCode}）`));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => store?.close());

  app.whenReady().then(async () => {
    // Every permission refused but the local font list, which the 导出 step reads to check the 公文 fonts.
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'local-fonts'));
    session.defaultSession.setPermissionCheckHandler((_wc, permission) => permission === 'local-fonts');
    // The app is offline by design: nothing the page loads may leave the machine.
    session.defaultSession.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) =>
      callback({ cancel: true }),
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate()));
    serveApp();
    const network = networkDataDirWarning(dataDir);
    if (network) {
      log.warn('shell', network);
      await dialog.showMessageBox({ type: 'warning', title: '数据文件夹在网络位置上', message: network, buttons: ['知道了'] });
    }
    try {
      store = await openStore(dataDir);
    } catch (err) {
      log.error('shell', '无法打开数据', err);
      dialog.showErrorBox('年报编制助手无法打开数据', err instanceof Error ? err.message : String(err));
      app.quit();
      return;
    }
    if (store.startupProblem) log.error('store', store.startupProblem.message);
    log.info('shell', `已启动，数据文件夹 ${dataDir}`);
    registerIpc(createApi({ store, transport: 'electron', dataDir }).handleApiCall);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
