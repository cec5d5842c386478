import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestFit, firstFit, growthReserve, lastFit, sparseLeftmost } from '../../../../shared/ip/allocate';
import { allocatePrefix, type AllocateOptions } from '../../../../shared/ip/allocate-prefix';
import { IPV4_SPACE } from '../../../../shared/ip/int-space';
import { freePrefixList } from '../../../../shared/ip/free-space';
import { countFitting, summarizeFreePrefixes } from '../../../../shared/ip/free-summary';
import { formatPrefix, ipv4Network, prefixContains, prefixEnd, type IPv4Prefix, type Prefix } from '../../../../shared/ip/prefix';
import { smallIpv4Plan } from '../../../support/ip-arbitraries';
import { fmt, P, Ps } from '../../../support/ip-helpers';

const PARENT_52 = P('10.0.0.0/22');
const USED_52 = Ps('10.0.1.0/24, 10.0.2.0/26, 10.0.2.128/25, 10.0.3.0/24');

const give = (parent: Prefix, used: Prefix[], length: number, options: AllocateOptions) => {
  const got = allocatePrefix(parent, used, length, options);
  return got === null ? null : formatPrefix(got.prefix);
};

/** Allocates `n` times in a row, each allocation becoming a child for the next. */
function sequence(parent: Prefix, length: number, n: number, options: AllocateOptions): string[] {
  const used: Prefix[] = [];
  for (let i = 0; i < n; i++) used.push(allocatePrefix(parent, used, length, options)!.prefix);
  return fmt(used);
}

describe('allocatePrefix with first-fit', () => {
  it('gives 10.0.0.0/26 in the §5.2 example', () => {
    expect(give(PARENT_52, USED_52, 26, { strategy: 'first-fit' })).toBe('10.0.0.0/26');
  });

  it('is the default strategy', () => {
    expect(give(PARENT_52, USED_52, 26, {})).toBe('10.0.0.0/26');
  });

  it('gives 10.0.3.0/24 in the §5.4 example, next to a used buddy', () => {
    expect(give(P('10.0.0.0/16'), Ps('10.0.0.0/24, 10.0.2.0/24, 10.0.1.0/24'), 24, {})).toBe('10.0.3.0/24');
  });

  it('returns null when nothing of the length fits', () => {
    expect(give(PARENT_52, USED_52, 23, {})).toBeNull();
  });

  it('returns null for a request shorter than the parent', () => {
    expect(give(PARENT_52, [], 21, {})).toBeNull();
  });

  it('refuses a length outside the family, naming the field', () => {
    expect(() => allocatePrefix(PARENT_52, [], 33)).toThrow(/length/);
  });

  it('can allocate the last address of the IPv6 space', () => {
    const all = P('ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127');
    expect(give(all, Ps('ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/128'), 128, {})).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128');
  });
});

describe('allocatePrefix with best-fit', () => {
  it('gives 10.0.2.64/26 in the §5.2 example, keeping the /24 whole', () => {
    expect(give(PARENT_52, USED_52, 26, { strategy: 'best-fit' })).toBe('10.0.2.64/26');
  });

  it('breaks ties by the lowest address', () => {
    expect(give(P('10.0.0.0/24'), Ps('10.0.0.64/26, 10.0.0.192/26'), 26, { strategy: 'best-fit' })).toBe('10.0.0.0/26');
  });
});

describe('allocatePrefix with last-fit', () => {
  it('gives 10.0.2.64/26 in the §5.2 example', () => {
    expect(give(PARENT_52, USED_52, 26, { strategy: 'last-fit' })).toBe('10.0.2.64/26');
  });

  it('takes the top of the highest free block', () => {
    expect(give(P('10.0.0.0/22'), Ps('10.0.3.0/24'), 26, { strategy: 'last-fit' })).toBe('10.0.2.192/26');
  });

  it('reaches the top of the IPv4 space', () => {
    expect(give(P('0.0.0.0/0'), [], 32, { strategy: 'last-fit' })).toBe('255.255.255.255/32');
  });
});

