// The schema, as an ordered, append-only list: never edit a shipped migration, add the next one.
// openStore applies every pending one in a single transaction and sets PRAGMA user_version.
import type { Database } from 'better-sqlite3';
import { sealReport } from './checksum';

export interface Migration {
  version: number;
  up(db: Database): void;
}

/** 'NBAO' as a 32-bit integer: marks the file as ours (PRAGMA application_id). */
export const APPLICATION_ID = 0x4e42414f;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up(db) {
      db.exec(`
        CREATE TABLE units (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL CHECK (length(name) > 0),
          kind TEXT NOT NULL CHECK (kind IN ('township', 'subdistrict', 'county_department', 'other')),
          supervisor TEXT NOT NULL DEFAULT '',
          address TEXT NOT NULL DEFAULT '',
          postcode TEXT NOT NULL DEFAULT '',
          phone TEXT NOT NULL DEFAULT '',
          email TEXT NOT NULL DEFAULT '',
          signature TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;

        -- One report per unit and year. The unit as printed in the report is kept with the report
        -- (unit_json): renaming the unit later must not rewrite an issued report.
        CREATE TABLE reports (
          id INTEGER PRIMARY KEY,
          unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
          year INTEGER NOT NULL CHECK (year BETWEEN 2008 AND 2100),
          format_id TEXT NOT NULL CHECK (format_id IN ('gov-2021', 'gov-2019', 'legacy')),
          status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
          based_on_id INTEGER REFERENCES reports (id) ON DELETE SET NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          unit_json TEXT NOT NULL,
          title TEXT NOT NULL DEFAULT '',
          period TEXT NOT NULL DEFAULT '',
          preamble TEXT NOT NULL DEFAULT '{}',
          signature TEXT NOT NULL DEFAULT '',
          date TEXT NOT NULL DEFAULT '',
          letterhead TEXT NOT NULL DEFAULT '{}',
          copied_sections TEXT NOT NULL DEFAULT '[]',
          previous_cells TEXT,
          acknowledgements TEXT NOT NULL DEFAULT '{}',
          legacy TEXT,
          UNIQUE (unit_id, year)
        ) STRICT;
        CREATE INDEX reports_based_on ON reports (based_on_id);

        CREATE TABLE section_texts (
          report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
          section_key TEXT NOT NULL CHECK (section_key IN ('overview', 'proactive', 'requests', 'review_litigation', 'problems', 'other_matters')),
          text TEXT NOT NULL,
          PRIMARY KEY (report_id, section_key)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE cells (
          report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
          cell_key TEXT NOT NULL CHECK (cell_key GLOB 't[234].*.*'),
          value REAL NOT NULL,
          PRIMARY KEY (report_id, cell_key)
        ) STRICT, WITHOUT ROWID;

        -- Export history: what was handed out, byte for byte (sha256) and as the report then stood.
        CREATE TABLE exports (
          id INTEGER PRIMARY KEY,
          report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
          created_at TEXT NOT NULL,
          file_name TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          draft INTEGER NOT NULL CHECK (draft IN (0, 1)),
          saved_path TEXT NOT NULL DEFAULT '',
          report_json TEXT NOT NULL
        ) STRICT;
        CREATE INDEX exports_report ON exports (report_id);

        CREATE TABLE ui_state (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT, WITHOUT ROWID;
      `);
    },
  },
  {
    // Format ids are the business of shared/formats and the API's schema, not of a CHECK: a new
    // national format must not need a table rebuild. This is the last rebuild (SQLite cannot drop a
    // CHECK in place): the table is copied row for row under its own name, ids kept.
    version: 2,
    up(db) {
      db.exec(`
        CREATE TABLE reports_v2 (
          id INTEGER PRIMARY KEY,
          unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
          year INTEGER NOT NULL CHECK (year BETWEEN 2008 AND 2100),
          format_id TEXT NOT NULL CHECK (length(format_id) BETWEEN 1 AND 40),
          status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
          based_on_id INTEGER REFERENCES reports (id) ON DELETE SET NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          unit_json TEXT NOT NULL,
          title TEXT NOT NULL DEFAULT '',
          period TEXT NOT NULL DEFAULT '',
          preamble TEXT NOT NULL DEFAULT '{}',
          signature TEXT NOT NULL DEFAULT '',
          date TEXT NOT NULL DEFAULT '',
          letterhead TEXT NOT NULL DEFAULT '{}',
          copied_sections TEXT NOT NULL DEFAULT '[]',
          previous_cells TEXT,
          acknowledgements TEXT NOT NULL DEFAULT '{}',
          legacy TEXT,
          UNIQUE (unit_id, year)
        ) STRICT;
        INSERT INTO reports_v2 SELECT id, unit_id, year, format_id, status, based_on_id, created_at, updated_at, unit_json, title, period,
          preamble, signature, date, letterhead, copied_sections, previous_cells, acknowledgements, legacy FROM reports;
        DROP TABLE reports;
        ALTER TABLE reports_v2 RENAME TO reports;
        CREATE INDEX reports_based_on ON reports (based_on_id);
      `);
    },
  },
  {
    // A checksum of each report's content (issue 20): a flipped bit in stored text passes SQLite's
    // integrity check; the start compares every report with its seal. Existing reports are sealed as they are.
    version: 3,
    up(db) {
      db.exec(`ALTER TABLE reports ADD COLUMN content_sha TEXT`);
      for (const id of db.prepare(`SELECT id FROM reports`).pluck().all() as number[]) sealReport(db, id);
    },
  },
  {
    // 导出记录 says what each file was: Word or PDF, with or without 红头, the 用印版式 (issue 23).
    version: 4,
    up(db) {
      db.exec(`
        ALTER TABLE exports ADD COLUMN kind TEXT NOT NULL DEFAULT 'docx' CHECK (kind IN ('docx', 'pdf'));
        ALTER TABLE exports ADD COLUMN letterhead INTEGER NOT NULL DEFAULT 0 CHECK (letterhead IN (0, 1));
        ALTER TABLE exports ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1));
      `);
    },
  },
  {
    // The application register (issue 24): one row per application and unit, the entry as typed in
    // \`data\` (JSON, checked by shared/register's schema), its dates beside it for the year's lists;
    // the clerk's 节假日安排 for years the calendar library does not know; and, per report, the
    // summary of the register its table 三 was counted from.
    version: 5,
    up(db) {
      db.exec(`
        CREATE TABLE register_applications (
          unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
          app_id TEXT NOT NULL CHECK (length(app_id) BETWEEN 1 AND 40),
          received_on TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          answered_on TEXT NOT NULL DEFAULT '',
          data TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (unit_id, app_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX register_applications_received ON register_applications (unit_id, received_on);

        -- 表二's normative documents and table 四's cases, per unit, each list as typed.
        CREATE TABLE register_lists (
          unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
          kind TEXT NOT NULL CHECK (kind IN ('documents', 'cases')),
          data TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (unit_id, kind)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE register_holidays (
          year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
          data TEXT NOT NULL
        ) STRICT;

        ALTER TABLE reports ADD COLUMN register_summary TEXT;
      `);
    },
  },
  {
    // The 公文 fonts check of the 导出 step, kept with each export (JSON; NULL when none ran).
    version: 6,
    up(db) {
      db.exec(`ALTER TABLE exports ADD COLUMN font_check TEXT`);
    },
  },
  {
    // A final export with blank table cells (issue 21): how many the clerk confirmed to print as 0
    // (「按 0 印出」); NULL when none were asked about (a 草稿, or every cell filled).
    version: 7,
    up(db) {
      db.exec(`ALTER TABLE exports ADD COLUMN blank_as_zero INTEGER CHECK (blank_as_zero IS NULL OR blank_as_zero >= 0)`);
    },
  },
  {
    // 本单位公文双面打印 (issue 22): the unit's default for the 导出 step's 双面打印.
    version: 8,
    up(db) {
      db.exec(`ALTER TABLE units ADD COLUMN print_duplex INTEGER NOT NULL DEFAULT 0 CHECK (print_duplex IN (0, 1))`);
    },
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
