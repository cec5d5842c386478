/**
 * Allocation strategies (§5) over the ascending list of free CIDRs of a parent (freeBlocks).
 *
 * Every aligned free block lies inside exactly one CIDR of the minimal free list (aligned blocks
 * are nested or disjoint), so each strategy only has to look at that list, lazily, never at
 * candidate addresses one by one.
 */
import type { IntSpace } from './int-space';
import { blockEnd, rangeToCidrList, type Block } from './range-to-cidrs';

export type { Block };

export type AllocationStrategy = 'first-fit' | 'last-fit' | 'best-fit' | 'sparse' | 'growth';

export interface Allocation<T extends number | bigint> {
  readonly block: Block<T>;
  /** Held for the block's growth (growth strategy only): free space with an owner. */
  readonly reservations: Block<T>[];
}

function checkLength(space: { readonly bits: number }, length: number): void {
  if (!Number.isInteger(length) || length < 0 || length > space.bits) {
    throw new RangeError(`length must be a whole number from 0 to ${space.bits}`);
  }
}

/** The lowest-address free aligned block of `length` (NetBox, phpIPAM `first_subnet`, NIPAP). */
export function firstFit<T extends number | bigint>(space: IntSpace<T>, free: Iterable<Block<T>>, length: number): Block<T> | null {
  checkLength(space, length);
  for (const b of free) if (b.length <= length) return { start: b.start, length };
  return null;
}

/** The highest-address free aligned block of `length` (phpIPAM `last_subnet`). */
export function lastFit<T extends number | bigint>(space: IntSpace<T>, free: Iterable<Block<T>>, length: number): Block<T> | null {
  checkLength(space, length);
  let last: Block<T> | null = null;
  for (const b of free) if (b.length <= length) last = b;
  if (last === null) return null;
  const size = space.pow2(space.bits - length);
  return { start: space.add(space.sub(blockEnd(space, last), size), space.one), length };
}

/**
 * The start of the smallest free CIDR that can hold `length` (ties → lowest address), so large
 * free blocks stay whole for large requests.
 */
export function bestFit<T extends number | bigint>(space: IntSpace<T>, free: Iterable<Block<T>>, length: number): Block<T> | null {
  checkLength(space, length);
  let best: Block<T> | null = null;
  for (const b of free) {
    if (b.length > length || (best !== null && b.length <= best.length)) continue;
    best = b;
    if (b.length === length) break; // an exact fit cannot be beaten by a later block
  }
  return best === null ? null : { start: best.start, length };
}

/**
 * RFC 3531 leftmost (sparse): the first entirely free /length in the order of a bit-reversed
 * counter over the k = length − parent.length bits (0000, 1000, 0100, 1100, …), so children stay
 * far apart and each can later grow in place.
 *
 * Why no candidate loop: inside a free CIDR the best candidate in that order is its start (its
 * low bits are all zero), so the answer is the free CIDR whose start comes first in the order.
 * Two offsets compare by their lowest differing bit, which is the lowest set bit of their
 * difference: the one with a 0 there is counted first. Linear in the free list, for any k.
 */
export function sparseLeftmost<T extends number | bigint>(space: IntSpace<T>, parent: Block<T>, free: Iterable<Block<T>>, length: number): Block<T> | null {
  checkLength(space, length);
  if (length < parent.length) return null;
  const shift = space.bits - length;
  let best: T | null = null;
  for (const b of free) {
    if (b.length > length) continue;
    const offset = space.shiftRight(space.sub(b.start, parent.start), shift);
    if (best === null) {
      best = offset;
      continue;
    }
    const diff = offset > best ? space.sub(offset, best) : space.sub(best, offset);
    if (space.bit(offset, space.trailingZeros(diff)) === 0) best = offset;
  }
  if (best === null) return null;
  return { start: space.add(parent.start, space.shiftLeft(best, shift)), length };
}

/**
 * Growth reserve (§5.4): the first free block of length − growthBits; its first /length is
 * assigned and the rest returned as reservations (minimal CIDRs), so the assignment can later
 * grow by growthBits without renumbering. growthBits 0 is plain first-fit.
 */
export function growthReserve<T extends number | bigint>(
  space: IntSpace<T>,
  free: Iterable<Block<T>>,
  length: number,
  growthBits: number,
): Allocation<T> | null {
  checkLength(space, length);
  if (!Number.isInteger(growthBits) || growthBits < 0) throw new RangeError('growth must be a whole number of bits ≥ 0');
  if (growthBits > length) return null;
  const room = firstFit(space, free, length - growthBits);
  if (room === null) return null;
  const block: Block<T> = { start: room.start, length };
  if (growthBits === 0) return { block, reservations: [] };
  const afterBlock = space.add(blockEnd(space, block), space.one);
  return { block, reservations: rangeToCidrList(space, afterBlock, blockEnd(space, room)) };
}
