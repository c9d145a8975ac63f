// The store: one SQLite file in the data directory, owned by the main side only. This file is the
// facade callers use; each job lives in its own module: database (open, migrate), lock (one program
// per folder), startup (the damaged-file check), units, reports, content (sections, cells, marks),
// exports, ui-state and backups.
import type { Database as Db } from 'better-sqlite3';
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FontCheck } from '../../../shared/print/fonts';
import type { ReportDoc, ReportStatus, ReportSummary, StoredReport, Unit } from '../../../shared/report';
import type { SectionKey } from '../../../shared/formats/types';
import { StoreError } from './errors';
import { APPLICATION_ID, MIGRATIONS } from './migrations';
import type { Migration } from './migrations';
import { DB_FILE_NAME, foreignFileError, inspect, migrate, newerVersionError, openConnection } from './database';
import type { FileHeader } from './database';
import { DataDirLock } from './lock';
import { checkDataFile, keepAside, SESSION_MARKER } from './startup';
import type { StartupProblem } from './startup';
import { isBackupFileName, listBackupFiles, makeBackup, verifyBackup, backupsDir } from './backups';
import type { BackupFile, BackupKind } from './backups';
import * as units from './units';
import type { UnitRecord } from './units';
import * as reports from './reports';
import * as content from './content';
import * as exportsTable from './exports';
import type { ExportRow } from './exports';
import * as uiState from './ui-state';

export { StoreError } from './errors';
export { APPLICATION_ID, LATEST_VERSION, MIGRATIONS } from './migrations';
export type { Migration } from './migrations';
export type { BackupFile } from './backups';
export { DB_FILE_NAME } from './database';
export { LOCK_FILE_NAME } from './lock';
export { SESSION_MARKER } from './startup';
export type { StartupProblem } from './startup';
export type { UnitRecord } from './units';
export type { ExportRow } from './exports';

export interface OpenStoreOptions {
  /** make an automatic backup at open (default true) */
  backupAtOpen?: boolean;
  /** the migration list; tests pass a longer one to exercise upgrading an existing file */
  migrations?: readonly Migration[];
}

/** Opens (creating if needed) the store in dataDir. Throws StoreError with a Chinese message. */
export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<Store> {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new StoreError('io', `无法创建数据文件夹 ${dataDir}：${(err as Error).message}。请检查权限，或用 --data-dir 指定另一个文件夹。`);
  }
  const lock = DataDirLock.acquire(dataDir);
  try {
    return await openLocked(dataDir, lock, options);
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function openLocked(dataDir: string, lock: DataDirLock, options: OpenStoreOptions): Promise<Store> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1].version;
  const path = join(dataDir, DB_FILE_NAME);

  // A file from a newer version or another program is refused before anything opens it.
  const found = readHeader(path);
  if (found) refuseForeign(path, found, latest);
  let problem: StartupProblem | null = null;
  let verdict = checkDataFile(path, dataDir);
  if (!verdict.ok && verdict.kind === 'wal-missing') {
    problem = keepAside(path, dataDir, verdict.kind, verdict.detail);
    verdict = checkDataFile(path, dataDir);
  }
  // A damaged file is moved aside whole: the program starts on a new file and offers a restore.
  if (!verdict.ok) problem = keepAside(path, dataDir, verdict.kind, verdict.detail, verdict.technical);
  const header = verdict.ok ? verdict.header : null;

  const db = openConnection(path);
  try {
    // The header read above can lag behind a WAL that was never checkpointed: check again, now that it is replayed.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) throw newerVersionError(path, version, latest);
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (version > 0 && appId !== APPLICATION_ID) throw foreignFileError(path);
    if (header && version > 0 && version < latest) await makeBackup(db, dataDir, 'pre-migration', `-v${version}`);
    migrate(db, version, migrations);
    writeFileSync(join(dataDir, SESSION_MARKER), `${process.pid}\n`);
    const store = new Store(db, dataDir, path, lock, problem);
    if ((options.backupAtOpen ?? true) && header && version > 0) await makeBackup(db, dataDir, 'auto');
    return store;
  } catch (err) {
    db.close();
    throw err;
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

function refuseForeign(path: string, header: FileHeader, latest: number): void {
  if (header.version > latest) throw newerVersionError(path, header.version, latest);
  // A file with no application id is only acceptable when empty (e.g. created, then the first migration interrupted).
  if (header.appId !== APPLICATION_ID && !(header.appId === 0 && header.version === 0 && (header.pages ?? 0) <= 1)) throw foreignFileError(path);
}

export class Store {
  private readonly openedAt = Date.now();

  constructor(
    private db: Db,
    readonly dataDir: string,
    readonly path: string,
    private readonly lock: DataDirLock | null = null,
    /** what the start-up check found (a damaged file kept aside), for the first screen; a restore settles it */
    public startupProblem: StartupProblem | null = null,
  ) {}

  /** Checkpoints, marks the exit as clean, closes the file and lets the next program in. */
  close(): void {
    if (this.db.open) {
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
        rmSync(join(this.dataDir, SESSION_MARKER), { force: true });
      } catch {
        // a full disk or a busy reader: the WAL stays and is replayed at the next start
      }
      this.db.close();
    }
    this.lock?.release();
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
    return units.saveUnit(this.db, unit);
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
    return reports.createReport(this.db, unitId, doc, options);
  }
  replaceReportDoc(id: number, doc: ReportDoc, status?: ReportStatus): StoredReport {
    return reports.replaceReportDoc(this.db, id, doc, status);
  }
  deleteReport(id: number): void {
    reports.deleteReport(this.db, id);
  }
  updateReport(id: number, change: (doc: ReportDoc) => ReportDoc, status?: ReportStatus): StoredReport {
    return reports.updateReport(this.db, id, change, status);
  }

  // ---- sections, cells, reviewed warnings ----
  setSection(id: number, key: SectionKey, text: string): string {
    return content.setSection(this.db, id, key, text);
  }
  setCells(id: number, cells: Record<string, number | null>): string {
    return content.setCells(this.db, id, cells);
  }
  setAcknowledgement(id: number, findingId: string, reason: string | null): string {
    return content.setAcknowledgement(this.db, id, findingId, reason);
  }

  // ---- exports ----
  addExport(reportId: number, record: { fileName: string; sha256: string; draft: boolean; doc: ReportDoc; fontCheck?: FontCheck | null }): ExportRow {
    return exportsTable.addExport(this.db, reportId, record);
  }
  confirmExport(exportId: number, savedPath: string): ExportRow {
    return exportsTable.confirmExport(this.db, exportId, savedPath);
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
    uiState.setUiValues(this.db, values);
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
    return this.db.transaction(() => {
      reports.requireReport(this.db, id);
      if (Object.keys(edits.cells).length) content.setCells(this.db, id, edits.cells);
      for (const [key, text] of Object.entries(edits.sections) as [SectionKey, string][]) content.setSection(this.db, id, key, text);
      if (edits.change || edits.status) reports.updateReport(this.db, id, edits.change ?? ((doc) => doc), edits.status);
      const report = reports.requireReport(this.db, id);
      return { updatedAt: report.updatedAt, status: report.status };
    })();
  }
}
