// The start-up check of the data file. A truncated or damaged file, or one whose write-ahead log
// (-wal) went missing after an unclean exit, is found before anything writes to it; the file is
// kept aside byte for byte in damaged/<time>/, and the clerk is told and offered a backup restore.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { StoreError } from './errors';
import { damagedFileError, describeOpenError, inspect } from './database';
import type { FileHeader } from './database';

/** Present while a program has the database open; left behind by a crash or a power cut. */
export const SESSION_MARKER = 'nianbao.sqlite-session';

export interface StartupOffer {
  fileName: string;
  createdAt: string;
  reports: number;
}

export interface StartupProblem {
  /**
   * damaged: moved aside; wal-missing: the last edits may be gone; lost: no usable data file (missing,
   * empty, not ours) while backups hold data; checksum: a report's content changed unseen; read-only: no room to write
   */
  kind: 'damaged' | 'wal-missing' | 'lost' | 'checksum' | 'read-only';
  /** Chinese, for the clerk: what happened, where the file is kept, what to do */
  message: string;
  /** the folder holding the file as it was found ('' when there was nothing to keep) */
  keptAt: string;
  /** the newest backup holding reports, restored in one click */
  offer: StartupOffer | null;
}

/** detail is for the clerk (Chinese, one line); technical is SQLite's own words, kept in the 说明.txt beside the file. */
type Verdict = { ok: true; header: FileHeader | null } | { ok: false; kind: 'damaged' | 'wal-missing'; detail: string; technical?: string };

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
    // The machine's troubles (no access, busy, no memory or space) are not the file's; anything else SQLite
    // refuses in a file that passed the header check (an unsupported format number, a malformed schema) is damage.
    if (/^SQLITE_(CANTOPEN|BUSY|LOCKED|PERM|READONLY|FULL|NOMEM|AUTH)/.test(code)) throw describeOpenError(path, err);
    return { ok: false, kind: 'damaged', detail: '文件无法读取', technical: `${code}: ${(err as Error).message}` };
  } finally {
    db?.close();
  }
  return { ok: true, header };
}

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
}

/**
 * Keeps the file as found, in damaged/<time>/ with a 说明.txt. A damaged or foreign file (and its
 * -wal/-shm) is moved aside, so the program starts on a fresh file and the clerk can restore a
 * backup; a file that lost its WAL is whole but may lack the last edits, so a copy is kept aside
 * and the program goes on with it. Returns the folder.
 */
export function keepAside(path: string, dataDir: string, how: 'move' | 'copy', detail: string, technical = ''): string {
  const base = join(dataDir, 'damaged');
  let dir = join(base, stamp());
  for (let i = 2; existsSync(dir); i++) dir = join(base, `${stamp()}-${i}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = (f: string) => join(dir, basename(f));
  if (how === 'move') {
    for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) renameSync(f, name(f));
  } else {
    copyFileSync(path, name(path));
  }
  rmSync(join(dataDir, SESSION_MARKER), { force: true });
  writeFileSync(
    join(dir, '说明.txt'),
    `年报编制助手 ${new Date().toISOString()} 启动时发现数据文件有问题：${detail}。\r\n这里是当时的原样文件，程序没有改动它们。需要时请交给技术人员。\r\n${technical.replace(/\n/g, '\r\n')}\r\n`,
    { mode: 0o600 },
  );
  return dir;
}

/** A time as the clerk reads it: 2026年1月5日 09:30. */
export function chineseTime(iso: string, seconds = false): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}${seconds ? `:${p(d.getSeconds())}` : ''}`;
}

/**
 * What a file that lost its WAL still holds, report by report: the time of the last change it has.
 * Everything saved after that time was only in the lost -wal. Read without changing the file.
 */
export function lastSavedIn(path: string): string {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.prepare(`SELECT year, updated_at FROM reports ORDER BY year DESC`).all() as { year: number; updated_at: string }[];
    const unit = db.prepare(`SELECT max(updated_at) FROM units`).pluck().get() as string | null;
    const parts = rows.map((r) => `${r.year}年度报告保存到 ${chineseTime(r.updated_at, true)} 为止的内容`);
    if (unit) parts.push(`机关信息保存到 ${chineseTime(unit, true)} 为止的内容`);
    return parts.length ? `数据文件中现有的是：${parts.join('；')}。在这些时间之后所做的修改都没有保存下来，请逐项核对并补上` : '数据文件中还没有报告';
  } catch {
    return '无法读出数据文件中最后保存的时间';
  } finally {
    db?.close();
  }
}

/** What the clerk can do next: restore the newest backup holding reports, in one click. */
export function offerText(offer: StartupOffer | null, backups: number, damagedKept: boolean): string {
  if (offer)
    return `最近一份有报告的备份是 ${chineseTime(offer.createdAt)} 的备份（${offer.reports} 份报告）。请点“恢复这份备份”一步找回；也可以点“从备份恢复”选择其他备份。`;
  if (backups > 0) return `数据文件夹中有 ${backups} 份备份，但都没有报告。可点“从备份恢复”查看。`;
  if (damagedKept) return '数据文件夹的“damaged”中保存着以前的数据文件，请先不要重新填写，把整个数据文件夹交给技术人员找回。';
  return '请点“从备份恢复”，选择最近的一份备份恢复报告。';
}
