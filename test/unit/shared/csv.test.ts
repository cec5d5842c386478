/**
 * One RFC 4180 reader and writer (shared/csv.ts, issue 18 §3): every CSV the app reads names
 * the line a spreadsheet shows, quoted line breaks counted, and what the writer writes the
 * reader reads back exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../../../shared/csv';
import { validateFitCsv } from '../../../shared/forecast/csv';
import { parseLinkCsv } from '../../../shared/forecast/links';
import { parseReadingsCsv } from '../../../shared/forecast/readings-csv';

describe('readCsv and writeCsv', () => {
  it('read back exactly what was written, quotes, commas and line breaks included (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r\n', 'é', '=') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        const text = writeCsv(['h1', 'h2'], rows);
        const back = readCsv(text);
        expect(back.problems).toEqual([]);
        // A row of two empty cells is written as "," and read back as such; blank lines are none.
        expect(back.rows.map((r) => r.fields)).toEqual([['h1', 'h2'], ...rows]);
      }),
    );
  });

  it("counts a row's line as a spreadsheet does, after a quoted line break", () => {
    const { rows } = readCsv('a,b\r\n"x\ny",1\r\n\r\nz,2\r\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
  });
});

describe('every CSV reader names the line the planner sees', () => {
  // Line 2 holds a quoted line break (a note pasted from a spreadsheet), so the bad row is on line 4.
  it('headroom fit --csv', () => {
    expect(validateFitCsv('date,value\n2024-01-01,"1\n"\n2024-01-0x,3\n').problems).toEqual(['line 4: date: "2024-01-0x" is not a date (YYYY-MM-DD)']);
  });

  it('link readings', () => {
    expect(parseLinkCsv('date,value\n"2026-01-01","4e9\n"\n2026-01-0x,3\n').problems).toEqual(['line 4: date: "2026-01-0x" is not a date (YYYY-MM-DD)']);
  });

  it('bulk readings', () => {
    expect(parseReadingsCsv('date,value\n2026-01-01,"1\n"\n2026-01-0x,3\n').problems).toEqual(['line 4: date: 2026-01-0x is not a day (YYYY-MM-DD)']);
  });

  it('an unclosed quote is reported on the line it opens', () => {
    expect(validateFitCsv('date,value\n2024-01-01,"1\n2024-01-02,2\n').problems).toEqual(['line 2: row: unterminated quote']);
    expect(parseReadingsCsv('date,value\n2024-01-01,"1\n').problems[0]).toMatch(/^line 2: row: a quoted field is not closed/);
  });
});

describe('one home', () => {
  const ROOT = join(__dirname, '..', '..', '..');
  const sources = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  it('only shared/csv.ts uses papaparse', () => {
    const users = ['shared', 'electron', 'renderer'].flatMap(sources).filter((f) => /from 'papaparse'/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(users).toEqual([join('shared', 'csv.ts')]);
  });
});
