/**
 * Free space of a parent given its children: the minimal CIDR list of what is not covered, in
 * ascending order (§6.1, = netaddr `IPSet(parent) − IPSet(children)`, `iter_cidrs()`).
 *
 * The generator forms never materialise the list: a /8 with a million scattered /32 children has
 * over three million free CIDRs, which a UI pages through rather than holds.
 */
import type { IntSpace } from './int-space';
import { gaps, isSortedByStart, type ClipIssue, type Interval } from './interval';
import type { Family, Prefix } from './prefix';
import { blockToPrefix, prefixToInterval, spaceOfFamily } from './prefix-interval';
import { rangeToCidrs, type Block } from './range-to-cidrs';

/** Free blocks of `parent` (space level); children sorted by start, clipped and reported. */
export function* freeBlocks<T extends number | bigint>(
  space: IntSpace<T>,
  parent: Interval<T>,
  sortedChildren: Iterable<Interval<T>>,
  onIssue?: (issue: ClipIssue<T>) => void,
): Generator<Block<T>> {
  for (const gap of gaps(space, parent, sortedChildren, onIssue)) yield* rangeToCidrs(space, gap.start, gap.end);
}

/** A child prefix that does not lie inside the parent (an integrity error of the plan). */
export interface ChildIssue {
  readonly index: number;
  readonly child: Prefix;
  /** `outside`: disjoint from the parent, ignored; `partly-outside`: covers the parent, clipped to it. */
  readonly kind: 'outside' | 'partly-outside';
}

/**
 * Sorted intervals of the children that belong to the parent's family, keeping each one's input
 * position so issues can name it. A child of the other family is reported as outside.
 */
function childIntervals(
  family: Family,
  children: ReadonlyArray<Prefix>,
  onIssue?: (issue: ChildIssue) => void,
): { intervals: Interval<number | bigint>[]; origin: number[] } {
  const tagged: { iv: Interval<number | bigint>; index: number }[] = [];
  children.forEach((child, index) => {
    if (child.family !== family) onIssue?.({ index, child, kind: 'outside' });
    else tagged.push({ iv: prefixToInterval(child), index });
  });
  if (!isSortedByStart(tagged.map((t) => t.iv))) {
    tagged.sort((a, b) => (a.iv.start < b.iv.start ? -1 : a.iv.start > b.iv.start ? 1 : 0));
  }
  return { intervals: tagged.map((t) => t.iv), origin: tagged.map((t) => t.index) };
}

/**
 * Free prefixes of `parent` given child prefixes in any order (sorted here when needed), lazily
 * and in ascending address order. Nested and duplicate children are absorbed; a child that is
 * not inside the parent is reported through `onIssue`.
 */
export function* freePrefixes(parent: Prefix, children: ReadonlyArray<Prefix>, onIssue?: (issue: ChildIssue) => void): Generator<Prefix> {
  const { intervals, origin } = childIntervals(parent.family, children, onIssue);
  const report = (issue: ClipIssue<number | bigint>) => {
    const index = origin[issue.index]!;
    onIssue?.({ index, child: children[index]!, kind: issue.kind });
  };
  if (parent.family === 4) {
    const space = spaceOfFamily(4);
    for (const b of freeBlocks(space, prefixToInterval(parent), intervals as Interval<number>[], report)) {
      yield blockToPrefix(4, b);
    }
  } else {
    const space = spaceOfFamily(6);
    for (const b of freeBlocks(space, prefixToInterval(parent), intervals as Interval<bigint>[], report)) {
      yield blockToPrefix(6, b);
    }
  }
}

/** Array form of freePrefixes with the issues collected. */
export function freePrefixList(parent: Prefix, children: ReadonlyArray<Prefix>): { free: Prefix[]; issues: ChildIssue[] } {
  const issues: ChildIssue[] = [];
  const free = Array.from(freePrefixes(parent, children, (i) => issues.push(i)));
  issues.sort((a, b) => a.index - b.index);
  return { free, issues };
}

/** Gaps of `parent` as address ranges (largest contiguous free runs, §5.5), ascending. */
export function freeRanges(parent: Prefix, children: ReadonlyArray<Prefix>): Interval<number | bigint>[] {
  const { intervals } = childIntervals(parent.family, children);
  if (parent.family === 4) return Array.from(gaps(spaceOfFamily(4), prefixToInterval(parent), intervals as Interval<number>[]));
  return Array.from(gaps(spaceOfFamily(6), prefixToInterval(parent), intervals as Interval<bigint>[]));
}
