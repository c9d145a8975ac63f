// Backup files of the database in <dataDir>/backups/: made with SQLite's online backup (a
// consistent copy even in WAL mode), rotated per kind, and checked before a restore.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from './errors';
import { inspect } from './database';
import { contentHash } from './checksum';
import { APPLICATION_ID, LATEST_VERSION } from './migrations';
import { BACKUP_KINDS } from '../../../shared/api';
import type { BackupKind } from '../../../shared/api';

export type { BackupKind } from '../../../shared/api';

/** How many backups of each kind are kept (oldest removed first). */
export const KEEP: Record<BackupKind, number> = { auto: 10, manual: 10, 'pre-change': 10, 'pre-migration': 5, 'pre-restore': 5 };

const NAME = new RegExp(`^nianbao-(\\d{8})-(\\d{6})-(\\d{3})-(${BACKUP_KINDS.join('|')})(?:-v\\d+)?\\.sqlite$`);

export interface BackupFile {
  fileName: string;
  path: string;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
}

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}-${p(d.getUTCMilliseconds(), 3)}`;
}

/** A backup's file name is only ever one of ours: this is also the restore path's traversal guard. */
export function isBackupFileName(name: string): boolean {
  return NAME.test(name);
}

export function listBackupFiles(dataDir: string): BackupFile[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const fileName of readdirSync(dir)) {
    const m = NAME.exec(fileName);
    if (!m) continue;
    const [, ymd, hms, ms, kind] = m;
    const createdAt = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}T${hms.slice(0, 2)}:${hms.slice(2, 4)}:${hms.slice(4, 6)}.${ms}Z`;
    const path = join(dir, fileName);
    out.push({ fileName, path, kind: kind as BackupKind, createdAt, bytes: statSync(path).size });
  }
  // Newest first; the name sorts by time.
  return out.sort((a, b) => (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0));
}

/** Copies the open database into a new backup file and removes the oldest of that kind beyond KEEP. */
export async function makeBackup(db: Db, dataDir: string, kind: BackupKind, suffix = ''): Promise<BackupFile> {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let when = new Date();
  let fileName = `nianbao-${stamp(when)}-${kind}${suffix}.sqlite`;
  // Two backups within the same millisecond would share a name: move to the next millisecond.
  while (existsSync(join(dir, fileName))) {
    when = new Date(when.getTime() + 1);
    fileName = `nianbao-${stamp(when)}-${kind}${suffix}.sqlite`;
  }
  const path = join(dir, fileName);
  try {
    await db.backup(path);
    // The copy inherits WAL mode; a backup should be one self-contained file that opens anywhere
    // (and reading it must not leave -wal/-shm files beside it).
    const copy = new Database(path);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    // Report text: readable by its owner only.
    chmodSync(path, 0o600);
  } catch (err) {
    rmSync(path, { force: true });
    const code = (err as { code?: string }).code ?? '';
    const why = /FULL|ENOSPC/.test(code) ? '磁盘已满' : /READONLY|CANTOPEN|PERM|EACCES|EROFS/.test(code) ? '没有写入权限' : `错误代码 ${code || '未知'}`;
    throw new StoreError('io', `无法备份数据文件到 ${dir}（${why}）。请检查磁盘空间和文件夹权限后重试。`);
  }
  rotate(dataDir, kind, contentOf(db));
  const bytes = statSync(path).size;
  return { fileName, path, kind, createdAt: when.toISOString(), bytes };
}

/** How much a database holds: its reports, and its content (characters of text, cells filled, units). */
export interface Content {
  reports: number;
  content: number;
}

export function contentOf(db: Db): Content {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM reports) AS reports,
              (SELECT coalesce(sum(length(text)), 0) FROM section_texts) + (SELECT count(*) FROM cells) + (SELECT count(*) FROM units) AS content`,
    )
    .get() as Content;
  return { reports: row.reports, content: row.content };
}

/** A backup file never changes once written: its content is read once per process. */
const contentCache = new Map<string, Content | null>();

/** What a backup holds, read without changing it; null when it is not a readable database of ours. */
export function backupContent(backup: BackupFile): Content | null {
  const key = `${backup.path}\0${backup.bytes}`;
  if (contentCache.has(key)) return contentCache.get(key)!;
  let found: Content | null = null;
  let db: Db | null = null;
  try {
    db = new Database(backup.path, { readonly: true, fileMustExist: true });
    if (db.pragma('application_id', { simple: true }) === APPLICATION_ID) found = contentOf(db);
  } catch {
    found = null;
  } finally {
    db?.close();
  }
  contentCache.set(key, found);
  return found;
}

/**
 * The newest backup that holds more reports or more content than `current`: the last good copy
 * after an accidental reset or a mass deletion. Rotation never removes it.
 */
export function newestRicherBackup(dataDir: string, current: Content): BackupFile | null {
  for (const b of listBackupFiles(dataDir)) {
    const c = backupContent(b);
    if (c && (c.reports > current.reports || c.content > current.content)) return b;
  }
  return null;
}

/** The highest data version among the backups (read from their headers): a newer program leaves its version here. */
export function newestBackupVersion(dataDir: string): number {
  let highest = 0;
  for (const b of listBackupFiles(dataDir)) {
    try {
      highest = Math.max(highest, inspect(b.path)?.version ?? 0);
    } catch {
      // a damaged backup says nothing about versions
    }
  }
  return highest;
}

/** The newest backup holding report `id` whole: its content matches the seal it was saved with. */
export function lastGoodCopy(dataDir: string, id: number): BackupFile | null {
  for (const b of listBackupFiles(dataDir)) {
    let db: Db | null = null;
    try {
      db = new Database(b.path, { readonly: true, fileMustExist: true });
      const seal = db.prepare(`SELECT content_sha FROM reports WHERE id = ?`).pluck().get(id) as string | null | undefined;
      if (seal && seal === contentHash(db, id)) return b;
    } catch {
      // a backup from before the checksum, or unreadable: it cannot vouch for the report
    } finally {
      db?.close();
    }
  }
  return null;
}

/** The newest backup that holds reports (the one to offer when the data file is gone), with what it holds. */
export function newestBackupWithReports(dataDir: string): { backup: BackupFile; content: Content } | null {
  for (const b of listBackupFiles(dataDir)) {
    const c = backupContent(b);
    if (c && c.reports > 0) return { backup: b, content: c };
  }
  return null;
}

/**
 * Removes the oldest backups of a kind beyond KEEP, by count and by content: the newest backup
 * holding more than the current database is kept outside the count, so ordinary starts on an
 * emptied database can never rotate away the last copy of the real reports.
 */
function rotate(dataDir: string, kind: BackupKind, current: Content): void {
  const keep = newestRicherBackup(dataDir, current);
  const ofKind = listBackupFiles(dataDir).filter((b) => b.kind === kind && b.fileName !== keep?.fileName);
  for (const old of ofKind.slice(KEEP[kind])) rmSync(old.path, { force: true });
}

/** Opens a backup read-only and checks it is a whole database of ours that this version can open. */
export function verifyBackup(path: string): void {
  let db: Db | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID) throw new StoreError('invalid_input', '这个备份文件不是年报编制助手的数据，不能用来恢复。');
    if (version > LATEST_VERSION) throw new StoreError('newer_version', '这个备份由更新版本的年报编制助手生成，请先升级程序再恢复。');
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new StoreError('io', '这个备份文件已损坏，不能用来恢复，请选择另一个备份。');
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw new StoreError('io', `这个备份文件无法读取（错误代码 ${(err as { code?: string }).code ?? '未知'}），请选择另一个备份。`);
  } finally {
    db?.close();
  }
}
