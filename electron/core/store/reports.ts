// Reports as rows: one row per report with its own fields, the narrative in section_texts and the
// figures in cells. Every function takes and returns the shared ReportDoc.
import type { Database as Db } from 'better-sqlite3';
import type { ReportDoc, ReportStatus, ReportSummary, StoredReport, Unit } from '../../../shared/report';
import type { SectionKey } from '../../../shared/formats/types';
import { now, parseJson } from './database';
import { StoreError } from './errors';
import { pickUnit } from './units';
import { sealReport } from './checksum';

export interface ReportRow {
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
  /** absent before the register's migration */
  register_summary?: string | null;
}

const notFound = (id: number) => new StoreError('not_found', `找不到编号为 ${id} 的报告，它可能已被删除。请回到报告列表刷新后再试。`);

export function reportRow(db: Db, id: number): ReportRow {
  const row = db.prepare(`SELECT * FROM reports WHERE id = ?`).get(id) as ReportRow | undefined;
  if (!row) throw notFound(id);
  return row;
}

function summaryFromRow(r: ReportRow): ReportSummary {
  return {
    id: r.id,
    year: r.year,
    formatId: r.format_id,
    status: r.status,
    title: r.title,
    basedOnId: r.based_on_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listReports(db: Db, unitId?: number): ReportSummary[] {
  const rows = (
    unitId === undefined
      ? db.prepare(`SELECT * FROM reports ORDER BY year DESC, id DESC`).all()
      : db.prepare(`SELECT * FROM reports WHERE unit_id = ? ORDER BY year DESC, id DESC`).all(unitId)
  ) as ReportRow[];
  return rows.map(summaryFromRow);
}

export function getReport(db: Db, id: number): StoredReport | null {
  const row = db.prepare(`SELECT * FROM reports WHERE id = ?`).get(id) as ReportRow | undefined;
  return row ? assemble(db, row) : null;
}

export function requireReport(db: Db, id: number): StoredReport {
  const r = getReport(db, id);
  if (!r) throw notFound(id);
  return r;
}

export function findReportByYear(db: Db, unitId: number, year: number): StoredReport | null {
  const row = db.prepare(`SELECT * FROM reports WHERE unit_id = ? AND year = ?`).get(unitId, year) as ReportRow | undefined;
  return row ? assemble(db, row) : null;
}

/** Saves a new report. Throws conflict when the unit already has a report for that year. */
export function createReport(db: Db, unitId: number, doc: ReportDoc, options: { basedOnId?: number | null; status?: ReportStatus } = {}): StoredReport {
  const id = db.transaction(() => {
    if (db.prepare(`SELECT 1 FROM reports WHERE unit_id = ? AND year = ?`).get(unitId, doc.year)) {
      throw new StoreError('conflict', `${doc.year}年度的报告已经存在，每个年度只能有一份。请在报告列表中打开它，或先删除它再新建。`);
    }
    const t = now();
    const r = db
      .prepare(
        `INSERT INTO reports (unit_id, year, format_id, status, based_on_id, created_at, updated_at, unit_json, title, period,
           preamble, signature, date, letterhead, copied_sections, previous_cells, acknowledgements, legacy)
         VALUES (@unitId, @year, @formatId, @status, @basedOnId, @t, @t, '{}', '', '', '{}', '', '', '{}', '[]', NULL, '{}', NULL)`,
      )
      .run({ unitId, year: doc.year, formatId: doc.formatId, status: options.status ?? 'draft', basedOnId: options.basedOnId ?? null, t });
    const newId = Number(r.lastInsertRowid);
    writeDoc(db, newId, doc);
    sealReport(db, newId);
    return newId;
  })();
  return requireReport(db, id);
}

/** Replaces everything a report says with `doc` (same id, history kept), in one transaction. */
export function replaceReportDoc(db: Db, id: number, doc: ReportDoc, status?: ReportStatus): StoredReport {
  db.transaction(() => {
    const current = requireReport(db, id);
    if (current.doc.year !== doc.year) {
      const clash = db.prepare(`SELECT id FROM reports WHERE unit_id = ? AND year = ? AND id <> ?`).get(current.unitId, doc.year, id);
      if (clash) throw new StoreError('conflict', `${doc.year}年度的报告已经存在，不能把这份报告改成该年度。`);
    }
    writeDoc(db, id, doc);
    db.prepare(`UPDATE reports SET year = ?, format_id = ?, status = ?, updated_at = ? WHERE id = ?`).run(
      doc.year,
      doc.formatId,
      status ?? current.status,
      now(),
      id,
    );
    sealReport(db, id);
  })();
  return requireReport(db, id);
}

export function deleteReport(db: Db, id: number): void {
  const r = db.prepare(`DELETE FROM reports WHERE id = ?`).run(id);
  if (r.changes === 0) throw new StoreError('not_found', `找不到编号为 ${id} 的报告，它可能已被删除。请回到报告列表刷新。`);
}

/** Applies a change to a report's own fields (not sections or cells) and bumps updated_at. */
export function updateReport(db: Db, id: number, change: (doc: ReportDoc) => ReportDoc, status?: ReportStatus): StoredReport {
  db.transaction(() => {
    const current = requireReport(db, id);
    writeFields(db, id, change(current.doc));
    db.prepare(`UPDATE reports SET status = ?, updated_at = ? WHERE id = ?`).run(status ?? current.status, now(), id);
    sealReport(db, id);
  })();
  return requireReport(db, id);
}

/** After a change to a report's content: updated_at moves and the content is sealed again. */
export function touch(db: Db, id: number): string {
  const t = now();
  db.prepare(`UPDATE reports SET updated_at = ? WHERE id = ?`).run(t, id);
  sealReport(db, id);
  return t;
}

/**
 * Whether the file has the register summary column (added by the register's migration): a store
 * opened with an earlier migration list (tests of upgrading) has not, and its reports carry none.
 */
const registerColumn = new WeakMap<Db, boolean>();
function hasRegisterColumn(db: Db): boolean {
  let has = registerColumn.get(db);
  if (has === undefined) {
    has = Boolean(db.prepare(`SELECT 1 FROM pragma_table_info('reports') WHERE name = 'register_summary'`).get());
    // Cached only once true: the column appears when the migration runs, never goes away.
    if (has) registerColumn.set(db, has);
  }
  return has;
}

function writeFields(db: Db, id: number, doc: ReportDoc): void {
  // The report's optional parts as one JSON: a pre-2019 report's sections and indicators, and the
  // cells an import could not read (未读入, issue 21; kept here so that no schema change is needed).
  const unreadCells = doc.unreadCells?.length ? doc.unreadCells : undefined;
  const legacy =
    doc.legacySections || doc.indicators || unreadCells
      ? JSON.stringify({ legacySections: doc.legacySections, indicators: doc.indicators, unreadCells })
      : null;
  db.prepare(
    `UPDATE reports SET unit_json = @unit, title = @title, period = @period, preamble = @preamble, signature = @signature,
       date = @date, letterhead = @letterhead, copied_sections = @copied, previous_cells = @previous,
       acknowledgements = @acks, legacy = @legacy WHERE id = @id`,
  ).run({
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
  if (hasRegisterColumn(db)) db.prepare(`UPDATE reports SET register_summary = ? WHERE id = ?`).run(doc.register ? JSON.stringify(doc.register) : null, id);
}

function writeDoc(db: Db, id: number, doc: ReportDoc): void {
  writeFields(db, id, doc);
  db.prepare(`DELETE FROM section_texts WHERE report_id = ?`).run(id);
  db.prepare(`DELETE FROM cells WHERE report_id = ?`).run(id);
  const putSection = db.prepare(`INSERT INTO section_texts (report_id, section_key, text) VALUES (?, ?, ?)`);
  for (const [key, text] of Object.entries(doc.sections)) if (typeof text === 'string' && text !== '') putSection.run(id, key, text);
  const putCell = db.prepare(`INSERT INTO cells (report_id, cell_key, value) VALUES (?, ?, ?)`);
  for (const [key, value] of Object.entries(doc.cells)) putCell.run(id, key, value);
}

function assemble(db: Db, row: ReportRow): StoredReport {
  const sections: ReportDoc['sections'] = {};
  for (const s of db.prepare(`SELECT section_key, text FROM section_texts WHERE report_id = ?`).all(row.id) as { section_key: SectionKey; text: string }[]) {
    sections[s.section_key] = s.text;
  }
  const cells: Record<string, number> = {};
  for (const c of db.prepare(`SELECT cell_key, value FROM cells WHERE report_id = ? ORDER BY cell_key`).all(row.id) as { cell_key: string; value: number }[]) {
    cells[c.cell_key] = c.value;
  }
  const legacy = parseJson<{ legacySections?: ReportDoc['legacySections']; indicators?: ReportDoc['indicators']; unreadCells?: string[] } | null>(
    row.legacy,
    null,
  );
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
    // Stored before the 版记 fields existed: those read as not set.
    letterhead: {
      ...{ enabled: false, issuer: '', docNumber: '', printedBy: '', printedDate: '' as const },
      ...parseJson<Partial<ReportDoc['letterhead']>>(row.letterhead, {}),
    },
    copiedSections: parseJson<SectionKey[]>(row.copied_sections, []),
    acknowledgements: parseJson<ReportDoc['acknowledgements']>(row.acknowledgements, {}),
  };
  if (row.previous_cells !== null) doc.previousCells = parseJson<Record<string, number>>(row.previous_cells, {});
  if (legacy?.legacySections) doc.legacySections = legacy.legacySections;
  if (legacy?.indicators) doc.indicators = legacy.indicators;
  if (typeof row.register_summary === 'string')
    doc.register = parseJson<NonNullable<ReportDoc['register']>>(row.register_summary, {
      computedAt: '',
      tables: [],
      counted: 0,
      sources: {},
      overdue: [],
    });
  if (legacy?.unreadCells?.length) doc.unreadCells = legacy.unreadCells;
  return { id: row.id, unitId: row.unit_id, status: row.status, basedOnId: row.based_on_id, createdAt: row.created_at, updatedAt: row.updated_at, doc };
}
