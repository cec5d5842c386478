/**
 * HD-ratio (RFC 3194 §2; RIPE-738 §5.2.2 and App. A): HD = log(units used) / log(units total).
 * A block qualifies when its used count reaches T = 2^(bits × HD) with bits = log2(units total).
 *
 * Why compare counts, not ratios: a rounded HD (0.9400 shown for 0.93999999) would qualify a
 * block one unit early; the integer threshold ⌈T⌉ compared with ≥ cannot.
 */

/** RIPE's value (raised from 0.80 by every RIR in the 2000s, AfriNIC proposal). */
export const RIPE_HD_RATIO = 0.94;

function unitBits(totalUnits: bigint): number {
  if (totalUnits < 1n || (totalUnits & (totalUnits - 1n)) !== 0n) {
    throw new RangeError('total units must be a power of two (a prefix counted in units)');
  }
  return totalUnits.toString(2).length - 1;
}

/** HD-ratio of a count; null when undefined (nothing used, or a block of a single unit). */
export function hdRatio(usedUnits: bigint, totalUnits: bigint): number | null {
  if (usedUnits < 1n || totalUnits < 2n) return null;
  return Math.log(Number(usedUnits)) / Math.log(Number(totalUnits));
}

export interface HdThreshold {
  /** T = 2^(bits × HD) as a real number. */
  readonly exact: number;
  /** The first whole count that qualifies, ⌈T⌉ (exact below 2^53 units, nearest double above). */
  readonly units: bigint;
  /** ⌈T⌉ as a share of the block, in percent. */
  readonly pct: number;
}

/** The HD threshold of a block of `totalUnits` (a power of two: 2^(unit − prefix length)). */
export function hdThreshold(totalUnits: bigint, hd: number = RIPE_HD_RATIO): HdThreshold {
  if (!(hd > 0 && hd <= 1)) throw new RangeError('the HD-ratio must be in (0, 1]');
  const bits = unitBits(totalUnits);
  const exact = 2 ** (bits * hd);
  const units = BigInt(Math.ceil(exact));
  return { exact, units, pct: (Number(units) / Number(totalUnits)) * 100 };
}

/** True when `usedUnits` reaches the HD threshold of the block (≥ on the whole count ⌈T⌉). */
export function meetsHdRatio(usedUnits: bigint, totalUnits: bigint, hd: number = RIPE_HD_RATIO): boolean {
  return usedUnits >= hdThreshold(totalUnits, hd).units;
}
