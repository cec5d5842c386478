/**
 * Import limits in the service (issue 10, item 9): the CSV reader gives the same rows and
 * problems however the text is cut into chunks, a refusal shows the first 1000 problems and a
 * count, and a file that is not text is refused (the CLI's side: test/unit/cli/import-limits).
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvRowReader } from '../../../../../shared/csv';
import { type ImportProblem, ImportRefused, importPrefixes, importPrefixesFrom, readImportFile } from '../../../../../electron/core/services/registry-io';
import { listPrefixes } from '../../../../../electron/core/services/registry';
import { tempDir } from '../../../../support/tmp';
import { dump, fresh } from '../../../../support/registry-workspace';
import { refusalLine } from '../../../../support/refusal';

const tmp = tempDir('headroom-import-limits-');
afterAll(() => tmp.cleanup());

function readAll(chunks: string[]): { rows: [string[], number][]; problems: ImportProblem[] } {
  const rows: [string[], number][] = [];
  const problems: ImportProblem[] = [];
  const reader = new CsvRowReader(
    (fields, line) => rows.push([fields, line]),
    (p) => problems.push(p),
  );
  for (const c of chunks) reader.push(c);
  reader.end();
  return { rows, problems };
}

/** `text` cut at the given positions. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

const csvText = fc.array(fc.constantFrom('a', ',', '"', '\r', '\n', '\r\n', '""', 'x y'), { maxLength: 40 }).map((a) => a.join(''));

describe('CsvRowReader', () => {
  it('reads the same rows, lines and problems however the text is cut into chunks', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 8 }), (text, at) => {
        expect(readAll(cut(text, at))).toEqual(readAll([text]));
      }),
      { numRuns: 2000 },
    );
  });

  it('a row that never ends (an unclosed quote) is reported once it is longer than 1 MiB, and reading stops', () => {
    const { rows, problems } = readAll(['h\n', '"open', ...Array.from({ length: 40 }, () => 'x'.repeat(64 * 1024))]);
    expect(rows).toEqual([[['h'], 1]]);
    expect(problems).toEqual([
      { line: 2, field: 'row', problem: 'is longer than 1,048,576 characters (is a closing " missing?); the rest of the file was not read' },
    ]);
  });
});

describe('a refused import shows the first 1000 bad rows and counts the rest', () => {
  it('5000 bad rows: 1000 lines by line number, then "and 4,000 more bad rows"', async () => {
    const ws = await fresh();
    const text = ['prefix,status,description,space,date', ...Array.from({ length: 5000 }, (_, i) => `10.0.${i >> 8}.${i & 255}/32,used,,,`)].join('\n');
    const before = dump(ws);
    let refusal: ImportRefused | null = null;
    try {
      importPrefixes(ws, { format: 'csv', text });
    } catch (e) {
      refusal = e as ImportRefused;
    }
    expect(refusal).toBeInstanceOf(ImportRefused);
    expect(refusal!.total).toBe(5000);
    expect(refusal!.problems).toHaveLength(1000);
    expect(refusal!.problems.map((p) => p.line)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 2));
    const lines = refusal!.message.split('\n');
    expect(lines[0]).toBe('the file was not imported (nothing changed): 5,000 bad rows');
    expect(lines).toHaveLength(1002);
    expect(lines[1]).toBe('line 2: status: unknown status "used" (one of aggregate, allocated, assigned, reserved, cooldown, planned)');
    expect(lines[1001]).toBe('and 4,000 more bad rows');
    expect(dump(ws)).toEqual(before);
  });

  it('keeps the first 1000 by line when later checks (duplicates) find earlier lines', async () => {
    const ws = await fresh();
    // Lines 2..1501 are bad statuses; line 1502 repeats line 1503's block: found after parsing.
    const bad = Array.from({ length: 1500 }, (_, i) => `10.1.${i >> 8}.${i & 255}/32,used,,,`);
    const text = ['prefix,status,description,space,date', ...bad, '192.0.2.0/24,assigned,,,', '192.0.2.0/24,assigned,,,'].join('\n');
    try {
      importPrefixes(ws, { format: 'csv', text });
      expect.unreachable();
    } catch (e) {
      const r = e as ImportRefused;
      expect(r.total).toBe(1501);
      expect(r.problems.at(-1)!.line).toBe(1001);
      expect(r.message.split('\n').at(-1)).toBe('and 501 more bad rows');
    }
  });
});

describe('text, not a binary file', () => {
  it('a NUL in the text sent through the contract is refused', async () => {
    const ws = await fresh();
    expect(refusalLine(() => importPrefixes(ws, { format: 'csv', text: 'prefix,status,description,space,date\n192.0.2.0/24,assigned,\u0000,,\n' }))).toMatch(
      /^file: is not a text file \(it holds a NUL character\)/,
    );
    expect(listPrefixes(ws, {}).rows).toEqual([]);
  });

  it('readImportFile: multi-byte characters cut across chunks decode whole; a BOM is dropped', () => {
    const file = tmp.path('utf8.csv');
    const text = 'prefix,status,description,space,date\n192.0.2.0/24,assigned,Zürich – 東京 🛰,,\n';
    writeFileSync(file, `\ufeff${text}`);
    for (const size of [1, 2, 3, 5, 7, 64]) expect([...readImportFile(file, size)].join('')).toBe(text);
  });

  it('readImportFile: names the file and the first byte that is not UTF-8, across a chunk end', () => {
    const file = tmp.path('latin1.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('ab€cd'), Buffer.from([0xff]), Buffer.from('ef')]));
    for (const size of [1, 2, 4, 1024])
      expect(refusalLine(() => [...readImportFile(file, size)])).toContain(`file: ${file} is not a text file (bytes that are not UTF-8 at byte 7)`);
  });

  it('importPrefixesFrom a file imports as importPrefixes does', async () => {
    const a = await fresh();
    const b = await fresh();
    const file = tmp.path('good.csv');
    const text = 'prefix,status,description,space,date\r\n192.0.2.0/24,aggregate,"two\r\nlines",,2024-01-31\r\n192.0.2.0/26,assigned,"Acme, ""Ltd""",,\r\n';
    writeFileSync(file, text);
    importPrefixes(a, { format: 'csv', text });
    importPrefixesFrom(b, { format: 'csv' }, readImportFile(file, 3));
    expect(listPrefixes(b, {}).rows.map((r) => [r.prefix, r.description])).toEqual(listPrefixes(a, {}).rows.map((r) => [r.prefix, r.description]));
  });
});
