/**
 * What a workspace reports about itself: its integrity, its history of changes, the undo/redo
 * state and the counts of `workspace info`. Read-only queries over the open database.
 */
import { statSync } from 'node:fs';
import type { Database } from 'sql.js';
import type { CheckResult, HistoryEntry, WorkspaceInfo } from '../../../shared/contract';
import { REDO_TARGET_SQL, UNDO_TARGET_SQL } from './changes';
import { integrityMessages } from './open';
import { userVersion } from './schema';
import { EVENT_ROWS_SQL, queryAll, queryOne, type Row } from './tx';

export function checkDatabase(db: Database): CheckResult {
  const messages = integrityMessages(db);
  const fk = db.exec('PRAGMA foreign_key_check')[0]?.values ?? [];
  for (const r of fk) messages.push(`foreign key: ${r.join(' ')}`);
  return { ok: messages.length === 0, messages };
}

const HISTORY_SQL = `SELECT a.*, (SELECT ${EVENT_ROWS_SQL} FROM events e WHERE e.action_id = a.id) AS changes FROM actions a`;

export function historyEntryOf(db: Database, id: number): HistoryEntry | null {
  const r = queryOne(db, `${HISTORY_SQL} WHERE a.id = ?`, [id]);
  return r ? toHistory(r) : null;
}

export function historyOf(db: Database, limit: number, offset: number): HistoryEntry[] {
  return queryAll(db, `${HISTORY_SQL} ORDER BY a.id DESC LIMIT ? OFFSET ?`, [limit, offset]).map(toHistory);
}

/** What Undo and Redo would do now, as shown beside the buttons (null: nothing). */
export function undoRedoOf(db: Database): { undo: { id: number; summary: string } | null; redo: { id: number; summary: string } | null } {
  const undo = queryOne(db, UNDO_TARGET_SQL);
  const redo = queryOne(db, REDO_TARGET_SQL);
  return {
    undo: undo ? { id: Number(undo.id), summary: String(undo.summary) } : null,
    redo: redo ? { id: Number(redo.id), summary: String(redo.summary) } : null,
  };
}

export function infoOf(db: Database, path: string, journalEntries: number, readOnly: boolean): WorkspaceInfo {
  const count = (t: string) => Number(queryOne(db, `SELECT count(*) AS n FROM ${t}`)!.n);
  return {
    path,
    schemaVersion: userVersion(db),
    counts: {
      prefixes: count('prefixes'),
      spaces: count('spaces'),
      asns: count('asns'),
      events: count('events'),
      actions: count('actions'),
    },
    fileBytes: statSync(path).size,
    lastSaved: (queryOne(db, "SELECT value FROM meta WHERE key = 'saved_at'")?.value as string | undefined) ?? null,
    journalEntries,
    readOnly,
  };
}

/** Everything a user changed, as a comparable value (tests: undo/redo round trips). */
export function dumpUserTablesOf(db: Database): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const t of ['spaces', 'prefixes', 'asns', 'settings']) out[t] = queryAll(db, `SELECT * FROM ${t} ORDER BY 1`);
  return out;
}

function toHistory(r: Row): HistoryEntry {
  return {
    id: Number(r.id),
    at: String(r.at),
    who: String(r.who),
    op: String(r.op),
    summary: String(r.summary),
    state: String(r.state) as HistoryEntry['state'],
    changes: Number(r.changes ?? 0),
  };
}
