// The store: one SQLite file in the data directory, owned by the main side only. Opening it
// checks that the file is ours and not from a newer version, backs it up, and migrates it.
// Every function takes and returns the shared ReportDoc; rows are an implementation detail.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportDoc, ReportStatus, ReportSummary, StoredReport, Unit } from '../../../shared/report';
import type { ExportRecord } from '../../../shared/api';
import type { SectionKey } from '../../../shared/formats/types';
import { StoreError } from './errors';
import { APPLICATION_ID, MIGRATIONS } from './migrations';
import type { Migration } from './migrations';
import { isBackupFileName, listBackupFiles, makeBackup, verifyBackup, backupsDir } from './backups';
import type { BackupFile } from './backups';

export { StoreError } from './errors';
export { APPLICATION_ID, LATEST_VERSION, MIGRATIONS } from './migrations';
export type { Migration } from './migrations';
export type { BackupFile } from './backups';

export const DB_FILE_NAME = 'nianbao.sqlite';

export type UnitRecord = Unit & { id: number };

/** An export history row is exactly the API's ExportRecord. */
export type ExportRow = ExportRecord;

interface ReportRow {
  id: number;
  unit_id: number;
  year: number;
  format_id: ReportDoc['formatId'];
  status: ReportStatus;
  based_on_id: number | null;
  created_at: string;
  updated_at: string;
  unit_json: string;
  title: string;
  period: string;
  preamble: string;
  signature: string;
  date: string;
  letterhead: string;
  copied_sections: string;
  previous_cells: string | null;
  acknowledgements: string;
  legacy: string | null;
}

interface UnitRow {
  id: number;
  name: string;
  kind: Unit['kind'];
  supervisor: string;
  address: string;
  postcode: string;
  phone: string;
  email: string;
  signature: string;
}

export interface OpenStoreOptions {
  /** make an automatic backup at open (default true) */
  backupAtOpen?: boolean;
  /** the migration list; tests pass a longer one to exercise upgrading an existing file */
  migrations?: readonly Migration[];
}

/** Timestamps are ISO 8601 UTC; strictly increasing within a process so updated_at always moves. */
let lastNow = 0;
function now(): string {
  let t = Date.now();
  if (t <= lastNow) t = lastNow + 1;
  lastNow = t;
  return new Date(t).toISOString();
}

function describeOpenError(path: string, err: unknown): StoreError {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new StoreError('io', `数据文件 ${path} 已损坏或不是数据库文件，程序没有改动它。请从 backups 文件夹中的备份恢复，或换一个数据文件夹。`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new StoreError('io', `数据文件 ${path} 正被另一个程序占用。请关闭其他正在运行的年报编制助手后重试。`);
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM' || code === 'EACCES') {
    return new StoreError('io', `无法打开数据文件 ${path}：没有读写权限或文件夹不存在。请检查文件夹权限后重试。`);
  }
  return new StoreError('io', `无法打开数据文件 ${path}：${(err as Error).message ?? String(err)}`);
}

/**
 * Reads the file header (https://sqlite.org/fileformat.html#the_database_header) without opening
 * the database: a file we must refuse stays byte for byte as it was, with no -wal/-shm created.
 */
function inspect(path: string): { version: number; appId: number; pages: number } | null {
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
  if (header.length < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') {
    throw new StoreError('io', `数据文件 ${path} 已损坏或不是数据库文件，程序没有改动它。请从 backups 文件夹中的备份恢复，或换一个数据文件夹。`);
  }
  return { pages: header.readUInt32BE(28), version: header.readUInt32BE(60), appId: header.readInt32BE(68) };
}

function newerVersionError(path: string, version: number, latest: number): StoreError {
  return new StoreError(
    'newer_version',
    `数据文件 ${path} 是由更新版本的年报编制助手保存的（数据版本 ${version}，本程序只认识到 ${latest}）。为保护数据，程序没有打开也没有改动它。请安装最新版本的年报编制助手后再打开。`,
  );
}

