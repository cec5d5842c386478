import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IPV4_SPACE, IPV6_SPACE } from '../../../../shared/ip/int-space';
import { clipInterval, gaps, mergeIntervals, sortIntervals } from '../../../../shared/ip/interval';

const TOP4 = 2 ** 32 - 1;
const TOP6 = (1n << 128n) - 1n;

describe('clipInterval', () => {
  const parent = { start: 10, end: 20 };

  it('returns a child inside the parent unchanged, without an issue', () => {
    const issues: unknown[] = [];
    expect(clipInterval(parent, { start: 12, end: 15 }, 0, (i) => issues.push(i))).toEqual({ start: 12, end: 15 });
    expect(issues).toEqual([]);
  });

  it('cuts a child sticking out on both sides and reports it', () => {
    const issues: string[] = [];
    expect(clipInterval(parent, { start: 5, end: 25 }, 3, (i) => issues.push(`${i.index}:${i.kind}`))).toEqual(parent);
    expect(issues).toEqual(['3:partly-outside']);
  });

  it('drops a child outside and reports it', () => {
    const issues: string[] = [];
    expect(clipInterval(parent, { start: 21, end: 25 }, 1, (i) => issues.push(i.kind))).toBeNull();
    expect(issues).toEqual(['outside']);
  });
});

describe('mergeIntervals', () => {
  it('merges touching intervals (s = previous end + 1)', () => {
    expect(
      mergeIntervals(IPV4_SPACE, [
        { start: 0, end: 4 },
        { start: 5, end: 9 },
      ]),
    ).toEqual([{ start: 0, end: 9 }]);
  });

  it('absorbs nested and duplicate intervals', () => {
    expect(
      mergeIntervals(IPV4_SPACE, [
        { start: 0, end: 9 },
        { start: 2, end: 3 },
        { start: 0, end: 9 },
      ]),
    ).toEqual([{ start: 0, end: 9 }]);
  });

  it('keeps intervals with a gap apart, in order, whatever the input order', () => {
    expect(
      mergeIntervals(IPV4_SPACE, [
        { start: 7, end: 9 },
        { start: 0, end: 5 },
      ]),
    ).toEqual([
      { start: 0, end: 5 },
      { start: 7, end: 9 },
    ]);
  });

  it('merges at the top of the IPv6 space', () => {
    expect(
      mergeIntervals(IPV6_SPACE, [
        { start: TOP6, end: TOP6 },
        { start: 0n, end: TOP6 - 1n },
      ]),
    ).toEqual([{ start: 0n, end: TOP6 }]);
  });

  it('gives sorted, disjoint, non-touching intervals covering the same values (property)', () => {
    const iv = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 20 })).map(([s, n]) => ({ start: s, end: s + n }));
    fc.assert(
      fc.property(fc.array(iv, { maxLength: 20 }), (ivs) => {
        const merged = mergeIntervals(IPV4_SPACE, ivs);
        for (let i = 1; i < merged.length; i++) expect(merged[i]!.start).toBeGreaterThan(merged[i - 1]!.end + 1);
        const covered = (list: { start: number; end: number }[]) => {
          const set = new Set<number>();
          for (const x of list) for (let v = x.start; v <= x.end; v++) set.add(v);
          return [...set].sort((a, b) => a - b);
        };
        expect(covered(merged)).toEqual(covered(ivs));
      }),
    );
  });
});

describe('sortIntervals', () => {
  it('sorts by start then end, leaving the input alone', () => {
    const input = [
      { start: 5, end: 9 },
      { start: 5, end: 6 },
      { start: 1, end: 2 },
    ];
    expect(sortIntervals(input)).toEqual([
      { start: 1, end: 2 },
      { start: 5, end: 6 },
      { start: 5, end: 9 },
    ]);
    expect(input[0]).toEqual({ start: 5, end: 9 });
  });
});

describe('gaps', () => {
  it('yields nothing when a child ends at the top of the space and covers the rest', () => {
    expect([...gaps(IPV4_SPACE, { start: 0, end: TOP4 }, [{ start: 0, end: TOP4 }])]).toEqual([]);
  });

  it('yields the last address of the space as a gap', () => {
    expect([...gaps(IPV4_SPACE, { start: 0, end: TOP4 }, [{ start: 0, end: TOP4 - 1 }])]).toEqual([{ start: TOP4, end: TOP4 }]);
  });

  it('refuses unsorted children', () => {
    expect(() => [
      ...gaps(IPV4_SPACE, { start: 0, end: 9 }, [
        { start: 5, end: 5 },
        { start: 1, end: 1 },
      ]),
    ]).toThrow(/sorted/);
  });

  it('still reports issues of children after the parent is full', () => {
    const issues: string[] = [];
    const out = [
      ...gaps(
        IPV4_SPACE,
        { start: 0, end: 9 },
        [
          { start: 0, end: 9 },
          { start: 20, end: 30 },
        ],
        (i) => issues.push(i.kind),
      ),
    ];
    expect([out, issues]).toEqual([[], ['outside']]);
  });
});
