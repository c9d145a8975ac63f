// What the clerk types while editing: one section's text, a batch of cells, a warning marked as
// reviewed. Each is one small transaction that also moves the report's updated_at.
import type { Database as Db } from 'better-sqlite3';
import type { ReportDoc } from '../../../shared/report';
import type { SectionKey } from '../../../shared/formats/types';
import { now, parseJson } from './database';
import { reportRow, touch } from './reports';

/** Saves one section's text ('' removes it); an edited section is no longer "沿用上年". */
export function setSection(db: Db, id: number, key: SectionKey, text: string): string {
  return db.transaction(() => {
    const row = reportRow(db, id);
    if (text === '') db.prepare(`DELETE FROM section_texts WHERE report_id = ? AND section_key = ?`).run(id, key);
    else
      db.prepare(
        `INSERT INTO section_texts (report_id, section_key, text) VALUES (?, ?, ?) ON CONFLICT (report_id, section_key) DO UPDATE SET text = excluded.text`,
      ).run(id, key, text);
    const copied = parseJson<SectionKey[]>(row.copied_sections, []);
    if (copied.includes(key)) db.prepare(`UPDATE reports SET copied_sections = ? WHERE id = ?`).run(JSON.stringify(copied.filter((k) => k !== key)), id);
    return touch(db, id);
  })();
}

/** Sets cells; null removes a cell (not filled in). */
export function setCells(db: Db, id: number, cells: Record<string, number | null>): string {
  return db.transaction(() => {
    reportRow(db, id);
    const del = db.prepare(`DELETE FROM cells WHERE report_id = ? AND cell_key = ?`);
    const put = db.prepare(
      `INSERT INTO cells (report_id, cell_key, value) VALUES (?, ?, ?) ON CONFLICT (report_id, cell_key) DO UPDATE SET value = excluded.value`,
    );
    for (const [key, value] of Object.entries(cells)) {
      if (value === null) del.run(id, key);
      else put.run(id, key, value);
    }
    return touch(db, id);
  })();
}

export function setAcknowledgement(db: Db, id: number, findingId: string, reason: string | null): string {
  return db.transaction(() => {
    const row = reportRow(db, id);
    // A map without a prototype: a finding id can never reach Object.prototype.
    const acks: ReportDoc['acknowledgements'] = Object.assign(
      Object.create(null) as ReportDoc['acknowledgements'],
      parseJson<ReportDoc['acknowledgements']>(row.acknowledgements, {}),
    );
    if (reason === null) delete acks[findingId];
    else acks[findingId] = { reason, at: now() };
    db.prepare(`UPDATE reports SET acknowledgements = ? WHERE id = ?`).run(JSON.stringify(acks), id);
    return touch(db, id);
  })();
}
