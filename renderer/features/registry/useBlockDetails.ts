/** What the detail pane shows of one block, loaded a moment after it is selected (arrow keys held down do not flood the workspace). */
import { useEffect, useState } from 'react';
import type { BlockHistoryEntry, FreeSpace, PrefixRow, PrefixUtilization } from '../../../shared/contract';
import { client } from '../../client';
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

export function useBlockDetails(block: PrefixRow | undefined, version: number): BlockDetails | null {
  const [details, setDetails] = useState<BlockDetails | null>(null);
  const key = block ? `${block.space}\u0000${block.prefix}\u0000${block.id}\u0000${version}` : '';

  useEffect(() => {
    if (!block) {
      setDetails(null);
      return;
    }
    let live = true;
    const at = { prefix: block.prefix, space: block.space };
    const d: BlockDetails = { key, util: null, free: null, children: null, truncated: 0, history: null, errors: {} };
    const publish = () => live && setDetails({ ...d, errors: { ...d.errors } });
    const fail = (what: keyof BlockDetails['errors']) => (e: Error) => {
      d.errors[what] = e.message;
      publish();
    };
    const timer = setTimeout(() => {
      // The map's children first (cheap, by the parent counters), then the sums over the subtree.
      void client.call('registry.listPrefixes', { space: block.space, within: block.prefix, parentId: block.id, limit: MAP_MAX + 1 }).then((page) => {
        const direct = directChildren(block, page.rows).slice(0, MAP_MAX);
        d.children = direct;
        d.truncated = Math.max(
          0,
          usageOf(block).children - direct.length,
          page.rows.length > MAP_MAX && usageOf(block).children === 0 ? page.total - direct.length : 0,
        );
        publish();
      }, fail('children'));
      void client.call('registry.utilization', at).then((u) => {
        d.util = u;
        publish();
      }, fail('util'));
      void client.call('registry.freeSpace', { ...at, limit: FREE_SHOWN }).then((f) => {
        d.free = f;
        publish();
      }, fail('free'));
      void client.call('registry.blockHistory', at).then((h) => {
        d.history = h;
        publish();
      }, fail('history'));
    }, 90);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  if (!block) return null;
  // The same block after a change elsewhere: its last details stay up until the new ones land.
  const sameBlock = details && details.key.slice(0, details.key.lastIndexOf('\u0000')) === key.slice(0, key.lastIndexOf('\u0000'));
  return sameBlock ? details : { key, util: null, free: null, children: null, truncated: 0, history: null, errors: {} };
}
