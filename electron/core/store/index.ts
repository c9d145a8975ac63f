// The store: one SQLite file in the data directory, owned by the main side only. This file is the
// facade callers use; each job lives in its own module: database (open, migrate), lock (one program
// per folder), startup (the damaged-file check), units, reports, content (sections, cells, marks),
// exports, ui-state and backups.
import Database from 'better-sqlite3';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { StoreError } from './errors';
import { APPLICATION_ID, MIGRATIONS } from './migrations';
import type { Migration } from './migrations';
import { DB_FILE_NAME, foreignFileError, migrate, newerVersionError, openConnection, parseJson } from './database';
import { DataDirLock } from './lock';
import { unsealedChanges } from './checksum';
import { checkDataFile, chineseTime, keepAside, lastSavedIn, offerText, SESSION_MARKER } from './startup';
import type { StartupOffer, StartupProblem } from './startup';
import { backupContent, contentOf, lastGoodCopy, listBackupFiles, makeBackup, newestBackupVersion, newestBackupWithReports } from './backups';
import * as uiState from './ui-state';
import { logInfo, logWarn } from '../log/index';
import { Store } from './store';
import { hasOurTables, isForeign, readHeader, secure } from './file-checks';

export { Store };

export { StoreError } from './errors';
export { APPLICATION_ID, LATEST_VERSION, MIGRATIONS } from './migrations';
export type { Migration } from './migrations';
export type { BackupFile } from './backups';
export { DB_FILE_NAME } from './database';
export { LOCK_FILE_NAME } from './lock';
export { SESSION_MARKER } from './startup';
export type { StartupOffer, StartupProblem } from './startup';
export type { UnitRecord } from './units';
export type { ExportRow } from './exports';

export interface OpenStoreOptions {
  /** make an automatic backup at open (default true) */
  backupAtOpen?: boolean;
  /** the migration list; tests pass a longer one to exercise upgrading an existing file */
  migrations?: readonly Migration[];
}

/** Why a data folder cannot be used, in Chinese, from the system's error code (its own words are English). */
function folderError(dataDir: string, err: unknown): StoreError {
  const code = (err as { code?: string }).code ?? '';
  const why =
    code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
      ? '文件夹是只读的，或本用户没有写入的权限'
      : code === 'ENOTDIR' || code === 'EEXIST'
        ? '路径中有一个同名的文件而不是文件夹'
        : code === 'ENOENT'
          ? '上级文件夹不存在或无法写入'
          : code === 'ENOSPC'
            ? '磁盘已满'
            : `错误代码 ${code || '未知'}`;
  return new StoreError('io', `无法创建数据文件夹 ${dataDir}：${why}。请检查权限，或用 --data-dir 指定另一个可以写入的文件夹。`);
}

/** Whether the disk holding the data folder is full: a small file that cannot be written says so. */
function diskFull(dataDir: string): boolean {
  const probe = join(dataDir, `.nianbao-space-${process.pid}`);
  try {
    writeFileSync(probe, Buffer.alloc(256 * 1024), { mode: 0o600 });
    return false;
  } catch (err) {
    const code = (err as { code?: string }).code;
    return code === 'ENOSPC' || code === 'EDQUOT';
  } finally {
    rmSync(probe, { force: true });
  }
}

const DISK_FULL_READ_ONLY =
  '磁盘已满，程序以只读方式打开：可以查看、核对和导出报告，但现在不能保存任何修改（这时输入的内容不会被保存）。请删除一些不需要的文件、腾出磁盘空间后，关闭并重新打开程序。';

/** Opens (creating if needed) the store in dataDir. Throws StoreError with a Chinese message. */
export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<Store> {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw folderError(dataDir, err);
  }
  try {
    // Report text: the folder is its owner's only.
    chmodSync(dataDir, 0o700);
  } catch {
    // a file system without modes, or a folder of another owner (the write check below decides)
  }
  try {
    accessSync(dataDir, constants.W_OK);
  } catch {
    throw new StoreError(
      'io',
      `数据文件夹 ${dataDir} 是只读的，或本用户没有在其中写入的权限，程序无法在这里保存报告。请把数据文件夹的权限改为可写，或用 --data-dir 指定另一个可以写入的文件夹（例如“文档”中的一个文件夹）。`,
    );
  }
  const full = diskFull(dataDir);
  const lock = DataDirLock.acquire(dataDir);
  try {
    return full ? await openReadOnly(dataDir, lock, options) : await openLocked(dataDir, lock, options);
  } catch (err) {
    lock.release();
    throw err;
  }
}

/**
 * A full disk at start: the data is read into memory as it stands (with its -wal, when SQLite can
 * read it without writing) and the program runs read-only, saying so; nothing in the folder changes.
 */
