/**
 * A block's lifecycle and where it may sit (docs/registry.md): the rules every client follows,
 * in one place, pure.
 *
 * - `cooldown`: a released assignment. It still holds its space until its date (the end of the
 *   cooldown: routes and caches elsewhere still point at it), then its space is free again.
 * - `planned`: a block that will exist from its date. It holds its space (shown, never handed
 *   out) and counts as nothing used.
 *
 * `holdsSpace` is THE rule the allocator follows: a block that holds space is never picked by
 * any strategy, and nothing is picked inside it.
 */
import { formatPrefix, prefixContains, type Prefix } from './prefix';

export interface LifecycleBlock {
  status: string;
  /** YYYY-MM-DD: for `cooldown` the day the space is free again; for `planned` the day it exists. */
  date: string | null;
}

/** Default cooldown of a released assignment, in days (CLI.md `prefix release`). */
export const DEFAULT_COOLDOWN_DAYS = 180;

/** Whole days after a YYYY-MM-DD day, as YYYY-MM-DD (UTC calendar days): shared/dates.ts. */
export { addDays } from '../dates';

/**
 * Whether a recorded block still holds its space on `today` (YYYY-MM-DD): every block does,
 * except a `cooldown` block from its end date on (its space is free again that day).
 */
export function holdsSpace(block: LifecycleBlock, today: string): boolean {
  if (block.status !== 'cooldown') return true;
  return block.date === null || block.date > today;
}

/** Whether the allocator may pick blocks inside a block of this status (`allocate --from`). */
export function allocatesInside(block: LifecycleBlock): string | null {
  if (block.status === 'cooldown') return 'is in cooldown: nothing is allocated inside a released block';
  if (block.status === 'planned') return `is planned${block.date ? ` from ${block.date}` : ''}: nothing is allocated inside a block that does not exist yet`;
  return null;
}

/**
 * Why a block of `status` may not sit where it is, or null: `parent` is the block directly
 * holding it (or null), `children` the statuses of the blocks directly inside it.
 */
export function statusRefusal(status: string, parent: string | null, children: readonly string[]): string | null {
  if (parent === 'cooldown') return 'the block around it is in cooldown, which holds no blocks';
  if (parent === 'planned' && status !== 'planned' && status !== 'reserved') {
    return 'the block around it is only planned: a block inside it can be planned or reserved, not ' + status;
  }
  if (status === 'cooldown' && children.length > 0) {
    return `it holds ${children.length} block${children.length === 1 ? '' : 's'}; release or remove ${children.length === 1 ? 'it' : 'them'} first`;
  }
  if (status === 'planned') {
    const live = children.filter((c) => c !== 'planned' && c !== 'reserved').length;
    if (live > 0) return `it holds ${live} block${live === 1 ? '' : 's'} in use; a planned block holds only planned or reserved blocks`;
  }
  return null;
}

const TEN_SLASH_8: Prefix = { family: 4, start: 0x0a000000, length: 8 };

/**
 * What a planner should look at twice, without it being refused (issue 14, item 5): `ancestors`
 * are the statuses of the blocks holding it, nearest first.
 */
export function placementWarnings(block: { prefix: Prefix; status: string; space: string }, ancestors: readonly string[]): string[] {
  const out: string[] = [];
  const text = formatPrefix(block.prefix);
  if (
    block.status === 'assigned' &&
    block.space === 'global' &&
    block.prefix.family === 4 &&
    block.prefix.length <= 8 &&
    prefixContains(block.prefix, TEN_SLASH_8)
  ) {
    out.push(`${text} is assigned whole in the global space: 10.0.0.0/8 is private (RFC 1918); plan it in its own address space, and assign parts of it`);
  }
  if (block.status === 'aggregate' && ancestors.includes('aggregate')) {
    out.push(`${text} is an aggregate inside another aggregate: an aggregate is space you hold from an RIR or upstream, so the outer one already counts it`);
  }
  if (block.status === 'allocated' && ancestors.includes('assigned')) {
    out.push(`${text} is allocated inside an assignment: an assignment is in use as a whole, so nothing is allocated from it`);
  }
  return out;
}