describe('allocatePrefix with sparse (RFC 3531 leftmost)', () => {
  it('gives the §5.3 leftmost order for /36s of 2001:db8::/32', () => {
    expect(sequence(P('2001:db8::/32'), 36, 6, { strategy: 'sparse' })).toEqual([
      '2001:db8::/36',
      '2001:db8:8000::/36',
      '2001:db8:4000::/36',
      '2001:db8:c000::/36',
      '2001:db8:2000::/36',
      '2001:db8:a000::/36',
    ]);
  });

  it('gives the §5.3 leftmost order for /48s of 2001:db8::/32 (k = 16)', () => {
    expect(sequence(P('2001:db8::/32'), 48, 6, { strategy: 'sparse' })).toEqual([
      '2001:db8::/48',
      '2001:db8:8000::/48',
      '2001:db8:4000::/48',
      '2001:db8:c000::/48',
      '2001:db8:2000::/48',
      '2001:db8:a000::/48',
    ]);
  });

  it('skips a candidate that is not entirely free', () => {
    expect(give(P('2001:db8::/32'), Ps('2001:db8::/36, 2001:db8:8000::/40'), 36, { strategy: 'sparse' })).toBe('2001:db8:4000::/36');
  });

  it('leaves two bits of growth room to each child after four allocations', () => {
    const used = sequence(P('2001:db8::/32'), 36, 4, { strategy: 'sparse' }).map(P);
    // Each /36 can still become a /34: its /34 holds no other allocation.
    for (const child of used) {
      const grown = { ...child, length: 34, start: child.start } as Prefix;
      expect(used.filter((u) => prefixContains(grown, u))).toHaveLength(1);
    }
  });
});

describe('allocatePrefix with growth reserve', () => {
  const parent = P('10.0.0.0/16');
  const used = Ps('10.0.0.0/24, 10.0.2.0/24, 10.0.1.0/24');

  it('with g = 1 assigns 10.0.4.0/24 and reserves 10.0.5.0/24 (§5.4)', () => {
    const got = allocatePrefix(parent, used, 24, { strategy: 'growth', growthBits: 1 })!;
    expect([formatPrefix(got.prefix), fmt(got.reservations)]).toEqual(['10.0.4.0/24', ['10.0.5.0/24']]);
  });

  it('with g = 2 assigns 10.0.4.0/24 and reserves 10.0.5.0/24 + 10.0.6.0/23 (§5.4)', () => {
    const got = allocatePrefix(parent, used, 24, { strategy: 'growth', growthBits: 2 })!;
    expect([formatPrefix(got.prefix), fmt(got.reservations)]).toEqual(['10.0.4.0/24', ['10.0.5.0/24', '10.0.6.0/23']]);
  });

  it('with g = 0 is plain first-fit without reservations', () => {
    const got = allocatePrefix(parent, used, 24, { strategy: 'growth', growthBits: 0 })!;
    expect([formatPrefix(got.prefix), got.reservations]).toEqual(['10.0.3.0/24', []]);
  });

  it('returns null when no block of length − g is free', () => {
    expect(allocatePrefix(P('10.0.0.0/23'), Ps('10.0.0.0/24'), 24, { strategy: 'growth', growthBits: 1 })).toBeNull();
  });
});

/** Every aligned /length inside the parent that no child overlaps, ascending (brute force). */
function freeCandidates(parent: IPv4Prefix, children: IPv4Prefix[], length: number): number[] {
  const out: number[] = [];
  const step = 2 ** (32 - length);
  for (let s = parent.start; s <= prefixEnd(parent); s += step) {
    const e = s + step - 1;
    if (children.every((c) => prefixEnd(c) < s || c.start > e)) out.push(s);
  }
  return out;
}

const planAndLength = smallIpv4Plan.chain((plan) => fc.record({ plan: fc.constant(plan), length: fc.integer({ min: plan.parent.length, max: 32 }) }));