async function openReadOnly(dataDir: string, lock: DataDirLock, options: OpenStoreOptions): Promise<Store> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1].version;
  const path = join(dataDir, DB_FILE_NAME);
  const found = readHeader(path);
  if (found && found.version > latest) throw newerVersionError(path, found.version, latest);
  let bytes: Buffer | null = null;
  // A clean exit leaves the whole data in the file; after an unclean one SQLite reads it with its -wal.
  if (existsSync(path) && statSync(path).size > 0 && !existsSync(`${path}-wal`)) bytes = readFileSync(path);
  else if (existsSync(path) && statSync(path).size > 0) {
    try {
      const file = new Database(path, { readonly: true, fileMustExist: true });
      try {
        bytes = file.serialize();
      } finally {
        file.close();
      }
    } catch {
      bytes = readFileSync(path);
    }
  }
  // In memory there is no -wal: the header's WAL marks (bytes 18–19) go back to the rollback journal's.
  if (bytes && bytes.length >= 100) bytes[18] = bytes[19] = 1;
  const db = bytes ? new Database(bytes) : new Database(':memory:');
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > 0 && db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw foreignFileError(path);
    migrate(db, version, migrations);
    db.pragma('foreign_keys = ON');
    logWarn('store', `启动：磁盘已满，以只读方式打开（${contentOf(db).reports} 份报告）`);
    return new Store(db, dataDir, path, lock, { kind: 'read-only', message: DISK_FULL_READ_ONLY, keptAt: '', offer: null }, DISK_FULL_READ_ONLY);
  } catch (err) {
    db.close();
    throw err;
  }
}

/** What the data folder holds from earlier sessions: a first run has none of it. */
function earlierData(dataDir: string): { offer: StartupOffer | null; backups: number; damagedKept: boolean } {
  const found = newestBackupWithReports(dataDir);
  const offer = found ? { fileName: found.backup.fileName, createdAt: found.backup.createdAt, reports: found.content.reports } : null;
  const damaged = join(dataDir, 'damaged');
  const damagedKept = existsSync(damaged) && readdirSync(damaged).length > 0;
  return { offer, backups: listBackupFiles(dataDir).length, damagedKept };
}

/** Kept in the data file after a start that found the data lost, until it holds a report again. */
const LOST_KEY = 'startup.lost';

