import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigintSpace, IPV6_SPACE, numberSpace } from '../../../../shared/ip/int-space';

describe('numberSpace', () => {
  it('counts trailing zeros above 2^32', () => {
    const s = numberSpace(53);
    expect([s.trailingZeros(2 ** 40), s.trailingZeros(2 ** 40 + 2 ** 33), s.trailingZeros(0)]).toEqual([40, 33, 53]);
  });

  it('takes floor log2 up to 2^53', () => {
    const s = numberSpace(53);
    expect([s.floorLog2(1), s.floorLog2(2 ** 32), s.floorLog2(2 ** 53), s.floorLog2(2 ** 33 - 1)]).toEqual([0, 32, 53, 32]);
  });

  it('refuses more than 53 bits, where doubles stop being exact', () => {
    expect(() => numberSpace(54)).toThrow(RangeError);
  });

  it('agrees with the bigint space on every operation (property)', () => {
    const n = numberSpace(53);
    const b = bigintSpace(53);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 52 }), (x, k) => {
        expect([n.trailingZeros(x), n.floorLog2(x), n.bit(x, k), n.shiftRight(x, k)]).toEqual([
          b.trailingZeros(BigInt(x)),
          b.floorLog2(BigInt(x)),
          b.bit(BigInt(x), k),
          Number(b.shiftRight(BigInt(x), k)),
        ]);
      }),
    );
  });
});

describe('bigintSpace', () => {
  it('takes floor log2 of 2^128, the size of the whole IPv6 space', () => {
    expect(IPV6_SPACE.floorLog2(1n << 128n)).toBe(128);
  });

  it('counts trailing zeros of a /64 start', () => {
    expect(IPV6_SPACE.trailingZeros(0x20010db8000000010000000000000000n)).toBe(64);
  });
});
