// A checksum of each report's content (reports.content_sha): SQLite keeps no checksum of stored
// values, so a flipped bit in a report's text passes its integrity check and reads as other text.
// Every write that changes a report seals it again; the start checks every report against its seal.
import { createHash } from 'node:crypto';
import type { Database as Db } from 'better-sqlite3';

/**
 * The report's content as stored: its own fields (not updated_at, status or based_on_id, which
 * change without the content changing), its section texts and its cells, in key order.
 */
export function contentHash(db: Db, id: number): string | null {
  const row = db
    .prepare(
      `SELECT unit_id, year, format_id, created_at, unit_json, title, period, preamble, signature, date, letterhead,
              copied_sections, previous_cells, acknowledgements, legacy FROM reports WHERE id = ?`,
    )
    .raw()
    .get(id) as unknown[] | undefined;
  if (!row) return null;
  const sections = db.prepare(`SELECT section_key, text FROM section_texts WHERE report_id = ? ORDER BY section_key`).raw().all(id);
  const cells = db.prepare(`SELECT cell_key, value FROM cells WHERE report_id = ? ORDER BY cell_key`).raw().all(id);
  return createHash('sha256')
    .update(JSON.stringify([row, sections, cells]))
    .digest('hex');
}

/** Whether the file has the checksum column yet (a file opened with an older schema, in tests, has not). */
function sealed(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM pragma_table_info('reports') WHERE name = 'content_sha'`).get() !== undefined;
}

/** Stores the report's checksum; called inside the transaction of every write to the report. */
export function sealReport(db: Db, id: number): void {
  if (!sealed(db)) return;
  db.prepare(`UPDATE reports SET content_sha = ? WHERE id = ?`).run(contentHash(db, id), id);
}

/** The reports whose content no longer matches their seal (an unsealed report, from before the checksum, is not checked). */
export function unsealedChanges(db: Db): { id: number; year: number }[] {
  if (!sealed(db)) return [];
  const rows = db.prepare(`SELECT id, year, content_sha FROM reports WHERE content_sha IS NOT NULL`).all() as {
    id: number;
    year: number;
    content_sha: string;
  }[];
  return rows.filter((r) => contentHash(db, r.id) !== r.content_sha).map(({ id, year }) => ({ id, year }));
}