async function openLocked(dataDir: string, lock: DataDirLock, options: OpenStoreOptions): Promise<Store> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1].version;
  const path = join(dataDir, DB_FILE_NAME);
  const where = (dir: string) => relative(dataDir, dir) || dir;
  const earlier = earlierData(dataDir);
  const hadEarlier = earlier.backups > 0 || earlier.damagedKept;
  const hadFile = existsSync(path);
  if (existsSync(join(dataDir, SESSION_MARKER))) logWarn('store', '上次没有正常退出（程序被强行结束、崩溃或断电），本次启动检查数据文件并恢复');

  // A file from a newer version is refused before anything opens it; so is a file of another
  // program, unless backups show this folder held our data: then it replaced ours by mistake,
  // and is moved aside whole so that a backup can be restored.
  let lost: string | null = null;
  let damaged: string | null = null;
  let keptAt = '';
  const found = readHeader(path);
  if (found && found.version > latest) {
    // A newer program backs up at every start, so its version shows in the backups; a version
    // above ours that no backup has is a damaged header (flipped bits), not a newer program.
    if (earlier.backups === 0 || newestBackupVersion(dataDir) > latest) throw newerVersionError(path, found.version, latest);
    damaged = `文件头中的数据版本号（${found.version}）被改动了`;
  } else if (found && isForeign(found)) {
    if (!hadEarlier) throw foreignFileError(path);
    if (hasOurTables(path)) damaged = '文件头中的程序标识被改动了';
    else lost = `数据文件（${DB_FILE_NAME}）不是年报编制助手的数据文件`;
  }
  if (damaged || lost) {
    keptAt = keepAside(path, dataDir, 'move', damaged ?? '不是年报编制助手的数据文件');
    if (lost) lost += `（原文件已原样移到数据文件夹的“${where(keptAt)}”中）`;
  }
  let problem: StartupProblem | null = null;
  let verdict = checkDataFile(path, dataDir);
  if (!verdict.ok && verdict.kind === 'wal-missing') {
    const dir = keepAside(path, dataDir, 'copy', verdict.detail);
    problem = {
      kind: 'wal-missing',
      message: `启动时发现${verdict.detail}。${lastSavedIn(path)}。数据文件的原样副本已保存在数据文件夹的“${where(dir)}”中；如有缺失，也可点“从备份恢复”选择一份备份。`,
      keptAt: dir,
      offer: null,
    };
    verdict = checkDataFile(path, dataDir);
  }
  // A damaged file is moved aside whole: the program starts on a new file and offers a restore.
  if (!verdict.ok) {
    keptAt = keepAside(path, dataDir, 'move', verdict.detail, verdict.technical);
    damaged = verdict.detail;
  }
  const header = verdict.ok ? verdict.header : null;
  const emptyFile = hadFile && existsSync(path) && statSync(path).size === 0;

  let db = openConnection(path);
  try {
    // The header read above can lag behind a WAL that was never checkpointed: check again, now that it is replayed.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) throw newerVersionError(path, version, latest);
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (version > 0 && appId !== APPLICATION_ID) throw foreignFileError(path);
    // No data in the file while backups or kept files show there was: never a first run.
    if (!lost && !damaged && version === 0 && hadEarlier)
      lost = !hadFile
        ? `数据文件（${DB_FILE_NAME}）不见了`
        : emptyFile
          ? `数据文件（${DB_FILE_NAME}）是空的（0 字节）`
          : `数据文件（${DB_FILE_NAME}）是一个没有任何数据的空文件`;
    if (header && version > 0 && version < latest) await makeBackup(db, dataDir, 'pre-migration', `-v${version}`);
    let fresh = false;
    try {
      migrate(db, version, migrations);
    } catch (err) {
      if (!String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_')) throw err;
      // SQLite refuses the migration: the schema is not what the version says (a flipped version number, a half-copied file): the
      // migration was rolled back; the file is kept aside as it is and the program starts afresh.
      db.close();
      keptAt = keepAside(path, dataDir, 'move', '数据版本号与文件内容不符，无法升级', `${(err as { code?: string }).code ?? ''}: ${(err as Error).message}`);
      damaged = '数据版本号与文件内容不符';
      db = openConnection(path);
      migrate(db, 0, migrations);
      fresh = true;
    }
    secure(path);
    writeFileSync(join(dataDir, SESSION_MARKER), `${process.pid}\n`, { mode: 0o600 });
    const offer = earlier.offer;
    const next = offerText(offer, earlier.backups, earlier.damagedKept);
    if (damaged) {
      problem = {
        kind: 'damaged',
        message: `启动时发现数据文件已损坏（${damaged}）。原文件已原样保存在数据文件夹的“${where(keptAt)}”中，程序已换用一个新的空数据文件。${next}`,
        keptAt,
        offer,
      };
    } else if (lost) {
      problem = { kind: 'lost', message: `启动时发现${lost}，但数据文件夹中留有以前的数据，所以程序没有把这次当作第一次使用。${next}`, keptAt, offer };
    }
    if (damaged || lost) {
      uiState.setUiValues(db, { [LOST_KEY]: JSON.stringify({ what: damaged ? `数据文件已损坏（${damaged}）` : lost, at: new Date().toISOString(), keptAt }) });
    } else {
      // A start after one that found the data lost: said again while the file holds no report.
      const before = parseJson<{ what: string; at: string; keptAt: string } | null>(uiState.getUiValue(db, LOST_KEY), null);
      if (before && contentOf(db).reports === 0 && !problem)
        problem = {
          kind: 'lost',
          message: `${chineseTime(before.at)} 启动时发现${before.what}，现在的数据中还没有报告。${next}`,
          keptAt: before.keptAt,
          offer,
        };
      else if (before && contentOf(db).reports > 0) uiState.setUiValues(db, { [LOST_KEY]: null });
    }
    // Each report against its seal: a flipped bit in stored text passes SQLite's own check, not this one.
    const changed = unsealedChanges(db);
    if (changed.length > 0) {
      const good = changed.map((r) => ({ ...r, backup: lastGoodCopy(dataDir, r.id) }));
      const said = good
        .map((r) =>
          r.backup
            ? `${r.year}年度报告最后一份完好的副本在 ${chineseTime(r.backup.createdAt)} 的备份中`
            : `${r.year}年度报告没有找到完好的备份，请逐项核对它的内容`,
        )
        .join('；');
      const first = good.find((r) => r.backup)?.backup ?? null;
      const message = `启动时发现${good.map((r) => `${r.year}年度报告`).join('、')}的内容与上次保存时记下的校验值不一致：数据文件中的文字或数字可能被磁盘错误改动了。${said}。${first ? '请点“恢复这份备份”找回，或点“从备份恢复”选择其他备份。' : ''}`;
      logWarn('store', `校验值不一致：${good.map((r) => `${r.year}年度报告（${r.backup ? `完好副本 ${r.backup.fileName}` : '没有完好副本'}）`).join('、')}`);
      const offer = first ? { fileName: first.fileName, createdAt: first.createdAt, reports: backupContent(first)?.reports ?? 0 } : null;
      if (problem) problem = { ...problem, message: `${problem.message}\n${message}`, offer: problem.offer ?? offer };
      else problem = { kind: 'checksum', message, keptAt: '', offer };
    }
    const store = new Store(db, dataDir, path, lock, problem);
    if ((options.backupAtOpen ?? true) && header && version > 0 && !fresh) await makeBackup(db, dataDir, 'auto');
    const c = contentOf(db);
    logInfo('store', `启动：数据版本 ${version}→${latest}，${c.reports} 份报告${problem ? `；启动检查：${problem.kind}` : ''}`);
    return store;
  } catch (err) {
    db.close();
    throw err;
  }
}
