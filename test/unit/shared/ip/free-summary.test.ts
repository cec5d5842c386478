import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberSpace, bigintSpace, IPV4_SPACE } from '../../../../shared/ip/int-space';
import { freePrefixList } from '../../../../shared/ip/free-space';
import { countFitting, summarizeFreePrefixes, summarizeFreeSpace, type FreeSummary } from '../../../../shared/ip/free-summary';
import { prefixSize } from '../../../../shared/ip/prefix';
import { ipv4Plan, ipv6Plan } from '../../../support/ip-arbitraries';
import { P, Ps } from '../../../support/ip-helpers';

/** §5.2: parent 10.0.0.0/22 with four used blocks, before and after each strategy's /26. */
const PARENT_52 = P('10.0.0.0/22');
const USED_52 = Ps('10.0.1.0/24, 10.0.2.0/26, 10.0.2.128/25, 10.0.3.0/24');

describe('summarizeFreePrefixes', () => {
  it('matches the §5.2 "before" row: 320 free, largest /24, F 0.2, one /24 and five /26 still fit', () => {
    const s = summarizeFreePrefixes(PARENT_52, USED_52);
    expect([s.total, s.largestLength, s.cidrCount, s.fragmentation]).toEqual([320, 24, 2, 0.2]);
    expect([countFitting(s, 24), countFitting(s, 26)]).toEqual([1n, 5n]);
  });

  it('matches the §5.2 first-fit row: largest /25, F 0.5, no /24 and four /26 still fit', () => {
    const s = summarizeFreePrefixes(PARENT_52, [...USED_52, P('10.0.0.0/26')]);
    expect([s.largestLength, s.cidrCount, s.fragmentation]).toEqual([25, 3, 0.5]);
    expect([countFitting(s, 24), countFitting(s, 26)]).toEqual([0n, 4n]);
  });

  it('matches the §5.2 best-fit and last-fit rows: largest /24, F 0, one /24 and four /26 still fit', () => {
    const s = summarizeFreePrefixes(PARENT_52, [...USED_52, P('10.0.2.64/26')]);
    expect([s.largestLength, s.cidrCount, s.fragmentation]).toEqual([24, 1, 0]);
    expect([countFitting(s, 24), countFitting(s, 26)]).toEqual([1n, 4n]);
  });

  it('tells the largest gap from the largest aligned block (V3: 178 addresses, but a /25)', () => {
    const s = summarizeFreePrefixes(P('198.51.100.0/24'), Ps('198.51.100.77/32'));
    expect([s.gapCount, s.largestGap, s.largestLength, s.largestSize, s.cidrCount]).toEqual([2, 178, 25, 128, 8]);
  });

  it('reports nothing free for a full parent (V5) with F 0 and no largest block', () => {
    const s = summarizeFreePrefixes(P('192.0.2.0/24'), Ps('192.0.2.0/25, 192.0.2.128/25'));
    expect([s.total, s.cidrCount, s.largestLength, s.largestSize, s.fragmentation]).toEqual([0, 0, null, 0, 0]);
  });

  it('summarises the whole IPv4 space without overflow (V6: 4,273,995,776 free, largest 128.0.0.0/1)', () => {
    const s = summarizeFreePrefixes(P('0.0.0.0/0'), Ps('10.0.0.0/8, 100.64.0.0/10'));
    expect([s.total, s.cidrCount, s.largestLength, s.gapCount]).toEqual([4_273_995_776, 15, 1, 3]);
  });

  it('summarises the whole IPv6 space without overflow (V10)', () => {
    const s = summarizeFreePrefixes(P('::/0'), Ps('2000::/3'));
    expect([s.total, s.cidrCount, s.largestLength]).toEqual([297_747_071_055_821_155_530_452_781_502_797_185_024n, 3, 1]);
  });

  it('summarises V8 (17 CIDRs, largest /33) and V11 (24 CIDRs, largest /41)', () => {
    const v8 = summarizeFreePrefixes(P('2001:db8::/32'), Ps('2001:db8::/48, 2001:db8:5::/48'));
    const v11 = summarizeFreePrefixes(P('2001:db8:ff00::/40'), Ps('2001:db8:ffff:ffff::/64'));
    expect([v8.cidrCount, v8.largestLength, v11.cidrCount, v11.largestLength]).toEqual([17, 33, 24, 41]);
  });

  it('finds nothing free when the top address of the space is a fully used /32 parent', () => {
    const s = summarizeFreePrefixes(P('255.255.255.255/32'), Ps('255.255.255.255/32'));
    expect(s.total).toBe(0);
  });
});

