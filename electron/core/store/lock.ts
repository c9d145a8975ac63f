// One program per data folder. The lock is an exclusive SQLite transaction held on a small file
// beside the database: SQLite takes it with fcntl (POSIX) or LockFileEx (Windows), which the OS
// drops when the process ends however it ends, so a killed or crashed instance never blocks the
// next start. The database itself is not locked: tools may still read it while the program runs.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { join } from 'node:path';
import { StoreError } from './errors';

export const LOCK_FILE_NAME = 'nianbao.lock';

export class DataDirLock {
  private constructor(private readonly db: Db) {}

  /** Throws StoreError('conflict') when another instance holds the folder. */
  static acquire(dataDir: string): DataDirLock {
    const path = join(dataDir, LOCK_FILE_NAME);
    let db: Db | null = null;
    try {
      db = new Database(path, { timeout: 0 });
      db.exec('BEGIN EXCLUSIVE');
      return new DataDirLock(db);
    } catch (err) {
      db?.close();
      const code = (err as { code?: string }).code ?? '';
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
        throw new StoreError(
          'conflict',
          `数据文件夹 ${dataDir} 正在被另一个年报编制助手使用（另一个窗口或浏览器方式的程序）。同一份数据只能由一个程序打开，以免互相覆盖。请切换到已经打开的那个窗口；如果找不到，请关闭它或重启电脑后再打开。`,
        );
      }
      throw new StoreError('io', `无法在数据文件夹 ${dataDir} 中建立锁文件：${(err as Error).message}。请检查文件夹权限后重试。`);
    }
  }

  release(): void {
    if (!this.db.open) return;
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    } finally {
      this.db.close();
    }
  }
}
