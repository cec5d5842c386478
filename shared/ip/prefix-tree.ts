/**
 * Parent, depth and descendant count of each prefix of one space (one VRF), computed, never
 * stored (§3.2). NetBox `rebuild_prefixes`: one pass over the prefixes sorted by (network,
 * length) with a stack; push when the top contains the next prefix, else pop until it does;
 * duplicates share a stack entry. O(n log n) for the sort, linear after.
 */
import { comparePrefixes, prefixContains, type Address, type Prefix } from './prefix';

export interface PrefixNode {
  /** Index (in the input) of the closest strictly containing prefix; null at the root. */
  readonly parent: number | null;
  /** Number of strictly containing prefixes (NetBox `_depth`). */
  readonly depth: number;
  /** Distinct prefixes strictly inside, at any depth (NetBox `_children`: a duplicate is not pushed, so counts once). */
  readonly descendants: number;
}

const strictlyContains = (outer: Prefix, inner: Prefix): boolean =>
  prefixContains(outer, inner) && !(outer.length === inner.length && outer.start === inner.start);

/** One node per input prefix, in input order. Mixed families simply form separate trees. */
export function buildPrefixTree(prefixes: ReadonlyArray<Prefix>): PrefixNode[] {
  const order = prefixes.map((_, i) => i).sort((a, b) => comparePrefixes(prefixes[a]!, prefixes[b]!) || a - b);
  const out = new Array<{ parent: number | null; depth: number; descendants: number }>(prefixes.length);
  // Each stack entry is one distinct prefix with every input index that spells it.
  const stack: { prefix: Prefix; indexes: number[]; descendants: number }[] = [];
  const pop = () => {
    const node = stack.pop()!;
    for (const i of node.indexes) out[i]!.descendants = node.descendants;
  };
  for (const i of order) {
    const p = prefixes[i]!;
    const top = stack[stack.length - 1];
    if (top && top.prefix.length === p.length && top.prefix.start === p.start && top.prefix.family === p.family) {
      top.indexes.push(i);
      out[i] = { parent: out[top.indexes[0]!]!.parent, depth: stack.length - 1, descendants: 0 };
      continue;
    }
    while (stack.length > 0 && !strictlyContains(stack[stack.length - 1]!.prefix, p)) pop();
    for (const node of stack) node.descendants++;
    const parentNode = stack[stack.length - 1];
    out[i] = { parent: parentNode ? parentNode.indexes[0]! : null, depth: stack.length, descendants: 0 };
    stack.push({ prefix: p, indexes: [i], descendants: 0 });
  }
  while (stack.length > 0) pop();
  return out;
}

/** True when `p` holds the address. */
function holds(p: Prefix, a: Address): boolean {
  if (p.family !== a.family) return false;
  return prefixContains(p, { family: a.family, start: a.value, length: p.family === 4 ? 32 : 128 } as Prefix);
}

/** "Who holds 10.2.3.4?": indexes of the prefixes containing the address, outermost first. */
export function containingPrefixes(prefixes: ReadonlyArray<Prefix>, address: Address): number[] {
  const hits: number[] = [];
  prefixes.forEach((p, i) => {
    if (holds(p, address)) hits.push(i);
  });
  return hits.sort((a, b) => prefixes[a]!.length - prefixes[b]!.length || a - b);
}

/** The most specific prefix holding the address (longest match), or null. */
export function longestMatch(prefixes: ReadonlyArray<Prefix>, address: Address): number | null {
  const hits = containingPrefixes(prefixes, address);
  return hits.length === 0 ? null : hits[hits.length - 1]!;
}