describe('summarizeFreeSpace', () => {
  it('reports children outside the parent and clips them', () => {
    const issues: string[] = [];
    const s = summarizeFreeSpace(
      IPV4_SPACE,
      { start: 100, end: 199 },
      [
        { start: 50, end: 120 },
        { start: 150, end: 300 },
        { start: 400, end: 500 },
      ],
      (i) => issues.push(`${i.index}:${i.kind}`),
    );
    expect(issues).toEqual(['0:partly-outside', '1:partly-outside', '2:outside']);
    expect(s.total).toBe(29); // 121 … 149
  });

  it('refuses children out of order rather than giving a wrong answer', () => {
    expect(() =>
      summarizeFreeSpace(IPV4_SPACE, { start: 0, end: 99 }, [
        { start: 50, end: 50 },
        { start: 10, end: 10 },
      ]),
    ).toThrow(/sorted/);
  });

  it('works in a 53-bit unit space up to its top', () => {
    const space = numberSpace(53);
    const s = summarizeFreeSpace(space, { start: 0, end: space.max }, [{ start: space.max, end: space.max }]);
    expect([s.total, s.cidrCount, s.largestLength]).toEqual([2 ** 53 - 1, 53, 1]);
  });

  it('gives the same summary in the number fast path and the generic bigint path (property)', () => {
    const toBig = (s: FreeSummary<number>) => ({ ...s, total: BigInt(s.total), largestGap: BigInt(s.largestGap), largestSize: BigInt(s.largestSize) });
    fc.assert(
      fc.property(ipv4Plan, ({ parent, children }) => {
        const fast = summarizeFreePrefixes(parent, children);
        const ivs = children
          .map((c) => ({ start: BigInt(c.start), end: BigInt(c.start) + prefixSize(c) - 1n }))
          .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
        const slow = summarizeFreeSpace(bigintSpace(32), { start: BigInt(parent.start), end: BigInt(parent.start) + prefixSize(parent) - 1n }, ivs);
        expect(slow).toEqual(toBig(fast));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the free list: count, total, largest and still-fit counts (property)', () => {
    fc.assert(
      fc.property(fc.oneof(ipv4Plan, ipv6Plan), fc.integer({ min: 0, max: 128 }), ({ parent, children }, l) => {
        const free = freePrefixList(parent, children).free;
        const s = summarizeFreePrefixes(parent, children);
        const length = Math.min(l, s.bits);
        expect(s.cidrCount).toBe(free.length);
        expect(BigInt(s.total)).toBe(free.reduce((n, p) => n + prefixSize(p), 0n));
        expect(s.largestLength).toBe(free.length === 0 ? null : Math.min(...free.map((p) => p.length)));
        const fit = free.filter((p) => p.length <= length).reduce((n, p) => n + (1n << BigInt(length - p.length)), 0n);
        expect(countFitting(s, length)).toBe(fit);
      }),
      { numRuns: 300 },
    );
  });
});

describe('countFitting', () => {
  it('refuses a length outside the space', () => {
    const s = summarizeFreePrefixes(P('10.0.0.0/8'), []);
    expect(() => countFitting(s, 33)).toThrow(RangeError);
  });

  it('counts 2^(L − len) per free CIDR no longer than L (a /8 holds 65,536 /24s)', () => {
    expect(countFitting(summarizeFreePrefixes(P('10.0.0.0/8'), []), 24)).toBe(65_536n);
  });
});
