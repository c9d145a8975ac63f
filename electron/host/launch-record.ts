// What the browser host remembers per data folder: its port and its token. An open page can then
// reconnect after the program is closed and started again (same origin, same token), and save what
// was typed meanwhile. The file is readable by its owner only (0600), like the database beside it:
// whoever can read it could read the reports themselves anyway.
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LAUNCH_FILE = 'browser-host.json';

export interface LaunchRecord {
  port: number;
  token: string;
}

export function newToken(): string {
  return randomBytes(32).toString('hex');
}

/** The record of the last launch on this data folder, or null (none, unreadable or malformed). */
export function readLaunchRecord(dataDir: string): LaunchRecord | null {
  try {
    const raw = JSON.parse(readFileSync(join(dataDir, LAUNCH_FILE), 'utf8')) as Partial<LaunchRecord>;
    const port = Number(raw.port);
    const token = String(raw.token ?? '');
    if (!Number.isInteger(port) || port < 1024 || port > 65535 || !/^[0-9a-f]{64}$/.test(token)) return null;
    return { port, token };
  } catch {
    return null;
  }
}

/** Writes the record (temp file then rename, owner-only permissions). A failure only costs reconnection. */
export function writeLaunchRecord(dataDir: string, record: LaunchRecord): boolean {
  const target = join(dataDir, LAUNCH_FILE);
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(record), { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, target);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false;
  }
}
