// The open store: every read and write of the data, through one write guard that notices a lost
// lock, -wal or data file; opening it (migrations, start-up checks, read-only starts) is index.ts.
import type { Database as Db } from 'better-sqlite3';
import { closeSync, copyFileSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportDoc, ReportStatus, ReportSummary, StoredReport, Unit, UnitSettings } from '../../../shared/report';
import type { SectionKey } from '../../../shared/formats/types';
import { StoreError } from './errors';
import { migrate, openConnection } from './database';
import { DataDirLock } from './lock';
import { SESSION_MARKER } from './startup';
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
import { logWarn } from '../log/index';
import { identity, secure } from './file-checks';
import { bindRegister } from '../register/store';
import type { RegisterStore } from '../register/store';

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
  getUnitSettings(): UnitSettings {
    return units.getUnitSettings(this.db);
  }
  /** null when there is no unit yet */
  saveUnitSettings(settings: UnitSettings): UnitSettings | null {
    return this.write(() => units.saveUnitSettings(this.db, settings));
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
  addExport(reportId: number, record: exportsTable.ExportInput): ExportRow {
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
  /** Whether the report changed, in what an export prints, after that export (its file is 已过期). */
  exportIsStale(exportId: number, current: ReportDoc): boolean {
    return exportsTable.exportIsStale(this.db, exportId, current);
  }

  // ---- ui state ----
  getUiValue(key: string): string | null {
    return uiState.getUiValue(this.db, key);
  }
  setUiValues(values: Record<string, string | null>): void {
    this.write(() => uiState.setUiValues(this.db, values));
  }

  // ---- the application register (electron/core/register/store.ts), on the current connection ----
  get register(): RegisterStore {
    const r = bindRegister(this.db);
    // Its writes pass the same guard as every other write: the lock still ours, the -wal still there, durable.
    return {
      ...r,
      saveApplication: (...a) => this.write(() => r.saveApplication(...a)),
      saveApplications: (...a) => this.write(() => r.saveApplications(...a)),
      deleteApplication: (...a) => this.write(() => r.deleteApplication(...a)),
      saveHolidayArrangement: (...a) => this.write(() => r.saveHolidayArrangement(...a)),
      saveList: (...a) => this.write(() => r.saveList(...a)),
    };
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
