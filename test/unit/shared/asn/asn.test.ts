import fc from 'fast-check';
import { Asn } from 'ip-num';
import { describe, expect, it } from 'vitest';
import { ASN_MAX, formatAsdot, formatAsdotPlus, formatAsn, formatAsplain, isAsn16, parseAsn, validateAsn } from '../../../../shared/asn/asn';
import { HeadroomError, errorLine } from '../../../../shared/errors';
import { refusalLine } from '../../../support/refusal';

/** §2.2 computed conversions: asplain, asdot, asdot+. */
const TABLE: [number, string, string][] = [
  [23456, '23456', '0.23456'],
  [65535, '65535', '0.65535'],
  [65536, '1.0', '1.0'],
  [65546, '1.10', '1.10'],
  [65551, '1.15', '1.15'],
  [131071, '1.65535', '1.65535'],
  [131072, '2.0', '2.0'],
  [4200000000, '64086.59904', '64086.59904'],
  [4294967295, '65535.65535', '65535.65535'],
];

const asnArb = fc.oneof(fc.integer({ min: 0, max: ASN_MAX }), fc.integer({ min: 0, max: 131072 }), fc.constantFrom(0, 65535, 65536, ASN_MAX));

describe('formatAsdot', () => {
  for (const [plain, dot] of TABLE) it(`writes ${plain} as ${dot}`, () => expect(formatAsdot(plain)).toBe(dot));
});

describe('formatAsdotPlus', () => {
  for (const [plain, , dotPlus] of TABLE) it(`writes ${plain} as ${dotPlus}`, () => expect(formatAsdotPlus(plain)).toBe(dotPlus));

  it('refuses a number outside 0 … 2^32 − 1', () => {
    expect(() => formatAsdotPlus(ASN_MAX + 1)).toThrow(RangeError);
  });
});

describe('formatAsplain', () => {
  it('writes the decimal value', () => expect(formatAsplain(4200000000)).toBe('4200000000'));

  it('refuses a fraction', () => expect(() => formatAsplain(1.5)).toThrow(RangeError));
});

describe('formatAsn', () => {
  it('defaults to asplain', () => expect(formatAsn(65546)).toBe('65546'));

  it('writes each format on request', () => {
    expect([formatAsn(65546, 'asdot'), formatAsn(100, 'asdot'), formatAsn(100, 'asdot+')]).toEqual(['1.10', '100', '0.100']);
  });
});

describe('parseAsn', () => {
  for (const [plain, dot, dotPlus] of TABLE) {
    it(`reads ${plain}, ${dot} and ${dotPlus} as ${plain}`, () => {
      expect([parseAsn(String(plain)), parseAsn(dot), parseAsn(dotPlus)]).toEqual([plain, plain, plain]);
    });
  }

  it('reads 1.10 as 65546, not 65537', () => expect(parseAsn('1.10')).toBe(65546));

  it('reads the RPSL form AS64496 and ignores surrounding blanks', () => {
    expect([parseAsn('AS64496'), parseAsn('as1.10'), parseAsn('  65000 ')]).toEqual([64496, 65546, 65000]);
  });

  const refused: [string, string][] = [
    ['4294967296', 'one above the largest ASN'],
    ['-1', 'a negative number'],
    ['12abc', 'trailing letters'],
    ['1.70000', 'a low part above 65535'],
    ['65536.0', 'a high part above 65535'],
    ['', 'an empty field'],
    ['   ', 'blanks only'],
    ['65 000', 'a blank inside'],
    ['1. 10', 'a blank after the dot'],
    ['+1', 'a leading plus'],
    ['1.', 'a missing low part'],
    ['.1', 'a missing high part'],
    ['1.2.3', 'two dots'],
    ['1e3', 'an exponent'],
    ['0x10', 'hexadecimal'],
    ['007', 'leading zeros'],
    ['1.010', 'a leading zero in the low part'],
    ['1.5e0', 'a float'],
    ['99999999999', 'eleven digits'],
    ['AS', 'the prefix alone'],
    ['AS 65000', 'a blank after AS'],
    ['６５０００', 'full-width digits'],
  ];
  for (const [text, what] of refused) {
    it(`refuses ${what} (${JSON.stringify(text)}) with an error on the field asn`, () => {
      let error: unknown;
      try {
        parseAsn(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HeadroomError);
      expect((error as HeadroomError).field).toBe('asn');
      expect((error as HeadroomError).code).toBe('invalid');
      expect(errorLine(error as HeadroomError)).toMatch(/^asn: /);
    });
  }

  it('names another field when asked', () => {
    expect(refusalLine(() => parseAsn('x', 'peerAsn'))).toMatch(/^peerAsn: /);
  });

  it('round-trips asplain (property)', () => {
    fc.assert(
      fc.property(asnArb, (n) => {
        expect(parseAsn(formatAsplain(n))).toBe(n);
      }),
    );
  });

  it('round-trips asdot and asdot+ (property)', () => {
    fc.assert(
      fc.property(asnArb, (n) => {
        expect([parseAsn(formatAsdot(n)), parseAsn(formatAsdotPlus(n))]).toEqual([n, n]);
      }),
    );
  });

  it('agrees with ip-num on every valid asplain and asdot+ text (property)', () => {
    fc.assert(
      fc.property(asnArb, (n) => {
        expect(parseAsn(formatAsplain(n))).toBe(Number(Asn.fromString(formatAsplain(n)).getValue()));
        expect(parseAsn(formatAsdotPlus(n))).toBe(Number(Asn.fromString(formatAsdotPlus(n)).getValue()));
      }),
    );
  });

  it('refuses what ip-num 1.6.2 wrongly accepts (the reason Headroom parses itself)', () => {
    for (const text of ['4294967296', '1.70000', '65536.0', '-1', '12abc']) {
      expect(() => Asn.fromString(text)).not.toThrow();
      expect(validateAsn(text)[0]).toBeNull();
    }
  });
});

describe('validateAsn', () => {
  it('returns the value when valid', () => expect(validateAsn('1.10')).toEqual([65546, null]));

  it('returns the problem alone when not (the form shows it at its field)', () =>
    expect(validateAsn('-1')[1]).toBe('"-1" is not an AS number (asplain 0–4294967295 or asdot 0.0–65535.65535)'));
});

describe('isAsn16', () => {
  it('is true up to 65535 and false from 65536', () => {
    expect([isAsn16(65535), isAsn16(65536)]).toEqual([true, false]);
  });
});
