// A stand-in for the 'electron' module, for running the built Electron main process
// (dist/shell/main.cjs) under Node: the Electron runtime cannot be downloaded here. The stand-in
// only records what main.cjs asks of Electron and lets a test play Electron's roles (ready, IPC
// events, protocol requests, navigation, menus, dialogs); everything else is real: the store is a
// real SQLite file, files are really written, the renderer files are the real build.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './index';

export type Listener = (...args: any[]) => any;

export interface FakeContents {
  events: Map<string, Listener[]>;
  windowOpenHandler: Listener | null;
  on(event: string, fn: Listener): void;
  setWindowOpenHandler(fn: Listener): void;
  printToPDF?: (options: unknown) => Promise<Buffer>;
  owner?: { loadedUrl: string };
}

export const state = {
  paths: {} as Record<string, string>,
  sandboxForced: false,
  schemes: [] as any[],
  protocolHandler: null as null | { scheme: string; fn: (req: { url: string }) => Promise<Response> },
  ipc: new Map<string, Listener>(),
  appEvents: new Map<string, Listener[]>(),
  windows: [] as any[],
  permissionRequest: null as Listener | null,
  permissionCheck: null as Listener | null,
  beforeRequest: null as null | { filter: { urls: string[] }; fn: Listener },
  nextSave: { canceled: true, filePath: '' } as { canceled: boolean; filePath?: string },
  nextOpen: { canceled: true, filePaths: [] as string[] },
  errorBox: null as null | { title: string; message: string },
  quit: false,
  exposed: [] as { key: string; value: any }[],
  crashReporter: null as null | Record<string, unknown>,
  invoked: [] as { channel: string; args: unknown[] }[],
  printed: [] as unknown[],
  /** what the print window showed when printToPDF was called (fetched through app://) */
  printedPages: [] as string[],
  appMenu: null as null | { template: any[] },
  popups: [] as any[][],
  clipboard: '',
  messageBoxes: [] as any[],
  nextMessageBoxResponse: 0,
};

let resolveReady!: () => void;
const ready = new Promise<void>((r) => (resolveReady = r));

function makeContents(): FakeContents {
  const c: FakeContents = {
    events: new Map(),
    windowOpenHandler: null,
    on(event, fn) {
      c.events.set(event, [...(c.events.get(event) ?? []), fn]);
    },
    setWindowOpenHandler(fn) {
      c.windowOpenHandler = fn;
    },
    // Issue 11: the print window's PDF (what Chromium would print is not simulated, only handed on).
    printToPDF: async (options: unknown) => {
      state.printed.push(options);
      if (c.owner && state.protocolHandler) state.printedPages.push(await (await state.protocolHandler.fn({ url: c.owner.loadedUrl })).text());
      return Buffer.from('%PDF-1.7 fake');
    },
  };
  return c;
}

export class FakeBrowserWindow {
  webContents = makeContents();
  loadedUrl = '';
  constructor(readonly options: any) {
    this.webContents.owner = this;
    state.windows.push(this);
    for (const fn of state.appEvents.get('web-contents-created') ?? []) fn({}, this.webContents);
  }
  once() {}
  on() {}
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  destroyed = false;
  destroy() {
    this.destroyed = true;
  }
  static fromWebContents() {
    return null;
  }
  static getAllWindows() {
    return state.windows;
  }
}

export const fakeElectron = {
  app: {
    setPath: (name: string, p: string) => (state.paths[name] = p),
    getPath: (name: string) => state.paths[name] ?? join(state.paths.userData ?? '/tmp', name),
    enableSandbox: () => (state.sandboxForced = true),
    requestSingleInstanceLock: () => true,
    on: (event: string, fn: Listener) => state.appEvents.set(event, [...(state.appEvents.get(event) ?? []), fn]),
    whenReady: () => ready,
    quit: () => (state.quit = true),
    setAppUserModelId: (id: string) => (state.paths.appUserModelId = id),
  },
  Menu: {
    buildFromTemplate: (template: any[]) => ({ template, popup: () => state.popups.push(template) }),
    setApplicationMenu: (menu: { template: any[] } | null) => (state.appMenu = menu),
  },
  clipboard: { writeText: (text: string) => (state.clipboard = text) },
  protocol: {
    registerSchemesAsPrivileged: (s: any[]) => (state.schemes = s),
    handle: (scheme: string, fn: any) => (state.protocolHandler = { scheme, fn }),
  },
  ipcMain: { handle: (channel: string, fn: Listener) => state.ipc.set(channel, fn) },
  dialog: {
    showSaveDialog: async () => state.nextSave,
    showOpenDialog: async () => state.nextOpen,
    showErrorBox: (title: string, message: string) => (state.errorBox = { title, message }),
    showMessageBox: async (...args: any[]) => (state.messageBoxes.push(args.at(-1)), { response: state.nextMessageBoxResponse, checkboxChecked: false }),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: Listener) => (state.permissionRequest = fn),
      setPermissionCheckHandler: (fn: Listener) => (state.permissionCheck = fn),
      webRequest: { onBeforeRequest: (filter: { urls: string[] }, fn: Listener) => (state.beforeRequest = { filter, fn }) },
    },
  },
  BrowserWindow: FakeBrowserWindow,
  crashReporter: { start: (options: Record<string, unknown>) => (state.crashReporter = options) },
  // for the preload
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => state.exposed.push({ key, value }) },
  ipcRenderer: { invoke: async (channel: string, ...args: unknown[]) => (state.invoked.push({ channel, args }), { channel }) },
};

export const MAIN_FRAME = { url: 'app://nianbao/index.html', parent: null };
export const trusted = { senderFrame: MAIN_FRAME, sender: {} };
export const mainBuilt = existsSync(join(repoRoot, 'dist/shell/main.cjs')) && existsSync(join(repoRoot, 'dist/renderer/index.html'));
/** Loads the built main process with the stand-in, on the data folder given; resolves once its window exists. */
export async function loadMain(dataDir: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const Module = require('node:module');
  const fakeId = join(repoRoot, 'test', 'fake-electron.cjs');
  const mod = new Module(fakeId);
  mod.exports = fakeElectron;
  mod.loaded = true;
  require.cache[fakeId] = mod;
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fakeId : resolve.call(this, request, ...rest);
  };
  process.argv.push('--data-dir', dataDir);
  require(join(repoRoot, 'dist/shell/main.cjs'));
  resolveReady();
  for (let i = 0; i < 200 && state.windows.length === 0 && !state.errorBox; i++) await new Promise((r) => setTimeout(r, 10));
}
