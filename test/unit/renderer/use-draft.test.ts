/**
 * The draft rule behind every Settings and Requests form: a field the planner has not edited
 * follows the store; an edited one keeps the edit; a save sends only the edited fields.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changes, rebase } from '../../../renderer/components/useDraft';

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
