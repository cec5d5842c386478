/**
 * The draft rule behind every Settings and Requests form: a field the planner has not edited
 * follows the store; an edited one keeps the edit; a save sends only the edited fields.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changes, rebase, settle } from '../../../renderer/components/useDraft';

const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 3 })));

describe('rebase', () => {
  it('an untouched draft becomes the new stored values', () => {
    fc.assert(
      fc.property(record, record, (base, next) => {
        expect(rebase(base, { ...base }, next)).toEqual(next);
      }),
    );
  });

  it('an edited field keeps the edit while the store moves; the others follow it', () => {
    fc.assert(
      fc.property(record, record, fc.string({ minLength: 4, maxLength: 6 }), (base, next, typed) => {
        const key = 'a';
        const draft = { ...base, [key]: typed }; // typed is never a stored value (those are ≤ 3 long)
        const out = rebase(base, draft, { ...next, [key]: 'x' });
        expect(out[key]).toBe(typed);
        for (const k of Object.keys(next)) if (k !== key) expect(out[k]).toEqual(next[k]);
      }),
    );
  });

  it('drops an edit of a field that was removed elsewhere, keeps a field the planner added', () => {
    expect(rebase({ a: 1, b: 2 }, { a: 5, b: 2, c: 9 }, { b: 2 })).toEqual({ b: 2, c: 9 });
  });
});

describe('changes', () => {
  it('is empty for an untouched draft and holds exactly the edited fields otherwise', () => {
    expect(changes({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toEqual({});
    expect(changes({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] })).toEqual({ b: [1, 3] });
    fc.assert(
      fc.property(record, record, (stored, draft) => {
        const c = changes(stored, draft);
        for (const k of Object.keys(draft)) expect(k in c).toBe(JSON.stringify(draft[k]) !== JSON.stringify(stored[k]));
      }),
    );
  });
});

describe('settle (after a save)', () => {
  it('each field sent and not typed over since shows what was stored; the others are left as they are', () => {
    fc.assert(
      fc.property(record, record, record, fc.boolean(), (draft, after, extra, typedOver) => {
        const keys = Object.keys(draft);
        const sent: Record<string, string | number> = {};
        for (const k of keys.slice(0, 2)) sent[k] = draft[k]!;
        const now = { ...draft, ...extra };
        if (typedOver && keys[0] !== undefined) now[keys[0]] = 'typed again';
        const out = settle(now, sent, after);
        for (const k of Object.keys(now)) {
          const untouched = k in sent && JSON.stringify(now[k]) === JSON.stringify(sent[k]);
          expect(out[k]).toEqual(untouched ? after[k] : now[k]);
        }
      }),
    );
  });

  it('a trimmed value shows trimmed, and then follows the store (an undo) instead of staying as typed', () => {
    const stored = { email: '' };
    const typed = { email: ' ana@example.net ' };
    const after = { email: 'ana@example.net' };
    const shown = settle(typed, changes(stored, typed), after);
    expect(shown).toEqual(after);
    // The undo brings back the old stored value: the form follows it.
    expect(rebase(after, shown, stored)).toEqual(stored);
    // Without settle, the typed text stayed and hid the undo.
    expect(rebase(after, typed, stored)).toEqual(typed);
  });
});
