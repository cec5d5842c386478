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
  {
    version: 2,
    name: 'facility: sites, equipment, UPS, batteries, generators, cooling, backup jobs, readings',
    sql: `
      CREATE TABLE facility_sites (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL DEFAULT '',
        load_pf REAL NOT NULL,
        peak_factor REAL,
        nameplate_to_actual_frac REAL,
        simultaneity_frac REAL,
        growth_margin_frac REAL,
        line_voltage_v REAL,
        altitude_m REAL NOT NULL DEFAULT 0,
        ambient_c REAL NOT NULL DEFAULT 25,
        area_m2 REAL NOT NULL DEFAULT 0,
        max_people INTEGER NOT NULL DEFAULT 0,
        backup_link_bits_per_s REAL,
        backup_link_share_frac REAL,
        daily_change_frac REAL,
        compression_ratio REAL,
        dedup_ratio REAL,
        rto_h REAL,
        incrementals_in_chain INTEGER,
        repo_capacity_bytes REAL,
        backup_copies INTEGER,
        fulls_retained INTEGER,
        incrementals_retained INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE facility_equipment (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES facility_sites(id),
        name TEXT NOT NULL,
        qty INTEGER NOT NULL CHECK (qty >= 0),
        nameplate_w REAL NOT NULL CHECK (nameplate_w > 0),
        measured_w REAL CHECK (measured_w IS NULL OR measured_w >= 0)
      );
      CREATE INDEX facility_equipment_by_site ON facility_equipment (site_id, id);

      -- rated_va/rated_w: one unit (module) of the system; units and redundancy say how many carry the load.
      CREATE TABLE facility_ups (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES facility_sites(id),
        name TEXT NOT NULL,
        rated_va REAL NOT NULL,
        rated_w REAL NOT NULL,
        units INTEGER NOT NULL DEFAULT 1,
        redundancy TEXT NOT NULL DEFAULT 'N' CHECK (redundancy IN ('N', 'N+1', '2N')),
        max_load_frac REAL,
        ups_eff REAL NOT NULL
      );
      CREATE INDEX facility_ups_by_site ON facility_ups (site_id, id);

      -- A vendor constant-power table (shared/facility/battery-table.ts batteryModelSchema), as JSON.
      CREATE TABLE facility_battery_tables (
        id INTEGER PRIMARY KEY,
        vendor TEXT NOT NULL,
        model TEXT NOT NULL,
        model_json TEXT NOT NULL,
        UNIQUE (vendor, model)
      );

      CREATE TABLE facility_battery_strings (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES facility_sites(id),
        name TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('table', 'peukert', 'energy')),
        table_id INTEGER REFERENCES facility_battery_tables(id),
        end_volts_per_cell REAL,
        strings INTEGER NOT NULL,
        blocks_per_string INTEGER NOT NULL,
        block_v REAL NOT NULL,
        cells_per_block INTEGER NOT NULL,
        rated_ah REAL,
        rated_hours REAL,
        dod_frac REAL,
        k REAL,
        inverter_eff REAL NOT NULL,
        battery_temp_c REAL,
        aging_factor REAL,
        required_min REAL NOT NULL,
        charge_current_a REAL NOT NULL DEFAULT 0,
        float_volts_per_cell REAL NOT NULL DEFAULT 2.275,
        charger_eff REAL NOT NULL DEFAULT 0.95
      );
      CREATE INDEX facility_battery_strings_by_site ON facility_battery_strings (site_id, id);

      -- curve_json: the datasheet fuel curve [{loadFrac, lPerH}]; NULL = the fallback fit (estimated).
      CREATE TABLE facility_generators (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES facility_sites(id),
        name TEXT NOT NULL,
        rating_w REAL NOT NULL,
        ups_gen_factor REAL,
        esp_avg_load_frac REAL,
        other_running_w REAL NOT NULL DEFAULT 0,
        curve_json TEXT,
        tank_l REAL,
        usable_frac REAL,
        reserve_l REAL,
        required_autonomy_h REAL,
        class_h REAL
      );
      CREATE INDEX facility_generators_by_site ON facility_generators (site_id, id);

      CREATE TABLE facility_cooling_units (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES facility_sites(id),
        name TEXT NOT NULL,
        unit_total_w REAL NOT NULL,
        shr REAL NOT NULL,
        installed_units INTEGER NOT NULL
      );
      CREATE INDEX facility_cooling_units_by_site ON facility_cooling_units (site_id, id);

      CREATE TABLE facility_backup_jobs (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES facility_sites(id),
        name TEXT NOT NULL,
        job TEXT NOT NULL CHECK (job IN ('full', 'incremental', 'differential')),
        window_h REAL NOT NULL,
        interval_h REAL NOT NULL,
        days REAL,
        fixed_overhead_h REAL
      );
      CREATE INDEX facility_backup_jobs_by_site ON facility_backup_jobs (site_id, id);

      -- Dated readings the forecasts fit: measured IT load (W) and protected data (bytes).
      CREATE TABLE facility_readings (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES facility_sites(id),
        kind TEXT NOT NULL CHECK (kind IN ('itW', 'dataBytes')),
        date TEXT NOT NULL,
        value REAL NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (site_id, kind, date)
      );
    `,
  },
  {
    version: 3,
    name: 'registry: usage counters of the prefix hierarchy (derived; see prefix-usage.ts)',
    sql: `
      -- Derived from prefixes on every write, like an index: neither journaled nor in events.
      CREATE TABLE prefix_usage (
        id INTEGER PRIMARY KEY,          -- prefixes.id
        parent_id INTEGER,               -- the most specific block holding it in its space, or NULL
        depth INTEGER NOT NULL,          -- 0 for a top-level block
        size REAL NOT NULL,              -- addresses
        children INTEGER NOT NULL DEFAULT 0,
        used REAL NOT NULL DEFAULT 0,    -- Σ size of direct children that are not reserved
        reserved REAL NOT NULL DEFAULT 0 -- Σ size of direct reserved children
      );
      CREATE INDEX prefix_usage_by_parent ON prefix_usage (parent_id);
    `,
  },
  {
    version: 4,
    name: 'ASNs: the day each was taken into use, and ASN blocks (ranges) to forecast',
    sql: `
      ALTER TABLE asns ADD COLUMN date TEXT; -- YYYY-MM-DD; NULL: the day it was recorded
      CREATE TABLE asn_ranges (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        first INTEGER NOT NULL CHECK (first BETWEEN 0 AND 4294967295),
        last INTEGER NOT NULL CHECK (last BETWEEN 0 AND 4294967295),
        description TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (first <= last)
      );
    `,
  },
  {
    version: 5,
    name: 'bulk changes: one event for a run of inserted rows; their undo shelves the rows for redo',
    sql: `
      -- Rows of a bulk insert (an import) taken out by its undo, kept for its redo; emptied when
      -- a new change drops the redo. Same columns as prefixes (a migration adding a column to
      -- prefixes adds it here too), plus the action whose rows they are.
      CREATE TABLE prefixes_shelf (
        shelved_by INTEGER NOT NULL REFERENCES actions(id),
        id INTEGER NOT NULL,
        space_id INTEGER NOT NULL,
        family INTEGER NOT NULL,
        start BLOB NOT NULL,
        end BLOB NOT NULL,
        length INTEGER NOT NULL,
        status TEXT NOT NULL,
        description TEXT NOT NULL,
        unit INTEGER,
        rir TEXT,
        date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX prefixes_shelf_by_action ON prefixes_shelf (shelved_by, id);
    `,
  },
  {
    version: 6,
    name: 'routing: the routes we announce (prefix and origin AS), for the ROA plan and the IRR',
    sql: `
      -- start/end: 16-byte big-endian keys as in prefixes. Not tied to a prefixes row: the route
      -- must lie inside an aggregate when recorded (services/routing.ts), and stays when blocks move.
      CREATE TABLE routes (
        id INTEGER PRIMARY KEY,
        family INTEGER NOT NULL CHECK (family IN (4, 6)),
        start BLOB NOT NULL CHECK (length(start) = 16),
        end BLOB NOT NULL CHECK (length(end) = 16),
        length INTEGER NOT NULL CHECK (length BETWEEN 0 AND 128),
        origin INTEGER NOT NULL CHECK (origin BETWEEN 1 AND 4294967295),
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        UNIQUE (family, start, length, origin)
      );
      CREATE INDEX routes_by_range ON routes (family, start, end);
    `,
  },
  {
    version: 7,
    name: 'lifecycle: statuses cooldown (a released assignment until its date) and planned (a block from its date)',
    sql: `
      -- SQLite cannot change a CHECK in place: the table is rebuilt with the same columns, ids and
      -- index (https://www.sqlite.org/lang_altertable.html#otheralter). Nothing references prefixes.
      CREATE TABLE prefixes_new (
        id INTEGER PRIMARY KEY,
        space_id INTEGER NOT NULL REFERENCES spaces(id),
        family INTEGER NOT NULL CHECK (family IN (4, 6)),
        start BLOB NOT NULL CHECK (length(start) = 16),
        end BLOB NOT NULL CHECK (length(end) = 16),
        length INTEGER NOT NULL CHECK (length BETWEEN 0 AND 128),
        status TEXT NOT NULL CHECK (status IN ('aggregate', 'allocated', 'assigned', 'reserved', 'cooldown', 'planned')),
        description TEXT NOT NULL DEFAULT '',
        unit INTEGER CHECK (unit IS NULL OR unit BETWEEN 1 AND 128),
        rir TEXT,
        date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (space_id, family, start, length)
      );
      INSERT INTO prefixes_new (id, space_id, family, start, end, length, status, description, unit, rir, date, created_at, updated_at)
        SELECT id, space_id, family, start, end, length, status, description, unit, rir, date, created_at, updated_at FROM prefixes;
      DROP TABLE prefixes;
      ALTER TABLE prefixes_new RENAME TO prefixes;
      CREATE INDEX prefixes_by_range ON prefixes (space_id, family, start, end);
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
