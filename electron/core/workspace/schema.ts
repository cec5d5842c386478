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
    name: 'links: upstream, transit and satellite links and their 95th-percentile readings',
    sql: `
      -- A link is a limit on the forecast board (docs/forecasts.md "Links"): capacity × threshold.
      -- lead_days NULL: the workspace's setting links.leadDays (default 90) applies.
      CREATE TABLE links (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        capacity_bps REAL NOT NULL CHECK (capacity_bps > 0),
        commit_bps REAL CHECK (commit_bps IS NULL OR commit_bps >= 0),
        threshold_frac REAL NOT NULL DEFAULT 0.8 CHECK (threshold_frac > 0 AND threshold_frac <= 1),
        lead_days INTEGER CHECK (lead_days IS NULL OR lead_days BETWEEN 0 AND 3650),
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      -- The 95th-percentile traffic of a day (or of a month, dated its first or last day).
      CREATE TABLE link_readings (
        id INTEGER PRIMARY KEY,
        link_id INTEGER NOT NULL REFERENCES links(id),
        date TEXT NOT NULL,
        p95_bps REAL NOT NULL CHECK (p95_bps >= 0),
        UNIQUE (link_id, date)
      );
    `,
  },
  {
    version: 8,
    name: 'addresses, DHCP and DNS: fixed hosts, DHCPv4 scopes and their lease readings',
    sql: `
      -- A fixed host: one address (16-byte big-endian key, as prefixes.start) of a space.
      CREATE TABLE hosts (
        id INTEGER PRIMARY KEY,
        space_id INTEGER NOT NULL REFERENCES spaces(id),
        family INTEGER NOT NULL CHECK (family IN (4, 6)),
        addr BLOB NOT NULL CHECK (length(addr) = 16),
        name TEXT NOT NULL,
        mac TEXT,
        role TEXT NOT NULL CHECK (role IN ('router', 'server', 'printer', 'switch', 'other')),
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        UNIQUE (space_id, family, addr)
      );
      -- A DHCPv4 scope, keyed by its block (network as uint32 and length), not by the block's
      -- row: it stays when the block is edited; a scope whose block is gone is skipped and named.
      CREATE TABLE dhcp_scopes (
        id INTEGER PRIMARY KEY,
        space_id INTEGER NOT NULL REFERENCES spaces(id),
        network INTEGER NOT NULL CHECK (network BETWEEN 0 AND 4294967295),
        length INTEGER NOT NULL CHECK (length BETWEEN 0 AND 30),
        first INTEGER NOT NULL,
        last INTEGER NOT NULL,
        lease_s INTEGER NOT NULL CHECK (lease_s >= 1),
        router INTEGER,
        dns TEXT NOT NULL DEFAULT '',     -- IPv4 addresses, comma-separated
        domain TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (space_id, network, length),
        CHECK (first <= last)
      );
      -- Active leases of a scope on a day (leases import): the scope's growth history.
      CREATE TABLE dhcp_lease_readings (
        id INTEGER PRIMARY KEY,
        scope_id INTEGER NOT NULL,
        date TEXT NOT NULL,
        leased INTEGER NOT NULL CHECK (leased >= 0),
        UNIQUE (scope_id, date)
      );
    `,
  },
  {
    version: 9,
    name: 'facility: several of each component (UPS feeds, shared tanks, generator redundancy), maker derating, step load, battery age',
    sql: `
      -- N+1 among the site's generator sets; the largest motor started last (NEC 430.7(B) code letter).
      ALTER TABLE facility_sites ADD COLUMN generator_redundancy TEXT NOT NULL DEFAULT 'N' CHECK (generator_redundancy IN ('N', 'N+1'));
      ALTER TABLE facility_sites ADD COLUMN motor_hp REAL;
      ALTER TABLE facility_sites ADD COLUMN motor_code TEXT;
      -- A and B feeds: UPS systems on two feeds are 2N across systems.
      ALTER TABLE facility_ups ADD COLUMN feed TEXT CHECK (feed IS NULL OR feed IN ('A', 'B'));
      -- The UPS system a string backs (NULL: the site's first); its age.
      ALTER TABLE facility_battery_strings ADD COLUMN ups_id INTEGER;
      ALTER TABLE facility_battery_strings ADD COLUMN install_date TEXT;
      ALTER TABLE facility_battery_strings ADD COLUMN design_life_years REAL;
      -- tank: sets naming the same tank draw from it together; derating: a maker rule by name or
      -- the planner's table [{altitudeM, ambientC, factor}]; step: ISO 8528-5 class and the load
      -- step the set accepts, as a fraction of its rating.
      ALTER TABLE facility_generators ADD COLUMN tank TEXT;
      ALTER TABLE facility_generators ADD COLUMN derating_rule TEXT;
      ALTER TABLE facility_generators ADD COLUMN derating_table_json TEXT;
      ALTER TABLE facility_generators ADD COLUMN performance_class TEXT CHECK (performance_class IS NULL OR performance_class IN ('G1', 'G2', 'G3'));
      ALTER TABLE facility_generators ADD COLUMN max_step_frac REAL;
    `,
  },
  {
    version: 10,
    name: 'facility: circuits (breaker, rule, phase) and the phase and circuit of each equipment item',
    sql: `
      -- shared/facility/circuits.ts: breaker_a checked by rule ('nec': 80 % continuous, NEC 210.20(A);
      -- 'nec100': a 100 %-rated assembly; 'iec': In × derating_frac, IEC 60364-4-43 §433.1); phase 'L1'|'L2'|'L3' or '3ph'.
      CREATE TABLE facility_circuits (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES facility_sites(id),
        name TEXT NOT NULL,
        breaker_a REAL NOT NULL CHECK (breaker_a > 0),
        rule TEXT NOT NULL DEFAULT 'nec' CHECK (rule IN ('nec', 'nec100', 'iec')),
        phase TEXT NOT NULL DEFAULT 'L1' CHECK (phase IN ('L1', 'L2', 'L3', '3ph')),
        voltage_v REAL NOT NULL CHECK (voltage_v > 0),
        derating_frac REAL
      );
      CREATE INDEX facility_circuits_by_site ON facility_circuits (site_id, id);
      -- The line a single-phase item sits on (NULL: spread over three) and its circuit, by name.
      ALTER TABLE facility_equipment ADD COLUMN phase TEXT CHECK (phase IS NULL OR phase IN ('L1', 'L2', 'L3'));
      ALTER TABLE facility_equipment ADD COLUMN circuit TEXT;
    `,
  },
  {
    version: 11,
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
  {
    version: 12,
    name: 'facility: the site inputs of the sizing sheet checks (required runtime, 3-2-1, PUE from energy)',
    sql: `
      -- Required runtime = ride-through + 2 × orderly shutdown + margin (minutes); the 3-2-1 rule's
      -- kinds of media and copies off site (beside backup_copies); PUE from the facility's and the
      -- IT's energy over one period (Wh, 12 months preferred, The Green Grid WP-49).
      ALTER TABLE facility_sites ADD COLUMN ride_through_min REAL;
      ALTER TABLE facility_sites ADD COLUMN shutdown_min REAL;
      ALTER TABLE facility_sites ADD COLUMN runtime_margin_min REAL;
      ALTER TABLE facility_sites ADD COLUMN media_kinds INTEGER;
      ALTER TABLE facility_sites ADD COLUMN offsite_copies INTEGER;
      ALTER TABLE facility_sites ADD COLUMN facility_energy_wh REAL;
      ALTER TABLE facility_sites ADD COLUMN it_energy_wh REAL;
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
