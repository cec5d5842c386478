import { describe, expect, it } from 'vitest';
import { classifyAsn, IANA_RESERVED_ASNS, ownAsnWarning, SPECIAL_ASNS, specialAsnCount } from '../../../../shared/asn/special';

describe('SPECIAL_ASNS', () => {
  it('has the §2.3 rows with the counts computed from their bounds', () => {
    expect(SPECIAL_ASNS.map((r) => [r.first, r.last, specialAsnCount(r)])).toEqual([
      [0, 0, 1],
      [112, 112, 1],
      [23456, 23456, 1],
      [64496, 64511, 16],
      [64512, 65534, 1023],
      [65535, 65535, 1],
      [65536, 65551, 16],
      [4200000000, 4294967294, 94_967_295],
      [4294967295, 4294967295, 1],
    ]);
  });

  it('is sorted and its rows do not overlap', () => {
    for (let i = 1; i < SPECIAL_ASNS.length; i++) expect(SPECIAL_ASNS[i]!.first).toBeGreaterThan(SPECIAL_ASNS[i - 1]!.last);
  });
});

describe('IANA_RESERVED_ASNS', () => {
  it('covers 65552–131071, 65,520 numbers', () => {
    expect([IANA_RESERVED_ASNS.first, IANA_RESERVED_ASNS.last, specialAsnCount(IANA_RESERVED_ASNS)]).toEqual([65552, 131071, 65_520]);
  });
});

describe('classifyAsn', () => {
  const cases: [number, string | null][] = [
    [0, 'reserved'],
    [1, null],
    [112, 'as112'],
    [23456, 'as-trans'],
    [64495, null],
    [64496, 'documentation'],
    [64511, 'documentation'],
    [64512, 'private-use'],
    [65534, 'private-use'],
    [65535, 'reserved'],
    [65536, 'documentation'],
    [65551, 'documentation'],
    [65552, 'iana-reserved'],
    [131071, 'iana-reserved'],
    [131072, null],
    [4199999999, null],
    [4200000000, 'private-use'],
    [4294967294, 'private-use'],
    [4294967295, 'reserved'],
  ];
  for (const [asn, kind] of cases) {
    it(`classifies AS${asn} as ${kind ?? 'ordinary'}`, () => expect(classifyAsn(asn)?.kind ?? null).toBe(kind));
  }
});

describe('ownAsnWarning', () => {
  it('is null for an ordinary ASN', () => expect(ownAsnWarning(3320)).toBeNull());

  it('warns that AS_TRANS cannot be ours', () => expect(ownAsnWarning(23456)).toMatch(/AS_TRANS.*cannot be an AS number of yours/));

  it('warns about AS112, which the brief forgot', () => expect(ownAsnWarning(112)).toMatch(/AS112/));

  it('calls private use legal inside the network', () => expect(ownAsnWarning(64512)).toMatch(/fine inside your network/));

  it('names the IANA-reserved range', () => expect(ownAsnWarning(70000)).toMatch(/AS65552–AS131071/));
});