function foreignFileError(path: string): StoreError {
  return new StoreError('io', `数据文件 ${path} 不是年报编制助手的数据文件，程序没有改动它。请把它移走，或用 --data-dir 指定另一个文件夹。`);
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  // The bundled build defaults WAL to NORMAL; FULL makes every acknowledged commit durable.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function migrate(db: Db, from: number, migrations: readonly Migration[] = MIGRATIONS): void {
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  })();
}

/** Opens (creating if needed) the store in dataDir. Throws StoreError with a Chinese message. */
export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<Store> {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new StoreError('io', `无法创建数据文件夹 ${dataDir}：${(err as Error).message}。请检查权限，或用 --data-dir 指定另一个文件夹。`);
  }
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1].version;
  const path = join(dataDir, DB_FILE_NAME);
  const header = inspect(path);
  if (header) {
    if (header.version > latest) throw newerVersionError(path, header.version, latest);
    // A file with no application id is only acceptable when empty (e.g. created, then the first migration interrupted).
    if (header.appId !== APPLICATION_ID && !(header.appId === 0 && header.version === 0 && header.pages <= 1)) throw foreignFileError(path);
  }

  let db: Db;
  try {
    db = new Database(path);
    configure(db);
  } catch (err) {
    throw describeOpenError(path, err);
  }
  try {
    // The header read above can lag behind a WAL that was never checkpointed: check again, now that it is replayed.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) throw newerVersionError(path, version, latest);
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (version > 0 && appId !== APPLICATION_ID) throw foreignFileError(path);
    if (header && version > 0 && version < latest) await makeBackup(db, dataDir, 'pre-migration', `-v${version}`);
    migrate(db, version, migrations);
    const store = new Store(db, dataDir, path);
    if ((options.backupAtOpen ?? true) && header && version > 0) await makeBackup(db, dataDir, 'auto');
    return store;
  } catch (err) {
    db.close();
    throw err;
  }
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null || text === '') return fallback;
  return JSON.parse(text) as T;
}

export class Store {
  private readonly openedAt = Date.now();

  constructor(
    private db: Db,
    readonly dataDir: string,
    readonly path: string,
  ) {}

