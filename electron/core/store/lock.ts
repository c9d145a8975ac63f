// One program per data folder. The lock is an exclusive SQLite transaction held on a small file
// beside the database: SQLite takes it with fcntl (POSIX) or LockFileEx (Windows), which the OS
// drops when the process ends however it ends, so a killed or crashed instance never blocks the
// next start. The database itself is not locked: tools may still read it while the program runs.
// A lock file can be deleted while held (POSIX lets anyone with write access to the folder unlink
// it), and a second program would then lock a new file of the same name: so the holder checks,
// before each write, that the file it locked is still the one in the folder, and takes the new
// one if nobody else holds it; if another program does, this one stops writing.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from './errors';

export const LOCK_FILE_NAME = 'nianbao.lock';

function inUse(dataDir: string): StoreError {
  return new StoreError(
    'conflict',
    `数据文件夹 ${dataDir} 正在被另一个年报编制助手使用（另一个窗口或浏览器方式的程序）。同一份数据只能由一个程序打开，以免互相覆盖。请切换到已经打开的那个窗口；如果找不到，请关闭它或重启电脑后再打开。`,
  );
}

/** Which file a path names now (null when there is none). */
function identity(path: string): string | null {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

function lockFile(dataDir: string): { db: Db; id: string } {
  const path = join(dataDir, LOCK_FILE_NAME);
  let db: Db | null = null;
  try {
    db = new Database(path, { timeout: 0 });
    // The lock never writes: a journal in memory lets it be taken on a full disk too.
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
    try {
      chmodSync(path, 0o600);
    } catch {
      // a file system without modes
    }
    return { db, id: identity(path) ?? '' };
  } catch (err) {
    db?.close();
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw inUse(dataDir);
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM' || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR')
      throw new StoreError(
        'io',
        `数据文件夹 ${dataDir} 是只读的，或本用户没有在其中写入的权限，程序无法在这里保存报告。请把数据文件夹的权限改为可写，或用 --data-dir 指定另一个可以写入的文件夹（例如“文档”中的一个文件夹）。`,
      );
    throw new StoreError('io', `无法在数据文件夹 ${dataDir} 中建立锁文件（${code || '未知原因'}）。请检查文件夹权限和磁盘空间后重试。`);
  }
}

export class DataDirLock {
  /** set once another program has taken the folder: this one never writes again */
  private lost = false;

  private constructor(
    private readonly dataDir: string,
    private held: { db: Db; id: string },
  ) {}

  /** Throws StoreError('conflict') when another instance holds the folder. */
  static acquire(dataDir: string): DataDirLock {
    return new DataDirLock(dataDir, lockFile(dataDir));
  }

  /**
   * Before a write: the lock file in the folder is still the one held. Gone or replaced, it is
   * taken again when free (nothing else got in); held by another program, throws conflict, now
   * and for every later write.
   */
  verify(): void {
    if (this.lost) throw this.lostError();
    if (identity(join(this.dataDir, LOCK_FILE_NAME)) === this.held.id) return;
    let again: { db: Db; id: string };
    try {
      again = lockFile(this.dataDir);
    } catch (err) {
      if (err instanceof StoreError && err.code === 'conflict') {
        this.lost = true;
        throw this.lostError();
      }
      throw err;
    }
    const old = this.held;
    this.held = again;
    old.db.close();
  }

  private lostError(): StoreError {
    return new StoreError(
      'conflict',
      `数据文件夹 ${this.dataDir} 中的锁文件（${LOCK_FILE_NAME}）被删除了，另一个年报编制助手随后打开了同一份数据。为免两个程序互相覆盖，这个程序不再保存修改，刚才的修改没有保存。请关闭这个窗口，在另一个已经打开的程序中继续填写。`,
    );
  }

  release(): void {
    const db = this.held.db;
    if (!db.open) return;
    try {
      if (db.inTransaction) db.exec('ROLLBACK');
    } finally {
      db.close();
    }
  }
}
