/**
 * Sites as documents (CLI.md): `site show --json` and `site apply`, through the real CLI on a
 * real workspace. show → apply → show is identical; apply is one undoable action; a bad
 * document is refused with every bad field as `path: problem` and nothing changes; a
 * two-generator, A+B UPS site can be built from a document.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, headroom } from '../../support/cli';
import { tempDir } from '../../support/tmp';

const tmp = tempDir('headroom-sitedoc-');
beforeAll(() => ensureBuilt(), 300_000);
afterAll(() => tmp.cleanup());

type Doc = Record<string, unknown> & { generators: Record<string, unknown>[]; ups: Record<string, unknown>[] };

function ok(args: string[]): string {
  const r = headroom(args);
  if (r.code !== 0) throw new Error(`${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

function show(ws: string, site: string): Doc {
  return JSON.parse(ok(['site', 'show', ws, site, '--json'])) as Doc;
}

function write(name: string, doc: unknown): string {
  const file = tmp.path(name);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

const history = (ws: string) => JSON.parse(ok(['history', ws, '--json'])) as { op: string; summary: string }[];

describe('site show / site apply', { timeout: 300_000 }, () => {
  const ws = tmp.path('isp.headroom');
  beforeAll(() => {
    ok(['init', ws, '--demo']);
  });

  it('show prints every component with every field the app edits', () => {
    const doc = show(ws, 'POP Northgate');
    for (const part of ['equipment', 'ups', 'batteryStrings', 'generators', 'coolingUnits', 'backupJobs']) expect(Array.isArray(doc[part])).toBe(true);
    expect(doc).toMatchObject({ name: 'POP Northgate', loadPf: 0.95, altitudeM: 1500 });
    const bat = (doc.batteryStrings as Record<string, unknown>[])[0]!;
    expect(bat).toHaveProperty('tableKey');
    expect(bat).not.toHaveProperty('tableId');
    expect(doc.generators[0]).toHaveProperty('curve');
    expect(doc.generators[0]).not.toHaveProperty('id');
  });

  it('show → apply → show is identical, in one undoable action', () => {
    const before = ok(['site', 'show', ws, 'POP Northgate', '--json']);
    const readings = ok(['reading', 'list', ws, 'POP Northgate', '--json']);
    const actions = history(ws).length;
    const file = tmp.path('pop.json');
    writeFileSync(file, before);
    const r = headroom(['site', 'apply', ws, file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/replaced site POP Northgate/);
    expect(ok(['site', 'show', ws, 'POP Northgate', '--json'])).toBe(before);
    expect(ok(['reading', 'list', ws, 'POP Northgate', '--json'])).toBe(readings);
    const h = history(ws);
    expect(h.length).toBe(actions + 1);
    expect(h[0]).toMatchObject({ op: 'facility.applySite' });

    // A change through a document, then one undo restores the whole site.
    const changed = JSON.parse(before) as Doc;
    changed.generators[0]!.ratingW = 60000;
    (changed.equipment as unknown[]).pop();
    ok(['site', 'apply', ws, write('changed.json', changed)]);
    expect(show(ws, 'POP Northgate').generators[0]!.ratingW).toBe(60000);
    ok(['undo', ws]);
    expect(ok(['site', 'show', ws, 'POP Northgate', '--json'])).toBe(before);
  });

  it('reports every bad field as path: problem and changes nothing', () => {
    const before = ok(['site', 'show', ws, 'POP Northgate', '--json']);
    const actions = history(ws).length;
    const doc = JSON.parse(before) as Doc;
    doc.generators.push({ ...doc.generators[0]!, name: 'G2', ratingW: -5 });
    doc.peakfactor = 1.3;
    doc.ups[0]!.upsEff = 1.5;
    (doc.equipment as Record<string, unknown>[])[1]!.nameplatew = 10;
    const r = headroom(['site', 'apply', ws, write('bad.json', doc)]);
    expect(r.code).toBe(1);
    const lines = r.stderr.replace(/^headroom: /, '').trim().split('\n');
    expect(lines).toContain('peakfactor: is not a field of a site document (did you mean peakFactor?)');
    expect(lines).toContain('equipment[1].nameplatew: is not a field of this part of a site document (did you mean nameplateW?)');
    expect(lines).toContain('generators[1].ratingW: must be greater than 0');
    expect(lines.some((l) => l.startsWith('ups[0].upsEff: must be a fraction'))).toBe(true);
    expect(r.stderr).not.toMatch(/\.\d+\./); // never zod's internal `generators.1.ratingW`
    expect(ok(['site', 'show', ws, 'POP Northgate', '--json'])).toBe(before);
    expect(history(ws).length).toBe(actions);
  });

  it('refuses a document whose site cannot be computed, by its path, and changes nothing', () => {
    const before = ok(['site', 'show', ws, 'POP Northgate', '--json']);
    const doc = JSON.parse(before) as Doc;
    doc.ups[0]!.ratedW = 12000; // above its 10 kVA
    const r = headroom(['site', 'apply', ws, write('ups.json', doc)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ups\[0\]\.ratedW: /);
    expect(ok(['site', 'show', ws, 'POP Northgate', '--json'])).toBe(before);
  });

  it('builds a two-generator, A+B UPS site from a document', () => {
    const pop = show(ws, 'POP Northgate');
    const gen = pop.generators[0]!;
    const doc = {
      ...pop,
      name: 'Edge South',
      description: 'two gensets in parallel, A and B UPS',
      generators: [
        { ...gen, name: 'Genset 1' },
        { ...gen, name: 'Genset 2' },
      ],
      ups: [
        { name: 'UPS A', ratedVA: 20000, ratedW: 18000, units: 1, redundancy: 'N', maxLoadFrac: 0.8, upsEff: 0.95 },
        { name: 'UPS B', ratedVA: 20000, ratedW: 18000, units: 1, redundancy: 'N', maxLoadFrac: 0.8, upsEff: 0.95 },
      ],
    };
    const r = headroom(['site', 'apply', ws, write('edge.json', doc)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/created site Edge South/);
    const back = show(ws, 'Edge South');
    expect(back.generators.map((g) => g.name)).toEqual(['Genset 1', 'Genset 2']);
    expect(back.ups.map((u) => u.name)).toEqual(['UPS A', 'UPS B']);
    expect(back).toEqual({ ...doc });
    const limits = JSON.parse(ok(['site', 'limits', ws, 'Edge South', '--json'])) as { ok: boolean };
    expect(limits.ok).toBe(true);
  });

  it('refuses a file that is not JSON, naming the file', () => {
    const file = tmp.path('junk.json');
    writeFileSync(file, '{ nope');
    const r = headroom(['site', 'apply', ws, file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/file: .*junk\.json is not valid JSON/);
    expect(readFileSync(file, 'utf8')).toBe('{ nope');
  });
});
