/**
 * Opening a workspace file: the checks on its bytes, loading them into sql.js, the writer lock and
 * the reader's retry, the journal's damaged tail kept aside, the replay of journal entries newer
 * than the snapshot, and the upgrade of an older schema (DESIGN.md, docs/workspace-files.md).
 * The Workspace class (workspace.ts) calls these; nothing here writes a change.
 */
import { accessSync, constants as fsConstants, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database, SqlJsStatic } from 'sql.js';
import { HeadroomError } from '../../../shared/errors';
import type { JournalDamage } from '../../../shared/contract';
import { newestGoodBackup } from './backups';
import {
  APPLICATION_ID,
  checkSeal,
  hasSqliteHeader,
  headerApplicationId,
  headerPageCount,
  headerPageSize,
  headerUserVersion,
  sealHex,
  sealSnapshot,
} from './fileformat';
import { atomicWriteFile, modeOf } from './fsutil';
import { describeIoError } from './io-errors';
import { keepDamagedTail, readJournal, type DamagedTail, type JournalEntry } from './journal';
import { SCHEMA_VERSION } from './schema';
import { queryOne } from './tx';

export function describeSize(n: number): string {
  return n === 1 ? '1 byte' : `${n} bytes`;
}

/** Refusal of a file that is not (or no longer) a usable workspace, naming the good backup. */
export function refuse(path: string, code: 'corrupt' | 'newer-version' | 'invalid', problem: string): HeadroomError {
  const backup = code === 'corrupt' ? newestGoodBackup(path) : null;
  const offer = backup ? ` The newest good backup is ${backup.path} (taken ${backup.takenAt}); open it or copy it over the damaged file.` : '';
  return new HeadroomError(code, `${problem}. The file was not changed.${offer}`, 'path', path);
}

/** Checks the bytes of a workspace file before sql.js sees them. */
export function validateWorkspaceBytes(path: string, bytes: Uint8Array, knownVersion = SCHEMA_VERSION): void {
  if (bytes.length === 0) throw refuse(path, 'corrupt', 'the file is empty (0 bytes), so it holds no workspace');
  if (!hasSqliteHeader(bytes)) {
    throw refuse(path, 'invalid', 'is not a Headroom workspace (it is not an SQLite database)');
  }
  if (bytes.length < 512) throw refuse(path, 'corrupt', `the file is truncated (${describeSize(bytes.length)})`);
  const pageSize = headerPageSize(bytes);
  const pages = headerPageCount(bytes);
  if (bytes.length % pageSize !== 0 || (pages !== null && pages * pageSize !== bytes.length)) {
    throw refuse(path, 'corrupt', `the file is truncated or extended (${describeSize(bytes.length)}, not a whole number of database pages)`);
  }
  if (headerApplicationId(bytes) !== APPLICATION_ID) {
    throw refuse(path, 'invalid', 'is an SQLite database but not a Headroom workspace');
  }
  const version = headerUserVersion(bytes);
  if (version > knownVersion) {
    throw refuse(
      path,
      'newer-version',
      `was written by a newer Headroom (schema version ${version}; this version reads up to ${knownVersion}). Update Headroom to open it`,
    );
  }
  const seal = checkSeal(bytes);
  if (seal === 'mismatch') throw refuse(path, 'corrupt', 'the file is damaged (its checksum does not match its contents)');
  if (seal === 'absent') throw refuse(path, 'corrupt', 'the file has no Headroom checksum (damaged, or changed by another program)');
}

export function verifiedPathFor(workspacePath: string): string {
  return `${workspacePath}.verified`;
}

/** The seal of the last snapshot of `path` that passed PRAGMA integrity_check (null: none). */
export function readVerifiedSeal(path: string): string | null {
  try {
    return readFileSync(verifiedPathFor(path), 'utf8').trim();
  } catch {
    return null;
  }
}

export function rememberVerifiedSeal(path: string, seal: string): void {
  try {
    atomicWriteFile(verifiedPathFor(path), Buffer.from(`${seal}\n`), { mode: modeOf(path) ?? 0o644 });
  } catch {
    /* a read-only folder: the check simply runs again next time */
  }
}

