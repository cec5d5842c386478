/**
 * Inclusive integer intervals [start, end] and the §6.1 steps on them: clip children to a parent,
 * merge overlapping or touching ones, and walk the gaps between them.
 *
 * Ends are inclusive so the top of the space (2^32 − 1, 2^128 − 1) is representable; every
 * `end + 1` below is computed in a type that cannot overflow there (see IntSpace).
 */
import type { IntSpace } from './int-space';

export interface Interval<T extends number | bigint> {
  readonly start: T;
  readonly end: T;
}

/** Why a child could not be used as given (an integrity error in the plan, never silent). */
export interface ClipIssue<T extends number | bigint> {
  /** Position of the child in the input. */
  readonly index: number;
  readonly child: Interval<T>;
  readonly kind: 'outside' | 'partly-outside';
}

export function compareIntervals<T extends number | bigint>(a: Interval<T>, b: Interval<T>): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return 0;
}

/** Intervals sorted by start, then end (a copy; the input is left alone). */
export function sortIntervals<T extends number | bigint>(intervals: Iterable<Interval<T>>): Interval<T>[] {
  return Array.from(intervals).sort(compareIntervals);
}

/**
 * Clips a child to the parent, reporting it when it had to be cut or dropped.
 * Returns null when nothing of the child lies inside.
 */
export function clipInterval<T extends number | bigint>(
  parent: Interval<T>,
  child: Interval<T>,
  index: number,
  onIssue?: (issue: ClipIssue<T>) => void,
): Interval<T> | null {
  if (child.end < parent.start || child.start > parent.end) {
    onIssue?.({ index, child, kind: 'outside' });
    return null;
  }
  if (child.start < parent.start || child.end > parent.end) {
    onIssue?.({ index, child, kind: 'partly-outside' });
    return {
      start: child.start < parent.start ? parent.start : child.start,
      end: child.end > parent.end ? parent.end : child.end,
    };
  }
  return child;
}

/**
 * Merges overlapping or touching intervals (s ≤ previous end + 1) into a sorted, disjoint,
 * non-adjacent list; absorbs nested and duplicate intervals. Sorts a copy when needed.
 */
export function mergeIntervals<T extends number | bigint>(space: IntSpace<T>, intervals: Iterable<Interval<T>>): Interval<T>[] {
  const sorted = sortIntervals(intervals);
  const out: { start: T; end: T }[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    // Compare `start − 1 ≤ end` rather than `start ≤ end + 1`: at the top of a 53-bit number
    // space end + 1 would still be exact, but this form needs no headroom at all.
    if (last !== undefined && (iv.start === space.zero || space.sub(iv.start, space.one) <= last.end)) {
      if (iv.end > last.end) last.end = iv.end;
    } else {
      out.push({ start: iv.start, end: iv.end });
    }
  }
  return out;
}

/** True when the intervals are in ascending start order (the index order of the workspace). */
export function isSortedByStart<T extends number | bigint>(intervals: ReadonlyArray<Interval<T>>): boolean {
  for (let i = 1; i < intervals.length; i++) if (intervals[i]!.start < intervals[i - 1]!.start) return false;
  return true;
}

/**
 * The gaps of `parent` not covered by `children` (§6.1 step 3), ascending. Children are clipped
 * to the parent (issues reported through `onIssue`); nested, duplicate and overlapping children
 * need no merging first because the cursor only moves forward. Children must be sorted by start
 * (pass `sortIntervals(x)` otherwise); the walk is lazy so a huge table is never copied.
 */
export function* gaps<T extends number | bigint>(
  space: IntSpace<T>,
  parent: Interval<T>,
  sortedChildren: Iterable<Interval<T>>,
  onIssue?: (issue: ClipIssue<T>) => void,
): Generator<Interval<T>> {
  let cursor = parent.start;
  let done = false; // the cursor passed the parent's end (possibly the top of the space)
  let index = 0;
  let previousStart: T | null = null;
  for (const raw of sortedChildren) {
    if (previousStart !== null && raw.start < previousStart) throw new RangeError('children must be sorted by start');
    previousStart = raw.start;
    const child = clipInterval(parent, raw, index++, onIssue);
    if (child === null || done) continue;
    if (child.start > cursor) yield { start: cursor, end: space.sub(child.start, space.one) };
    if (child.end >= cursor) {
      if (child.end === parent.end) done = true;
      else cursor = space.add(child.end, space.one);
    }
  }
  if (!done) yield { start: cursor, end: parent.end };
}
