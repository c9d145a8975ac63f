// The page's only way out: the API (over IPC in the desktop window, over HTTP in the browser host)
// and the two platform services, saving and opening a file. Components import `api` and `platform`.
import type { ApiClient, ApiMethod, ApiResult } from '../../shared/api';
import { LAUNCH_PARAM, SESSION_META, TOKEN_PARAM } from '../../shared/host-protocol';
import { hostCaller, parseSession } from './host-session';
import type { HostSession } from './host-session';

/** What the desktop preload exposes as window.nianbao (named functions only). */
export interface DesktopBridge {
  api: ApiClient;
  /** shows the native save dialog; resolves after the file is written */
  saveFile(fileName: string, base64: string, filters: { name: string; extensions: string[] }[]): Promise<{ saved: false } | { saved: true; path: string }>;
  /** shows the native open dialog */
  openFile(filters: { name: string; extensions: string[] }[]): Promise<{ fileName: string; base64: string } | null>;
  /** prints a whole HTML document (the report's print pages) to PDF and saves it through the native dialog */
  printToPdf(fileName: string, html: string): Promise<{ saved: false } | { saved: true; path: string }>;
  /** puts text on the system clipboard (Electron's clipboard; the page's own is denied) */
  copyText(text: string): Promise<void>;
}

declare global {
  interface Window {
    nianbao?: DesktopBridge;
  }
}

const SESSION_KEY = 'nianbao.session';

/**
 * The page's session with the browser host. The host writes it into the first page it serves
 * for the token or a launch code; it is kept in this tab's sessionStorage for reloads and for a
 * restart of the program (the restarted host proves itself before anything is sent). The token
 * and the launch code are taken out of the address bar at once.
 */
function hostSession(): HostSession | null {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${SESSION_META}"]`);
  const fresh = parseSession(meta?.content);
  meta?.remove();
  const query = new URLSearchParams(window.location.search);
  if (query.has(TOKEN_PARAM) || query.has(LAUNCH_PARAM)) {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.hash);
  }
  try {
    if (fresh) sessionStorage.setItem(SESSION_KEY, `${fresh.id}.${fresh.key}`);
    return fresh ?? parseSession(sessionStorage.getItem(SESSION_KEY));
  } catch {
    return fresh;
  }
}

/**
 * Why the last call did not reach the program: its service is not running ('unreachable'),
 * something that cannot prove it is the program answers on its port ('impostor': nothing was
 * sent to it), or it refused this page's credential ('unauthorized').
 */
export type HostProblem = 'unreachable' | 'impostor' | 'unauthorized' | null;
let hostProblem: HostProblem = null;
export function currentHostProblem(): HostProblem {
  return hostProblem;
}

const MESSAGES = {
  unreachable: '连接不上本机的程序服务：“年报编制助手”已经退出或正在重新启动。请重新启动它，本页会自动重新连接。',
  impostor:
    '本机端口上回应的程序无法证明它就是本页连接的“年报编制助手”（可能是其他程序占用了这个端口，或程序换了口令），本页没有向它发送任何内容。请重新启动“年报编制助手”，本页会自动重新连接。',
  unauthorized: '访问凭据不对或已过期（程序换了口令）。请使用程序启动时显示的完整网址重新打开页面。',
};

function httpClient(): ApiClient {
  const session = hostSession();
  const caller = session ? hostCaller(session) : null;
  const call = async (method: ApiMethod, input: unknown): Promise<ApiResult<unknown>> => {
    if (!caller) {
      hostProblem = 'unauthorized';
      return { ok: false, error: { code: 'io', message: MESSAGES.unauthorized } };
    }
    const outcome = await caller.call(method, input);
    if (outcome.kind === 'result') {
      hostProblem = null;
      return outcome.result;
    }
    if (outcome.kind === 'refused') {
      hostProblem = null;
      const message =
        outcome.status === 413
          ? '提交的内容太大，没有保存。导入的文件请不要超过 20 MB；其他情况请刷新页面后重试。'
          : `程序服务没有正常回应（HTTP ${outcome.status}），请刷新页面后重试。`;
      return { ok: false, error: { code: outcome.status === 413 ? 'invalid_input' : 'io', message } };
    }
    hostProblem = outcome.kind;
    return { ok: false, error: { code: 'io', message: MESSAGES[outcome.kind] } };
  };
  // Any method name becomes a call; the host answers an unknown one with a Chinese error. (Listing
  // the names from shared/api would load zod and every schema before the first screen.)
  const methods = new Map<string, (input: unknown) => Promise<ApiResult<unknown>>>();
  return new Proxy({} as ApiClient, {
    get(_target, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      let fn = methods.get(name);
      if (!fn) methods.set(name, (fn = (input: unknown) => call(name as ApiMethod, input)));
      return fn;
    },
  });
}

