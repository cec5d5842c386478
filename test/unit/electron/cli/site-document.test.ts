/**
 * Sites as documents (CLI.md): `site show --json` and `site apply`, through the real CLI on a
 * real workspace. show → apply → show is identical; apply is one undoable action; a bad
 * document is refused with every bad field as `path: problem` and nothing changes; a
 * two-generator, A+B UPS site can be built from a document.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

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
    const lines = r.stderr
      .replace(/^headroom: /, '')
      .trim()
      .split('\n');
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
        { name: 'UPS A', ratedVA: 20000, ratedW: 18000, units: 1, redundancy: 'N', maxLoadFrac: 0.8, upsEff: 0.95, feed: 'A' },
        { name: 'UPS B', ratedVA: 20000, ratedW: 18000, units: 1, redundancy: 'N', maxLoadFrac: 0.8, upsEff: 0.95, feed: 'B' },
      ],
    };
    const r = headroom(['site', 'apply', ws, write('edge.json', doc)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/created site Edge South/);
    const back = show(ws, 'Edge South');
    expect(back.generators.map((g) => g.name)).toEqual(['Genset 1', 'Genset 2']);
    expect(back.ups.map((u) => u.name)).toEqual(['UPS A', 'UPS B']);
    expect(back).toEqual({ ...doc });
    type Limits = { ok: boolean; limits: { generatorSets: { name: string }[]; limits: { key: string; max: number | null }[] } };
    const limits = JSON.parse(ok(['site', 'limits', ws, 'Edge South', '--json'])) as Limits;
    expect(limits.ok).toBe(true);
    // Both sets count: the generator limits are those of the pair, not of the first set alone.
    expect(limits.limits.generatorSets.map((g) => g.name)).toEqual(['Genset 1', 'Genset 2']);
    const one = { ...doc, name: 'Edge South, one of each', generators: [doc.generators[0]], ups: [doc.ups[0]] };
    expect(headroom(['site', 'apply', ws, write('edge-one.json', one)]).code).toBe(0);
    const single = JSON.parse(ok(['site', 'limits', ws, 'Edge South, one of each', '--json'])) as Limits;
    const max = (l: Limits, key: string) => l.limits.limits.find((x) => x.key === key)!.max!;
    expect(max(limits, 'generator-sizing')).toBeGreaterThan(2 * max(single, 'generator-sizing'));
    // A and B feeds: each carries the load alone (2N), so the UPS limit is one system's.
    expect(max(limits, 'ups')).toBeCloseTo(max(single, 'ups'), 6);
  });

  it('binds each battery string to its UPS by position in the document, across apply', () => {
    const pop = show(ws, 'POP Northgate');
    const bat = (pop.batteryStrings as Record<string, unknown>[])[0]!;
    const doc = {
      ...pop,
      name: 'Edge East',
      ups: [
        { name: 'UPS A', ratedVA: 20000, ratedW: 18000, units: 1, redundancy: 'N', maxLoadFrac: 0.8, upsEff: 0.95, feed: 'A' },
        { name: 'UPS B', ratedVA: 20000, ratedW: 18000, units: 1, redundancy: 'N', maxLoadFrac: 0.8, upsEff: 0.95, feed: 'B' },
      ],
      batteryStrings: [
        { ...bat, name: 'Strings A', upsIndex: 0 },
        { ...bat, name: 'Strings B', upsIndex: 1 },
      ],
    };
    delete (doc.batteryStrings[0] as Record<string, unknown>).upsId;
    delete (doc.batteryStrings[1] as Record<string, unknown>).upsId;
    const r = headroom(['site', 'apply', ws, write('east.json', doc)]);
    expect(r.code, r.stderr).toBe(0);
    const back = show(ws, 'Edge East') as Doc & { batteryStrings: Record<string, unknown>[] };
    expect(back.batteryStrings.map((b) => [b.name, b.upsIndex])).toEqual([
      ['Strings A', 0],
      ['Strings B', 1],
    ]);
    expect(back.batteryStrings[0]).not.toHaveProperty('upsId');
    // Applied again (new rows, new ids), the strings still back the same UPS systems.
    expect(headroom(['site', 'apply', ws, write('east-again.json', back)]).code).toBe(0);
    expect(show(ws, 'Edge East')).toEqual(back);
    // A position with no UPS behind it is refused at its path.
    const bad = headroom(['site', 'apply', ws, write('east-bad.json', { ...back, batteryStrings: [{ ...back.batteryStrings[0], upsIndex: 2 }] })]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/batteryStrings\[0\]\.upsIndex: there is no UPS system 2 in the document \(it lists 2, numbered from 0\)/);
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
