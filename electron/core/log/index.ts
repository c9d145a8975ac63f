// The program's own log: <dataDir>/logs/nianbao.log, rotated by size (nianbao.log.1 … .3), so that
// errors in a packaged Windows app, where console output goes nowhere, reach the county's IT person
// through 「导出诊断信息」. Only what went wrong and where: never report text, unit details or figures.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_FILE_NAME = 'nianbao.log';

export interface LogOptions {
  /** rotate when the file would grow past this (default 1 MiB) */
  maxBytes?: number;
  /** rotated files kept besides the current one (default 3) */
  keep?: number;
  /** also write to the console (default true: the host's terminal, the developer's shell) */
  console?: boolean;
}

export type LogLevel = 'INFO' | 'WARN' | 'ERROR';

/** One entry is at most this long: a runaway message cannot fill the log on its own. */
const MAX_ENTRY = 4000;

export class Log {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly toConsole: boolean;

  constructor(
    readonly dir: string,
    options: LogOptions = {},
  ) {
    this.file = join(dir, LOG_FILE_NAME);
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.keep = options.keep ?? 3;
    this.toConsole = options.console ?? true;
  }

  info(scope: string, message: string): void {
    this.write('INFO', scope, message);
  }

  warn(scope: string, message: string, err?: unknown): void {
    this.write('WARN', scope, err === undefined ? message : `${message}：${describeError(err)}`);
  }

  error(scope: string, message: string, err?: unknown): void {
    this.write('ERROR', scope, err === undefined ? message : `${message}：${describeError(err)}`);
  }

  /** The newest `maxBytes` of the log (rotated files first), for the diagnostics file. */
  tail(maxBytes = 256 * 1024): string {
    const files = [...Array.from({ length: this.keep }, (_, i) => `${this.file}.${this.keep - i}`), this.file].filter((f) => existsSync(f));
    let text = '';
    for (const f of files) {
      try {
        text += readFileSync(f, 'utf8');
      } catch {
        // a file rotated away while reading: the rest is still worth having
      }
    }
    return text.length > maxBytes ? text.slice(text.length - maxBytes) : text;
  }

  private write(level: LogLevel, scope: string, message: string): void {
    const entry = `${new Date().toISOString()} ${level} [${scope}] ${message.length > MAX_ENTRY ? `${message.slice(0, MAX_ENTRY)}…` : message}\n`;
    if (this.toConsole) (level === 'INFO' ? console.log : console.error)(entry.trimEnd());
    try {
      // The log names files and folders: its owner's only, like the data.
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      this.rotateIfNeeded(Buffer.byteLength(entry));
      appendFileSync(this.file, entry, { encoding: 'utf8', mode: 0o600 });
    } catch {
      // A full disk or a read-only folder must not turn a logged error into a crash.
    }
  }

  private rotateIfNeeded(adding: number): void {
    let size: number;
    try {
      size = statSync(this.file).size;
    } catch {
      return;
    }
    if (size + adding <= this.maxBytes) return;
    rmSync(`${this.file}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) if (existsSync(`${this.file}.${i}`)) renameSync(`${this.file}.${i}`, `${this.file}.${i + 1}`);
    renameSync(this.file, `${this.file}.1`);
  }
}

/** An error as one line plus its stack: the type, message and code (SQLITE_FULL, ENOSPC), no data. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    const head = `${err.name}${typeof code === 'string' ? ` (${code})` : ''}: ${err.message}`;
    const stack = (err.stack ?? '').split('\n').slice(1, 8).join('\n');
    return stack ? `${head}\n${stack}` : head;
  }
  return String(err);
}

export function logDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

let current: Log | null = null;

let watchingCrashes = false;

/** Opens the log of this data folder and makes it the one logError writes to. */
export function openLog(dataDir: string, options: LogOptions = {}): Log {
  current = new Log(logDir(dataDir), options);
  if (!watchingCrashes) {
    watchingCrashes = true;
    // Observed, not handled: the process still ends as it would, but the log says why first.
    process.on('uncaughtExceptionMonitor', (err, origin) =>
      current?.error('crash', origin === 'unhandledRejection' ? '未处理的异步错误，程序结束' : '未处理的错误，程序结束', err),
    );
  }
  return current;
}

/** The open log, if any (the command line has none). */
export function currentLog(): Log | null {
  return current;
}

/** Writes an error to the open log, or to the console when no log is open. */
export function logError(scope: string, message: string, err?: unknown): void {
  if (current) current.error(scope, message, err);
  else console.error(`[${scope}] ${message}${err === undefined ? '' : `：${describeError(err)}`}`);
}

export function logInfo(scope: string, message: string): void {
  if (current) current.info(scope, message);
}

/** A warning for the open log only (never the console of a program that has none): what was refused or recovered. */
export function logWarn(scope: string, message: string): void {
  if (current) current.warn(scope, message);
}
