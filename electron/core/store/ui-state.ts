// Where the clerk was (report and step), so the next start opens there.
import type { Database as Db } from 'better-sqlite3';

export function getUiValue(db: Db, key: string): string | null {
  const row = db.prepare(`SELECT value FROM ui_state WHERE key = ?`).get(key) as { value: string } | undefined;
  return row ? row.value : null;
}

export function setUiValues(db: Db, values: Record<string, string | null>): void {
  db.transaction(() => {
    for (const [key, value] of Object.entries(values)) {
      if (value === null) db.prepare(`DELETE FROM ui_state WHERE key = ?`).run(key);
      else db.prepare(`INSERT INTO ui_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
    }
  })();
}
