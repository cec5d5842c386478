import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freePrefixList, freePrefixes, freeRanges } from '../../../../shared/ip/free-space';
import { formatIPv4, formatIPv6, formatPrefix, prefixEnd, prefixSize, type Prefix } from '../../../../shared/ip/prefix';
import { ipv4Plan, ipv6Plan } from '../../../support/ip-arbitraries';
import { fmt, P, Ps } from '../../../support/ip-helpers';

const list = (text: string) => text.split(',').map((s) => s.trim());

/** §6.2 vectors: parent, children, the exact free list, free addresses, largest. */
const VECTORS: { id: string; parent: string; children: string; free: string[]; total: bigint }[] = [
  { id: 'V1', parent: '10.0.0.0/8', children: '', free: ['10.0.0.0/8'], total: 16_777_216n },
  { id: 'V2', parent: '192.0.2.0/24', children: '192.0.2.64/26', free: ['192.0.2.0/26', '192.0.2.128/25'], total: 192n },
  {
    id: 'V3',
    parent: '198.51.100.0/24',
    children: '198.51.100.77/32',
    free: list(
      '198.51.100.0/26, 198.51.100.64/29, 198.51.100.72/30, 198.51.100.76/32, 198.51.100.78/31, 198.51.100.80/28, 198.51.100.96/27, 198.51.100.128/25',
    ),
    total: 255n,
  },
  { id: 'V4', parent: '203.0.113.0/24', children: '203.0.113.0/26, 203.0.113.64/26', free: ['203.0.113.128/25'], total: 128n },
  { id: 'V5', parent: '192.0.2.0/24', children: '192.0.2.0/25, 192.0.2.128/25', free: [], total: 0n },
  {
    id: 'V6',
    parent: '0.0.0.0/0',
    children: '10.0.0.0/8, 100.64.0.0/10',
    free: list(
      '0.0.0.0/5, 8.0.0.0/7, 11.0.0.0/8, 12.0.0.0/6, 16.0.0.0/4, 32.0.0.0/3, 64.0.0.0/3, 96.0.0.0/6, 100.0.0.0/10, 100.128.0.0/9, 101.0.0.0/8, 102.0.0.0/7, 104.0.0.0/5, 112.0.0.0/4, 128.0.0.0/1',
    ),
    total: 4_273_995_776n,
  },
  {
    id: 'V7',
    parent: '10.1.0.0/16',
    children: '10.1.0.0/20, 10.1.4.0/24, 10.1.0.0/20, 10.1.32.0/19',
    free: ['10.1.16.0/20', '10.1.64.0/18', '10.1.128.0/17'],
    total: 53_248n,
  },
  {
    id: 'V8',
    parent: '2001:db8::/32',
    children: '2001:db8::/48, 2001:db8:5::/48',
    free: list(
      '2001:db8:1::/48, 2001:db8:2::/47, 2001:db8:4::/48, 2001:db8:6::/47, 2001:db8:8::/45, 2001:db8:10::/44, 2001:db8:20::/43, 2001:db8:40::/42, 2001:db8:80::/41, 2001:db8:100::/40, 2001:db8:200::/39, 2001:db8:400::/38, 2001:db8:800::/37, 2001:db8:1000::/36, 2001:db8:2000::/35, 2001:db8:4000::/34, 2001:db8:8000::/33',
    ),
    total: 79_225_744_662_625_108_335_194_537_984n,
  },
  {
    id: 'V9',
    parent: '2001:db8:0:1::/64',
    children: '2001:db8:0:1::1/128',
    // 2001:db8:0:1::/128, then for k = 1…63 the /(128−k) at offset 2^k.
    free: [
      '2001:db8:0:1::/128',
      ...Array.from({ length: 63 }, (_, i) => {
        const k = i + 1;
        return `${formatIPv6(0x20010db8000000010000000000000000n + (1n << BigInt(k)))}/${128 - k}`;
      }),
    ],
    total: 18_446_744_073_709_551_615n,
  },
  { id: 'V10', parent: '::/0', children: '2000::/3', free: ['::/3', '4000::/2', '8000::/1'], total: 297_747_071_055_821_155_530_452_781_502_797_185_024n },
  {
    id: 'V11',
    parent: '2001:db8:ff00::/40',
    children: '2001:db8:ffff:ffff::/64',
    free: list(
      '2001:db8:ff00::/41, 2001:db8:ff80::/42, 2001:db8:ffc0::/43, 2001:db8:ffe0::/44, 2001:db8:fff0::/45, 2001:db8:fff8::/46, 2001:db8:fffc::/47, 2001:db8:fffe::/48, 2001:db8:ffff::/49, 2001:db8:ffff:8000::/50, 2001:db8:ffff:c000::/51, 2001:db8:ffff:e000::/52, 2001:db8:ffff:f000::/53, 2001:db8:ffff:f800::/54, 2001:db8:ffff:fc00::/55, 2001:db8:ffff:fe00::/56, 2001:db8:ffff:ff00::/57, 2001:db8:ffff:ff80::/58, 2001:db8:ffff:ffc0::/59, 2001:db8:ffff:ffe0::/60, 2001:db8:ffff:fff0::/61, 2001:db8:ffff:fff8::/62, 2001:db8:ffff:fffc::/63, 2001:db8:ffff:fffe::/64',
    ),
    total: 309_484_991_374_600_995_015_229_440n,
  },
];

