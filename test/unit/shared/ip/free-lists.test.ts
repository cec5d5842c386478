/**
 * The buddy free lists answer every strategy exactly as allocate.ts's sweeps do, before and after
 * blocks are taken, and a take leaves exactly the free list a rebuild from scratch would give.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestFit, firstFit, lastFit, sparseLeftmost, type Block } from '../../../../shared/ip/allocate';
import { FreeLists } from '../../../../shared/ip/free-lists';
import { freePrefixList } from '../../../../shared/ip/free-space';
import { IPV4_SPACE, IPV6_SPACE, type IntSpace } from '../../../../shared/ip/int-space';
import { formatPrefix, type Prefix } from '../../../../shared/ip/prefix';
import { ipv4Plan, ipv6Plan } from '../../../support/ip-arbitraries';
import { P, Ps } from '../../../support/ip-helpers';

type N = number | bigint;
const spaceOf = (p: Prefix) => (p.family === 4 ? IPV4_SPACE : IPV6_SPACE) as IntSpace<N>;
const block = (p: Prefix): Block<N> => ({ start: p.start, length: p.length });
const free = (parent: Prefix, used: Prefix[]) => freePrefixList(parent, used).free.map(block);
const listsOf = (parent: Prefix, used: Prefix[]) => FreeLists.build(spaceOf(parent), block(parent), free(parent, used));
const asPrefix = (family: 4 | 6, b: Block<N> | null): Prefix | null => (b === null ? null : ({ family, start: b.start, length: b.length } as Prefix));

/** What allocate.ts's sweeps answer for a /length, strategy by strategy. */
function sweeps(parent: Prefix, used: Prefix[], length: number) {
  const space = spaceOf(parent);
  const f = free(parent, used);
  return {
    first: firstFit(space, f, length),
    last: lastFit(space, f, length),
    best: bestFit(space, f, length),
    sparse: sparseLeftmost(space, block(parent), f, length),
  };
}

function answers(lists: FreeLists<N>, length: number) {
  return { first: lists.firstFit(length), last: lists.lastFit(length), best: lists.bestFit(length), sparse: lists.sparse(length) };
}

/** Lengths worth asking: every one for IPv4, the parent's neighbourhood and a few more for IPv6. */
function lengthsFor(parent: Prefix): number[] {
  const bits = parent.family === 4 ? 32 : 128;
  const near = Array.from({ length: 24 }, (_, i) => parent.length + i).filter((l) => l <= bits);
  return parent.family === 4 ? Array.from({ length: 33 }, (_, i) => i) : [...new Set([0, ...near, 64, 127, 128])].filter((l) => l <= bits);
}

describe('FreeLists', () => {
  it('gives §5.2’s first-fit 10.0.0.0/26 and best-fit 10.0.2.64/26, and sparse and last-fit as the sweeps do', () => {
    const parent = P('10.0.0.0/22');
    const used = Ps('10.0.1.0/24, 10.0.2.0/26, 10.0.2.128/25, 10.0.3.0/24');
    const lists = listsOf(parent, used);
    expect(formatPrefix(asPrefix(4, lists.firstFit(26))!)).toBe('10.0.0.0/26');
    expect(formatPrefix(asPrefix(4, lists.bestFit(26))!)).toBe('10.0.2.64/26');
    expect(answers(lists, 26)).toEqual(sweeps(parent, used, 26));
    expect(lists.count).toBe(2);
  });

  for (const [family, plan] of [
    ['IPv4', ipv4Plan],
    ['IPv6', ipv6Plan],
  ] as const) {
    it(`answers every strategy as allocate.ts does, and after each take holds exactly the rebuilt free list (${family}, property)`, () => {
      fc.assert(
        fc.property(
          plan,
          fc.array(fc.tuple(fc.constantFrom('first', 'last', 'best', 'sparse'), fc.nat(40), fc.nat(3)), { maxLength: 8 }),
          ({ parent, children }, takes) => {
            const used: Prefix[] = [...children];
            const lists = listsOf(parent, used);
            const lengths = lengthsFor(parent);
            for (const l of lengths) expect(answers(lists, l)).toEqual(sweeps(parent, used, l));
            for (const [strategy, pick, growth] of takes) {
              const l = lengths[pick % lengths.length]!;
              const room = answers(lists, Math.max(parent.length, l - growth))[strategy as 'first'];
              if (room === null) continue;
              lists.take(room);
              used.push(asPrefix(parent.family, room)!);
              expect(lists.blocks()).toEqual(free(parent, used));
              expect(lists.count).toBe(free(parent, used).length);
              for (const k of lengths) expect(answers(lists, k)).toEqual(sweeps(parent, used, k));
            }
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  it('builds the same lists from IPv4 pairs as from the free list (property)', () => {
    fc.assert(
      fc.property(ipv4Plan, ({ parent, children }) => {
        const pairs = children
          .map((c) => [c.start as number, (c.start as number) + 2 ** (32 - c.length) - 1] as const)
          .sort((a, b) => a[0] - b[0] || a[1] - b[1])
          .flat();
        const fromPairs = FreeLists.buildV4({ start: parent.start, length: parent.length }, pairs);
        expect(fromPairs.blocks()).toEqual(free(parent, children));
        for (const l of lengthsFor(parent)) expect(answers(fromPairs as FreeLists<N>, l)).toEqual(sweeps(parent, children, l));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to take a block that is not entirely free, and changes nothing', () => {
    const parent = P('10.0.0.0/22');
    const used = Ps('10.0.1.0/24');
    const lists = listsOf(parent, used);
    const before = lists.blocks();
    for (const b of ['10.0.1.0/24', '10.0.1.128/25', '10.0.0.0/22', '10.0.0.0/23', '10.0.4.0/24']) {
      expect(() => lists.take(block(P(b)))).toThrow(/not free/);
      expect(lists.blocks()).toEqual(before);
    }
    expect(() => lists.firstFit(33)).toThrow(/length/);
  });

  it('takes the whole parent and the very last IPv6 address', () => {
    const whole = listsOf(P('192.0.2.0/24'), []);
    whole.take(block(P('192.0.2.0/24')));
    expect(whole.count).toBe(0);
    expect(whole.firstFit(32)).toBeNull();
    const top = P('ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff0/124');
    const six = listsOf(top, []);
    six.take(block(P('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128')));
    expect(six.blocks()).toEqual(free(top, [P('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128')]));
    expect(formatPrefix(asPrefix(6, six.lastFit(128))!)).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/128');
  });
});
