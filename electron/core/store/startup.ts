// The start-up check of the data file. A truncated or damaged file, or one whose write-ahead log
// (-wal) went missing after an unclean exit, is found before anything writes to it; the file is
// kept aside byte for byte in damaged/<time>/, and the clerk is told and offered a backup restore.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { StoreError } from './errors';
import { damagedFileError, inspect } from './database';
import type { FileHeader } from './database';

/** Present while a program has the database open; left behind by a crash or a power cut. */
export const SESSION_MARKER = 'nianbao.sqlite-session';

export interface StartupProblem {
  kind: 'damaged' | 'wal-missing';
  /** Chinese, for the clerk: what happened, where the file is kept, what to do */
  message: string;
  /** the folder holding the file as it was found */
  keptAt: string;
}

/** detail is for the clerk (Chinese, one line); technical is SQLite's own words, kept in the 说明.txt beside the file. */
type Verdict = { ok: true; header: FileHeader | null } | { ok: false; kind: StartupProblem['kind']; detail: string; technical?: string };

/** Looks at the file without changing it: the header, its length, the WAL, then SQLite's integrity check. */
export function checkDataFile(path: string, dataDir: string): Verdict {
  let header: FileHeader | null;
  try {
    header = inspect(path);
  } catch (err) {
    if (err instanceof StoreError && err.message === damagedFileError(path).message) return { ok: false, kind: 'damaged', detail: '文件头不是数据库文件' };
    throw err;
  }
  if (!header) return { ok: true, header };
  if (header.pages !== null && statSync(path).size < header.pages * header.pageSize) return { ok: false, kind: 'damaged', detail: '文件被截短了' };
  const unclean = existsSync(join(dataDir, SESSION_MARKER));
  if (unclean && !existsSync(`${path}-wal`)) return { ok: false, kind: 'wal-missing', detail: '上次没有正常退出，而日志文件（nianbao.sqlite-wal）不见了' };
  // Read-only: a read-only connection never checkpoints, so the file and its WAL stay as found.
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') return { ok: false, kind: 'damaged', detail: '完整性检查没有通过', technical: String(result).slice(0, 2000) };
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR'))
      return { ok: false, kind: 'damaged', detail: '文件无法读取', technical: `${code}: ${(err as Error).message}` };
    throw err;
  } finally {
    db?.close();
  }
  return { ok: true, header };
}

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
}

/**
 * Keeps the file as found. A damaged file (and its -wal/-shm) is moved aside, so the program
 * starts on a fresh file and the clerk can restore a backup; a file that lost its WAL is whole
 * but may lack the last edits, so a copy is kept aside and the program goes on with it.
 */
export function keepAside(path: string, dataDir: string, kind: StartupProblem['kind'], detail: string, technical = ''): StartupProblem {
  const base = join(dataDir, 'damaged');
  let dir = join(base, stamp());
  for (let i = 2; existsSync(dir); i++) dir = join(base, `${stamp()}-${i}`);
  mkdirSync(dir, { recursive: true });
  const name = (f: string) => join(dir, basename(f));
  if (kind === 'damaged') {
    for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) renameSync(f, name(f));
  } else {
    copyFileSync(path, name(path));
  }
  rmSync(join(dataDir, SESSION_MARKER), { force: true });
  writeFileSync(
    join(dir, '说明.txt'),
    `年报编制助手 ${new Date().toISOString()} 启动时发现数据文件有问题：${detail}。\r\n这里是当时的原样文件，程序没有改动它们。需要时请交给技术人员。\r\n${technical.replace(/\n/g, '\r\n')}\r\n`,
  );
  const where = relative(dataDir, dir) || dir;
  const message =
    kind === 'damaged'
      ? `启动时发现数据文件已损坏（${detail}）。原文件已原样保存在数据文件夹的“${where}”中，程序已换用一个新的空数据文件。请点“从备份恢复”，选择最近的一份备份恢复报告。`
      : `启动时发现${detail}，最后一次保存前后的几处修改可能没有保存下来。数据文件的原样副本已保存在数据文件夹的“${where}”中。请核对最近填写的内容；如有缺失，可点“从备份恢复”选择一份备份。`;
  return { kind, message, keptAt: dir };
}
