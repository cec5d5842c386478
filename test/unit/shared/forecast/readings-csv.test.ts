/**
 * The `date,value` readings file of the bulk-readings dialog (issue 14 §9): every bad row named
 * as `line N: field: problem`, N counting the lines as the planner sees them (header = line 1),
 * whatever the separators, quotes or blank lines; a clean file gives its points in date order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReadingsCsv } from '../../../../shared/forecast/readings-csv';

describe('parseReadingsCsv', () => {
  it('reads a header and rows, in date order, with CRLF, quotes and blank lines', () => {
    const r = parseReadingsCsv('date,value\r\n2026-01-02,"1500.5"\r\n\r\n2026-01-01,1400\r\n');
    expect(r.problems).toEqual([]);
    expect(r.points).toEqual([
      { date: '2026-01-01', value: 1400, line: 4 },
      { date: '2026-01-02', value: 1500.5, line: 2 },
    ]);
  });

  it('takes pasted rows without a header', () => {
    expect(parseReadingsCsv('2026-03-01,10\n2026-03-02,11').points.map((p) => p.value)).toEqual([10, 11]);
  });

  it('names every bad row with its line and field', () => {
    const r = parseReadingsCsv('date,value\n2026-02-30,5\n2026-03-01,abc\n2026-03-02,-1\n2026-03-03\n2026-03-01,7\n03/04/2026,1\n2026-03-05,1e400\n');
    expect(r.problems).toEqual([
      'line 2: date: 2026-02-30 is not a day (YYYY-MM-DD)',
      'line 3: value: "abc" is not a number',
      'line 4: value: must not be negative',
      'line 5: value: is missing',
      'line 6: date: 2026-03-01 is given twice (also line 3)',
      'line 7: date: 03/04/2026 is not a day (YYYY-MM-DD)',
      'line 8: value: "1e400" is not a finite number',
    ]);
    expect(r.points).toEqual([]);
  });

  it('refuses a header with other columns, naming it', () => {
    expect(parseReadingsCsv('day,watts\n2026-01-01,1\n').problems).toEqual(['line 1: header: must be date,value (got "day,watts")']);
  });

  it('refuses an empty file', () => {
    expect(parseReadingsCsv('date,value\n').problems).toEqual(['line 1: file: has no reading']);
    expect(parseReadingsCsv('').problems).toEqual(['line 1: file: has no reading']);
  });

  it('gives back exactly the readings a file was written from (property)', () => {
    const day = fc.integer({ min: Date.UTC(1990, 0, 1) / 864e5, max: Date.UTC(2090, 0, 1) / 864e5 }).map((d) => new Date(d * 864e5).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(day, fc.double({ min: 0, max: 1e15, noNaN: true })), { selector: (t) => t[0], minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (rows, crlf) => {
          const nl = crlf ? '\r\n' : '\n';
          const text = `date,value${nl}${rows.map(([d, v]) => `${d},${v}`).join(nl)}${nl}`;
          const r = parseReadingsCsv(text);
          expect(r.problems).toEqual([]);
          const sorted = [...rows].sort((a, b) => (a[0] < b[0] ? -1 : 1));
          expect(r.points.map((p) => [p.date, p.value])).toEqual(sorted.map(([d, v]) => [d, Object.is(v, -0) ? 0 : v]));
        },
      ),
    );
  });
});
