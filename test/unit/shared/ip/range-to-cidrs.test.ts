import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IPV4_SPACE, IPV6_SPACE } from '../../../../shared/ip/int-space';
import { blockEnd, largestBlockExponent, rangeToCidrList } from '../../../../shared/ip/range-to-cidrs';

const TOP4 = 2 ** 32 - 1;
const TOP6 = (1n << 128n) - 1n;

describe('largestBlockExponent', () => {
  it('is limited by alignment and by what is left of the range', () => {
    expect([largestBlockExponent(IPV4_SPACE, 64, 255), largestBlockExponent(IPV4_SPACE, 0, 191)]).toEqual([6, 7]);
  });
});

describe('rangeToCidrList', () => {
  it('decomposes 198.51.100.78–255 (V3 gap) into a /31, /28, /27 and /25', () => {
    const base = (198 * 256 + 51) * 65536 + 100 * 256;
    expect(rangeToCidrList(IPV4_SPACE, base + 78, base + 255).map((b) => [b.start - base, b.length])).toEqual([
      [78, 31],
      [80, 28],
      [96, 27],
      [128, 25],
    ]);
  });

  it('gives the whole space as one /0 in both families', () => {
    expect([rangeToCidrList(IPV4_SPACE, 0, TOP4), rangeToCidrList(IPV6_SPACE, 0n, TOP6)]).toEqual([[{ start: 0, length: 0 }], [{ start: 0n, length: 0 }]]);
  });

  it('gives the top address alone as a /32 and a /128', () => {
    expect([rangeToCidrList(IPV4_SPACE, TOP4, TOP4), rangeToCidrList(IPV6_SPACE, TOP6, TOP6)]).toEqual([
      [{ start: TOP4, length: 32 }],
      [{ start: TOP6, length: 128 }],
    ]);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => rangeToCidrList(IPV4_SPACE, 5, 4)).toThrow(RangeError);
  });

  it('covers the range exactly with aligned, ascending, contiguous blocks (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: TOP4 }), fc.integer({ min: 0, max: TOP4 }), (a, b) => {
        const [s, e] = a <= b ? [a, b] : [b, a];
        const blocks = rangeToCidrList(IPV4_SPACE, s, e);
        let next = s;
        for (const blk of blocks) {
          expect(blk.start).toBe(next);
          expect(blk.start % 2 ** (32 - blk.length)).toBe(0);
          next = blockEnd(IPV4_SPACE, blk) + 1;
        }
        expect(next).toBe(e + 1);
        expect(blocks.length).toBeLessThanOrEqual(62);
      }),
    );
  });
});
