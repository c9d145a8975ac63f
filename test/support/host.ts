// Starts the real browser host (dist/host.mjs) in a child process on a random port, the way
// `npm start` does, and parses the one line it prints. Requires `node build/build.mjs` first.
import type { ApiInput, ApiMethod, ApiOutputs, ApiResult } from '../../shared/api';
import type { ReportDoc } from '../../shared/report';
import { SECTION_KEYS } from '../../shared/formats/types';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from './temp';
import { SESSION_META } from '../../shared/host-protocol';
import { hostCaller, parseSession } from '../../renderer/api/host-session';
import type { HostSession } from '../../renderer/api/host-session';

export interface RunningHost {
  /** the host's process id */
  pid: number;
  /** the URL the host printed, token included: http://127.0.0.1:<port>/?token=<token> */
  url: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  token: string;
  port: number;
  dataDir: string;
  /** everything the host wrote to stdout and stderr so far */
  output(): string;
  /** stops the host (SIGTERM, then SIGKILL after 5 s); removes the data dir if startHost made it */
  stop(): Promise<void>;
}

export const STARTED_LINE = /年报编制助手已启动：(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))/;

/** The Node that npm scripts use (≥ 22, loads better-sqlite3); the system Node may be older. */
export function projectNode(): string {
  const bin = join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');
  return existsSync(bin) ? bin : process.execPath;
}

/**
 * port: a number (0 = any free port, the default), or 'remembered' to start as `npm start` does,
 * on the port this data folder used last time.
 */
export async function startHost(
  options: {
    dataDir?: string;
    env?: Record<string, string>;
    args?: string[];
    port?: number | 'remembered';
    /** let the host open "the browser" (whatever xdg-open is first on env.PATH); default --no-open */
    open?: boolean;
  } = {},
): Promise<RunningHost> {
  const hostFile = join(repoRoot, 'dist', 'host.mjs');
  if (!existsSync(hostFile)) throw new Error('dist/host.mjs is missing: run `node build/build.mjs` first');
  const ownDir = options.dataDir ? null : tempDir('nianbao-host-');
  const dataDir = options.dataDir ?? ownDir!.path;
  const portArgs = options.port === 'remembered' ? [] : ['--port', String(options.port ?? 0)];
  const child = spawn(projectNode(), [hostFile, ...(options.open ? [] : ['--no-open']), ...portArgs, '--data-dir', dataDir, ...(options.args ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const started = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start within 20 s:\n${out}`)), 20_000);
    child.stdout.on('data', (d: string) => {
      out += d;
      const m = STARTED_LINE.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with code ${code} before starting:\n${out}`));
    });
  }).catch((err: unknown) => {
    child.kill('SIGKILL');
    ownDir?.cleanup();
    throw err;
  });

  const port = Number(started[2]);
  let stopped: Promise<void> | null = null;
  return {
    pid: child.pid!,
    url: started[1],
    origin: `http://127.0.0.1:${port}`,
    token: started[3],
    port,
    dataDir,
    output: () => out,
    stop() {
      stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(timer);
        }
        ownDir?.cleanup();
      })();
      return stopped;
    },
  };
}

/** Calls the host's API as the page does (token header, JSON) and returns the value; a failed call fails the test. */
export async function hostApi<M extends ApiMethod>(host: RunningHost, method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> {
  const res = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': host.token },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as ApiResult<ApiOutputs[M]>;
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.value;
}

/**
 * Stores a report through the host's API as a clerk's edits would: the unit, a new report of the
 * report's year and format, its cells (or `cells`), sections, date, signature, preamble and
 * letterhead. Returns the report's id.
 */
export async function storeReport(host: RunningHost, doc: ReportDoc, cells: ReportDoc['cells'] = doc.cells): Promise<number> {
  await hostApi(host, 'saveUnit', doc.unit);
  const { id } = await hostApi(host, 'createReport', { year: doc.year, formatId: doc.formatId as 'gov-2021', basedOnId: null });
  await hostApi(host, 'setCells', { id, cells });
  for (const key of SECTION_KEYS) await hostApi(host, 'setSection', { id, key, text: doc.sections[key] ?? '' });
  await hostApi(host, 'updateReport', { id, patch: { date: doc.date, signature: doc.signature, preamble: doc.preamble, letterhead: doc.letterhead } });
  return id;
}

/** What a page gets on its first load from this URL: its session credential (null when the host refuses or gives none). */
export async function pageSession(url: string): Promise<{ status: number; html: string; session: HostSession | null }> {
  const res = await fetch(url);
  const html = await res.text();
  const m = new RegExp(`<meta name="${SESSION_META}" content="([^"]*)"`).exec(html);
  return { status: res.status, html, session: parseSession(m?.[1]) };
}

/** Calls the API as the page does (hello, proof, sealed call) and returns the value; any other outcome fails the test. */
export async function pageApi<M extends ApiMethod>(host: RunningHost, session: HostSession, method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> {
  const outcome = await hostCaller(session, host.origin).call(method, input);
  if (outcome.kind !== 'result') throw new Error(`${method}: ${outcome.kind}`);
  if (!outcome.result.ok) throw new Error(`${method}: ${outcome.result.error.message}`);
  return outcome.result.value as ApiOutputs[M];
}
