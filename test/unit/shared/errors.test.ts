/**
 * A message names its field in front (`invalid`), in plain words for a nested path; the places
 * that show the field themselves take the bare problem back with `problemOf`, whichever way the
 * field was written (issue 18: one home for the stripping that eight places did by hand).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldWords, invalid, problemOf } from '../../../shared/errors';

const segment = fc.constantFrom('items', 'holdings', 'nameplateW', 'prefix', 'ups', 'ratedW', 'contacts', 'email');
const path = fc.array(fc.oneof(segment, fc.nat({ max: 20 }).map(String)), { minLength: 1, maxLength: 4 }).map((p) => p.join('.'));
const problem = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.startsWith(' '));

describe('problemOf', () => {
  it('takes back the problem invalid() was given, for any field path', () => {
    fc.assert(
      fc.property(path, problem, (field, text) => {
        expect(problemOf(field, invalid(field, text).message)).toBe(text);
      }),
    );
  });

  it('strips a field named by its path or in words, and leaves other messages alone', () => {
    expect(problemOf('items.2.measuredW', 'items.2.measuredW: must be a number')).toBe('must be a number');
    expect(problemOf('items.2.measuredW', `${fieldWords('items.2.measuredW')}: must be a number`)).toBe('must be a number');
    expect(problemOf('ratedW', 'the UPS is overloaded')).toBe('the UPS is overloaded');
    expect(problemOf(undefined, 'ratedW: x')).toBe('ratedW: x');
  });
});
