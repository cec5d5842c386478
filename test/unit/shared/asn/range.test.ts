import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableAsnRuns, availableAsns, checkAsnRange, countAvailableAsns, firstAvailableAsn } from '../../../../shared/asn/range';
import { refusalLine } from '../../../support/refusal';

const take = <T>(it: Iterable<T>, n: number): T[] => {
  const out: T[] = [];
  for (const x of it) {
    if (out.length === n) break;
    out.push(x);
  }
  return out;
};

describe('firstAvailableAsn', () => {
  it('gives the range start when nothing is used', () => expect(firstAvailableAsn({ start: 64512, end: 65534 }, [])).toBe(64512));

  it('skips used numbers given in any order', () => {
    expect(firstAvailableAsn({ start: 64512, end: 65534 }, [64513, 64512, 64515])).toBe(64514);
  });

  it('returns null for a full range', () => expect(firstAvailableAsn({ start: 10, end: 11 }, [11, 10])).toBeNull());

  it('ignores used numbers outside the range', () => expect(firstAvailableAsn({ start: 10, end: 20 }, [5, 25])).toBe(10));

  it('works at the top of the 32-bit space', () => {
    expect(firstAvailableAsn({ start: 4294967294, end: 4294967295 }, [4294967294])).toBe(4294967295);
  });
});

describe('availableAsns', () => {
  it('is sorted(range − used), like NetBox get_available_asns', () => {
    expect([...availableAsns({ start: 1, end: 8 }, [3, 7, 4, 3])]).toEqual([1, 2, 5, 6, 8]);
  });

  it('streams a 94-million-number private range without listing it', () => {
    expect(take(availableAsns({ start: 4200000000, end: 4294967294 }, [4200000000, 4200000002]), 3)).toEqual([4200000001, 4200000003, 4200000004]);
  });

  it('equals the set difference for any used list (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 60 }), fc.array(fc.integer({ min: 0, max: 1100 })), (start, span, used) => {
        const range = { start, end: start + span };
        const expected: number[] = [];
        for (let n = range.start; n <= range.end; n++) if (!used.includes(n)) expected.push(n);
        expect([...availableAsns(range, used)]).toEqual(expected);
        expect(countAvailableAsns(range, used)).toBe(expected.length);
      }),
    );
  });
});

describe('availableAsnRuns', () => {
  it('gives the free runs', () => {
    expect([...availableAsnRuns({ start: 1, end: 10 }, [4, 5])]).toEqual([
      { start: 1, end: 3 },
      { start: 6, end: 10 },
    ]);
  });
});

describe('checkAsnRange', () => {
  it('refuses an end not after the start, naming the field end', () => {
    expect(refusalLine(() => checkAsnRange({ start: 5, end: 5 }))).toMatch(/^end: /);
  });

  it('refuses a start outside the ASN space, naming the field start', () => {
    expect(refusalLine(() => checkAsnRange({ start: -1, end: 5 }))).toMatch(/^start: /);
  });

  it('refuses an end above 4294967295', () => {
    expect(refusalLine(() => checkAsnRange({ start: 1, end: 4294967296 }))).toMatch(/^end: /);
  });
});
