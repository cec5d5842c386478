import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ascii85, pdfToAscii, PdfRewriteError } from '../../../shared/report/pdf-ascii';
import { tempDir } from '../../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const bin = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A minimal classic PDF with one binary (high-byte) content stream and a non-ASCII title. */
function tinyPdf(): Uint8Array {
  const content = 'BT /F1 24 Tf 72 700 Td (Hello 198.51.100.0/24) Tj ET\n% \xff\xfe\x80 binary comment\n';
  const objs = [
    '<</Type /Catalog /Pages 2 0 R>>',
    '<</Type /Pages /Kids [3 0 R] /Count 1>>',
    '<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>>>>',
    `<</Length ${content.length}>>\nstream\n${content}\nendstream`,
    '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>',
    '<</Title (Caf\xe9 \\(report\\))>>',
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<</Size ${objs.length + 1} /Root 1 0 R /Info 6 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return bin(out);
}

describe('ascii85', () => {
  it.each([
    ['', '~>'],
    ['Man ', '9jqo^\n~>'],
    ['\0\0\0\0', 'z\n~>'],
    ['Ma', '9jn\n~>'],
  ])('encodes %j as %j', (input, out) => expect(ascii85(input)).toBe(out));

  it('breaks lines at 80 characters (the decoder skips white space)', () => {
    expect(ascii85('x'.repeat(100)).split('\n').map((l) => l.length)).toEqual([80, 45, 2]);
  });
});

describe('pdfToAscii', () => {
  it('gives 7-bit text', () => {
    expect(/[^\x00-\x7f]/.test(pdfToAscii(tinyPdf()))).toBe(false);
  });

  it('puts ASCII85Decode in front of each stream and rebuilds the xref offsets', () => {
    const text = pdfToAscii(tinyPdf());
    expect(text).toMatch(/<<\/Filter \/ASCII85Decode\n\/Length \d+>>\nstream\n/);
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(6);
    offsets.forEach((off, i) => expect(text.slice(off)).toMatch(new RegExp(`^${i + 1} 0 obj\n`)));
  });

  it('escapes bytes above 0x7F in strings as octal', () => {
    expect(pdfToAscii(tinyPdf())).toContain('(Caf\\351 \\(report\\))');
  });

  it('refuses what is not a PDF', () => {
    expect(() => pdfToAscii(bin('hello'))).toThrow(PdfRewriteError);
  });

  it.runIf(existsSync('/usr/bin/pdftotext'))('reads back in pdftotext with the same text', () => {
    const file = tmp.path('tiny.pdf');
    writeFileSync(file, pdfToAscii(tinyPdf()));
    const r = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Hello 198.51.100.0/24');
    expect(readFileSync(file).every((b) => b < 0x80)).toBe(true);
  });
});
