/**
 * An integer space 0 … 2^bits − 1 in which intervals, CIDR blocks and free space are computed.
 *
 * Why two representations: IPv4 addresses (and IPv6 pools counted in unit indexes, e.g. the
 * 2^27 /56 units of a /29) fit a JS `number` exactly, and the hot loops over a million rows must
 * stay in doubles; whole IPv6 addresses need `bigint`. The interval code is written once against
 * this small interface so both paths run the same algorithm and the same tests.
 */

export interface IntSpace<T extends number | bigint> {
  /** Width of the space: 32 for IPv4, 128 for IPv6, fewer for a unit-index space. */
  readonly bits: number;
  readonly zero: T;
  readonly one: T;
  /** 2^bits − 1, the top of the space (255.255.255.255, ffff:…:ffff). */
  readonly max: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  /** 2^k for 0 ≤ k ≤ bits. */
  pow2(k: number): T;
  /** Number of trailing zero bits of x; `bits` when x is 0 (0 is aligned on everything). */
  trailingZeros(x: T): number;
  /** ⌊log2 x⌋ for x ≥ 1. */
  floorLog2(x: T): number;
  /** Bit k of x (0 = least significant). */
  bit(x: T, k: number): 0 | 1;
  /** ⌊x / 2^k⌋. */
  shiftRight(x: T, k: number): T;
  /** x · 2^k (the caller keeps the result inside the space). */
  shiftLeft(x: T, k: number): T;
  toBigInt(x: T): bigint;
  fromBigInt(x: bigint): T;
}

const TWO32 = 4294967296;

function ctz32(x: number): number {
  // x & -x isolates the lowest set bit; clz32 of it gives its position from the top.
  return 31 - Math.clz32(x & -x);
}

/**
 * A space of at most 53 bits held in doubles. 53 is the limit because 2^53, the value `end + 1`
 * takes at the top of such a space, is still exact in a double.
 */
export function numberSpace(bits: number): IntSpace<number> {
  if (!Number.isInteger(bits) || bits < 0 || bits > 53) throw new RangeError('a number space holds 0 to 53 bits');
  return {
    bits,
    zero: 0,
    one: 1,
    max: 2 ** bits - 1,
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    pow2: (k) => 2 ** k,
    trailingZeros(x) {
      if (x === 0) return bits;
      const lo = x % TWO32;
      if (lo !== 0) return ctz32(lo);
      return 32 + ctz32(Math.floor(x / TWO32));
    },
    floorLog2(x) {
      if (x >= TWO32) return 32 + 31 - Math.clz32(Math.floor(x / TWO32));
      return 31 - Math.clz32(x);
    },
    bit: (x, k) => (Math.floor(x / 2 ** k) % 2 === 0 ? 0 : 1),
    shiftRight: (x, k) => Math.floor(x / 2 ** k),
    shiftLeft: (x, k) => x * 2 ** k,
    toBigInt: (x) => BigInt(x),
    fromBigInt: (x) => Number(x),
  };
}

/** A space of any width held in bigints (IPv6 addresses). */
export function bigintSpace(bits: number): IntSpace<bigint> {
  if (!Number.isInteger(bits) || bits < 0) throw new RangeError('bits must be a whole number');
  return {
    bits,
    zero: 0n,
    one: 1n,
    max: (1n << BigInt(bits)) - 1n,
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    pow2: (k) => 1n << BigInt(k),
    trailingZeros(x) {
      if (x === 0n) return bits;
      let n = 0;
      // Skip whole 32-bit words first: IPv6 prefixes are mostly zeros at the bottom.
      while ((x & 0xffffffffn) === 0n) {
        x >>= 32n;
        n += 32;
      }
      return n + ctz32(Number(x & 0xffffffffn));
    },
    floorLog2(x) {
      return x.toString(16).length * 4 - 4 + (31 - Math.clz32(parseInt(x.toString(16)[0]!, 16)));
    },
    bit: (x, k) => (((x >> BigInt(k)) & 1n) === 0n ? 0 : 1),
    shiftRight: (x, k) => x >> BigInt(k),
    shiftLeft: (x, k) => x << BigInt(k),
    toBigInt: (x) => x,
    fromBigInt: (x) => x,
  };
}

export const IPV4_SPACE: IntSpace<number> = numberSpace(32);
export const IPV6_SPACE: IntSpace<bigint> = bigintSpace(128);
