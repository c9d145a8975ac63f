// The store: one SQLite file in the data directory, owned by the main side only. This file is the
// facade callers use; each job lives in its own module: database (open, migrate), lock (one program
// per folder), startup (the damaged-file check), units, reports, content (sections, cells, marks),
// exports, ui-state and backups.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import {
  accessSync,
  chmodSync,
  constants,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import type { ReportDoc, ReportStatus, ReportSummary, StoredReport, Unit } from '../../../shared/report';
import type { SectionKey } from '../../../shared/formats/types';
import { StoreError } from './errors';
import { APPLICATION_ID, MIGRATIONS } from './migrations';
import type { Migration } from './migrations';
import { DB_FILE_NAME, foreignFileError, inspect, migrate, newerVersionError, openConnection, parseJson } from './database';
import type { FileHeader } from './database';
import { DataDirLock } from './lock';
import { unsealedChanges } from './checksum';
import { checkDataFile, chineseTime, keepAside, lastSavedIn, offerText, SESSION_MARKER } from './startup';
import type { StartupOffer, StartupProblem } from './startup';
import {
  backupContent,
  contentOf,
  isBackupFileName,
  lastGoodCopy,
  listBackupFiles,
  makeBackup,
  newestBackupVersion,
  newestBackupWithReports,
  verifyBackup,
  backupsDir,
} from './backups';
import type { BackupFile, BackupKind } from './backups';
import * as units from './units';
import type { UnitRecord } from './units';
import * as reports from './reports';
import * as content from './content';
import * as exportsTable from './exports';
import type { ExportRow } from './exports';
import * as uiState from './ui-state';
import { logInfo, logWarn } from '../log/index';

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

/** The database and every file beside it are the owner's only (SQLite gives -wal and -shm the database's mode). */
function secure(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      chmodSync(f, 0o600);
    } catch {
      // not there (yet), or a file system without modes
    }
  }
}

/** The header, or null when there is none or it is damaged (the start-up check deals with that). */
function readHeader(path: string): FileHeader | null {
  try {
    return inspect(path);
  } catch {
    return null;
  }
}

