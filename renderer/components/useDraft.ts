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

/**
 * The draft once a save of `sent` (the edited fields as they were when the save went out) was
 * answered with the values now stored, `after`: each field sent and not typed over since shows
 * what was stored (trimmed, upper-cased, a row without a name dropped), so the form reads what
 * the file holds and follows the store from then on (a later undo, another window). A field
 * typed over while the save was on its way keeps the planner's text.
 */
export function settle<T extends Fields>(draft: T, sent: Partial<T>, after: T): T {
  const out: Fields = { ...draft };
  for (const k of Object.keys(sent)) if (same(draft[k], sent[k])) out[k] = after[k];
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
  /** After a save of `sent` (a copy of `changes` taken when it went out): show `after`, the values it stored. */
  saved(sent: Partial<T>, after: T): void;
}

export function useDraft<T extends Fields>(stored: T | null): DraftState<T> {
  const [state, setState] = useState<{ base: T; draft: T } | null>(stored ? { base: stored, draft: stored } : null);
  // New stored values rebase the draft during render (React's "adjusting state when a prop
  // changes"), so no frame ever shows the draft over the wrong base.
  if (stored && state?.base !== stored) setState({ base: stored, draft: state ? rebase(state.base, state.draft, stored) : stored });
  const set = useCallback((patch: Partial<T>) => setState((prev) => (prev ? { ...prev, draft: { ...prev.draft, ...patch } } : prev)), []);
  const saved = useCallback((sent: Partial<T>, after: T) => setState((prev) => (prev ? { ...prev, draft: settle(prev.draft, sent, after) } : prev)), []);
  return { draft: state?.draft ?? null, set, changes: state ? changes(state.base, state.draft) : {}, saved };
}