/**
 * Room left at the end of the in-memory file when a database is loaded: 1/8 of its size, at least
 * 1 MiB (see loadDatabase).
 */
export function defaultRoom(bytes: number): number {
  return Math.max(1 << 20, Math.ceil(bytes / 8));
}

/**
 * sql.js keeps the database in an Emscripten in-memory file exactly as large as the bytes loaded,
 * and grows it, each time a write passes its end, by copying it whole into a fresh buffer 12.5 %
 * larger. Growing a file from nothing to the 270 MB of a million blocks took some 45 such copies
 * (2.3 GB of fresh memory, 5–20 s on this machine, where touching new memory is slow:
 * docs/performance.md). So the file is loaded with `room` zero bytes after the database: SQLite
 * reads the page count from the file's header (valid whenever Headroom wrote the file: its change
 * counter equals its version-valid-for number) and ignores the zeros, and writes land in memory
 * already there. sql.js's export() copies exactly page_count × page_size bytes through SQLite's
 * backup API, so the zeros never reach a snapshot (a test holds it to that).
 */
export function loadDatabase(SQL: SqlJsStatic, bytes: Uint8Array, room: number): Database {
  let padded = bytes;
  if (room > 0) {
    padded = new Uint8Array(bytes.length + room);
    padded.set(bytes);
  }
  const db = new SQL.Database(padded);
  applyPragmas(db);
  return db;
}

/**
 * The database lives in memory and durability is the journal's and the snapshot's: SQLite's own
 * rollback journal can stay in memory, and a larger page cache keeps a bulk write from spilling
 * pages into the in-memory file over and over.
 */
function applyPragmas(db: Database): void {
  db.run('PRAGMA journal_mode = MEMORY');
  db.run('PRAGMA cache_size = -131072');
}