/** Whether a file whose header is not ours holds our tables all the same (its header was damaged). */
function hasOurTables(path: string): boolean {
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
function isForeign(header: FileHeader): boolean {
  return header.appId !== APPLICATION_ID && !(header.appId === 0 && header.version === 0 && (header.pages ?? 0) <= 1);
}

/** Which file a path names now (null when there is none): a file deleted or replaced while open changes it. */
function identity(path: string): string | null {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/** How often an open store looks for a -wal or data file deleted under it between writes. */
const WATCH_MS = 2000;

export class Store {
  private readonly openedAt = Date.now();
  /** the data file and its -wal as this connection opened them */
  private fileId: string | null;
  private walId: string | null;
  /** why this session may not write (another program took the data file); null when it may */
  private refusal: string | null = null;
  private readonly watch: NodeJS.Timeout;

  constructor(
    private db: Db,
    readonly dataDir: string,
    readonly path: string,
    private readonly lock: DataDirLock | null = null,
    /** what the start-up check found (a damaged file kept aside), for the first screen; a restore settles it */
    public startupProblem: StartupProblem | null = null,
    /** set when the session starts read-only (a full disk): why every write is refused */
    private readonly readOnly: string | null = null,
  ) {
    this.refusal = readOnly;
    this.fileId = identity(path);
    this.walId = identity(`${path}-wal`);
    // Between writes too: an acknowledged edit must not stay in a -wal that was deleted.
    this.watch = setInterval(() => {
      try {
        this.ensureDurable();
      } catch (err) {
        logWarn('store', `检查数据文件时出错：${(err as Error).message}`);
      }
    }, WATCH_MS);
    this.watch.unref();
  }

  /** Checkpoints, marks the exit as clean, closes the file and lets the next program in. */
  close(): void {
    clearInterval(this.watch);
    if (this.db.open) {
      try {
        // A read-only session never wrote: the marker, if any, is an earlier session's.
        if (!this.readOnly) {
          this.db.pragma('wal_checkpoint(TRUNCATE)');
          rmSync(join(this.dataDir, SESSION_MARKER), { force: true });
        }
      } catch {
        // a full disk or a busy reader: the WAL stays and is replayed at the next start
      }
      this.db.close();
    }
    this.lock?.release();
  }

  /** Every write: the folder still ours, then the write, then made durable before it is acknowledged. */
  private write<T>(fn: () => T): T {
    this.beforeWrite();
    const value = fn();
    this.ensureDurable();
    return value;
  }

  private beforeWrite(): void {
    try {
      if (this.refusal) throw new StoreError(this.readOnly ? 'io' : 'conflict', this.refusal);
      this.lock?.verify();
      this.ensureDurable();
    } catch (err) {
      logWarn('store', `拒绝写入：${(err as Error).message}`);
      throw err;
    }
  }

  /**
   * The data file and its -wal are still the files this connection writes to. A -wal deleted while
   * the program runs would take every edit since the last checkpoint with it at the next crash:
   * found (at the next write, or within WATCH_MS), the edits are checkpointed into the data file at
   * once (fsynced, synchronous=FULL) and the file reopened with a new -wal; if that fails the write
   * is not acknowledged. A data file deleted under the program is written out again from the open
   * connection; one replaced by another file is left alone, and this session stops writing.
   */
  ensureDurable(): void {
    if (!this.db.open || this.refusal) return;
    const file = identity(this.path);
    const wal = identity(`${this.path}-wal`);
    if (file === this.fileId && wal !== null && (this.walId === null || wal === this.walId)) {
      this.walId = wal;
      return;
    }
    if (file !== null && file !== this.fileId) {
      this.refusal = `数据文件 ${this.path} 在程序运行时被另一个文件替换了（可能是另一个程序恢复了备份）。为免覆盖它，这个程序不再保存修改，刚才的修改没有保存。请关闭本程序后重新启动。`;
      logWarn('store', '数据文件被替换，停止写入');
      throw new StoreError('conflict', this.refusal);
    }
    try {
      if (file === null) {
        // The data file itself was deleted: the open connection still has all of it.
        this.db.exec(`VACUUM INTO '${this.path.replace(/'/g, "''")}'`);
        const fd = openSync(this.path, 'r+');
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        logWarn('store', '数据文件在运行时被删除，已从打开的连接重新写出');
      } else {
        const [r] = this.db.pragma('wal_checkpoint(FULL)') as { busy: number; log: number; checkpointed: number }[];
        if (r.busy !== 0 || r.checkpointed !== r.log) throw new Error(`wal_checkpoint busy=${r.busy} log=${r.log} checkpointed=${r.checkpointed}`);
        logWarn('store', '日志文件（-wal）在运行时被删除，已把其中的修改写入数据文件并重新打开');
        // A -wal that is not ours must not be replayed onto the data file when it is reopened.
        if (wal !== null) renameSync(`${this.path}-wal`, `${this.path}-wal.found-${Date.now()}`);
      }
      this.db.close();
      this.db = openConnection(this.path);
      secure(this.path);
      this.fileId = identity(this.path);
      this.walId = identity(`${this.path}-wal`);
    } catch (err) {
      logWarn('store', `无法确认修改已写入磁盘（${(err as { code?: string }).code ?? (err as Error).message}）`);
      if (!this.db.open) this.db = openConnection(this.path);
      throw new StoreError(
        'io',
        '数据文件的日志文件（nianbao.sqlite-wal）或数据文件在程序运行时被删除了，程序没能把修改重新写入磁盘，刚才的修改没有确认保存。请不要关闭程序，检查磁盘空间和文件夹权限后再保存一次。',
      );
    }
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  /** For tests and diagnostics only. */
  get database(): Db {
    return this.db;
  }

  // ---- unit ----
  getUnit(): UnitRecord | null {
    return units.getUnit(this.db);
  }
  saveUnit(unit: Unit): UnitRecord {
    return this.write(() => units.saveUnit(this.db, unit));
  }

  // ---- reports ----
  listReports(unitId?: number): ReportSummary[] {
    return reports.listReports(this.db, unitId);
  }
  getReport(id: number): StoredReport | null {
    return reports.getReport(this.db, id);
  }
  /** getReport that throws not_found. */
  requireReport(id: number): StoredReport {
    return reports.requireReport(this.db, id);
  }
  findReportByYear(unitId: number, year: number): StoredReport | null {
    return reports.findReportByYear(this.db, unitId, year);
  }
  createReport(unitId: number, doc: ReportDoc, options: { basedOnId?: number | null; status?: ReportStatus } = {}): StoredReport {
    return this.write(() => reports.createReport(this.db, unitId, doc, options));
  }
  replaceReportDoc(id: number, doc: ReportDoc, status?: ReportStatus): StoredReport {
    return this.write(() => reports.replaceReportDoc(this.db, id, doc, status));
  }
  deleteReport(id: number): void {
    this.write(() => reports.deleteReport(this.db, id));
  }
  updateReport(id: number, change: (doc: ReportDoc) => ReportDoc, status?: ReportStatus): StoredReport {
    return this.write(() => reports.updateReport(this.db, id, change, status));
  }

  // ---- sections, cells, reviewed warnings ----
  setSection(id: number, key: SectionKey, text: string): string {
    return this.write(() => content.setSection(this.db, id, key, text));
  }
  setCells(id: number, cells: Record<string, number | null>): string {
    return this.write(() => content.setCells(this.db, id, cells));
  }
  setAcknowledgement(id: number, findingId: string, reason: string | null): string {
    return this.write(() => content.setAcknowledgement(this.db, id, findingId, reason));
  }

  // ---- exports ----
  addExport(reportId: number, record: { fileName: string; sha256: string; draft: boolean; doc: ReportDoc }): ExportRow {
    return this.write(() => exportsTable.addExport(this.db, reportId, record));
  }
  confirmExport(exportId: number, savedPath: string): ExportRow {
    return this.write(() => exportsTable.confirmExport(this.db, exportId, savedPath));
  }
  getExport(exportId: number): ExportRow | null {
    return exportsTable.getExport(this.db, exportId);
  }
  exportedDoc(exportId: number): ReportDoc | null {
    return exportsTable.exportedDoc(this.db, exportId);
  }
  listExports(reportId: number): ExportRow[] {
    return exportsTable.listExports(this.db, reportId);
  }

  // ---- ui state ----
  getUiValue(key: string): string | null {
    return uiState.getUiValue(this.db, key);
  }
  setUiValues(values: Record<string, string | null>): void {
    this.write(() => uiState.setUiValues(this.db, values));
  }

  // ---- backups ----
  backup(kind: Exclude<BackupKind, 'pre-migration'> = 'auto'): Promise<BackupFile> {
    return makeBackup(this.db, this.dataDir, kind);
  }

  /**
   * An automatic backup when the newest one is older than `maxAgeMs`: the browser host and the
   * window may stay open for days, and start-up backups alone would then be far behind the edits.
   */
  async backupIfStale(maxAgeMs: number, now = Date.now()): Promise<BackupFile | null> {
    // Counted from the newest backup, or from opening (a first session has nothing older to keep).
    const newest = listBackupFiles(this.dataDir)[0];
    const since = Math.max(this.openedAt, newest ? Date.parse(newest.createdAt) : 0);
    if (now - since < maxAgeMs) return null;
    return makeBackup(this.db, this.dataDir, 'auto');
  }

  listBackups(): BackupFile[] {
    return listBackupFiles(this.dataDir);
  }

  /**
   * Replaces the database with a backup. The current data is backed up first (pre-restore), the
   * backup is verified, then copied next to the database, flushed, and renamed over it.
   */
  async restoreBackup(fileName: string): Promise<BackupFile> {
    if (!isBackupFileName(fileName)) throw new StoreError('not_found', `没有名为“${fileName}”的备份。请从备份列表中选择。`);
    const source = listBackupFiles(this.dataDir).find((b) => b.fileName === fileName);
    if (!source) throw new StoreError('not_found', `备份“${fileName}”不存在，可能已被自动清理。请刷新备份列表后重选。`);
    verifyBackup(source.path);
    this.beforeWrite();
    await makeBackup(this.db, this.dataDir, 'pre-restore');
    const staging = `${this.path}.restoring`;
    copyFileSync(source.path, staging);
    const fd = openSync(staging, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.db.close();
    try {
      // A clean close checkpoints and removes the WAL; remove leftovers so they cannot be replayed onto the restored file.
      rmSync(`${this.path}-wal`, { force: true });
      rmSync(`${this.path}-shm`, { force: true });
      renameSync(staging, this.path);
    } finally {
      const db = openConnection(this.path);
      migrate(db, db.pragma('user_version', { simple: true }) as number);
      this.db = db;
      secure(this.path);
      this.fileId = identity(this.path);
      this.walId = identity(`${this.path}-wal`);
    }
    this.startupProblem = null;
    return source;
  }

  backupsDir(): string {
    return backupsDir(this.dataDir);
  }

  /**
   * The page's save queue sends cells, section texts and 基本信息 fields together: all of them in
   * one transaction (the writes nest as savepoints), so a batch is stored whole or not at all.
   */
  saveEdits(
    id: number,
    edits: {
      cells: Record<string, number | null>;
      sections: Partial<Record<SectionKey, string>>;
      change?: (doc: ReportDoc) => ReportDoc;
      status?: ReportStatus;
    },
  ): { updatedAt: string; status: ReportStatus } {
    return this.write(() =>
      this.db.transaction(() => {
        reports.requireReport(this.db, id);
        if (Object.keys(edits.cells).length) content.setCells(this.db, id, edits.cells);
        for (const [key, text] of Object.entries(edits.sections) as [SectionKey, string][]) content.setSection(this.db, id, key, text);
        if (edits.change || edits.status) reports.updateReport(this.db, id, edits.change ?? ((doc) => doc), edits.status);
        const report = reports.requireReport(this.db, id);
        return { updatedAt: report.updatedAt, status: report.status };
      })(),
    );
  }
}
