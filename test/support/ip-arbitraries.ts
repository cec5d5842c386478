/** Named fast-check arbitraries shared by the IP tests. */
import fc from 'fast-check';
import { IPV4_MAX, IPV6_MAX, ipv4Network, ipv6Network, type IPv4Prefix, type IPv6Prefix, type Prefix } from '../../shared/ip/prefix';

export const ipv4Address = fc.integer({ min: 0, max: IPV4_MAX });
export const ipv6Address = fc.bigInt({ min: 0n, max: IPV6_MAX });

/** IPv6 addresses biased towards zero runs so `::` compression is exercised. */
export const ipv6AddressSparse = fc
  .array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 })
  .map((groups) => groups.reduce((v, g) => (v << 16n) | BigInt(g), 0n));

export const ipv4Prefix: fc.Arbitrary<IPv4Prefix> = fc
  .tuple(ipv4Address, fc.integer({ min: 0, max: 32 }))
  .map(([a, length]) => ({ family: 4, start: ipv4Network(a, length), length }));

export const ipv6Prefix: fc.Arbitrary<IPv6Prefix> = fc
  .tuple(fc.oneof(ipv6Address, ipv6AddressSparse), fc.integer({ min: 0, max: 128 }))
  .map(([a, length]) => ({ family: 6, start: ipv6Network(a, length), length }));

/** A child length for a parent: usually a bit longer than the parent, sometimes anything. */
function childLength(parentLength: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: Math.min(max, parentLength + 1), max: Math.min(max, parentLength + 20) }) },
    { weight: 2, arbitrary: fc.integer({ min: parentLength, max }) },
  );
}

/** An IPv4 child inside `parent` (never shorter than the parent). */
export function ipv4ChildOf(parent: IPv4Prefix): fc.Arbitrary<IPv4Prefix> {
  const size = 2 ** (32 - parent.length);
  return fc
    .tuple(fc.integer({ min: 0, max: size - 1 }), childLength(parent.length, 32))
    .map(([offset, length]) => ({ family: 4, start: ipv4Network(parent.start + offset, length), length }));
}

export function ipv6ChildOf(parent: IPv6Prefix): fc.Arbitrary<IPv6Prefix> {
  const size = 1n << BigInt(128 - parent.length);
  return fc
    .tuple(fc.bigInt({ min: 0n, max: size - 1n }), childLength(parent.length, 128))
    .map(([offset, length]) => ({ family: 6, start: ipv6Network(parent.start + offset, length), length }));
}

/** A plan: a parent and children inside it (nested, duplicate and overlapping ones included). */
export const ipv4Plan: fc.Arbitrary<{ parent: IPv4Prefix; children: IPv4Prefix[] }> = ipv4Prefix.chain((parent) =>
  fc.record({ parent: fc.constant(parent), children: fc.array(ipv4ChildOf(parent), { maxLength: 24 }) }),
);

export const ipv6Plan: fc.Arbitrary<{ parent: IPv6Prefix; children: IPv6Prefix[] }> = ipv6Prefix.chain((parent) =>
  fc.record({ parent: fc.constant(parent), children: fc.array(ipv6ChildOf(parent), { maxLength: 24 }) }),
);

/** A small plan in a /20–/28 IPv4 parent, where brute force over candidates is cheap. */
export const smallIpv4Plan: fc.Arbitrary<{ parent: IPv4Prefix; children: IPv4Prefix[] }> = fc
  .tuple(ipv4Address, fc.integer({ min: 20, max: 28 }))
  .map(([a, length]): IPv4Prefix => ({ family: 4, start: ipv4Network(a, length), length }))
  .chain((parent) => fc.record({ parent: fc.constant(parent), children: fc.array(ipv4ChildOf(parent), { maxLength: 12 }) }));

export type Plan = { parent: Prefix; children: Prefix[] };
