/**
 * freeV4 (the one-pass IPv4 free space over typed pairs) against the generic summary and the
 * generic free-block generator, on random children: the same summary, the same list, the same
 * list as text, with offset and limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeV4 } from '../../../../shared/ip/free-list-v4';
import { freeBlocks } from '../../../../shared/ip/free-space';
import { summarizeFreeSpace } from '../../../../shared/ip/free-summary';
import { IPV4_SPACE } from '../../../../shared/ip/int-space';
import type { Interval } from '../../../../shared/ip/interval';
import { formatIPv4 } from '../../../../shared/ip/prefix';

const parentArb = fc.integer({ min: 0, max: 32 }).chain((length) =>
  fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((v) => {
    const size = 2 ** (32 - length);
    const start = Math.floor(v / size) * size;
    return { start, end: start + size - 1 };
  }),
);

/** Children around and inside the parent (some sticking out, nested, duplicated), sorted by start. */
function childrenArb(p: Interval<number>): fc.Arbitrary<Interval<number>[]> {
  const lo = Math.max(0, p.start - 64);
  const hi = Math.min(2 ** 32 - 1, p.end + 64);
  return fc
    .array(
      fc
        .tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: 0, max: Math.max(1, Math.floor((hi - lo) / 4)) }))
        .map(([s, w]) => ({ start: s, end: Math.min(hi, s + w) })),
      { maxLength: 30 },
    )
    .map((cs) => cs.sort((a, b) => a.start - b.start || a.end - b.end));
}

const pairs = (cs: Interval<number>[]) => Uint32Array.from(cs.flatMap((c) => [c.start, c.end]));

describe('freeV4', () => {
  it('matches summarizeFreeSpace and freeBlocks exactly, as a list and as text (property)', () => {
    fc.assert(
      fc.property(
        parentArb.chain((p) => fc.tuple(fc.constant(p), childrenArb(p), fc.nat({ max: 20 }), fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }))),
        ([p, cs, offset, limit]) => {
          const summary = summarizeFreeSpace(IPV4_SPACE, p, cs);
          const list = [...freeBlocks(IPV4_SPACE, p, cs)].map((b) => `${formatIPv4(b.start)}/${b.length}`);
          const r = freeV4(p.start, p.end, pairs(cs));
          expect(r.free).toEqual(list);
          expect(r.text).toBeNull();
          expect({
            total: r.total,
            gapCount: r.gapCount,
            largestGap: r.largestGap,
            cidrCount: r.cidrCount,
            largestLength: r.largestLength,
            countByLength: r.countByLength,
            fragmentation: r.fragmentation,
          }).toEqual({
            total: summary.total,
            gapCount: summary.gapCount,
            largestGap: summary.largestGap,
            cidrCount: summary.cidrCount,
            largestLength: summary.largestLength,
            countByLength: summary.countByLength,
            fragmentation: summary.fragmentation,
          });
          expect(r.largest).toBe(summary.largestLength === null ? null : (list.find((c) => c.endsWith(`/${summary.largestLength}`)) ?? 'missing'));
          const page = list.slice(offset, limit === undefined ? undefined : offset + limit);
          expect(freeV4(p.start, p.end, pairs(cs), offset, limit).free).toEqual(page);
          expect(freeV4(p.start, p.end, pairs(cs), offset, limit, true)).toMatchObject({ free: [], text: page.map((c) => `${c}\n`).join('') });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes the whole address space and its edges as text', () => {
    expect(freeV4(0, 2 ** 32 - 1, new Uint32Array(0), 0, Infinity, true).text).toBe('0.0.0.0/0\n');
    expect(freeV4(0, 2 ** 32 - 1, Uint32Array.from([1, 2 ** 32 - 2]), 0, Infinity, true).text).toBe('0.0.0.0/32\n255.255.255.255/32\n');
    expect(freeV4(0x0a000000, 0x0affffff, Uint32Array.from([0x0a000000, 0x0affffff]), 0, Infinity, true).text).toBe('');
  });

  it('refuses children that are not sorted by start', () => {
    expect(() => freeV4(0, 255, Uint32Array.from([10, 10, 5, 5]))).toThrow(RangeError);
  });
});
