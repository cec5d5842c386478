/**
 * Allocation at the prefix level: what the registry service calls. Computes the parent's free
 * list lazily from its children (any order) and applies one §5 strategy.
 */
import { invalid } from '../errors';
import { bestFit, firstFit, growthReserve, lastFit, sparseLeftmost, type AllocationStrategy, type Block } from './allocate';
import { freePrefixes } from './free-space';
import { maxLength, type Prefix } from './prefix';
import { blockToPrefix, prefixToBlock, spaceOfFamily } from './prefix-interval';

export interface PrefixAllocation {
  readonly prefix: Prefix;
  /** Growth reservations (growth strategy); empty otherwise. */
  readonly reservations: Prefix[];
}

export interface AllocateOptions {
  readonly strategy?: AllocationStrategy;
  /** Growth strategy: bits the assignment may later grow by (1 → room to become a /length−1). */
  readonly growthBits?: number;
}

/**
 * Picks a free /length inside `parent` given the prefixes already in it (assignments and
 * reservations alike), or null when none fits. Children outside the parent are ignored here;
 * freePrefixList reports them.
 */
export function allocatePrefix(parent: Prefix, children: ReadonlyArray<Prefix>, length: number, options: AllocateOptions = {}): PrefixAllocation | null {
  const max = maxLength(parent.family);
  if (!Number.isInteger(length) || length < 0 || length > max) {
    throw invalid('length', `prefix length must be a whole number from 0 to ${max}`);
  }
  if (length < parent.length) return null;
  const strategy = options.strategy ?? 'first-fit';
  const family = parent.family;
  // Blocks of the family's space share start and length with prefixes, so the lazy free list
  // converts one element at a time.
  function* free(): Generator<Block<number | bigint>> {
    for (const p of freePrefixes(parent, children)) yield prefixToBlock(p);
  }
  const space = spaceOfFamily(family) as Parameters<typeof firstFit<number | bigint>>[0];
  const toPrefix = (b: Block<number | bigint>): Prefix => blockToPrefix(family, b as Block<number> & Block<bigint>);
  let block: Block<number | bigint> | null;
  switch (strategy) {
    case 'first-fit':
      block = firstFit(space, free(), length);
      break;
    case 'last-fit':
      block = lastFit(space, free(), length);
      break;
    case 'best-fit':
      block = bestFit(space, free(), length);
      break;
    case 'sparse':
      block = sparseLeftmost(space, prefixToBlock(parent), free(), length);
      break;
    case 'growth': {
      const got = growthReserve(space, free(), length, options.growthBits ?? 1);
      return got === null ? null : { prefix: toPrefix(got.block), reservations: got.reservations.map(toPrefix) };
    }
  }
  return block === null ? null : { prefix: toPrefix(block), reservations: [] };
}
