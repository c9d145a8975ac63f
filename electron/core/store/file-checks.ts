// Small checks on the files of the data folder, shared by opening the store and the open store:
// who may read them, what their header says, whether a path still names the file we opened.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { chmodSync, statSync } from 'node:fs';
import { APPLICATION_ID } from './migrations';
import { inspect } from './database';
import type { FileHeader } from './database';

/** The database and every file beside it are the owner's only (SQLite gives -wal and -shm the database's mode). */
export function secure(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      chmodSync(f, 0o600);
    } catch {
      // not there (yet), or a file system without modes
    }
  }
}

/** The header, or null when there is none or it is damaged (the start-up check deals with that). */
export function readHeader(path: string): FileHeader | null {
  try {
    return inspect(path);
  } catch {
    return null;
  }
}

/** Whether a file whose header is not ours holds our tables all the same (its header was damaged). */
export function hasOurTables(path: string): boolean {
  let db: Db | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const names = new Set(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[]);
    return ['units', 'reports', 'section_texts', 'cells'].every((t) => names.has(t));
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** A file with no application id is only acceptable when empty (e.g. created, then the first migration interrupted). */
export function isForeign(header: FileHeader): boolean {
  return header.appId !== APPLICATION_ID && !(header.appId === 0 && header.version === 0 && (header.pages ?? 0) <= 1);
}

/** Which file a path names now (null when there is none): a file deleted or replaced while open changes it. */
export function identity(path: string): string | null {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}
