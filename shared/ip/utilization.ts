/**
 * Utilization as the RIRs measure it, the one implementation every number calls (Registry,
 * `util`, request drafts and their checks, forecasts, the list view's counters): the share of a
 * block covered by ASSIGNED space — assignments to customers and to our own infrastructure.
 *
 * What counts as used, per status (docs/rir.md §1, with the RIR sources):
 * - `assigned`: used (an assignment, to a customer or to our own infrastructure).
 * - `cooldown`: used until its date (a released assignment still routed/cached elsewhere).
 * - `allocated`: a container (one of our pools, or a sub-allocation): NOT used by itself; the
 *   assignments inside it count.
 * - `aggregate`: a container, as `allocated`.
 * - `reserved`, `planned`: not used (nothing is assigned there yet).
 *
 * IPv4 is counted in addresses, IPv6 in the pool's assignment unit (/48, /56 or /64), never in
 * raw addresses (which reads ~0 % for any real IPv6 pool). Children are unioned, so nested or
 * duplicate assignments are not counted twice (NetBox container rule). In unit counting an
 * assignment longer than the unit consumes the whole unit it sits in; two /64s in the same /56
 * unit consume that unit once.
 */
import { invalid } from '../errors';
import { mergeIntervals, type Interval } from './interval';
import { hdRatio } from './hd-ratio';
import { bigintSpace } from './int-space';
import { prefixEnd, type Prefix } from './prefix';

export type Ipv6Unit = 48 | 56 | 64;

/** The statuses whose blocks count as used (RIR measure: assigned space). */
export const USED_STATUSES: readonly string[] = ['assigned', 'cooldown'];

/** True when a block of this status counts as used by itself (see the header). */
export function countsAsUsed(status: string): boolean {
  return USED_STATUSES.includes(status);
}

