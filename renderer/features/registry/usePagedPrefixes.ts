/**
 * The blocks of one view (a space, optionally within one block), paged from the workspace as the
 * grid scrolls: never more than the pages in and near view are held, at most two requests are in
 * flight, and a page asked for while others load is fetched next (the newest wish wins). A page
 * whose request failed is not asked for again until the view, the workspace or the rows in view
 * change: a workspace that stopped answering gets one request per page, not a loop of them.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PrefixRow } from '../../../shared/contract';
import { client } from '../../client';
import { errorText } from '../../state';
import { inside, span } from './blocks';

export const PAGE = 200;
const MAX_PAGES = 60;
const IN_FLIGHT = 2;

export interface PagedPrefixes {
  /** Rows in the view (null until the first page answers). */
  total: number | null;
  /** The row at an index, when its page is loaded (a stale page is shown until the fresh one lands). */
  row(index: number): PrefixRow | undefined;
  /** The workspace version the row at an index was read at, or null when its page is not held. */
  rowVersion(index: number): number | null;
  /** The grid shows rows first..last: load the pages they are on. */
  want(first: number, last: number): void;
  /** The index of a loaded row, or -1. */
  indexOf(match: (r: PrefixRow) => boolean): number;
  error: string | null;
  /** Bumped whenever a page lands (for effects that look rows up). */
  tick: number;
}

export function usePagedPrefixes(space: string, within: string | null, version: number, enabled: boolean): PagedPrefixes {
  const pages = useRef(new Map<number, PrefixRow[]>());
  /** The workspace version each held page was read at. */
  const pageVersion = useRef(new Map<number, number>());
  const versionNow = useRef(version);
  // Before any effect (the grid's own ask for rows among them) calls pump.
  useLayoutEffect(() => {
    versionNow.current = version;
  }, [version]);
  const fresh = useRef(new Set<number>());
  const inFlight = useRef(new Set<number>());
  const failed = useRef(new Set<number>());
  const wanted = useRef<[number, number]>([0, 0]);
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const key = `${space}\u0000${within ?? ''}`;
  const lastKey = useRef(key);

  /** Drops the pages farthest from view once more than MAX_PAGES are held. */
  const evict = () => {
    if (pages.current.size <= MAX_PAGES) return;
    const mid = (wanted.current[0] + wanted.current[1]) / 2;
    const far = [...pages.current.keys()].sort((x, y) => Math.abs(y - mid) - Math.abs(x - mid));
    for (const p of far.slice(0, pages.current.size - MAX_PAGES)) {
      pages.current.delete(p);
      pageVersion.current.delete(p);
      fresh.current.delete(p);
    }
  };

  const pump = useCallback(() => {
    const gen = generation.current;
    next();
    function next(): void {
      const [a, b] = wanted.current;
      for (let p = a; p <= b && inFlight.current.size < IN_FLIGHT; p++) {
        if (fresh.current.has(p) || inFlight.current.has(p) || failed.current.has(p)) continue;
        inFlight.current.add(p);
        const readAt = versionNow.current;
        client
          .call('registry.listPrefixes', { space, ...(within ? { within } : {}), offset: p * PAGE, limit: PAGE })
          .then(
            (page) => {
              if (gen !== generation.current) return;
              pages.current.set(p, withUsage(page.rows));
              pageVersion.current.set(p, readAt);
              fresh.current.add(p);
              setTotal(page.total);
              setError(null);
              evict();
            },
            (e: Error) => {
              if (gen !== generation.current) return;
              failed.current.add(p);
              setError(errorText(e));
            },
          )
          .finally(() => {
            if (gen !== generation.current) return;
            inFlight.current.delete(p);
            setTick((t) => t + 1);
            next();
          });
      }
    }
  }, [space, within]);

  // A new view starts empty; a change to the workspace keeps the old rows on screen until the new ones land.
  useEffect(() => {
    if (!enabled) return;
    generation.current++;
    inFlight.current.clear();
    fresh.current.clear();
    failed.current.clear();
    if (lastKey.current !== key) {
      lastKey.current = key;
      pages.current.clear();
      pageVersion.current.clear();
      setTotal(null);
      wanted.current = [0, 0];
    }
    pump();
  }, [key, version, enabled, pump]);

  const want = useCallback(
    (first: number, last: number) => {
      const a = Math.max(0, Math.floor(first / PAGE));
      const b = Math.max(a, Math.floor(Math.max(first, last) / PAGE));
      if (wanted.current[0] === a && wanted.current[1] === b) return;
      wanted.current = [a, b];
      failed.current.clear();
      pump();
    },
    [pump],
  );

  const row = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE))?.[index % PAGE], []);
  /**
   * The workspace version a row was read at: after a change the old rows stay on screen until
   * the new ones land, and what is asked about a row (its details) must wait for its new page.
   */
  const rowVersion = useCallback((index: number) => pageVersion.current.get(Math.floor(index / PAGE)) ?? null, []);
  /**
   * Where a row is among the held pages (-1: not held). Right after the view changes, and until
   * its effect clears them, the held pages are still the last view's: nothing is found in them
   * (a block revealed after going up would otherwise be found at the old view's index).
   */
  const indexOf = useCallback(
    (match: (r: PrefixRow) => boolean) => {
      if (lastKey.current !== key) return -1;
      for (const [p, rows] of pages.current) {
        const i = rows.findIndex(match);
        if (i >= 0) return p * PAGE + i;
      }
      return -1;
    },
    [key],
  );

  return { total, row, rowVersion, want, indexOf, error, tick };
}

/**
 * Rows from a workspace whose service does not send the usage counters yet: depth and direct
 * children worked out from the page itself (a stack walk, as NetBox rebuilds depth), so the tree
 * still reads as one. With the counters present the rows are used as they are.
 */
function withUsage(rows: PrefixRow[]): PrefixRow[] {
  if (rows.length === 0 || rows[0]!.usage) return rows;
  const stack: { row: PrefixRow; s: { start: bigint; size: bigint } }[] = [];
  const out = rows.map((r) => ({ ...r, usage: { parentId: null as number | null, depth: 0, children: 0, usedPct: 0, reservedPct: 0 } }));
  for (const r of out) {
    const s = span(r.prefix);
    while (
      stack.length &&
      (stack[stack.length - 1]!.row.family !== r.family || stack[stack.length - 1]!.row.space !== r.space || !inside(stack[stack.length - 1]!.s, s))
    )
      stack.pop();
    const parent = stack[stack.length - 1]?.row;
    r.usage.depth = stack.length;
    if (parent) {
      r.usage.parentId = parent.id;
      parent.usage.children++;
    }
    stack.push({ row: r, s });
  }
  return out;
}
