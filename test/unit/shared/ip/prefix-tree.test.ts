import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPrefixTree, containingPrefixes, longestMatch } from '../../../../shared/ip/prefix-tree';
import { parseAddress, prefixContains, type Prefix } from '../../../../shared/ip/prefix';
import { ipv4Plan } from '../../../support/ip-arbitraries';
import { Ps } from '../../../support/ip-helpers';

// 0 10.0.0.0/8, 1 10.1.0.0/16, 2 10.1.2.0/24, 3 10.2.0.0/16, 4 10.1.0.0/16 (duplicate), 5 192.0.2.0/24
const PLAN = Ps('10.1.2.0/24, 10.0.0.0/8, 10.2.0.0/16, 10.1.0.0/16, 10.1.0.0/16, 192.0.2.0/24');

describe('buildPrefixTree', () => {
  const tree = buildPrefixTree(PLAN);

  it('finds the closest containing prefix as parent', () => {
    expect(tree.map((n) => n.parent)).toEqual([3, null, 1, 1, 1, null]);
  });

  it('gives the depth as the number of containing prefixes', () => {
    expect(tree.map((n) => n.depth)).toEqual([2, 0, 1, 1, 1, 0]);
  });

  it('counts distinct descendants at any depth, a duplicate counting once (NetBox)', () => {
    expect(tree.map((n) => n.descendants)).toEqual([0, 3, 0, 1, 1, 0]);
  });

  it('keeps the two families apart', () => {
    expect(buildPrefixTree(Ps('::/0, 0.0.0.0/0')).map((n) => n.parent)).toEqual([null, null]);
  });

  it('agrees with the definition: parent = longest strictly containing prefix (property)', () => {
    fc.assert(
      fc.property(ipv4Plan, ({ parent, children }) => {
        const all: Prefix[] = [parent, ...children];
        const tree = buildPrefixTree(all);
        all.forEach((p, i) => {
          const containing = all.filter((q) => prefixContains(q, p) && q.length < p.length);
          const distinct = new Set(containing.map((q) => q.length));
          expect(tree[i]!.depth).toBe(distinct.size);
          const parentIndex = tree[i]!.parent;
          if (containing.length === 0) expect(parentIndex).toBeNull();
          else expect(all[parentIndex!]!.length).toBe(Math.max(...containing.map((q) => q.length)));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('containingPrefixes', () => {
  it('answers "who holds 10.1.2.3?" outermost first, duplicates included', () => {
    expect(containingPrefixes(PLAN, parseAddress('10.1.2.3'))).toEqual([1, 3, 4, 0]);
  });

  it('is empty for an address no prefix holds', () => {
    expect(containingPrefixes(PLAN, parseAddress('198.51.100.1'))).toEqual([]);
  });

  it('ignores prefixes of the other family', () => {
    expect(containingPrefixes(Ps('::/0'), parseAddress('10.0.0.1'))).toEqual([]);
  });
});

describe('longestMatch', () => {
  it('gives the most specific holder', () => expect(longestMatch(PLAN, parseAddress('10.1.2.3'))).toBe(0));

  it('is null when nothing holds the address', () => expect(longestMatch(PLAN, parseAddress('11.0.0.1'))).toBeNull());
});
