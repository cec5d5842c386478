/**
 * Utilization of a pool (§3.8, §4.4): IPv4 counted in addresses, IPv6 in the pool's assignment
 * unit (/48, /56 or /64), never in raw addresses (which reads ~0 % for any real IPv6 pool).
 *
 * Children are unioned, so nested or duplicate assignments are not counted twice (NetBox
 * container rule). In unit counting an assignment longer than the unit consumes the whole unit
 * it sits in; two /64s in the same /56 unit consume that unit once.
 */
import { invalid } from '../errors';
import { mergeIntervals, type Interval } from './interval';
import { hdRatio } from './hd-ratio';
import { bigintSpace } from './int-space';
import { prefixEnd, type Prefix } from './prefix';

export type Ipv6Unit = 48 | 56 | 64;

export interface Utilization {
  /** Prefix length of one unit: 32 for IPv4 (addresses), 48/56/64 for IPv6. */
  readonly unit: number;
  readonly totalUnits: bigint;
  readonly usedUnits: bigint;
  readonly freeUnits: bigint;
  /** 0–100; a double (relative error ~1e-16), so even 10 addresses of a /64 stay visible. */
  readonly utilizationPct: number;
  /** HD = log(used units)/log(total units) (§4.3), beside the percentage; null when undefined. */
  readonly hdRatio: number | null;
}

/** Ratio of two bigints as a percentage, without losing tiny ratios to integer division. */
export function percentOf(used: bigint, total: bigint): number {
  if (total === 0n) return 0;
  return (Number(used) / Number(total)) * 100;
}

/**
 * Utilization of `pool` by `children` (prefixes of the same family; parts outside the pool are
 * ignored). `unit` is required for IPv6 and must not be shorter than the pool.
 */
export function utilization(pool: Prefix, children: ReadonlyArray<Prefix>, unit?: Ipv6Unit): Utilization {
  const unitLength = pool.family === 4 ? 32 : unit;
  if (unitLength === undefined) throw invalid('unit', 'an IPv6 pool needs an assignment unit (/48, /56 or /64)');
  if (pool.family === 6 && unitLength !== 48 && unitLength !== 56 && unitLength !== 64) {
    throw invalid('unit', 'the assignment unit must be /48, /56 or /64');
  }
  if (unitLength < pool.length) {
    throw invalid('unit', `the unit /${unitLength} is larger than the pool /${pool.length}`);
  }
  const shift = BigInt((pool.family === 4 ? 32 : 128) - unitLength);
  const poolStart = BigInt(pool.start);
  const poolEnd = BigInt(prefixEnd(pool));
  // Unit indexes relative to the pool: a child covers units ⌊start/u⌋ … ⌊end/u⌋, which is how a
  // longer-than-unit assignment comes to consume its whole unit.
  const units: Interval<bigint>[] = [];
  for (const c of children) {
    if (c.family !== pool.family) continue;
    let s = BigInt(c.start);
    let e = BigInt(prefixEnd(c));
    if (e < poolStart || s > poolEnd) continue;
    if (s < poolStart) s = poolStart;
    if (e > poolEnd) e = poolEnd;
    units.push({ start: (s - poolStart) >> shift, end: (e - poolStart) >> shift });
  }
  const totalUnits = 1n << BigInt(unitLength - pool.length);
  let usedUnits = 0n;
  for (const iv of mergeIntervals(bigintSpace(unitLength - pool.length), units)) usedUnits += iv.end - iv.start + 1n;
  return {
    unit: unitLength,
    totalUnits,
    usedUnits,
    freeUnits: totalUnits - usedUnits,
    utilizationPct: percentOf(usedUnits, totalUnits),
    hdRatio: hdRatio(usedUnits, totalUnits),
  };
}
