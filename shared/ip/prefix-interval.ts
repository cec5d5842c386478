/**
 * Bridges between prefixes (what planners type) and the integer spaces the interval code works
 * in. IPv4 maps to the 32-bit number space, IPv6 to the 128-bit bigint space.
 */
import { IPV4_SPACE, IPV6_SPACE, type IntSpace } from './int-space';
import type { Interval } from './interval';
import { prefixEnd, type Family, type IPv4Prefix, type IPv6Prefix, type Prefix } from './prefix';
import type { Block } from './range-to-cidrs';

/** The integer space of a family. */
export function spaceOfFamily(family: 4): IntSpace<number>;
export function spaceOfFamily(family: 6): IntSpace<bigint>;
export function spaceOfFamily(family: Family): IntSpace<number> | IntSpace<bigint>;
export function spaceOfFamily(family: Family): IntSpace<number> | IntSpace<bigint> {
  return family === 4 ? IPV4_SPACE : IPV6_SPACE;
}

export function prefixToInterval(p: IPv4Prefix): Interval<number>;
export function prefixToInterval(p: IPv6Prefix): Interval<bigint>;
export function prefixToInterval(p: Prefix): Interval<number> | Interval<bigint>;
export function prefixToInterval(p: Prefix): Interval<number> | Interval<bigint> {
  return p.family === 4 ? { start: p.start, end: prefixEnd(p) } : { start: p.start, end: prefixEnd(p) };
}

export function blockToPrefix(family: 4, block: Block<number>): IPv4Prefix;
export function blockToPrefix(family: 6, block: Block<bigint>): IPv6Prefix;
export function blockToPrefix(family: Family, block: Block<number> | Block<bigint>): Prefix;
export function blockToPrefix(family: Family, block: Block<number> | Block<bigint>): Prefix {
  return family === 4 ? { family: 4, start: block.start as number, length: block.length } : { family: 6, start: block.start as bigint, length: block.length };
}

/** A prefix as a block of its family's space (the same start and length). */
export function prefixToBlock(p: IPv4Prefix): Block<number>;
export function prefixToBlock(p: IPv6Prefix): Block<bigint>;
export function prefixToBlock(p: Prefix): Block<number> | Block<bigint>;
export function prefixToBlock(p: Prefix): Block<number> | Block<bigint> {
  return { start: p.start, length: p.length } as Block<number> | Block<bigint>;
}