/** SQL predicate over a `status` column selecting the used blocks (the same rule as countsAsUsed). */
export const USED_STATUS_SQL = `status IN (${USED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * What a pool's FORECAST counts, each block from its date (CLI.md: a `planned` block is "counted
 * in forecasts from its date"): the used statuses above, and `planned`. A planned block is not
 * used today (countsAsUsed is false), so utilization never counts it; the forecast counts it from
 * the day it is planned for, a step up in the projection when that day is still to come. A
 * planned block holding other blocks counts by them, not on top of them (docs/forecasts.md).
 */
export const FORECAST_STATUSES: readonly string[] = [...USED_STATUSES, 'planned'];

/** True when a block of this status counts in a pool's forecast from its date. */
export function countsInForecast(status: string): boolean {
  return FORECAST_STATUSES.includes(status);
}

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
 * Fast path over typed pairs: the number of IPv4 addresses of [lo, hi] covered by the union of
 * `pairs` ([start, end, start, end, …], sorted by start; nested, duplicate and overlapping pairs
 * are absorbed, parts outside [lo, hi] ignored). No allocation, one pass.
 */
export function usedAddressesV4(lo: number, hi: number, pairs: ArrayLike<number>): number {
  let n = 0;
  let curS = -1;
  let curE = -2;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    let s = pairs[i] as number;
    let e = pairs[i + 1] as number;
    if (e < lo || s > hi) continue;
    if (s < lo) s = lo;
    if (e > hi) e = hi;
    if (s > curE + 1) {
      if (curS >= 0) n += curE - curS + 1;
      curS = s;
      curE = e;
    } else if (e > curE) curE = e;
  }
  if (curS >= 0) n += curE - curS + 1;
  return n;
}

/**
 * The unit a pool is counted in: 32 for IPv4; /48, /56 or /64 (not shorter than the pool) for
 * IPv6, or addresses (/128) for a pool longer than /64, which no assignment unit fits.
 */
function unitLengthOf(pool: Prefix, unit: number | undefined): number {
  const unitLength = pool.family === 4 ? 32 : unit;
  if (unitLength === undefined) throw invalid('unit', 'an IPv6 pool needs an assignment unit (/48, /56 or /64)');
  const addresses = pool.family === 6 && unitLength === 128 && pool.length > 64;
  if (pool.family === 6 && unitLength !== 48 && unitLength !== 56 && unitLength !== 64 && !addresses) {
    throw invalid('unit', 'the assignment unit must be /48, /56 or /64');
  }
  if (unitLength < pool.length) throw invalid('unit', `the unit /${unitLength} is larger than the pool /${pool.length}`);
  return unitLength;
}

/**
 * Units of `pool` covered by the union of `used` (intervals of addresses of the pool's family,
 * in any order; parts outside the pool ignored). IPv4 goes through the typed-pairs fast path.
 */
export function usedUnits(pool: Prefix, used: ReadonlyArray<Interval<number>> | ReadonlyArray<Interval<bigint>>, unit?: number): bigint {
  const unitLength = unitLengthOf(pool, unit);
  if (pool.family === 4) {
    const list = used as ReadonlyArray<Interval<number>>;
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++) if ((list[i] as Interval<number>).start < (list[i - 1] as Interval<number>).start) sorted = false;
    const ordered = sorted ? list : [...list].sort((a, b) => a.start - b.start);
    const pairs = new Float64Array(ordered.length * 2);
    ordered.forEach((iv, i) => {
      pairs[i * 2] = Number(iv.start);
      pairs[i * 2 + 1] = Number(iv.end);
    });
    return BigInt(usedAddressesV4(pool.start as number, prefixEnd(pool) as number, pairs));
  }
  const shift = BigInt(128 - unitLength);
  const poolStart = BigInt(pool.start);
  const poolEnd = BigInt(prefixEnd(pool));
  // Unit indexes relative to the pool: a child covers units ⌊start/u⌋ … ⌊end/u⌋, which is how a
  // longer-than-unit assignment comes to consume its whole unit.
  const units: Interval<bigint>[] = [];
  for (const iv of used as ReadonlyArray<Interval<number | bigint>>) {
    let s = BigInt(iv.start);
    let e = BigInt(iv.end);
    if (e < poolStart || s > poolEnd) continue;
    if (s < poolStart) s = poolStart;
    if (e > poolEnd) e = poolEnd;
    units.push({ start: (s - poolStart) >> shift, end: (e - poolStart) >> shift });
  }
  let n = 0n;
  for (const iv of mergeIntervals(bigintSpace(unitLength - pool.length), units)) n += iv.end - iv.start + 1n;
  return n;
}

/** Utilization of `pool` given the intervals of its used blocks (see usedUnits). */
export function utilizationOfIntervals(pool: Prefix, used: ReadonlyArray<Interval<number>> | ReadonlyArray<Interval<bigint>>, unit?: number): Utilization {
  const unitLength = unitLengthOf(pool, unit);
  const totalUnits = 1n << BigInt(unitLength - pool.length);
  const n = usedUnits(pool, used, unitLength);
  return { unit: unitLength, totalUnits, usedUnits: n, freeUnits: totalUnits - n, utilizationPct: percentOf(n, totalUnits), hdRatio: hdRatio(n, totalUnits) };
}

/**
 * Utilization of `pool` by `children` (prefixes of the same family, each already known to count
 * as used; parts outside the pool are ignored). `unit` is required for IPv6 and must not be
 * shorter than the pool.
 */
export function utilization(pool: Prefix, children: ReadonlyArray<Prefix>, unit?: Ipv6Unit): Utilization {
  const same = children.filter((c) => c.family === pool.family);
  const ivs = same.map((c) => ({ start: c.start, end: prefixEnd(c) })) as Interval<number>[] | Interval<bigint>[];
  return utilizationOfIntervals(pool, ivs, unit);
}

/**
 * Utilization of `pool` from blocks with their statuses: only those that count as used
 * (countsAsUsed) are counted, a container's assignments inside it are.
 */
export function utilizationByStatus(pool: Prefix, blocks: ReadonlyArray<{ prefix: Prefix; status: string }>, unit?: Ipv6Unit): Utilization {
  return utilization(
    pool,
    blocks.filter((b) => countsAsUsed(b.status)).map((b) => b.prefix),
    unit,
  );
}
