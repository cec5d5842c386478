/**
 * Pages of the prefix table as the Registry grid asks for them (one space, optionally within one
 * block, in address order), without the two costs that grew with the table (issue 17 d):
 * - the total: counted once, then kept across changes by adding each change's block events
 *   (Workspace.prefixChangesSince: +1 for an `after` image inside the view, −1 for a `before`
 *   one), instead of recounting a million rows after every change;
 * - a deep page: `OFFSET 500000` makes SQLite step over half a million rows. Anchors, the key of
 *   every `anchorEvery`-th row with its index, are built once per view and kept across changes the
 *   same way (a block added or removed before an anchor moves it by one); a page starts from the
 *   nearest anchor at or before it (keyset paging) and skips fewer than that.
 * Anything not known exactly (a bulk change, a change older than this session keeps, a change to
 * an anchor's own row) drops what was kept, and it is read again from the database.
 */
import type { PrefixRow } from '../../../shared/contract';
import { keyToBigInt } from '../../../shared/ip/storage-key';
import type { SqlParam } from '../workspace/journal';
import type { PrefixFootprint, Workspace } from '../workspace/workspace';
import type { Row } from '../workspace/tx';
import { keptAtChange } from './kept-at-change';

/**
 * `anchorEvery`: rows between two anchors, the most a page skips with OFFSET. `anchorsFrom`: pages
 * nearer the top than this use OFFSET alone (no anchors are built for them). Tests make both small.
 */
export const pageTuning = { anchorEvery: 1000, anchorsFrom: 5000 };

/** The view: a space (required for anchors: its order is then unique) and an optional block. */
export interface PageView {
  sid: number | null;
  within: { family: 4 | 6; start: bigint; end: bigint } | null;
}

interface Anchor {
  index: number;
  family: number;
  start: bigint;
  length: number;
  startKey: Uint8Array;
}

interface Kept {
  n: number | null;
  anchors: Anchor[] | null;
}

const kept = keptAtChange<Kept>();

/** How many times the view was counted and anchored from the database (tests: a change must not). */
export const pageReads = { counts: 0, anchorBuilds: 0 };

function lengthOf(family: 4 | 6, start: bigint, end: bigint): number {
  return (family === 4 ? 32 : 128) - ((end - start + 1n).toString(2).length - 1);
}

function inView(b: PrefixFootprint, view: PageView): boolean {
  if (view.sid !== null && b.spaceId !== view.sid) return false;
  const w = view.within;
  return w === null || (b.family === w.family && b.start >= w.start && b.end <= w.end);
}

/** Order of the grid: family, first address, length (within one space). */
function compare(a: { family: number; start: bigint; length: number }, b: { family: number; start: bigint; length: number }): number {
  if (a.family !== b.family) return a.family - b.family;
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  return a.length - b.length;
}

/**
 * The kept state of `view` brought to the workspace's current change, or a fresh one when the
 * changes since are not known exactly.
 */
function current(ws: Workspace, view: PageView): Kept {
  const key = JSON.stringify([view.sid, view.within && [view.within.family, String(view.within.start), String(view.within.end)]]);
  return kept.get(
    ws,
    key,
    () => ({ n: null, anchors: null }),
    (keptAt, k) => {
      const since = ws.prefixChangesSince(keptAt);
      if (since === null) {
        k.n = null;
        k.anchors = null;
        return true;
      }
      for (const b of since) {
        if (!inView(b, view)) continue;
        const step = b.image === 'after' ? 1 : -1;
        if (k.n !== null) k.n += step;
        if (k.anchors === null) continue;
        const at = { family: b.family, start: b.start, length: lengthOf(b.family, b.start, b.end) };
        if (k.anchors.some((x) => compare(x, at) === 0)) {
          k.anchors = null; // an anchor's own row changed: build them again when needed
          continue;
        }
        for (const x of k.anchors) if (compare(x, at) > 0) x.index += step;
      }
      return true;
    },
  );
}

/** The rows in the view, counted once and then kept (see the module's note). */
export function viewTotal(ws: Workspace, view: PageView, countSql: string, params: SqlParam[]): number {
  const k = current(ws, view);
  if (k.n === null) {
    pageReads.counts++;
    k.n = Number(ws.get(countSql, params)!.n);
  }
  return k.n;
}

/**
 * One page of the view. `clause` is the view's WHERE (with `params`), over `prefixes p`; `select`
 * is the row query without WHERE; rows come in (family, start, length) order.
 */
export function viewPage(
  ws: Workspace,
  view: PageView,
  select: string,
  clause: string,
  params: SqlParam[],
  offset: number,
  limit: number,
  toRow: (r: Row) => PrefixRow,
): PrefixRow[] {
  const order = ' ORDER BY p.family, p.start, p.length';
  if (view.sid === null || offset < pageTuning.anchorsFrom) {
    return ws.all(`${select}${clause}${order}, s.name LIMIT ? OFFSET ?`, [...params, limit, offset]).map(toRow);
  }
  const k = current(ws, view);
  if (k.anchors === null) {
    pageReads.anchorBuilds++;
    k.anchors = ws
      .all(
        `SELECT rn, family, start, length FROM (SELECT row_number() OVER (${order.slice(1)}) AS rn, p.family, p.start, p.length FROM prefixes p${clause}) WHERE (rn - 1) % ${pageTuning.anchorEvery} = 0`,
        params,
      )
      .map((r) => ({
        index: Number(r.rn) - 1,
        family: Number(r.family),
        start: keyToBigInt(r.start as Uint8Array),
        length: Number(r.length),
        startKey: r.start as Uint8Array,
      }));
  }
  let anchor: Anchor | null = null;
  for (const a of k.anchors) {
    if (a.index > offset) break;
    anchor = a;
  }
  if (anchor === null) return ws.all(`${select}${clause}${order}, s.name LIMIT ? OFFSET ?`, [...params, limit, offset]).map(toRow);
  // From the anchor's row on: (family, start) at or after it, less the shorter-start ties before
  // it (a block sorts before the longer blocks that share its first address).
  const from = `${clause ? `${clause} AND` : ' WHERE'} (p.family, p.start) >= (?, ?) AND NOT (p.family = ? AND p.start = ? AND p.length < ?)`;
  return ws
    .all(`${select}${from}${order} LIMIT ? OFFSET ?`, [
      ...params,
      anchor.family,
      anchor.startKey,
      anchor.family,
      anchor.startKey,
      anchor.length,
      limit,
      offset - anchor.index,
    ])
    .map(toRow);
}
