/**
 * Address pools as limits: every aggregate or allocated block, its capacity in its unit
 * (IPv4 addresses, IPv6 prefixes of the pool's assignment unit, specs/ip-registry.md §4.4) and
 * its usage history: the sizes of its direct assigned/allocated children, each counted from
 * its date (the day the block was recorded when it has none).
 */
import { formatPrefix, prefixFromKey } from '../../../shared/ip/prefix';
import type { Workspace } from '../workspace/workspace';

export interface PoolSource {
  rowId: number;
  prefix: string;
  family: 4 | 6;
  length: number;
  space: string;
  description: string;
  /** prefix length one unit stands for (IPv4: 32) */
  unitLength: number;
  capacity: number;
  /** (day, units) of each counted child, unsorted */
  events: { date: string; delta: number }[];
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** 16-byte key as 32 hex digits: equal-length strings compare in address order. */
function hexKey(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX[b[i] as number];
  return s;
}

interface Open {
  end: string;
  pool: PoolSource | null;
  /** the unit a child pool without its own unit inherits */
  unit: number | null;
}

const isContainer = (status: string): boolean => status === 'aggregate' || status === 'allocated';
const isUsed = (status: string): boolean => status === 'assigned' || status === 'allocated';

/** Every pool with its children's dated sizes, in one ordered pass over the prefixes table. */
export function loadPools(ws: Workspace): PoolSource[] {
  const spaces = new Map<number, string>();
  for (const r of ws.all('SELECT id, name FROM spaces')) spaces.set(Number(r.id), String(r.name));
  const pools: PoolSource[] = [];
  let stack: Open[] = [];
  let group = '';
  const stmtRows = ws.all(
    `SELECT id, space_id, family, start, end, length, status, unit, description, date, substr(created_at, 1, 10) AS created
     FROM prefixes ORDER BY space_id, family, start, length`,
  );
  for (const r of stmtRows) {
    const family = Number(r.family) as 4 | 6;
    const key = `${String(r.space_id)}/${family}`;
    if (key !== group) {
      group = key;
      stack = [];
    }
    const start = hexKey(r.start as Uint8Array);
    while (stack.length > 0 && (stack[stack.length - 1] as Open).end < start) stack.pop();
    const parent = stack[stack.length - 1];
    const length = Number(r.length);
    const status = String(r.status);
    const date = (r.date as string | null) ?? String(r.created);
    if (parent?.pool && isUsed(status)) {
      const pool = parent.pool;
      const delta = family === 4 ? 2 ** (32 - length) : length <= pool.unitLength ? 2 ** (pool.unitLength - length) : 1;
      pool.events.push({ date, delta });
    }
    let pool: PoolSource | null = null;
    const ownUnit = r.unit === null || r.unit === undefined ? null : Number(r.unit);
    const inherited = ownUnit ?? parent?.unit ?? null;
    if (isContainer(status)) {
      const unitLength = family === 4 ? 32 : inherited !== null && inherited > length ? inherited : 64;
      pool = {
        rowId: Number(r.id),
        prefix: formatPrefix(prefixFromKey(family, r.start as Uint8Array, length)),
        family,
        length,
        space: spaces.get(Number(r.space_id)) ?? 'global',
        description: String(r.description ?? ''),
        unitLength,
        capacity: 2 ** (unitLength - length),
        events: [],
      };
      pools.push(pool);
    }
    stack.push({ end: hexKey(r.end as Uint8Array), pool, unit: inherited });
  }
  return pools;
}