export const isDesktop = typeof window !== 'undefined' && !!window.nianbao;

export const api: ApiClient = window.nianbao?.api ?? httpClient();

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** What a platform call (file dialogs) answers: like the API, errors are data with a Chinese message. */
export type PlatformResult<T> = { ok: true; value: T } | { ok: false; error: { code: 'io'; message: string } };

/** Electron wraps a main-side error as “Error invoking remote method 'x': Error: …”: keep the clerk's part. */
export function platformErrorMessage(err: unknown, doing: string): string {
  const raw = err instanceof Error ? err.message : String(err);
  const own = raw
    .replace(/^Error invoking remote method '[^']*':\s*/, '')
    .replace(/^(?:[A-Za-z]*Error:\s*)+/, '')
    .trim();
  // Only a message written for the clerk (Chinese) is shown as it is; anything else is described.
  return /[\u4e00-\u9fff]/.test(own) ? own : `${doing}没有成功（${own || '原因不明'}）。请重试；如果反复出现，请重新启动程序。`;
}

async function asResult<T>(doing: string, run: () => Promise<T>): Promise<PlatformResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    return { ok: false, error: { code: 'io', message: platformErrorMessage(err, doing) } };
  }
}

export const platform = {
  /** Saves a file: the native dialog on the desktop, a download in the browser. */
  trySaveFile(
    fileName: string,
    base64: string,
    filters: { name: string; extensions: string[] }[],
    mime = 'application/octet-stream',
  ): Promise<PlatformResult<{ saved: false } | { saved: true; path: string }>> {
    return asResult('保存文件', async () => {
      const bridge = window.nianbao;
      if (bridge) return bridge.saveFile(fileName, base64, filters);
      const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { saved: true as const, path: '' };
    });
  },
  /** Lets the clerk pick a file: the native dialog on the desktop, a file input in the browser. */
  tryOpenFile(filters: { name: string; extensions: string[] }[]): Promise<PlatformResult<{ fileName: string; base64: string } | null>> {
    return asResult('打开文件', async () => {
      const bridge = window.nianbao;
      if (bridge) return bridge.openFile(filters);
      return new Promise<{ fileName: string; base64: string } | null>((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
        input.style.display = 'none';
        input.addEventListener('change', async () => {
          const file = input.files?.[0];
          input.remove();
          if (!file) return resolve(null);
          try {
            resolve({ fileName: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
          } catch {
            reject(new Error(`读不出文件“${file.name}”：它可能已被移走、正被其他程序占用或没有读取权限。请换一个文件或复制到桌面后再选。`));
          }
        });
        input.addEventListener('cancel', () => {
          input.remove();
          resolve(null);
        });
        document.body.appendChild(input);
        input.click();
      });
    });
  },
  /** trySaveFile for callers that catch: a failure throws an Error whose message is the Chinese one. */
  async saveFile(
    fileName: string,
    base64: string,
    filters: { name: string; extensions: string[] }[],
    mime?: string,
  ): Promise<{ saved: false } | { saved: true; path: string }> {
    const r = await platform.trySaveFile(fileName, base64, filters, mime);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  },
  /** tryOpenFile for callers that catch. */
  async openFile(filters: { name: string; extensions: string[] }[]): Promise<{ fileName: string; base64: string } | null> {
    const r = await platform.tryOpenFile(filters);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  },
  /**
   * The report as PDF: on the desktop Chromium's printToPDF of the print pages, saved through the
   * dialog; in the browser a print view of the same pages, where the clerk picks 另存为 PDF.
   */
  async printPdf(fileName: string, html: string): Promise<{ saved: false } | { saved: true; path: string } | { printView: true }> {
    const bridge = window.nianbao;
    if (bridge) return bridge.printToPdf(fileName, html);
    const view = window.open('', '_blank');
    if (!view) throw new Error('浏览器拦截了打印窗口。请允许本页面打开新窗口（地址栏右侧的提示），然后再点一次。');
    view.document.open();
    view.document.write(html);
    view.document.close();
    view.focus();
    // Give the fonts a moment, then the browser's print dialog (选择“另存为 PDF”).
    setTimeout(() => view.print(), 500);
    return { printView: true };
  },
};
