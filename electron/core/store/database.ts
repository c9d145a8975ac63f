// Opening the SQLite file: the header read without opening it (a file we must refuse stays byte
// for byte as it was), the connection settings, and the migrations applied in one transaction.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { StoreError } from './errors';
import { nativeLoadMessage } from '../native-load';
import { APPLICATION_ID, MIGRATIONS } from './migrations';
import type { Migration } from './migrations';

export const DB_FILE_NAME = 'nianbao.sqlite';

/** Timestamps are ISO 8601 UTC; strictly increasing within a process so updated_at always moves. */
let lastNow = 0;
export function now(): string {
  let t = Date.now();
  if (t <= lastNow) t = lastNow + 1;
  lastNow = t;
  return new Date(t).toISOString();
}

export function damagedFileError(path: string): StoreError {
  return new StoreError('io', `数据文件 ${path} 已损坏或不是数据库文件，程序没有改动它。请从 backups 文件夹中的备份恢复，或换一个数据文件夹。`);
}

export function describeOpenError(path: string, err: unknown): StoreError {
  const native = nativeLoadMessage(err);
  if (native) return new StoreError('io', native);
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return damagedFileError(path);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new StoreError('io', `数据文件 ${path} 正被另一个程序占用。请关闭其他正在运行的年报编制助手后重试。`);
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM' || code === 'EACCES') {
    return new StoreError('io', `无法打开数据文件 ${path}：没有读写权限或文件夹不存在。请检查文件夹权限后重试。`);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return new StoreError('io', `无法打开数据文件 ${path}：磁盘已满。请删除一些不需要的文件，腾出磁盘空间后重试。`);
  return new StoreError(
    'io',
    `无法打开数据文件 ${path}（错误代码 ${code || '未知'}）。请检查磁盘和文件夹权限后重试；如果反复出现，请在「数据备份」中导出诊断信息交给技术人员。`,
  );
}

export interface FileHeader {
  version: number;
  appId: number;
  /** the in-header database size in pages, when SQLite's own rule says it is valid (else null) */
  pages: number | null;
  pageSize: number;
}

/**
 * Reads the file header (https://sqlite.org/fileformat.html#the_database_header) without opening
 * the database. null when there is no file or it is empty; throws for a file that is not SQLite.
 */
export function inspect(path: string): FileHeader | null {
  if (!existsSync(path)) return null;
  let header: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      header = Buffer.alloc(100);
      const n = readSync(fd, header, 0, 100, 0);
      if (n === 0) return null;
      if (n < 100) header = header.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw describeOpenError(path, err);
  }
  if (header.length < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') throw damagedFileError(path);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  // The size field is only valid when the change counter matches "version-valid-for" (offset 92).
  const sizeValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  return { pages: sizeValid ? pages : null, pageSize, version: header.readUInt32BE(60), appId: header.readInt32BE(68) };
}

export function newerVersionError(path: string, version: number, latest: number): StoreError {
  return new StoreError(
    'newer_version',
    `数据文件 ${path} 是由更新版本的年报编制助手保存的（数据版本 ${version}，本程序只认识到 ${latest}）。为保护数据，程序没有打开也没有改动它。请安装最新版本的年报编制助手后再打开。`,
  );
}

export function foreignFileError(path: string): StoreError {
  return new StoreError('io', `数据文件 ${path} 不是年报编制助手的数据文件，程序没有改动它。请把它移走，或用 --data-dir 指定另一个文件夹。`);
}

export function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  // The bundled build defaults WAL to NORMAL; FULL makes every acknowledged commit durable.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function openConnection(path: string): Db {
  let db: Db | null = null;
  try {
    db = new Database(path);
    configure(db);
    return db;
  } catch (err) {
    db?.close();
    throw describeOpenError(path, err);
  }
}

/**
 * Applies the pending migrations in one transaction. Foreign keys are off meanwhile (SQLite's
 * procedure for rebuilding a table: a DROP would otherwise cascade into the rows that refer to it)
 * and checked before the commit.
 */
export function migrate(db: Db, from: number, migrations: readonly Migration[] = MIGRATIONS): void {
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
      db.pragma(`application_id = ${APPLICATION_ID}`);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new StoreError('io', `升级数据文件时发现 ${broken.length} 处数据引用不一致，已撤销升级，数据没有改动。请联系技术支持。`);
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null || text === '') return fallback;
  return JSON.parse(text) as T;
}
