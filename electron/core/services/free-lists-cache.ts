/**
 * The buddy free lists (shared/ip/free-lists.ts) of the parent last allocated from, one per open
 * workspace, valid while the workspace has committed no other change. Building them reads every
 * block inside the parent (a second for a million); after that the Allocate dialog's previews
 * and a run of allocations from the same pool each answer in microseconds (spec §9: ≤ 10 ms).
 *
 * Why this is safe: an entry is used only at the exact change number it was built or last
 * updated at (`Workspace.changeSeq`, which every committed change, undo and redo advances), for
 * the same space and parent, or after changes whose blocks all lie outside the parent or in
 * another space (their events say which: Workspace.prefixChangesSince; a bulk change, or one
 * not seen by this session, counts as touching everything). The only update in place is an allocation's own: the block and its
 * growth reservations are exactly the room the lists answered, taken right after that one change.
 */
import type { Block } from '../../../shared/ip/allocate';
import type { FreeLists } from '../../../shared/ip/free-lists';
import { formatPrefix, prefixEnd, type Prefix } from '../../../shared/ip/prefix';
import type { PrefixFootprint, Workspace } from '../workspace/workspace';
import { keptAtChange } from './kept-at-change';

type Lists = FreeLists<number | bigint>;

const kept = keptAtChange<Lists>();

/** How many times lists were built from the blocks (a test reads it: a change elsewhere must not rebuild). */
export const freeListBuilds = { count: 0 };

/** Whether a change to `b` can change the free space inside `parent` of space `sid`. */
function touches(b: PrefixFootprint, sid: number, parent: Prefix): boolean {
  if (b.spaceId !== sid || b.family !== parent.family) return false;
  const start = BigInt(parent.start);
  const end = BigInt(prefixEnd(parent));
  return b.start <= end && b.end >= start;
}

const keyOf = (sid: number, parent: Prefix) => `${sid} ${formatPrefix(parent)}`;

/**
 * The lists of `parent` in space `sid` as the workspace is now: kept ones if still current, else
 * `build()`. Kept lists stay current across changes that touched no block inside the parent in
 * that space (Workspace.prefixChangesSince): a change elsewhere costs no rebuild.
 */
export function freeListsFor(ws: Workspace, sid: number, parent: Prefix, build: () => Lists): Lists {
  return kept.get(
    ws,
    keyOf(sid, parent),
    () => {
      freeListBuilds.count++;
      return build();
    },
    (keptAt) => {
      const since = ws.prefixChangesSince(keptAt);
      return since !== null && !since.some((b) => touches(b, sid, parent));
    },
  );
}

/**
 * After one change (made at `seqBefore`) recorded exactly `rooms` as used inside `parent`: the
 * kept lists take them and move to the new change number. Anything else drops them.
 */
export function tookFrom(ws: Workspace, seqBefore: number, sid: number, parent: Prefix, rooms: readonly Prefix[]): void {
  kept.advance(ws, seqBefore, keyOf(sid, parent), (lists) => {
    for (const room of rooms) lists.take({ start: room.start, length: room.length } as Block<number | bigint>);
  });
}
