// The page's only way out: the API (over IPC in the desktop window, over HTTP in the browser host)
// and the two platform services, saving and opening a file. Components import `api` and `platform`.
import { API_METHODS } from '../../shared/api';
import type { ApiClient, ApiMethod, ApiResult } from '../../shared/api';

/** What the desktop preload exposes as window.nianbao (named functions only). */
export interface DesktopBridge {
  api: ApiClient;
  /** shows the native save dialog; resolves after the file is written */
  saveFile(fileName: string, base64: string, filters: { name: string; extensions: string[] }[]): Promise<{ saved: false } | { saved: true; path: string }>;
  /** shows the native open dialog */
  openFile(filters: { name: string; extensions: string[] }[]): Promise<{ fileName: string; base64: string } | null>;
  /** prints a whole HTML document (the report's print pages) to PDF and saves it through the native dialog */
  printToPdf(fileName: string, html: string): Promise<{ saved: false } | { saved: true; path: string }>;
}

declare global {
  interface Window {
    nianbao?: DesktopBridge;
  }
}

const TOKEN_KEY = 'nianbao.token';

/** The browser host passes its per-launch token in the URL (?token=…); keep it for reloads. */
function hostToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpClient(): ApiClient {
  const token = hostToken();
  const call = async (method: ApiMethod, input: unknown): Promise<ApiResult<unknown>> => {
    try {
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': token },
        body: JSON.stringify(input ?? {}),
      });
      const body = (await res.json().catch(() => null)) as ApiResult<unknown> | null;
      if (body && typeof body === 'object' && 'ok' in body) return body;
      return { ok: false, error: { code: 'io', message: `程序服务没有正常回应（HTTP ${res.status}），请刷新页面后重试。` } };
    } catch {
      return { ok: false, error: { code: 'io', message: '连接不上本机的程序服务，请确认“年报编制助手”仍在运行（已退出的请重新启动它）。' } };
    }
  };
  return Object.fromEntries(API_METHODS.map((m) => [m, (input: unknown) => call(m, input)])) as unknown as ApiClient;
}

export const isDesktop = typeof window !== 'undefined' && !!window.nianbao;

export const api: ApiClient = isDesktop ? window.nianbao!.api : httpClient();

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

export const platform = {
  /** Saves a file: the native dialog on the desktop, a download in the browser. */
  async saveFile(
    fileName: string,
    base64: string,
    filters: { name: string; extensions: string[] }[],
    mime = 'application/octet-stream',
  ): Promise<{ saved: false } | { saved: true; path: string }> {
    if (isDesktop) return window.nianbao!.saveFile(fileName, base64, filters);
    const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { saved: true, path: '' };
  },
  /**
   * The report as PDF: on the desktop Chromium's printToPDF of the print pages, saved through the
   * dialog; in the browser a print view of the same pages, where the clerk picks 另存为 PDF.
   */
  async printPdf(fileName: string, html: string): Promise<{ saved: false } | { saved: true; path: string } | { printView: true }> {
    if (isDesktop) return window.nianbao!.printToPdf(fileName, html);
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
  /** Lets the clerk pick a file: the native dialog on the desktop, a file input in the browser. */
  async openFile(filters: { name: string; extensions: string[] }[]): Promise<{ fileName: string; base64: string } | null> {
    if (isDesktop) return window.nianbao!.openFile(filters);
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      input.style.display = 'none';
      input.addEventListener('change', async () => {
        const file = input.files?.[0];
        input.remove();
        if (!file) return resolve(null);
        resolve({ fileName: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
      });
      input.addEventListener('cancel', () => {
        input.remove();
        resolve(null);
      });
      document.body.appendChild(input);
      input.click();
    });
  },
};
