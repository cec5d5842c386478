/**
 * What a committed change did, read back from its events: the blocks it touched (kept state such
 * as the free lists stays valid across changes that miss it), and undo/redo, which play a
 * change's events backwards or forwards. The write path itself is Workspace.mutate (workspace.ts).
 */
import type { Database } from 'sql.js';
import { keyToBigInt as keyValue } from '../../../shared/ip/storage-key';
import { queryAll, queryOne, rowFromJson, rowRunFromJson, type Row, type Tx } from './tx';

/**
 * A block a change added, removed or changed: its space, family and first and last address, and
 * whether this is the row as it was before the change or as it is after it (a changed row gives
 * both; an added one only `after`, a removed one only `before`).
 */
export interface PrefixFootprint {
  image: 'before' | 'after';
  spaceId: number;
  family: 4 | 6;
  start: bigint;
  end: bigint;
}

/** Changes remembered by prefixChangesSince. */
export const FOOTPRINTS_KEPT = 64;
/** Above this many block events in one change its footprint is not listed (null: unknown). */
const FOOTPRINT_MAX_EVENTS = 2000;

const keyToBigInt = (key: unknown): bigint => (key instanceof Uint8Array ? keyValue(key) : -1n);

/** The blocks action `actionId` touched, from its events; null for a bulk change or too many. */
export function prefixFootprint(db: Database, actionId: number): PrefixFootprint[] | null {
  const n = Number(queryOne(db, "SELECT count(*) AS n FROM events WHERE action_id = ? AND tbl = 'prefixes'", [actionId])!.n);
  if (n === 0) return [];
  if (n > FOOTPRINT_MAX_EVENTS) return null;
  const out: PrefixFootprint[] = [];
  for (const ev of queryAll(db, "SELECT before, after FROM events WHERE action_id = ? AND tbl = 'prefixes'", [actionId])) {
    for (const [side, image] of [
      ['before', ev.before],
      ['after', ev.after],
    ] as const) {
      if (typeof image !== 'string') continue;
      if (image.startsWith('{"$rows":')) return null; // a run of rows (bulk import): not listed
      const row = rowFromJson(image);
      if (!row) continue;
      const start = keyToBigInt(row.start);
      const end = keyToBigInt(row.end);
      if (start < 0n || end < 0n) return null;
      out.push({ image: side, spaceId: Number(row.space_id), family: Number(row.family) as 4 | 6, start, end });
    }
  }
  return out;
}

/** The newest done, undoable action: what Undo would undo (id, summary). */
export const UNDO_TARGET_SQL = "SELECT id, summary FROM actions WHERE state = 'done' AND undoable = 1 ORDER BY id DESC LIMIT 1";

/** The most recently undone action still on the redo stack: what Redo would redo (id, summary). */
export const REDO_TARGET_SQL =
  "SELECT t.id, t.summary FROM actions u JOIN actions t ON t.id = u.reverts WHERE u.op = 'workspace.undo' AND t.state = 'undone' ORDER BY u.id DESC LIMIT 1";

/**
 * Plays the events of action `targetId` inside `tx`: backwards for an undo (each row goes from its
 * `after` image back to its `before`), forwards for a redo. A run of rows from a bulk insert is
 * shelved on undo and brought back on redo, not deleted and re-inserted row by row.
 */
export function playEvents(tx: Tx, targetId: number, direction: 'undo' | 'redo'): void {
  const order = direction === 'undo' ? 'DESC' : 'ASC';
  const events = tx.all(`SELECT tbl, row_id, before, after FROM events WHERE action_id = ? ORDER BY id ${order}`, [targetId]);
  for (const ev of events) {
    const run = rowRunFromJson(ev.after as string | null);
    const table = String(ev.tbl);
    if (run) {
      if (direction === 'undo') tx.shelveRun(table as 'prefixes', run, targetId);
      else tx.unshelveRun(table as 'prefixes', run, targetId);
      continue;
    }
    const before = rowFromJson(ev.before as string | null);
    const after = rowFromJson(ev.after as string | null);
    if (direction === 'undo') revert(tx, table, Number(ev.row_id), after, before);
    else revert(tx, table, Number(ev.row_id), before, after);
  }
  tx.run(`UPDATE actions SET state = '${direction === 'undo' ? 'undone' : 'done'}' WHERE id = ?`, [targetId]);
}

/** Moves one row from state `from` to state `to` (either may be null: absent). */
function revert(tx: Tx, table: string, rowId: number, from: Row | null, to: Row | null): void {
  if (to === null) tx.delete(table, rowId);
  else if (from === null) tx.restore(table, to);
  else tx.overwrite(table, to);
}
