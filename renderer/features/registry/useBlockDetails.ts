/** What the detail pane shows of one block, loaded a moment after it is selected (arrow keys held down do not flood the workspace). */
import { useEffect, useState } from 'react';
import type { BlockHistoryEntry, FreeSpace, PrefixRow, PrefixUtilization } from '../../../shared/contract';
import { useContractQuery } from '../../data/query';
import { errorText } from '../../state';
import { inside, span, usageOf } from './blocks';
import { FREE_SHOWN } from './FreeList';

export const MAP_MAX = 1024;

export interface BlockDetails {
  key: string;
  util: PrefixUtilization | null;
  free: FreeSpace | null;
  children: PrefixRow[] | null;
  /** Direct children left off the map. */
  truncated: number;
  history: BlockHistoryEntry[] | null;
  errors: Partial<Record<'util' | 'free' | 'children' | 'history', string>>;
}

/** Direct children from a list in address order that may also hold deeper blocks. */
export function directChildren(block: PrefixRow, rows: PrefixRow[]): PrefixRow[] {
  const outer = span(block.prefix);
  const out: PrefixRow[] = [];
  let last: { start: bigint; size: bigint } | null = null;
  for (const r of rows) {
    if (r.id === block.id || r.family !== block.family) continue;
    const s = span(r.prefix);
    if (!inside(outer, s) || (s.start === outer.start && s.size === outer.size)) continue;
    if (last && inside(last, s)) continue;
    out.push(r);
    last = s;
  }
  return out;
}

/** How long a selection must stay before its details are read (arrow keys held down). */
const SETTLE_MS = 90;

/**
 * The details of the selected block. `fresh` is false while the block's row is from before the
 * last change (its page is being read again): its details wait for the new row, and the last
 * ones stay up meanwhile.
 */
export function useBlockDetails(block: PrefixRow | undefined, fresh: boolean): BlockDetails | null {
  const key = block ? `${block.space}\u0000${block.prefix}\u0000${block.id}` : '';
  const [settled, setSettled] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  const on = Boolean(block) && settled === key && fresh;
  const at = { prefix: block?.prefix ?? '', space: block?.space ?? '' };
  // A block's own details only: another block's are never shown while its own load.
  const own = { enabled: on, placeholderData: undefined } as const;
  // The map's children by the parent counters (cheap), then the sums over the subtree.
  const children = useContractQuery(
    'registry.listPrefixes',
    { space: at.space, within: at.prefix, parentId: block?.id ?? 0, limit: MAP_MAX + 1 },
    { ...own, select: (page) => ({ page, direct: block ? directChildren(block, page.rows).slice(0, MAP_MAX) : [] }) },
  );
  const util = useContractQuery('registry.utilization', at, own);
  const free = useContractQuery('registry.freeSpace', { ...at, limit: FREE_SHOWN }, own);
  const history = useContractQuery('registry.blockHistory', at, own);

  if (!block) return null;
  const errors: BlockDetails['errors'] = {};
  if (children.error) errors.children = errorText(children.error);
  if (util.error) errors.util = errorText(util.error);
  if (free.error) errors.free = errorText(free.error);
  if (history.error) errors.history = errorText(history.error);
  const c = children.data;
  return {
    key,
    util: util.data ?? null,
    free: free.data ?? null,
    children: c?.direct ?? null,
    truncated: c
      ? Math.max(
          0,
          usageOf(block).children - c.direct.length,
          c.page.rows.length > MAP_MAX && usageOf(block).children === 0 ? c.page.total - c.direct.length : 0,
        )
      : 0,
    history: history.data ?? null,
    errors,
  };
}
