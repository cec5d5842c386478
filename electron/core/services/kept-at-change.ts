/**
 * The one way a service keeps a value computed from the workspace: per open workspace, at the
 * change number it was computed at (`Workspace.changeSeq`, which every committed change, undo
 * and redo advances, and which starts again with each open). A kept value is given back only at
 * that same number and for the same key; after any change it is computed again, unless the
 * caller shows that the changes since leave it true (`stillCurrent`, e.g. from
 * Workspace.prefixChangesSince), or updates it itself right after its own change (`advance`).
 *
 * Entries hang off the workspace object (a WeakMap), so a closed workspace takes its values with
 * it and two open workspaces never see each other's.
 */

/** What a kept value depends on: the workspace's change number. */
export interface ChangeNumbered {
  readonly changeSeq: number;
}

interface Entry<V> {
  seq: number;
  key: string;
  value: V;
}

export interface KeptAtChange<V> {
  /**
   * The value for `key` as the workspace is now: the kept one if it was kept at this change
   * number, or at an earlier one that `stillCurrent(keptAt, value)` vouches for (it may bring the
   * value up to date in place first); else `build()`, kept.
   */
  get(ws: ChangeNumbered, key: string, build: () => V, stillCurrent?: (keptAt: number, value: V) => boolean): V;
  /**
   * After exactly one change, made by the caller at `seqBefore`: `update` brings the kept value
   * for `key` up to date in place and it moves to the new number. Anything else (another key,
   * another change in between, `update` throwing) drops it.
   */
  advance(ws: ChangeNumbered, seqBefore: number, key: string, update: (value: V) => void): void;
  /** Forgets what is kept for `ws`. */
  drop(ws: ChangeNumbered): void;
}

/** A cache of one value per open workspace, kept at a change number. */
export function keptAtChange<V>(): KeptAtChange<V> {
  const entries = new WeakMap<ChangeNumbered, Entry<V>>();
  return {
    get(ws, key, build, stillCurrent) {
      const e = entries.get(ws);
      if (e && e.key === key) {
        if (e.seq === ws.changeSeq) return e.value;
        if (stillCurrent?.(e.seq, e.value)) {
          e.seq = ws.changeSeq;
          return e.value;
        }
      }
      const value = build();
      entries.set(ws, { seq: ws.changeSeq, key, value });
      return value;
    },
    advance(ws, seqBefore, key, update) {
      const e = entries.get(ws);
      if (!e || e.seq !== seqBefore || ws.changeSeq !== seqBefore + 1 || e.key !== key) {
        entries.delete(ws);
        return;
      }
      try {
        update(e.value);
        e.seq = ws.changeSeq;
      } catch {
        entries.delete(ws);
      }
    },
    drop(ws) {
      entries.delete(ws);
    },
  };
}
