/**
 * A transaction over the sql.js database that records what it does: every statement (for the
 * journal) and every row it changes (for the events table: audit, undo, history).
 */
import type { Database, SqlValue } from 'sql.js';
import type { SqlParam, Statement } from './journal';

export type Row = Record<string, SqlValue>;

/** Rows as JSON for events.before/after: BLOBs as {"$b": base64}. */
export function rowToJson(row: Row | null): string | null {
  if (row === null) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = v instanceof Uint8Array ? { $b: Buffer.from(v).toString('base64') } : v;
  return JSON.stringify(out);
}

export function rowFromJson(json: string | null): Row | null {
  if (json === null) return null;
  const raw = JSON.parse(json) as Record<string, unknown>;
  const out: Row = {};
  for (const [k, v] of Object.entries(raw)) {
    out[k] = v && typeof v === 'object' && '$b' in v ? new Uint8Array(Buffer.from(String((v as { $b: string }).$b), 'base64')) : (v as SqlValue);
  }
  return out;
}

/**
 * A bulk change: one event stands for the rows with ids first..last of its table, inserted by
 * its action (an import of a million blocks is one event, not a million). Stored in `after`
 * (inserted) or `before` (taken out by an undo) as {"$rows": [first, last]}.
 */
export interface RowRun {
  first: number;
  last: number;
}

export function rowRunToJson(run: RowRun): string {
  return JSON.stringify({ $rows: [run.first, run.last] });
}

/** The run an event's before/after names, or null for an ordinary row image. */
export function rowRunFromJson(json: string | null): RowRun | null {
  if (json === null || !json.startsWith('{"$rows":')) return null;
  const [first, last] = (JSON.parse(json) as { $rows: [number, number] }).$rows;
  return { first, last };
}

/** SQL: whether an events.before/after expression `image` names a run rather than a row. */
export const isRunSql = (image: string): string => `${image} LIKE '{"$rows":%'`;

/** SQL: the first (0) or last (1) row id of the run an events image names. */
export const runBoundSql = (image: string, end: 0 | 1): string => `json_extract(${image}, '$."$rows"[${end}]')`;

const EVENT_IMAGE = 'coalesce(e.after, e.before)';

/** SQL: how many rows the events of an action stand for (a run counts its rows). */
export const EVENT_ROWS_SQL =
  `coalesce(sum(CASE WHEN ${isRunSql(EVENT_IMAGE)} ` + `THEN ${runBoundSql(EVENT_IMAGE, 1)} - ${runBoundSql(EVENT_IMAGE, 0)} + 1 ELSE 1 END), 0)`;

