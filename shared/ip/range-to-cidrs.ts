/**
 * Minimal CIDR decomposition of an inclusive range (§6.1 step 4): from `start`, take the largest
 * aligned block 2^k that still ends inside the range, emit it, advance. Same result as Python's
 * `ipaddress.summarize_address_range`.
 */
import type { IntSpace } from './int-space';

/** An aligned block of a space: `length` is the prefix length in that space (bits − k). */
export interface Block<T extends number | bigint> {
  readonly start: T;
  readonly length: number;
}

/** Size exponent k of the largest aligned block starting at `start` and ending at or before `end`. */
export function largestBlockExponent<T extends number | bigint>(space: IntSpace<T>, start: T, end: T): number {
  const byAlignment = space.trailingZeros(start);
  // end − start + 1 ≤ 2^bits: exact in both representations (≤ 2^53 for numbers).
  const bySize = space.floorLog2(space.add(space.sub(end, start), space.one));
  return byAlignment < bySize ? byAlignment : bySize;
}

export function* rangeToCidrs<T extends number | bigint>(space: IntSpace<T>, start: T, end: T): Generator<Block<T>> {
  if (start > end) throw new RangeError('range start is after its end');
  let s = start;
  for (;;) {
    const k = largestBlockExponent(space, s, end);
    yield { start: s, length: space.bits - k };
    const last = space.add(s, space.sub(space.pow2(k), space.one));
    if (last >= end) return; // stops before computing last + 1 at the top of the space
    s = space.add(last, space.one);
  }
}

/** Array form of rangeToCidrs, for small ranges. */
export function rangeToCidrList<T extends number | bigint>(space: IntSpace<T>, start: T, end: T): Block<T>[] {
  return Array.from(rangeToCidrs(space, start, end));
}

/** Last value of a block. */
export function blockEnd<T extends number | bigint>(space: IntSpace<T>, block: Block<T>): T {
  return space.add(block.start, space.sub(space.pow2(space.bits - block.length), space.one));
}
