/**
 * A workspace: one `*.headroom` SQLite file held in sql.js, with its journal, lock and backups.
 *
 * The write path (DESIGN.md): a mutation runs in a transaction; its statements are appended to
 * the journal and fsynced BEFORE the transaction commits and the caller is told; snapshots are
 * written by temp file + fsync + rename, after which the journal is reset. On open, journal
 * entries newer than the snapshot are replayed. A damaged file is refused, never rewritten.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Database, SqlJsStatic } from 'sql.js';
import { HeadroomError } from '../../../shared/errors';
import type { CheckResult, HistoryEntry, JournalDamage, MutatingChannel, SaveProblem, WorkspaceInfo, WorkspaceState } from '../../../shared/contract';
import { backupIsDue, writeBackup } from './backups';
import { APPLICATION_ID, sealHex, sealSnapshot } from './fileformat';
import { atomicCreateFile, atomicWriteFile, createDurably, modeOf, realPathOf, removeDeadTemps } from './fsutil';
import { describeIoError } from './io-errors';
import { JournalWriter, journalPathFor, type SqlParam } from './journal';
import { refuseWorkspaceFile } from './files';
import { acquireLock } from './lock';
import { MIGRATIONS, migrate, SCHEMA_VERSION, userVersion, type Migration } from './schema';
import { QueryIndex, writeQueryIndex } from './query-index';
import { loadSqlJs } from './sqljs';
import { followChanges, rebuildUsage, usageCoversPrefixes } from './prefix-usage';
import { queryAll, queryOne, Tx, type Row } from './tx';
import { FOOTPRINTS_KEPT, playEvents, prefixFootprint, REDO_TARGET_SQL, UNDO_TARGET_SQL, type PrefixFootprint } from './changes';
import {
  defaultRoom,
  validateWorkspaceBytes,
  fileIsWritable,
  hasTable,
  keepJournalDamage,
  loadChecked,
  loadDatabase,
  OPEN_ATTEMPTS,
  readSnapshot,
  refuse,
  replayJournal,
  sealedBytesOf,
  sleepSync,
  SnapshotReplaced,
  WORKSPACE_SIDE_NAMES,
} from './open';
import { checkDatabase, dumpUserTablesOf, historyEntryOf, historyOf, infoOf, undoRedoOf } from './reports';

export { readVerifiedSeal, validateWorkspaceBytes, verifiedPathFor } from './open';
export type { PrefixFootprint } from './changes';

export interface WorkspaceOptions {
  /** Open without taking the writer lock; every mutation is refused. */
  readOnly?: boolean;
  /** Who is recorded in the audit log. */
  who?: string;
  now?: () => Date;
  /** Snapshot automatically once the journal exceeds this many bytes. */
  snapshotAfterJournalBytes?: number;
  /** The schema this build knows (tests open files as a newer build would). */
  migrations?: readonly Migration[];
  /** Bytes of room to leave in memory for the database to grow into (see `reserve`). */
  reserveBytes?: number;
}

/**
 * The name an action is recorded under: the contract channel that made it (bound by
 * electron/core/services/operation.ts), or the demo seed that is part of creating a workspace.
 * Stored as the `op` of the journal's and the audit log's rows, so the strings never change.
 */
export type RecordedOp = MutatingChannel | 'workspace.loadDemo';

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

const DEFAULT_SNAPSHOT_AFTER = 4 * 1024 * 1024;

export class Workspace {
  private journal: JournalWriter | null = null;
  private releaseLock: (() => void) | null = null;
  private seq = 0;
  private snapshotSeq = 0;
  /** Whether this schema has the derived usage counters (prefix-usage.ts) to keep. */
  private hasUsage = false;
  /** Whether this schema can shelve the rows of an undone bulk insert (migration 5). */
  private hasShelf = false;
  private closed = false;
  /** What the last changes of this session did to blocks (prefixChangesSince). */
  private footprints: { seq: number; blocks: PrefixFootprint[] | null }[] = [];
  /** sql.js, to reload the database with more room (reserve). */
  private sql: SqlJsStatic | null = null;
  /** How large the in-memory file was made at load: the database plus its room (reserve). */
  private room = 0;
  readonly who: string;
  readonly now: () => Date;
  private readonly snapshotAfter: number;
  /** Called after every committed change (the app's debounced autosave hooks in here). */
  onChange: (() => void) | null = null;
  /** The last snapshot that could not be written (cleared by the next one that is). */
  private saveFailure: { reason: string; since: string } | null = null;
  /** After a failed automatic snapshot, the journal size at which afterCommit tries again. */
  private retrySnapshotAtBytes = 0;
  /** The damaged journal tail this session found at open and kept aside. */
  private damage: JournalDamage | null = null;

