// The preload (sandboxed, bundled to one CommonJS file): exposes window.nianbao with named
// functions only, one per API method, plus the two file dialogs and printing to PDF. Never ipcRenderer itself.
// Its shape is renderer/api/client.ts's DesktopBridge (test/unit/shell-security.test.ts checks).
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS } from '../../shared/api';
import type { ApiClient } from '../../shared/api';

type FileFilter = { name: string; extensions: string[] };

export interface PreloadBridge {
  api: ApiClient;
  saveFile(fileName: string, base64: string, filters: FileFilter[]): Promise<{ saved: false } | { saved: true; path: string }>;
  openFile(filters: FileFilter[]): Promise<{ fileName: string; base64: string } | null>;
  printToPdf(fileName: string, html: string): Promise<{ saved: false } | { saved: true; path: string }>;
  copyText(text: string): Promise<void>;
}

const api = Object.fromEntries(API_METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(`api:${method}`, input)])) as unknown as ApiClient;

const bridge: PreloadBridge = {
  api,
  saveFile: (fileName, base64, filters) => ipcRenderer.invoke('platform:saveFile', fileName, base64, filters),
  openFile: (filters) => ipcRenderer.invoke('platform:openFile', filters),
  printToPdf: (fileName, html) => ipcRenderer.invoke('platform:printToPdf', fileName, html),
  copyText: (text) => ipcRenderer.invoke('platform:copyText', text),
};

contextBridge.exposeInMainWorld('nianbao', bridge);
