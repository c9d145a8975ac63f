// The application register in SQLite (issue 24): one row per application and unit, each add,
// edit and delete its own transaction, as the clerk types. A year's register is read by date:
// every application received by the year's end and not answered before it began (so open ones
// carry into the next year with their original data).
import type { Database as Db } from 'better-sqlite3';
import { ApplicationSchema, type Application } from '../../../shared/register/model';
import { HolidayArrangementSchema, type HolidayArrangement } from '../../../shared/register/deadline';
import { now, parseJson } from '../store/database';
import { StoreError } from '../store/errors';

interface AppRow {
  data: string;
}

const STRING_FIELDS = [
  'id',
  'receivedOn',
  'applicant',
  'applicantType',
  'channel',
  'content',
  'correctionAskedOn',
  'correctionReceivedOn',
  'extendedOn',
  'consultationFrom',
  'consultationTo',
  'answeredOn',
  'outcome',
  'notes',
] as const;
const FIELD_COUNT = STRING_FIELDS.length + 2;

/**
 * A stored row as written by saveApplication (checked by the schema then): the exact fields with
 * their types is enough. Anything else (a row edited outside the program) goes through the schema
 * and is left out if it does not pass. The full schema on 5,000 rows costs more than the count.
 */
function parseRow(r: AppRow): Application | null {
  const raw = parseJson<Record<string, unknown> | null>(r.data, null);
  if (
    raw &&
    typeof raw === 'object' &&
    Object.keys(raw).length === FIELD_COUNT &&
    typeof raw.extended === 'boolean' &&
    typeof raw.fee === 'number' &&
    STRING_FIELDS.every((f) => typeof raw[f] === 'string')
  )
    return raw as unknown as Application;
  const parsed = ApplicationSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Every application of the unit, or those a year's table counts, in order of receipt. */
export function listApplications(db: Db, unitId: number, year?: number): Application[] {
  const rows = (
    year === undefined
      ? db.prepare(`SELECT data FROM register_applications WHERE unit_id = ? ORDER BY received_on, app_id`).all(unitId)
      : db
          .prepare(
            `SELECT data FROM register_applications WHERE unit_id = ? AND received_on <= ? AND (answered_on = '' OR answered_on >= ?) ORDER BY received_on, app_id`,
          )
          .all(unitId, `${year}-12-31`, `${year}-01-01`)
  ) as AppRow[];
  const out: Application[] = [];
  for (const r of rows) {
    const app = parseRow(r);
    if (app) out.push(app);
  }
  return out;
}

export function getApplication(db: Db, unitId: number, id: string): Application | null {
  const row = db.prepare(`SELECT data FROM register_applications WHERE unit_id = ? AND app_id = ?`).get(unitId, id) as AppRow | undefined;
  return row ? parseRow(row) : null;
}

const exists = (db: Db, unitId: number, id: string) =>
  Boolean(db.prepare(`SELECT 1 FROM register_applications WHERE unit_id = ? AND app_id = ?`).get(unitId, id));

function put(db: Db, unitId: number, app: Application, t: string): void {
  db.prepare(
    `INSERT INTO register_applications (unit_id, app_id, received_on, answered_on, data, created_at, updated_at)
     VALUES (@unitId, @id, @received, @answered, @data, @t, @t)
     ON CONFLICT (unit_id, app_id) DO UPDATE SET received_on = excluded.received_on, answered_on = excluded.answered_on,
       data = excluded.data, updated_at = excluded.updated_at`,
  ).run({ unitId, id: app.id, received: app.receivedOn, answered: app.answeredOn, data: JSON.stringify(app), t });
}

/**
 * Adds an application (previousId null) or replaces the one registered as previousId (its 登记编号
 * may change). Refuses a 登记编号 already taken by another application.
 */
export function saveApplication(db: Db, unitId: number, app: Application, previousId: string | null): Application {
  return db.transaction(() => {
    if (previousId === null && exists(db, unitId, app.id))
      throw new StoreError('conflict', `登记编号“${app.id}”已经有一件申请。请换一个编号，或在台账中打开那一件修改。`);
    if (previousId !== null) {
      if (!exists(db, unitId, previousId)) throw new StoreError('not_found', `台账中没有登记编号为“${previousId}”的申请，它可能已被删除。请刷新台账后再试。`);
      if (previousId !== app.id) {
        if (exists(db, unitId, app.id)) throw new StoreError('conflict', `登记编号“${app.id}”已经有一件申请，不能改成这个编号。`);
        db.prepare(`DELETE FROM register_applications WHERE unit_id = ? AND app_id = ?`).run(unitId, previousId);
      }
    }
    put(db, unitId, app, now());
    return app;
  })();
}

export function deleteApplication(db: Db, unitId: number, id: string): void {
  const r = db.prepare(`DELETE FROM register_applications WHERE unit_id = ? AND app_id = ?`).run(unitId, id);
  if (r.changes === 0) throw new StoreError('not_found', `台账中没有登记编号为“${id}”的申请，它可能已被删除。请刷新台账。`);
}

/** Saves many applications at once (an Excel import): all or none; a 登记编号 already there is updated. */
export function saveApplications(db: Db, unitId: number, apps: readonly Application[]): { added: number; updated: number } {
  return db.transaction(() => {
    const t = now();
    let added = 0;
    let updated = 0;
    for (const app of apps) {
      if (exists(db, unitId, app.id)) updated++;
      else added++;
      put(db, unitId, app, t);
    }
    return { added, updated };
  })();
}

export function listHolidayArrangements(db: Db): HolidayArrangement[] {
  const rows = db.prepare(`SELECT data FROM register_holidays ORDER BY year`).all() as { data: string }[];
  return rows.flatMap((r) => {
    const parsed = HolidayArrangementSchema.safeParse(parseJson<unknown>(r.data, null));
    return parsed.success ? [parsed.data] : [];
  });
}

/** Saves a year's 节假日安排 (replacing the year's earlier one); empty lists remove it. */
export function saveHolidayArrangement(db: Db, a: HolidayArrangement): void {
  if (a.holidays.length === 0 && a.workdays.length === 0) db.prepare(`DELETE FROM register_holidays WHERE year = ?`).run(a.year);
  else
    db.prepare(`INSERT INTO register_holidays (year, data) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET data = excluded.data`).run(a.year, JSON.stringify(a));
}

/** 表二's documents or table 四's cases of a unit, as last saved (an empty list when none). */
export function getList(db: Db, unitId: number, kind: 'documents' | 'cases'): unknown[] {
  const row = db.prepare(`SELECT data FROM register_lists WHERE unit_id = ? AND kind = ?`).get(unitId, kind) as { data: string } | undefined;
  const list = parseJson<unknown>(row?.data ?? null, []);
  return Array.isArray(list) ? list : [];
}

export function saveList(db: Db, unitId: number, kind: 'documents' | 'cases', list: readonly unknown[]): void {
  db.prepare(
    `INSERT INTO register_lists (unit_id, kind, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (unit_id, kind) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  ).run(unitId, kind, JSON.stringify(list), now());
}

/** The register's functions on one connection (the store's current one: a restore replaces it). */
export function bindRegister(db: Db) {
  return {
    listApplications: (unitId: number, year?: number) => listApplications(db, unitId, year),
    getApplication: (unitId: number, id: string) => getApplication(db, unitId, id),
    saveApplication: (unitId: number, app: Application, previousId: string | null) => saveApplication(db, unitId, app, previousId),
    saveApplications: (unitId: number, apps: readonly Application[]) => saveApplications(db, unitId, apps),
    deleteApplication: (unitId: number, id: string) => deleteApplication(db, unitId, id),
    listHolidayArrangements: () => listHolidayArrangements(db),
    saveHolidayArrangement: (a: HolidayArrangement) => saveHolidayArrangement(db, a),
    getList: (unitId: number, kind: 'documents' | 'cases') => getList(db, unitId, kind),
    saveList: (unitId: number, kind: 'documents' | 'cases', list: readonly unknown[]) => saveList(db, unitId, kind, list),
  };
}
export type RegisterStore = ReturnType<typeof bindRegister>;