const sum = (ps: Prefix[]) => ps.reduce((n, p) => n + prefixSize(p), 0n);

describe('freePrefixList', () => {
  for (const v of VECTORS) {
    it(`gives the exact free list of ${v.id} (${v.parent} minus ${v.children || 'nothing'})`, () => {
      const { free, issues } = freePrefixList(P(v.parent), Ps(v.children));
      expect(fmt(free)).toEqual(v.free);
      expect(issues).toEqual([]);
    });
    it(`frees exactly the spec's address count in ${v.id}`, () => {
      expect(sum(freePrefixList(P(v.parent), Ps(v.children)).free)).toBe(v.total);
    });
  }

  it('has the spec lengths for V6 (15), V8 (17), V9 (64) and V11 (24, /41 … /64)', () => {
    const count = (id: string) => VECTORS.find((v) => v.id === id)!.free.length;
    expect([count('V6'), count('V8'), count('V9'), count('V11')]).toEqual([15, 17, 64, 24]);
    const v9 = VECTORS.find((v) => v.id === 'V9')!.free;
    expect(v9.slice(1, 3)).toEqual(['2001:db8:0:1::2/127', '2001:db8:0:1::4/126']);
    expect(v9.slice(-2)).toEqual(['2001:db8:0:1:4000::/66', '2001:db8:0:1:8000::/65']);
  });

  it('accepts children in any order', () => {
    const { free } = freePrefixList(P('10.1.0.0/16'), Ps('10.1.32.0/19, 10.1.4.0/24, 10.1.0.0/20'));
    expect(fmt(free)).toEqual(['10.1.16.0/20', '10.1.64.0/18', '10.1.128.0/17']);
  });

  it('reports a child outside the parent and ignores it', () => {
    const { free, issues } = freePrefixList(P('192.0.2.0/24'), Ps('198.51.100.0/24, 192.0.2.0/25'));
    expect(fmt(free)).toEqual(['192.0.2.128/25']);
    expect(issues).toEqual([{ index: 0, child: P('198.51.100.0/24'), kind: 'outside' }]);
  });

  it('reports a child covering the parent and clips it to the parent (nothing free)', () => {
    const { free, issues } = freePrefixList(P('192.0.2.0/24'), Ps('192.0.0.0/16'));
    expect(free).toEqual([]);
    expect(issues.map((i) => i.kind)).toEqual(['partly-outside']);
  });

  it('reports a child of the other family as outside', () => {
    const { issues } = freePrefixList(P('192.0.2.0/24'), Ps('2001:db8::/32'));
    expect(issues.map((i) => [i.index, i.kind])).toEqual([[0, 'outside']]);
  });

  it('handles children at the very top of the IPv4 space', () => {
    expect(fmt(freePrefixList(P('255.255.255.0/24'), Ps('255.255.255.255/32')).free)).toEqual([
      '255.255.255.0/25',
      '255.255.255.128/26',
      '255.255.255.192/27',
      '255.255.255.224/28',
      '255.255.255.240/29',
      '255.255.255.248/30',
      '255.255.255.252/31',
      '255.255.255.254/32',
    ]);
  });

  it('handles the very top of the IPv6 space', () => {
    const { free } = freePrefixList(P('::/0'), Ps('ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/128'));
    expect(free).toHaveLength(128);
    expect(fmt(free).slice(-2)).toEqual(['ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffc/127', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128']);
  });
});

describe('freePrefixes', () => {
  it('streams the free list lazily, so the first blocks of a huge IPv6 parent come at once', () => {
    const gen = freePrefixes(P('::/0'), Ps('::1/128'));
    expect(formatPrefix(gen.next().value as Prefix)).toBe('::/128');
    expect(formatPrefix(gen.next().value as Prefix)).toBe('::2/127');
  });
});

describe('freeRanges', () => {
  it('gives the two gaps of V3 (77 and 178 addresses)', () => {
    const r = freeRanges(P('198.51.100.0/24'), Ps('198.51.100.77/32')) as { start: number; end: number }[];
    expect(r.map((g) => `${formatIPv4(g.start)}-${formatIPv4(g.end)}`)).toEqual(['198.51.100.0-198.51.100.76', '198.51.100.78-198.51.100.255']);
    expect(r.map((g) => g.end - g.start + 1)).toEqual([77, 178]);
  });

  it('gives the three gaps of V6 with their sizes', () => {
    const r = freeRanges(P('0.0.0.0/0'), Ps('10.0.0.0/8, 100.64.0.0/10')) as { start: number; end: number }[];
    expect(r.map((g) => g.end - g.start + 1)).toEqual([167_772_160, 1_497_366_528, 2_608_857_088]);
    expect(formatIPv4(r[1]!.end)).toBe('100.63.255.255');
  });
});

/** Property: the free blocks and the children together cover the parent exactly, with no overlap. */
function checkConservation(parent: Prefix, children: Prefix[]) {
  const free = freePrefixList(parent, children).free;
  const start = BigInt(parent.start);
  const end = BigInt(prefixEnd(parent));
  const freeIv = free.map((p) => [BigInt(p.start), BigInt(prefixEnd(p))] as const);
  // Free blocks: ascending, pairwise disjoint, inside the parent.
  for (let i = 0; i < freeIv.length; i++) {
    expect(freeIv[i]![0] >= start && freeIv[i]![1] <= end).toBe(true);
    if (i > 0) expect(freeIv[i]![0] > freeIv[i - 1]![1]).toBe(true);
  }
  // No free block touches a child.
  for (const c of children) {
    const cs = BigInt(c.start);
    const ce = BigInt(prefixEnd(c));
    for (const [fs, fe] of freeIv) expect(fe < cs || fs > ce).toBe(true);
  }
  // Sizes add up: free + union(children) = parent.
  const used = [...children].map((c) => [BigInt(c.start), BigInt(prefixEnd(c))] as [bigint, bigint]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let union = 0n;
  let curS = -1n;
  let curE = -2n;
  for (const [s, e] of used) {
    if (s > curE + 1n) {
      if (curE >= curS && curS >= 0n) union += curE - curS + 1n;
      curS = s;
      curE = e;
    } else if (e > curE) curE = e;
  }
  if (curS >= 0n) union += curE - curS + 1n;
  expect(sum(free) + union).toBe(end - start + 1n);
}

describe('free space conservation (property)', () => {
  it('free ∪ used = parent exactly, pairwise disjoint, for IPv4 plans', () => {
    fc.assert(
      fc.property(ipv4Plan, ({ parent, children }) => checkConservation(parent, children)),
      { numRuns: 300 },
    );
  });

  it('free ∪ used = parent exactly, pairwise disjoint, for IPv6 plans', () => {
    fc.assert(
      fc.property(ipv6Plan, ({ parent, children }) => checkConservation(parent, children)),
      { numRuns: 300 },
    );
  });
});
