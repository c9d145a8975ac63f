// The unit (机关) record: the app works with one unit, the first one saved.
import type { Database as Db } from 'better-sqlite3';
import type { Unit, UnitSettings } from '../../../shared/report';
import { now } from './database';

export type UnitRecord = Unit & { id: number };

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

/** Only the unit's own fields: callers may pass a UnitRecord with its id. */
export function pickUnit(u: Unit): Unit {
  return {
    name: u.name,
    kind: u.kind,
    supervisor: u.supervisor,
    address: u.address,
    postcode: u.postcode,
    phone: u.phone,
    email: u.email,
    signature: u.signature,
  };
}

function unitFromRow(r: UnitRow): UnitRecord {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    supervisor: r.supervisor,
    address: r.address,
    postcode: r.postcode,
    phone: r.phone,
    email: r.email,
    signature: r.signature,
  };
}

export function getUnit(db: Db): UnitRecord | null {
  const row = db.prepare(`SELECT * FROM units ORDER BY id LIMIT 1`).get() as UnitRow | undefined;
  return row ? unitFromRow(row) : null;
}

/** How the unit prints (本单位公文双面打印); the defaults while there is no unit. */
export function getUnitSettings(db: Db): UnitSettings {
  const row = db.prepare(`SELECT print_duplex FROM units ORDER BY id LIMIT 1`).get() as { print_duplex: number } | undefined;
  return { duplex: row?.print_duplex === 1 };
}

/** Stores the unit's print settings; null when there is no unit yet. */
export function saveUnitSettings(db: Db, settings: UnitSettings): UnitSettings | null {
  const existing = getUnit(db);
  if (!existing) return null;
  db.prepare(`UPDATE units SET print_duplex = ?, updated_at = ? WHERE id = ?`).run(settings.duplex ? 1 : 0, now(), existing.id);
  return { duplex: settings.duplex };
}

/** Creates the unit, or updates the existing one. */
export function saveUnit(db: Db, unit: Unit): UnitRecord {
  const t = now();
  const existing = getUnit(db);
  const values = { ...pickUnit(unit), t };
  if (existing) {
    db.prepare(
      `UPDATE units SET name = @name, kind = @kind, supervisor = @supervisor, address = @address, postcode = @postcode,
         phone = @phone, email = @email, signature = @signature, updated_at = @t WHERE id = @id`,
    ).run({ ...values, id: existing.id });
    return { ...pickUnit(unit), id: existing.id };
  }
  const r = db
    .prepare(
      `INSERT INTO units (name, kind, supervisor, address, postcode, phone, email, signature, created_at, updated_at)
       VALUES (@name, @kind, @supervisor, @address, @postcode, @phone, @email, @signature, @t, @t)`,
    )
    .run(values);
  return { ...pickUnit(unit), id: Number(r.lastInsertRowid) };
}