/** The tables whose bulk changes can be undone and redone (each has a <table>_shelf). */
export const SHELVED_TABLES = ['prefixes'] as const;

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not an identifier: ${name}`);
  return name;
}

export function queryAll(db: Database, sql: string, params: SqlParam[] = []): Row[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const rows: Row[] = [];
    while (stmt.step()) rows.push(stmt.getAsObject());
    return rows;
  } finally {
    stmt.free();
  }
}

export function queryOne(db: Database, sql: string, params: SqlParam[] = []): Row | null {
  return queryAll(db, sql, params)[0] ?? null;
}

export class Tx {
  readonly statements: Statement[] = [];
  private changes = 0;

  constructor(
    private readonly db: Database,
    readonly actionId: number,
    readonly at: string,
    readonly who: string,
    readonly what: string,
  ) {}

  private closed = false;

  /** After this, every write through the Tx is refused (its transaction is over). */
  close(): void {
    this.closed = true;
  }

  /** Runs a writing statement and records it for the journal. */
  run(sql: string, params: SqlParam[] = []): void {
    if (this.closed) throw new Error(`${this.what}: write after the transaction ended (${sql.split(' ', 1)[0]})`);
    this.db.run(sql, params);
    this.statements.push([sql, params]);
  }

  all(sql: string, params: SqlParam[] = []): Row[] {
    return queryAll(this.db, sql, params);
  }

  get(sql: string, params: SqlParam[] = []): Row | null {
    return queryOne(this.db, sql, params);
  }

  get changeCount(): number {
    return this.changes;
  }

  private byId(table: string, id: number): Row | null {
    return this.get(`SELECT * FROM ${ident(table)} WHERE id = ?`, [id]);
  }

  private record(table: string, rowId: number, before: Row | null, after: Row | null): void {
    this.changes++;
    this.event(table, rowId, rowToJson(before), rowToJson(after));
  }

  /** One events row of this action: before/after as row images or run markers. */
  private event(table: string, rowId: number, before: string | null, after: string | null): void {
    this.run('INSERT INTO events (action_id, at, who, what, tbl, row_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      this.actionId,
      this.at,
      this.who,
      this.what,
      table,
      rowId,
      before,
      after,
    ]);
  }

  /**
   * Records rows first..last of `table`, already inserted by this action (through `run`), as
   * ONE event. The caller guarantees the ids are exactly this action's rows.
   */
  recordRun(table: (typeof SHELVED_TABLES)[number], run: RowRun): void {
    if (run.last < run.first) return;
    this.changes += run.last - run.first + 1;
    this.event(table, run.first, null, rowRunToJson(run));
  }

  private columns(table: string): string[] {
    return this.all(`PRAGMA table_info(${ident(table)})`).map((c) => ident(String(c.name)));
  }

  /** Undo of a run: its rows move to the table's shelf (kept for a redo), as one event. */
  shelveRun(table: (typeof SHELVED_TABLES)[number], run: RowRun, actionId: number): void {
    const cols = this.columns(table).join(', ');
    this.run(`INSERT INTO ${ident(table)}_shelf (shelved_by, ${cols}) SELECT ?, ${cols} FROM ${ident(table)} WHERE id BETWEEN ? AND ?`, [
      actionId,
      run.first,
      run.last,
    ]);
    this.run(`DELETE FROM ${ident(table)} WHERE id BETWEEN ? AND ?`, [run.first, run.last]);
    this.changes += run.last - run.first + 1;
    this.event(table, run.first, rowRunToJson(run), null);
  }

  /** Redo of a run: its rows come back from the shelf exactly as they were, as one event. */
  unshelveRun(table: (typeof SHELVED_TABLES)[number], run: RowRun, actionId: number): void {
    const cols = this.columns(table).join(', ');
    this.run(`INSERT INTO ${ident(table)} (${cols}) SELECT ${cols} FROM ${ident(table)}_shelf WHERE shelved_by = ? AND id BETWEEN ? AND ? ORDER BY id`, [
      actionId,
      run.first,
      run.last,
    ]);
    this.run(`DELETE FROM ${ident(table)}_shelf WHERE shelved_by = ? AND id BETWEEN ? AND ?`, [actionId, run.first, run.last]);
    this.recordRun(table, run);
  }

  /** Inserts a row (with its id when given) and records it. Returns the row id. */
  insert(table: string, row: Record<string, SqlParam>): number {
    const cols = Object.keys(row).map(ident);
    this.run(
      `INSERT INTO ${ident(table)} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      cols.map((c) => row[c]!),
    );
    const id = Number(this.get('SELECT last_insert_rowid() AS id')!.id);
    this.record(table, id, null, this.byId(table, id));
    return id;
  }

  update(table: string, id: number, patch: Record<string, SqlParam>): void {
    const before = this.byId(table, id);
    if (!before) throw new Error(`${table} row ${id} does not exist`);
    const cols = Object.keys(patch).map(ident);
    this.run(`UPDATE ${ident(table)} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [...cols.map((c) => patch[c]!), id]);
    this.record(table, id, before, this.byId(table, id));
  }

  delete(table: string, id: number): void {
    const before = this.byId(table, id);
    if (!before) throw new Error(`${table} row ${id} does not exist`);
    this.run(`DELETE FROM ${ident(table)} WHERE id = ?`, [id]);
    this.record(table, id, before, null);
  }

  /** Puts a row back exactly as recorded (undo of a delete, redo of an insert). */
  restore(table: string, row: Row): void {
    const cols = Object.keys(row).map(ident);
    const id = Number(row.id);
    this.run(
      `INSERT INTO ${ident(table)} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      cols.map((c) => row[c] as SqlParam),
    );
    this.record(table, id, null, this.byId(table, id));
  }

  /** Sets every column of an existing row to the recorded values. */
  overwrite(table: string, row: Row): void {
    const id = Number(row.id);
    const cols = Object.keys(row)
      .filter((c) => c !== 'id')
      .map(ident);
    const before = this.byId(table, id);
    this.run(`UPDATE ${ident(table)} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [...cols.map((c) => row[c] as SqlParam), id]);
    this.record(table, id, before, this.byId(table, id));
  }
}
