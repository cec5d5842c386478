/**
 * A form's draft over values that can change under it (a save of another form on the screen, a
 * second window, an undo): every field the planner has not edited follows the stored value;
 * every field they edited keeps what they typed until it is saved. A save sends `changes` only,
 * so a form never writes back a value the planner did not touch (issue 10's read-after-save
 * rule; the facility editors do the same with their own typed drafts).
 */
import { useCallback, useState } from 'react';

export type Fields = Record<string, unknown>;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The draft once the stored values moved from `base` to `next`: fields left alone take the new
 * value; fields the planner edited keep the edit, unless the field has gone from the store
 * (a row removed elsewhere) and was not the planner's own new field.
 */
export function rebase<T extends Fields>(base: T, draft: T, next: T): T {
  const out: Fields = { ...next };
  for (const k of Object.keys(draft)) {
    if (same(draft[k], base[k])) continue;
    if (k in next || !(k in base)) out[k] = draft[k];
  }
  return out as T;
}

/** The fields whose draft differs from the stored value: what a save sends. */
export function changes<T extends Fields>(stored: T, draft: T): Partial<T> {
  const out: Fields = {};
  for (const k of Object.keys(draft)) if (!same(draft[k], stored[k])) out[k] = draft[k];
  return out as Partial<T>;
}

export interface DraftState<T extends Fields> {
  /** What the form shows; null until the stored values first arrive. */
  draft: T | null;
  /** Edits fields of the draft. */
  set(patch: Partial<T>): void;
  /** The edited fields, against the values stored now. */
  changes: Partial<T>;
}

export function useDraft<T extends Fields>(stored: T | null): DraftState<T> {
  const [state, setState] = useState<{ base: T; draft: T } | null>(stored ? { base: stored, draft: stored } : null);
  // New stored values rebase the draft during render (React's "adjusting state when a prop
  // changes"), so no frame ever shows the draft over the wrong base.
  if (stored && state?.base !== stored) setState({ base: stored, draft: state ? rebase(state.base, state.draft, stored) : stored });
  const set = useCallback((patch: Partial<T>) => setState((prev) => (prev ? { ...prev, draft: { ...prev.draft, ...patch } } : prev)), []);
  return { draft: state?.draft ?? null, set, changes: state ? changes(state.base, state.draft) : {} };
}
