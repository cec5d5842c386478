/**
 * Forward-only migrations keyed by `PRAGMA user_version`. Never edit a released migration:
 * add a new one at the end. Migration N brings a workspace from version N-1 to N.
 */
import type { Database } from 'sql.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'workspace, registry, audit log',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

      CREATE TABLE spaces (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL DEFAULT ''
      );
      INSERT INTO spaces (id, name, description) VALUES (1, 'global', 'The ISP''s global address space');

      -- start/end: 16-byte big-endian addresses (IPv4 zero-extended): ORDER BY start is address order.
      CREATE TABLE prefixes (
        id INTEGER PRIMARY KEY,
        space_id INTEGER NOT NULL REFERENCES spaces(id),
        family INTEGER NOT NULL CHECK (family IN (4, 6)),
        start BLOB NOT NULL CHECK (length(start) = 16),
        end BLOB NOT NULL CHECK (length(end) = 16),
        length INTEGER NOT NULL CHECK (length BETWEEN 0 AND 128),
        status TEXT NOT NULL CHECK (status IN ('aggregate', 'allocated', 'assigned', 'reserved')),
        description TEXT NOT NULL DEFAULT '',
        unit INTEGER CHECK (unit IS NULL OR unit BETWEEN 1 AND 128),
        rir TEXT,
        date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (space_id, family, start, length)
      );
      CREATE INDEX prefixes_by_range ON prefixes (space_id, family, start, end);

      CREATE TABLE asns (
        id INTEGER PRIMARY KEY,
        asn INTEGER NOT NULL UNIQUE CHECK (asn BETWEEN 0 AND 4294967295),
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );

      CREATE TABLE settings (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL);

      -- One row per user action; undo/redo flip its state.
      CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        op TEXT NOT NULL,
        summary TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('done', 'undone', 'dropped', 'applied')),
        undoable INTEGER NOT NULL,
        reverts INTEGER REFERENCES actions(id)
      );
      CREATE INDEX actions_by_state ON actions (state, id);

      -- One row per changed table row: the audit log, undo/redo, and the growth history.
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES actions(id),
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        what TEXT NOT NULL,
        tbl TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        before TEXT,
        after TEXT
      );
      CREATE INDEX events_by_action ON events (action_id, id);
      CREATE INDEX events_by_row ON events (tbl, row_id, id);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function userVersion(db: Database): number {
  const v = db.exec('PRAGMA user_version')[0]?.values[0]?.[0];
  return typeof v === 'number' ? v : 0;
}

/** Applies the pending migrations, each in its own transaction. Returns the versions applied. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const from = userVersion(db);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.run('BEGIN');
    try {
      db.run(m.sql);
      db.run(`PRAGMA user_version = ${m.version}`);
      db.run('COMMIT');
    } catch (e) {
      db.run('ROLLBACK');
      throw new Error(`migration ${m.version} (${m.name}) failed: ${(e as Error).message}`);
    }
    applied.push(m.version);
  }
  return applied;
}