export function integrityMessages(db: Database): string[] {
  const rows = db.exec('PRAGMA integrity_check')[0]?.values ?? [];
  const messages = rows.map((r) => String(r[0]));
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

/** The database as a sealed snapshot of everything applied so far, as change number `seq`. */
export function sealedBytesOf(db: Database, seq: number, savedAt: string): Uint8Array {
  db.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('journal_seq', ?), ('saved_at', ?)", [String(seq), savedAt]);
  const bytes = db.export();
  sealSnapshot(bytes);
  return bytes;
}

/** The side files written by atomic replacement, whose temp files a killed writer may leave. */
export const WORKSPACE_SIDE_NAMES = ['.index', '.verified'];

/** Whether this process may, and should, write the file: its mode has write bits and access allows it. */
export function fileIsWritable(path: string, mode: number): boolean {
  if ((mode & 0o222) === 0) return false;
  try {
    accessSync(path, fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The writer replaced the snapshot while a reader was between the file and its journal. */
export class SnapshotReplaced extends Error {}

/** How many times a reader reads a snapshot that keeps being replaced before it gives up. */
export const OPEN_ATTEMPTS = 20;

/** Blocks this thread for `ms` (opening is synchronous; a reader's retry is rare and short). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The snapshot's bytes and its journal, read together (a journal that cannot be read: its Error). */
export interface SnapshotRead {
  bytes: Uint8Array;
  journal: ReturnType<typeof readJournal> | Error;
}

/**
 * Reads the file and then its journal. The journal is read right after the file, and the file is
 * checked unchanged right after that: a writer replaces the snapshot and then resets the journal,
 * so a reader holding the old file with the new journal would miss changes. The window is kept to
 * the two reads (opening and checking the database come after it), so a busy writer rarely hits
 * it; a reader that does throws SnapshotReplaced and reads both again.
 */
export function readSnapshot(full: string, journalPath: string, readOnly: boolean): SnapshotRead {
  let bytes: Uint8Array;
  const before = statSync(full);
  try {
    bytes = readFileSync(full);
  } catch (e) {
    throw new HeadroomError('io', `could not read the file: ${(e as Error).message}`, 'path', full);
  }
  let journal: ReturnType<typeof readJournal> | Error;
  try {
    journal = readJournal(journalPath, full);
  } catch (e) {
    journal = e as Error;
  }
  const after = statSync(full, { throwIfNoEntry: false });
  if (readOnly && (!after || after.ino !== before.ino || after.mtimeMs !== before.mtimeMs || after.size !== before.size)) throw new SnapshotReplaced();
  return { bytes, journal };
}

/**
 * Loads checked bytes into sql.js. The seal proves these are exactly the bytes a Headroom wrote;
 * integrity_check (seconds on a million prefixes) runs once per distinct snapshot, remembered
 * beside the file.
 */
export function loadChecked(SQL: SqlJsStatic, full: string, bytes: Uint8Array, room: number): Database {
  try {
    const db = loadDatabase(SQL, bytes, room);
    const seal = sealHex(bytes);
    if (readVerifiedSeal(full) !== seal) {
      const problems = integrityMessages(db);
      if (problems.length) throw refuse(full, 'corrupt', `the database is damaged (integrity check: ${problems.slice(0, 3).join('; ')})`);
      rememberVerifiedSeal(full, seal);
    }
    return db;
  } catch (e) {
    if (e instanceof HeadroomError) throw e;
    throw refuse(full, 'corrupt', `the database cannot be read (${(e as Error).message})`);
  }
}

/**
 * A damaged last entry is copied beside the file before anything can overwrite it. Only the
 * writer does this: it holds the lock, so no append is under way (a reader may meet the writer's
 * append half done, which is no damage). Where the copy cannot be written (a full disk), the tail
 * is left as it is and the file opens read-only rather than cut it: `readOnlyReason` says why.
 */
export function keepJournalDamage(full: string, journalPath: string, tail: DamagedTail, now: Date): { damage: JournalDamage } | { readOnlyReason: string } {
  try {
    const keptAt = keepDamagedTail(journalPath, tail.bytes, now);
    const what = tail.entry ? `its last entry (${tail.entry})` : 'its last entry';
    return {
      damage: {
        message: `The journal of ${basename(full)} ended in a damaged entry (${describeSize(tail.bytes.length)}), most likely a write cut short by a crash or power loss: ${what} was not applied. Its bytes were kept in ${keptAt}.`,
        bytes: tail.bytes.length,
        entry: tail.entry,
        keptAt,
      },
    };
  } catch (e) {
    // The lock stays held until close, so no other writer cuts the tail meanwhile either.
    return {
      readOnlyReason: `the journal ends in a damaged entry (${describeSize(tail.bytes.length)}) that could not be kept aside (${describeIoError(e)}), so it was left untouched; free some disk space and open the file again to write`,
    };
  }
}

/** Applies one journal entry's statements in a transaction (a failure: the file is refused). */
export function applyEntry(db: Database, full: string, statements: JournalEntry['statements']): void {
  db.run('BEGIN');
  try {
    for (const [sql, params] of statements) db.run(sql, params);
    db.run('COMMIT');
  } catch (e) {
    db.run('ROLLBACK');
    throw refuse(full, 'corrupt', `a journal entry could not be replayed (${(e as Error).message})`);
  }
}

/**
 * Replays the journal entries newer than the snapshot (change number `snapshotSeq`). Returns the
 * change number reached, and whether the journal held entries the snapshot already has (stale:
 * a snapshot whose journal could not be cut back).
 */
export function replayJournal(db: Database, full: string, entries: readonly JournalEntry[], snapshotSeq: number): { seq: number; stale: boolean } {
  let seq = snapshotSeq;
  let stale = false;
  for (const entry of entries) {
    if (entry.seq <= snapshotSeq) {
      stale = true;
      continue;
    }
    if (entry.seq !== seq + 1) throw refuse(full, 'corrupt', `the journal skips from change ${seq} to ${entry.seq}`);
    applyEntry(db, full, entry.statements);
    seq = entry.seq;
  }
  return { seq, stale };
}

/** Whether the database has a table of this name (features a schema version added). */
export function hasTable(db: Database, name: string): boolean {
  return queryOne(db, "SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?", [name]) !== null;
}