  private constructor(
    readonly path: string,
    private db: Database,
    readonly id: string,
    readonly readOnly: boolean,
    readonly readOnlyReason: string | null,
    opts: WorkspaceOptions,
  ) {
    this.who = opts.who ?? 'headroom';
    this.now = opts.now ?? (() => new Date());
    this.snapshotAfter = opts.snapshotAfterJournalBytes ?? DEFAULT_SNAPSHOT_AFTER;
  }

  // ---------------------------------------------------------------- create / open

  /** Creates a new workspace file; refuses (conflict) if the path exists. */
  static async create(path: string, opts: WorkspaceOptions = {}, seed?: (ws: Workspace) => void): Promise<Workspace> {
    const full = realPathOf(path);
    if (existsSync(full)) throw new HeadroomError('conflict', `the file already exists; choose another name`, 'path', full);
    if (!existsSync(dirname(full))) throw new HeadroomError('not-found', `the folder ${dirname(full)} does not exist`, 'path', full);
    // `X.headroom.journal` and its kin belong to X: a workspace created there would be overwritten.
    refuseWorkspaceFile(full, 'path', full);
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.run(`PRAGMA application_id = ${APPLICATION_ID}`);
    migrate(db);
    const id = randomUUID();
    const now = (opts.now ?? (() => new Date()))().toISOString();
    db.run('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?), (?, ?)', ['workspace_id', id, 'created_at', now, 'journal_seq', '0']);
    const bytes = db.export();
    sealSnapshot(bytes);
    try {
      atomicCreateFile(full, bytes);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new HeadroomError('conflict', `the file already exists; choose another name`, 'path', full);
      }
      throw new HeadroomError('io', `could not create the file: ${(e as Error).message}`, 'path', full);
    }
    db.close();
    const ws = await Workspace.open(full, opts);
    if (seed) {
      seed(ws);
      try {
        ws.save();
      } catch {
        /* the seed is journaled; ws.saveProblem says the file could not be rewritten yet */
      }
    }
    return ws;
  }

  static async open(path: string, opts: WorkspaceOptions = {}): Promise<Workspace> {
    return Workspace.openWith(await loadSqlJs(), path, opts);
  }

  /** `open` once sql.js is loaded: synchronous, for a session that opens on first use. */
  static openWith(SQL: SqlJsStatic, path: string, opts: WorkspaceOptions = {}): Workspace {
    // The real path: a symlink to a workspace shares its lock, journal and backups, and a
    // snapshot replaces the file itself, never the link (docs/workspace-files.md).
    const full = realPathOf(path);
    if (!existsSync(full)) throw new HeadroomError('not-found', `no such workspace file`, 'path', full);
    const st = statSync(full);
    if (st.isDirectory()) throw new HeadroomError('invalid', `is a folder, not a workspace file`, 'path', full);

    let readOnly = opts.readOnly ?? false;
    let readOnlyReason: string | null = readOnly ? 'opened read-only' : null;
    let release: (() => void) | null = null;
    if (!readOnly && !fileIsWritable(full, st.mode)) {
      // A file made read-only is never replaced by a writable copy: it opens read-only.
      readOnly = true;
      readOnlyReason = `the file is read-only (permissions ${(st.mode & 0o777).toString(8)}); opened read-only. To change it, make it writable (chmod u+w) and open it again`;
    }
    if (!readOnly) {
      const lock = acquireLock(full);
      if (lock.ok) release = lock.release;
      else {
        readOnly = true;
        readOnlyReason = lock.message;
      }
    }
    // The writer clears what a process killed mid-snapshot left (its temp files).
    if (release) removeDeadTemps(dirname(full), [basename(full), ...WORKSPACE_SIDE_NAMES.map((s) => basename(full) + s)]);
    try {
      // A reader may meet the writer's snapshot being replaced between reading the file and its
      // journal (the journal is reset right after): it then reads both again.
      // Each try waits a little longer first (1, 2, 4 … 64 ms, about a second in all).
      for (let attempt = 1; ; attempt++) {
        try {
          return Workspace.load(SQL, full, opts, readOnly, readOnlyReason, release);
        } catch (e) {
          if (!(e instanceof SnapshotReplaced) || attempt >= OPEN_ATTEMPTS)
            throw e instanceof SnapshotReplaced ? new HeadroomError('io', `the file kept changing while it was read; try again`, 'path', full) : e;
          sleepSync(Math.min(64, 2 ** (attempt - 1)));
        }
      }
    } catch (e) {
      release?.();
      throw e;
    }
  }

  /** Reads, checks, replays and (when writable) upgrades the file: open.ts does each step. */
  private static load(
    SQL: SqlJsStatic,
    full: string,
    opts: WorkspaceOptions,
    readOnly: boolean,
    readOnlyReason: string | null,
    release: (() => void) | null,
  ): Workspace {
    const journalPath = journalPathFor(full);
    const { bytes, journal } = readSnapshot(full, journalPath, readOnly);
    const migrations = opts.migrations ?? MIGRATIONS;
    const known = migrations[migrations.length - 1]!.version;
    validateWorkspaceBytes(full, bytes, known);
    const db = loadChecked(SQL, full, bytes, readOnly ? 0 : Math.max(defaultRoom(bytes.length), opts.reserveBytes ?? 0));
    const meta = (key: string) => queryOne(db, 'SELECT value FROM meta WHERE key = ?', [key])?.value;
    const id = String(meta('workspace_id') ?? '');
    if (!id) throw refuse(full, 'corrupt', 'the workspace has no identity record');

    const now = (opts.now ?? (() => new Date()))();
    let damage: JournalDamage | null = null;
    const foreignJournal = !(journal instanceof Error) && journal.workspaceId !== null && journal.workspaceId !== id && journal.entries.length > 0;
    if (!readOnly && !(journal instanceof Error) && !foreignJournal && journal.damaged) {
      const kept = keepJournalDamage(full, journalPath, journal.damaged, now);
      if ('damage' in kept) damage = kept.damage;
      else {
        readOnly = true;
        readOnlyReason = kept.readOnlyReason;
      }
    }

    const version = userVersion(db);
    if (version < known && readOnly) {
      throw new HeadroomError('read-only', `needs an upgrade from schema ${version} to ${known}, which a read-only session cannot do`, 'path', full);
    }

    const ws = new Workspace(full, db, id, readOnly, readOnlyReason, opts);
    ws.sql = SQL;
    ws.room = readOnly ? bytes.length : bytes.length + Math.max(defaultRoom(bytes.length), opts.reserveBytes ?? 0);
    ws.damage = damage;
    ws.releaseLock = release;
    ws.snapshotSeq = Number(meta('journal_seq') ?? 0);
    ws.seq = ws.snapshotSeq;

    // A journal that could not be read is reported after the file's own problems, as before.
    if (journal instanceof Error) {
      db.close();
      throw journal;
    }
    if (foreignJournal) {
      throw refuse(full, 'corrupt', `the journal ${journalPath} belongs to another workspace; move it away to open this file`);
    }
    const { seq, stale } = replayJournal(db, full, journal.entries, ws.snapshotSeq);
    ws.seq = seq;
    if (!readOnly) {
      // Journal entries were written under the file's own schema: replay first, then back up
      // that state, then upgrade.
      if (version < known) {
        writeBackup(full, ws.seq > ws.snapshotSeq ? ws.sealedBytes() : bytes, now);
        migrate(db, migrations);
      } else if (backupIsDue(full, now)) {
        // The routine backup is a spare copy: a full disk must not keep the planner out of the
        // file (the copy before an upgrade, above, is required and does). Tried at the next open.
        try {
          writeBackup(full, bytes, now);
        } catch {
          /* no room for the spare copy this time */
        }
      }
    }
    // The usage counters are derived, not journaled: recompute them after a replay or an upgrade.
    ws.hasUsage = hasTable(db, 'prefix_usage');
    ws.hasShelf = hasTable(db, 'prefixes_shelf');
    if (ws.hasUsage && (ws.seq > ws.snapshotSeq || version < known || !usageCoversPrefixes(db))) rebuildUsage(db);
    // The journal's name is made durable (its folder fsynced) before any change is written to it.
    if (!readOnly) createDurably(journalPath, modeOf(full) ?? 0o644);
    if (!readOnly) {
      const mustCompact = version < known || stale || journal.tornTail || journal.workspaceId !== id;
      if (mustCompact) {
        try {
          ws.writeSnapshot();
          ws.journal = JournalWriter.open(journalPath, id, true);
        } catch (e) {
          // An upgrade is not journaled: the upgraded file must be written, or nothing opens.
          if (version < known) throw e;
          // Otherwise the journal stays the record (ws.saveProblem says so): cut only its damaged
          // tail (kept aside above), so that the next entry follows the last intact one. A
          // journal with no header of this workspace holds no entry and starts afresh.
          ws.journal = JournalWriter.open(journalPath, id, journal.workspaceId !== id);
          if (journal.workspaceId === id && journal.damaged) ws.journal.truncateTo(journal.damaged.offset);
        }
      } else {
        ws.journal = JournalWriter.open(journalPath, id, false);
        // A file from before query indexes, or saved elsewhere (Save as): index it once, while
        // the database is exactly the snapshot on disk.
        if (ws.seq === ws.snapshotSeq && !QueryIndex.open(full, known)) ws.writeIndex(sealHex(bytes));
      }
    }
    return ws;
  }

  // ---------------------------------------------------------------- reads

  all(sql: string, params: SqlParam[] = []): Row[] {
    this.assertOpen();
    return queryAll(this.db, sql, params);
  }

  get(sql: string, params: SqlParam[] = []): Row | null {
    this.assertOpen();
    return queryOne(this.db, sql, params);
  }

  /**
   * The blocks (rows of `prefixes`, before or after) that the changes after change number `seq`
   * touched, up to now; null when that is not known (a change of this session too old to be
   * kept, one made before this session opened, or a bulk change). Kept state derived from the
   * blocks (free-lists-cache.ts) stays valid across changes whose footprint misses it.
   */
  prefixChangesSince(seq: number): readonly PrefixFootprint[] | null {
    if (seq === this.seq) return [];
    const first = this.footprints.findIndex((f) => f.seq === seq + 1);
    if (first < 0) return null;
    const out: PrefixFootprint[] = [];
    for (const f of this.footprints.slice(first)) {
      if (f.blocks === null) return null;
      out.push(...f.blocks);
    }
    return out;
  }

  /** How many changes this workspace has committed (the journal's sequence): equal numbers, equal data. */
  get changeSeq(): number {
    return this.seq;
  }

  /**
   * Makes room for the database to grow by `bytes` without sql.js copying its in-memory file over
   * and over (loadDatabase): a bulk import calls it, once its rows are checked, with an estimate
   * of what it will add. Where the room is short, the database is reloaded from its own bytes
   * with that room after it (nothing is written to disk; prepared statements and TEMP tables do
   * not survive, as across a snapshot). Outside a change only.
   */
  reserve(bytes: number): void {
    this.assertOpen();
    if (this.readOnly || !this.sql || bytes <= 0) return;
    const pragma = (name: string) => Number(this.db.exec(`PRAGMA ${name}`)[0]?.values[0]?.[0] ?? 0);
    const used = pragma('page_count') * pragma('page_size');
    if (this.room - used >= bytes) return;
    const current = this.db.export();
    const room = bytes + defaultRoom(current.length);
    const next = loadDatabase(this.sql, current, room);
    this.db.close();
    this.db = next;
    this.room = current.length + room;
  }

  /** Direct access for hot read paths (prepared statements over many rows). */
  get database(): Database {
    this.assertOpen();
    return this.db;
  }

  private assertOpen(): void {
    if (this.closed) throw new HeadroomError('no-workspace', 'the workspace is closed');
  }

  private assertWritable(): void {
    this.assertOpen();
    if (this.readOnly) {
      throw new HeadroomError('read-only', `${this.path}: ${this.readOnlyReason ?? 'opened read-only'}; the change was not made`);
    }
  }

  // ---------------------------------------------------------------- writes

  /**
   * Runs one user action. Everything `fn` does through the Tx commits together, is journaled
   * and fsynced before this returns, and is recorded as one undoable action.
   */
  mutate<T>(op: RecordedOp, summary: string, fn: (tx: Tx) => T, options: { undoable?: boolean; reverts?: number } = {}): T {
    this.assertWritable();
    const undoable = options.undoable ?? true;
    const at = this.now().toISOString();
    const db = this.db;
    db.run('BEGIN');
    try {
      const bootstrap = new Tx(db, 0, at, this.who, op);
      bootstrap.run('INSERT INTO actions (at, who, op, summary, state, undoable, reverts) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        at,
        this.who,
        op,
        summary,
        undoable ? 'done' : 'applied',
        undoable ? 1 : 0,
        options.reverts ?? null,
      ]);
      const actionId = Number(queryOne(db, 'SELECT last_insert_rowid() AS id')!.id);
      const tx = new Tx(db, actionId, at, this.who, op);
      const result = fn(tx);
      if (isPromiseLike(result)) {
        tx.close(); // what the promise would still write must not land outside the transaction
        throw new HeadroomError(
          'internal',
          `${op}: a change must be written before its transaction ends; the write returned a promise, and nothing was changed`,
        );
      }
      if (this.hasUsage) followChanges(db, actionId);
      const footprint = prefixFootprint(db, actionId);
      if (undoable) {
        // A new change drops the redo stack, and with it the rows shelved for those redos.
        if (this.hasShelf) tx.run("DELETE FROM prefixes_shelf WHERE shelved_by IN (SELECT id FROM actions WHERE state = 'undone')");
        tx.run("UPDATE actions SET state = 'dropped' WHERE state = 'undone'");
      }
      const statements = [...bootstrap.statements, ...tx.statements];
      this.journal!.append({ seq: this.seq + 1, statements });
      db.run('COMMIT');
      this.seq += 1;
      this.footprints.push({ seq: this.seq, blocks: footprint });
      if (this.footprints.length > FOOTPRINTS_KEPT) this.footprints.shift();
      this.afterCommit();
      return result;
    } catch (e) {
      try {
        db.run('ROLLBACK');
      } catch {
        /* no transaction left to roll back */
      }
      throw e;
    }
  }

  /**
   * The change is committed and durable: nothing here may report it as failed. A snapshot that
   * cannot be written is recorded (saveProblem) and tried again once the journal has grown by
   * another quarter of the threshold, not after every change.
   */
  private afterCommit(): void {
    const bytes = this.journal?.bytes ?? 0;
    if (bytes > this.snapshotAfter && bytes >= this.retrySnapshotAtBytes) {
      try {
        this.save();
        this.retrySnapshotAtBytes = 0;
      } catch {
        this.retrySnapshotAtBytes = (this.journal?.bytes ?? 0) + Math.max(1, Math.floor(this.snapshotAfter / 4));
      }
    }
    this.onChange?.();
  }

  /** Undoes the newest done action. Returns what was undone, or null when there is nothing. */
  undo(): HistoryEntry | null {
    return this.replay('undo', UNDO_TARGET_SQL);
  }

  /** Redoes the most recently undone action (until a new change drops the redo stack). */
  redo(): HistoryEntry | null {
    return this.replay('redo', REDO_TARGET_SQL);
  }

  /** Undo or redo of the action `targetSql` finds, as one change of its own (changes.ts). */
  private replay(direction: 'undo' | 'redo', targetSql: string): HistoryEntry | null {
    this.assertWritable();
    const target = this.get(targetSql);
    if (!target) return null;
    const targetId = Number(target.id);
    const title = direction === 'undo' ? 'Undo' : 'Redo';
    this.mutate(`workspace.${direction}`, `${title}: ${String(target.summary)}`, (tx) => playEvents(tx, targetId, direction), {
      undoable: false,
      reverts: targetId,
    });
    return this.historyEntry(targetId);
  }

  /**
   * Writes the snapshot now (temp + fsync + rename) and resets the journal. When the file cannot
   * be written this throws `io` and saveProblem says so; every change stays in the journal.
   */
  save(): string {
    this.assertWritable();
    this.writeSnapshot();
    this.resetJournal();
    return this.get("SELECT value FROM meta WHERE key = 'saved_at'")?.value as string;
  }

  /** After a snapshot: a journal that cannot be cut back keeps entries the snapshot holds, skipped at open. */
  private resetJournal(): void {
    try {
      this.journal?.reset(this.id);
    } catch {
      /* the next save cuts it */
    }
  }

  /**
   * Set while the workspace file lags its journal because a snapshot could not be written.
   * Every change it counts was journaled and fsynced before it was reported done.
   */
  get saveProblem(): SaveProblem | null {
    if (!this.saveFailure) return null;
    const journalPath = journalPathFor(this.path);
    const unsaved = this.seq - this.snapshotSeq;
    const changes = unsaved === 1 ? '1 change' : `${unsaved} changes`;
    return {
      message:
        `Headroom could not write ${basename(this.path)}: ${this.saveFailure.reason}. ` +
        `Nothing is lost: ${unsaved > 0 ? `the ${changes} since the last save ${unsaved === 1 ? 'is' : 'are'}` : 'every change is'} safe in its journal (${journalPath}) and will be written into the file by the next save that succeeds. ` +
        'Free some disk space, then save again.',
      reason: this.saveFailure.reason,
      since: this.saveFailure.since,
      journalPath,
      unsavedChanges: unsaved,
    };
  }

  /** The damaged journal tail found and kept aside when this session opened the file, if any. */
  get journalDamage(): JournalDamage | null {
    return this.damage;
  }

  /** The database as a sealed snapshot of everything applied so far (journal included). */
  private sealedBytes(): Uint8Array {
    return sealedBytesOf(this.db, this.seq, this.now().toISOString());
  }

  private writeSnapshot(): void {
    const bytes = this.sealedBytes();
    try {
      atomicWriteFile(this.path, bytes);
    } catch (e) {
      this.saveFailure = { reason: describeIoError(e), since: this.saveFailure?.since ?? this.now().toISOString() };
      throw new HeadroomError('io', this.saveProblem!.message, 'path', '');
    }
    this.saveFailure = null;
    this.snapshotSeq = this.seq;
    this.writeIndex(sealHex(bytes));
  }

  /** The query index of the snapshot just written (query-index.ts); a failure only costs speed. */
  private writeIndex(seal: string): void {
    writeQueryIndex(this.path, this.db, { workspaceId: this.id, seal, journalSeq: this.snapshotSeq, schemaVersion: userVersion(this.db) });
  }

  /** Writes this workspace to a new file (refused if it exists). The caller opens it. */
  exportTo(path: string): string {
    this.assertOpen();
    const full = realPathOf(path);
    if (existsSync(full)) throw new HeadroomError('conflict', `the file already exists; choose another name`, 'path', full);
    // `X.headroom.index` and its kin belong to X, which would overwrite a workspace saved there.
    refuseWorkspaceFile(full, 'path', full, [this.path]);
    const newId = randomUUID();
    this.db.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('journal_seq', '0'), ('workspace_id', ?)", [newId]);
    const bytes = this.db.export();
    this.db.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('journal_seq', ?), ('workspace_id', ?)", [String(this.snapshotSeq), this.id]);
    sealSnapshot(bytes);
    try {
      atomicCreateFile(full, bytes);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new HeadroomError('conflict', `the file already exists`, 'path', full);
      throw new HeadroomError('io', `could not write: ${(e as Error).message}`, 'path', full);
    }
    return full;
  }

  /**
   * Saves pending changes (when writable and the journal holds any) and releases the lock. A
   * snapshot that cannot be written does not throw: the journal holds every change and the next
   * open replays it; saveProblem, still readable after close, says so.
   */
  close(options: { save?: boolean } = {}): void {
    if (this.closed) return;
    try {
      if (!this.readOnly && this.journal && this.seq > this.snapshotSeq && (options.save ?? true)) {
        try {
          this.writeSnapshot();
          this.resetJournal();
        } catch {
          /* recorded in saveProblem */
        }
      }
    } finally {
      this.journal?.close();
      this.journal = null;
      this.db.close();
      this.releaseLock?.();
      this.releaseLock = null;
      this.closed = true;
    }
  }

  /** Closes without saving: what a crash would leave (for tests of the journal). */
  abandon(): void {
    this.close({ save: false });
  }

  // ---------------------------------------------------------------- reports

  check(): CheckResult {
    this.assertOpen();
    return checkDatabase(this.db);
  }

  historyEntry(id: number): HistoryEntry | null {
    this.assertOpen();
    return historyEntryOf(this.db, id);
  }

  history(limit = 50, offset = 0): HistoryEntry[] {
    this.assertOpen();
    return historyOf(this.db, limit, offset);
  }

  state(): WorkspaceState {
    return {
      path: this.path,
      name: basename(this.path),
      readOnly: this.readOnly,
      readOnlyReason: this.readOnlyReason,
      schemaVersion: userVersion(this.db),
      ...undoRedoOf(this.db),
      saveProblem: this.saveProblem,
      journalDamage: this.damage,
    };
  }

  info(): WorkspaceInfo {
    return infoOf(this.db, this.path, this.seq - this.snapshotSeq, this.readOnly);
  }

  /** Everything a user changed, as a comparable value (tests: undo/redo round trips). */
  dumpUserTables(): Record<string, Row[]> {
    return dumpUserTablesOf(this.db);
  }
}

export { MIGRATIONS, SCHEMA_VERSION };