describe('allocation strategies (properties)', () => {
  for (const strategy of ['first-fit', 'last-fit', 'best-fit', 'sparse', 'growth'] as const) {
    it(`${strategy} gives a block that is free, aligned and inside its parent, or null only when none is`, () => {
      fc.assert(
        fc.property(planAndLength, fc.integer({ min: 0, max: 3 }), ({ plan: { parent, children }, length }, g) => {
          const got = allocatePrefix(parent, children, length, { strategy, growthBits: g });
          const candidates = freeCandidates(parent, children, strategy === 'growth' ? Math.max(parent.length, length - g) : length);
          if (got === null) {
            expect(strategy === 'growth' ? length - g < parent.length || candidates.length === 0 : candidates.length === 0).toBe(true);
            return;
          }
          const p = got.prefix as IPv4Prefix;
          expect(p.length).toBe(length);
          expect(ipv4Network(p.start, length)).toBe(p.start);
          expect(prefixContains(parent, p)).toBe(true);
          expect(freeCandidates(parent, children, length)).toContain(p.start);
          for (const r of got.reservations) expect(freeCandidates(parent, children, r.length)).toContain(r.start);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('first-fit returns the lowest free aligned block', () => {
    fc.assert(
      fc.property(planAndLength, ({ plan: { parent, children }, length }) => {
        const got = allocatePrefix(parent, children, length, { strategy: 'first-fit' });
        expect(got === null ? null : got.prefix.start).toBe(freeCandidates(parent, children, length)[0] ?? null);
      }),
      { numRuns: 300 },
    );
  });

  it('last-fit returns the highest free aligned block', () => {
    fc.assert(
      fc.property(planAndLength, ({ plan: { parent, children }, length }) => {
        const got = allocatePrefix(parent, children, length, { strategy: 'last-fit' });
        expect(got === null ? null : got.prefix.start).toBe(freeCandidates(parent, children, length).at(-1) ?? null);
      }),
      { numRuns: 300 },
    );
  });

  it('best-fit lands at the start of the smallest free CIDR that can hold the request', () => {
    fc.assert(
      fc.property(planAndLength, ({ plan: { parent, children }, length }) => {
        const free = freePrefixList(parent, children).free.filter((f) => f.length <= length);
        const got = allocatePrefix(parent, children, length, { strategy: 'best-fit' });
        if (free.length === 0) {
          expect(got).toBeNull();
          return;
        }
        const smallest = Math.max(...free.map((f) => f.length));
        expect(got!.prefix.start).toBe(free.find((f) => f.length === smallest)!.start);
      }),
      { numRuns: 300 },
    );
  });

  it('sparse returns the first entirely free candidate in bit-reversed counter order', () => {
    const reverse = (i: number, k: number) => {
      let r = 0;
      for (let b = 0; b < k; b++) r = r * 2 + ((i >> b) & 1);
      return r;
    };
    fc.assert(
      fc.property(planAndLength, ({ plan: { parent, children }, length }) => {
        const k = length - parent.length;
        const free = new Set(freeCandidates(parent, children, length));
        let expected: number | null = null;
        for (let i = 0; i < 2 ** k && expected === null; i++) {
          const start = parent.start + reverse(i, k) * 2 ** (32 - length);
          if (free.has(start)) expected = start;
        }
        const got = allocatePrefix(parent, children, length, { strategy: 'sparse' });
        expect(got === null ? null : got.prefix.start).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('space-level strategies', () => {
  const free = [
    { start: 0, length: 26 },
    { start: 128, length: 25 },
  ];

  it('firstFit, lastFit and bestFit read the free list directly', () => {
    expect([firstFit(IPV4_SPACE, free, 26), lastFit(IPV4_SPACE, free, 26), bestFit(IPV4_SPACE, free, 26)]).toEqual([
      { start: 0, length: 26 },
      { start: 192, length: 26 },
      { start: 0, length: 26 },
    ]);
  });

  it('sparseLeftmost returns null when the request is shorter than the parent', () => {
    expect(sparseLeftmost(IPV4_SPACE, { start: 0, length: 24 }, free, 23)).toBeNull();
  });

  it('growthReserve refuses a negative growth', () => {
    expect(() => growthReserve(IPV4_SPACE, free, 26, -1)).toThrow(RangeError);
  });

  it('all refuse a length outside the space', () => {
    expect(() => firstFit(IPV4_SPACE, free, 33)).toThrow(RangeError);
  });
});

describe('allocating until full (property)', () => {
  for (const strategy of ['first-fit', 'last-fit', 'best-fit', 'sparse'] as const) {
    it(`${strategy} places exactly "how many /L still fit" blocks, never overlapping`, () => {
      fc.assert(
        fc.property(
          smallIpv4Plan.chain((plan) =>
            fc.record({ plan: fc.constant(plan), length: fc.integer({ min: plan.parent.length, max: Math.min(32, plan.parent.length + 6) }) }),
          ),
          ({ plan: { parent, children }, length }) => {
            const expected = countFitting(summarizeFreePrefixes(parent, children), length);
            const used: Prefix[] = [...children];
            let placed = 0n;
            for (;;) {
              const got = allocatePrefix(parent, used, length, { strategy });
              if (got === null) break;
              for (const u of used) expect(prefixContains(u, got.prefix) || prefixContains(got.prefix, u)).toBe(false);
              used.push(got.prefix);
              placed++;
            }
            expect(placed).toBe(expected);
          },
        ),
        { numRuns: 100 },
      );
    });
  }
});