  close(): void {
    if (this.db.open) this.db.close();
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  /** For tests and diagnostics only. */
  get database(): Db {
    return this.db;
  }

  // ---- unit ----

  /** The app works with one unit: the first one saved. */
  getUnit(): UnitRecord | null {
    const row = this.db.prepare(`SELECT * FROM units ORDER BY id LIMIT 1`).get() as UnitRow | undefined;
    return row ? unitFromRow(row) : null;
  }

  /** Creates the unit, or updates the existing one. */
  saveUnit(unit: Unit): UnitRecord {
    const t = now();
    const existing = this.getUnit();
    const values = { ...pickUnit(unit), t };
    if (existing) {
      this.db
        .prepare(
          `UPDATE units SET name = @name, kind = @kind, supervisor = @supervisor, address = @address, postcode = @postcode,
             phone = @phone, email = @email, signature = @signature, updated_at = @t WHERE id = @id`,
        )
        .run({ ...values, id: existing.id });
      return { ...pickUnit(unit), id: existing.id };
    }
    const r = this.db
      .prepare(
        `INSERT INTO units (name, kind, supervisor, address, postcode, phone, email, signature, created_at, updated_at)
         VALUES (@name, @kind, @supervisor, @address, @postcode, @phone, @email, @signature, @t, @t)`,
      )
      .run(values);
    return { ...pickUnit(unit), id: Number(r.lastInsertRowid) };
  }

  // ---- reports ----

  listReports(unitId?: number): ReportSummary[] {
    const rows = (
      unitId === undefined
        ? this.db.prepare(`SELECT * FROM reports ORDER BY year DESC, id DESC`).all()
        : this.db.prepare(`SELECT * FROM reports WHERE unit_id = ? ORDER BY year DESC, id DESC`).all(unitId)
    ) as ReportRow[];
    return rows.map(summaryFromRow);
  }

  getReport(id: number): StoredReport | null {
    const row = this.db.prepare(`SELECT * FROM reports WHERE id = ?`).get(id) as ReportRow | undefined;
    return row ? this.assemble(row) : null;
  }

  /** getReport that throws not_found. */
  requireReport(id: number): StoredReport {
    const r = this.getReport(id);
    if (!r) throw new StoreError('not_found', `找不到编号为 ${id} 的报告，它可能已被删除。请回到报告列表刷新后再试。`);
    return r;
  }

  findReportByYear(unitId: number, year: number): StoredReport | null {
    const row = this.db.prepare(`SELECT * FROM reports WHERE unit_id = ? AND year = ?`).get(unitId, year) as ReportRow | undefined;
    return row ? this.assemble(row) : null;
  }

  /** Saves a new report. Throws conflict when the unit already has a report for that year. */
  createReport(unitId: number, doc: ReportDoc, options: { basedOnId?: number | null; status?: ReportStatus } = {}): StoredReport {
    const id = this.db.transaction(() => {
      if (this.db.prepare(`SELECT 1 FROM reports WHERE unit_id = ? AND year = ?`).get(unitId, doc.year)) {
        throw new StoreError('conflict', `${doc.year}年度的报告已经存在，每个年度只能有一份。请在报告列表中打开它，或先删除它再新建。`);
      }
      const t = now();
      const r = this.db
        .prepare(
          `INSERT INTO reports (unit_id, year, format_id, status, based_on_id, created_at, updated_at, unit_json, title, period,
             preamble, signature, date, letterhead, copied_sections, previous_cells, acknowledgements, legacy)
           VALUES (@unitId, @year, @formatId, @status, @basedOnId, @t, @t, '{}', '', '', '{}', '', '', '{}', '[]', NULL, '{}', NULL)`,
        )
        .run({ unitId, year: doc.year, formatId: doc.formatId, status: options.status ?? 'draft', basedOnId: options.basedOnId ?? null, t });
      const newId = Number(r.lastInsertRowid);
      this.writeDoc(newId, doc);
      return newId;
    })();
    return this.requireReport(id);
  }

  /** Replaces everything a report says with `doc` (same id, history kept), in one transaction. */
  replaceReportDoc(id: number, doc: ReportDoc, status?: ReportStatus): StoredReport {
    this.db.transaction(() => {
      const current = this.requireReport(id);
      if (current.doc.year !== doc.year) {
        const clash = this.db.prepare(`SELECT id FROM reports WHERE unit_id = ? AND year = ? AND id <> ?`).get(current.unitId, doc.year, id);
        if (clash) throw new StoreError('conflict', `${doc.year}年度的报告已经存在，不能把这份报告改成该年度。`);
      }
      this.writeDoc(id, doc);
      this.db
        .prepare(`UPDATE reports SET year = ?, format_id = ?, status = ?, updated_at = ? WHERE id = ?`)
        .run(doc.year, doc.formatId, status ?? current.status, now(), id);
    })();
    return this.requireReport(id);
  }

  deleteReport(id: number): void {
    const r = this.db.prepare(`DELETE FROM reports WHERE id = ?`).run(id);
    if (r.changes === 0) throw new StoreError('not_found', `找不到编号为 ${id} 的报告，它可能已被删除。请回到报告列表刷新。`);
  }

  /** Applies a change to a report's own fields (not sections or cells) and bumps updated_at. */
  updateReport(id: number, change: (doc: ReportDoc) => ReportDoc, status?: ReportStatus): StoredReport {
    this.db.transaction(() => {
      const current = this.requireReport(id);
      const next = change(current.doc);
      this.writeFields(id, next);
      this.db.prepare(`UPDATE reports SET status = ?, updated_at = ? WHERE id = ?`).run(status ?? current.status, now(), id);
    })();
    return this.requireReport(id);
  }

  /** Saves one section's text ('' removes it); an edited section is no longer "沿用上年". */
  setSection(id: number, key: SectionKey, text: string): string {
    return this.db.transaction(() => {
      const row = this.reportRow(id);
      if (text === '') this.db.prepare(`DELETE FROM section_texts WHERE report_id = ? AND section_key = ?`).run(id, key);
      else
        this.db
          .prepare(`INSERT INTO section_texts (report_id, section_key, text) VALUES (?, ?, ?) ON CONFLICT (report_id, section_key) DO UPDATE SET text = excluded.text`)
          .run(id, key, text);
      const copied = parseJson<SectionKey[]>(row.copied_sections, []);
      if (copied.includes(key)) {
        this.db.prepare(`UPDATE reports SET copied_sections = ? WHERE id = ?`).run(JSON.stringify(copied.filter((k) => k !== key)), id);
      }
      return this.touch(id);
    })();
  }

  /** Sets cells; null removes a cell (not filled in). */
  setCells(id: number, cells: Record<string, number | null>): string {
    return this.db.transaction(() => {
      this.reportRow(id);
      const del = this.db.prepare(`DELETE FROM cells WHERE report_id = ? AND cell_key = ?`);
      const put = this.db.prepare(`INSERT INTO cells (report_id, cell_key, value) VALUES (?, ?, ?) ON CONFLICT (report_id, cell_key) DO UPDATE SET value = excluded.value`);
      for (const [key, value] of Object.entries(cells)) {
        if (value === null) del.run(id, key);
        else put.run(id, key, value);
      }
      return this.touch(id);
    })();
  }

  setAcknowledgement(id: number, findingId: string, reason: string | null): string {
    return this.db.transaction(() => {
      const row = this.reportRow(id);
      const acks = parseJson<ReportDoc['acknowledgements']>(row.acknowledgements, {});
      if (reason === null) delete acks[findingId];
      else acks[findingId] = { reason, at: now() };
      this.db.prepare(`UPDATE reports SET acknowledgements = ? WHERE id = ?`).run(JSON.stringify(acks), id);
      return this.touch(id);
    })();
  }

  // ---- exports ----

  addExport(reportId: number, record: { fileName: string; sha256: string; draft: boolean; doc: ReportDoc }): ExportRow {
    const t = now();
    const r = this.db
      .prepare(`INSERT INTO exports (report_id, created_at, file_name, sha256, draft, saved_path, report_json) VALUES (?, ?, ?, ?, ?, '', ?)`)
      .run(reportId, t, record.fileName, record.sha256, record.draft ? 1 : 0, JSON.stringify(record.doc));
    return { id: Number(r.lastInsertRowid), reportId, createdAt: t, fileName: record.fileName, sha256: record.sha256, draft: record.draft, savedPath: '' };
  }

  confirmExport(exportId: number, savedPath: string): ExportRow {
    const r = this.db.prepare(`UPDATE exports SET saved_path = ? WHERE id = ?`).run(savedPath, exportId);
    if (r.changes === 0) throw new StoreError('not_found', `找不到编号为 ${exportId} 的导出记录。请重新导出一次。`);
    return this.getExport(exportId)!;
  }

  getExport(exportId: number): ExportRow | null {
    const row = this.db.prepare(`SELECT id, report_id, created_at, file_name, sha256, draft, saved_path FROM exports WHERE id = ?`).get(exportId) as ExportDbRow | undefined;
    return row ? exportFromRow(row) : null;
  }

  /** The report exactly as it was exported. */
  exportedDoc(exportId: number): ReportDoc | null {
    const row = this.db.prepare(`SELECT report_json FROM exports WHERE id = ?`).get(exportId) as { report_json: string } | undefined;
    return row ? (JSON.parse(row.report_json) as ReportDoc) : null;
  }

  listExports(reportId: number): ExportRow[] {
    this.reportRow(reportId);
    const rows = this.db
      .prepare(`SELECT id, report_id, created_at, file_name, sha256, draft, saved_path FROM exports WHERE report_id = ? ORDER BY id DESC`)
      .all(reportId) as ExportDbRow[];
    return rows.map(exportFromRow);
  }

  // ---- ui state ----

  getUiValue(key: string): string | null {
    const row = this.db.prepare(`SELECT value FROM ui_state WHERE key = ?`).get(key) as { value: string } | undefined;
    return row ? row.value : null;
  }

  setUiValues(values: Record<string, string | null>): void {
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) {
        if (value === null) this.db.prepare(`DELETE FROM ui_state WHERE key = ?`).run(key);
        else this.db.prepare(`INSERT INTO ui_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
      }
    })();
  }

  // ---- backups ----

  backup(kind: 'auto' | 'manual' | 'pre-change' | 'pre-restore' = 'auto'): Promise<BackupFile> {
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
      const db = new Database(this.path);
      configure(db);
      migrate(db, db.pragma('user_version', { simple: true }) as number);
      this.db = db;
    }
    return source;
  }

  backupsDir(): string {
    return backupsDir(this.dataDir);
  }

  // ---- internals ----

  private reportRow(id: number): ReportRow {
    const row = this.db.prepare(`SELECT * FROM reports WHERE id = ?`).get(id) as ReportRow | undefined;
    if (!row) throw new StoreError('not_found', `找不到编号为 ${id} 的报告，它可能已被删除。请回到报告列表刷新后再试。`);
    return row;
  }

  private touch(id: number): string {
    const t = now();
    this.db.prepare(`UPDATE reports SET updated_at = ? WHERE id = ?`).run(t, id);
    return t;
  }

  private writeFields(id: number, doc: ReportDoc): void {
    const legacy = doc.legacySections || doc.indicators ? JSON.stringify({ legacySections: doc.legacySections, indicators: doc.indicators }) : null;
    this.db
      .prepare(
        `UPDATE reports SET unit_json = @unit, title = @title, period = @period, preamble = @preamble, signature = @signature,
           date = @date, letterhead = @letterhead, copied_sections = @copied, previous_cells = @previous,
           acknowledgements = @acks, legacy = @legacy WHERE id = @id`,
      )
      .run({
        id,
        unit: JSON.stringify(pickUnit(doc.unit)),
        title: doc.title,
        period: doc.period,
        preamble: JSON.stringify(doc.preamble),
        signature: doc.signature,
        date: doc.date,
        letterhead: JSON.stringify(doc.letterhead),
        copied: JSON.stringify(doc.copiedSections),
        previous: doc.previousCells ? JSON.stringify(doc.previousCells) : null,
        acks: JSON.stringify(doc.acknowledgements),
        legacy,
      });
  }

  private writeDoc(id: number, doc: ReportDoc): void {
    this.writeFields(id, doc);
    this.db.prepare(`DELETE FROM section_texts WHERE report_id = ?`).run(id);
    this.db.prepare(`DELETE FROM cells WHERE report_id = ?`).run(id);
    const putSection = this.db.prepare(`INSERT INTO section_texts (report_id, section_key, text) VALUES (?, ?, ?)`);
    for (const [key, text] of Object.entries(doc.sections)) if (typeof text === 'string' && text !== '') putSection.run(id, key, text);
    const putCell = this.db.prepare(`INSERT INTO cells (report_id, cell_key, value) VALUES (?, ?, ?)`);
    for (const [key, value] of Object.entries(doc.cells)) putCell.run(id, key, value);
  }

  private assemble(row: ReportRow): StoredReport {
    const sections: ReportDoc['sections'] = {};
    for (const s of this.db.prepare(`SELECT section_key, text FROM section_texts WHERE report_id = ?`).all(row.id) as { section_key: SectionKey; text: string }[]) {
      sections[s.section_key] = s.text;
    }
    const cells: Record<string, number> = {};
    for (const c of this.db.prepare(`SELECT cell_key, value FROM cells WHERE report_id = ? ORDER BY cell_key`).all(row.id) as { cell_key: string; value: number }[]) {
      cells[c.cell_key] = c.value;
    }
    const legacy = parseJson<{ legacySections?: ReportDoc['legacySections']; indicators?: ReportDoc['indicators'] } | null>(row.legacy, null);
    const doc: ReportDoc = {
      formatId: row.format_id,
      year: row.year,
      unit: parseJson<Unit>(row.unit_json, { name: '', kind: 'township', supervisor: '', address: '', postcode: '', phone: '', email: '', signature: '' }),
      title: row.title,
      period: row.period,
      preamble: parseJson<ReportDoc['preamble']>(row.preamble, { basis: true, period: true, contact: true, publishedAt: '' }),
      sections,
      cells,
      signature: row.signature,
      date: row.date as ReportDoc['date'],
      letterhead: parseJson<ReportDoc['letterhead']>(row.letterhead, { enabled: false, issuer: '', docNumber: '' }),
      copiedSections: parseJson<SectionKey[]>(row.copied_sections, []),
      acknowledgements: parseJson<ReportDoc['acknowledgements']>(row.acknowledgements, {}),
    };
    if (row.previous_cells !== null) doc.previousCells = parseJson<Record<string, number>>(row.previous_cells, {});
    if (legacy?.legacySections) doc.legacySections = legacy.legacySections;
    if (legacy?.indicators) doc.indicators = legacy.indicators;
    return {
      id: row.id,
      unitId: row.unit_id,
      status: row.status,
      basedOnId: row.based_on_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      doc,
    };
  }

  /**
   * The page's save queue sends cells, section texts and 基本信息 fields together: all of them in
   * one transaction (the writes above nest as savepoints), so a batch is stored whole or not at all.
   */
  saveEdits(
    id: number,
    edits: { cells: Record<string, number | null>; sections: Partial<Record<SectionKey, string>>; change?: (doc: ReportDoc) => ReportDoc; status?: ReportStatus },
  ): { updatedAt: string; status: ReportStatus } {
    return this.db.transaction(() => {
      this.reportRow(id);
      if (Object.keys(edits.cells).length) this.setCells(id, edits.cells);
      for (const [key, text] of Object.entries(edits.sections) as [SectionKey, string][]) this.setSection(id, key, text);
      if (edits.change || edits.status) this.updateReport(id, edits.change ?? ((doc) => doc), edits.status);
      const report = this.requireReport(id);
      return { updatedAt: report.updatedAt, status: report.status };
    })();
  }
}

interface ExportDbRow {
  id: number;
  report_id: number;
  created_at: string;
  file_name: string;
  sha256: string;
  draft: number;
  saved_path: string;
}

function exportFromRow(r: ExportDbRow): ExportRow {
  return { id: r.id, reportId: r.report_id, createdAt: r.created_at, fileName: r.file_name, sha256: r.sha256, draft: r.draft === 1, savedPath: r.saved_path };
}

/** Only the unit's own fields: callers may pass a UnitRecord with its id. */
function pickUnit(u: Unit): Unit {
  return { name: u.name, kind: u.kind, supervisor: u.supervisor, address: u.address, postcode: u.postcode, phone: u.phone, email: u.email, signature: u.signature };
}

function unitFromRow(r: UnitRow): UnitRecord {
  return { id: r.id, name: r.name, kind: r.kind, supervisor: r.supervisor, address: r.address, postcode: r.postcode, phone: r.phone, email: r.email, signature: r.signature };
}

function summaryFromRow(r: ReportRow): ReportSummary {
  return { id: r.id, year: r.year, formatId: r.format_id, status: r.status, title: r.title, basedOnId: r.based_on_id, createdAt: r.created_at, updatedAt: r.updated_at };
}

