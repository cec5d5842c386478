/**
 * The routing commands of CLI.md ("Routing plan") through the real built CLI on real temp demo
 * workspaces: arguments, exit codes 0/1/2, JSON field names exactly as written there, refusals
 * naming the field with the workspace unchanged, `roa check` exiting 0 on invalid states, the
 * exports written to files, `undo` of a route, and `rpsl`'s route objects from the routes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';
import { routinatorJsonext, strangersVrps } from '../../../support/vrp-files';

const tmp = tempDir('headroom-routing-cli-');
beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => tmp.cleanup());
let n = 0;
const demo = () => {
  const ws = tmp.path(`rt-${++n}.headroom`);
  expect(headroom(['init', ws, '--demo']).code).toBe(0);
  return ws;
};
const ok = (args: string[]) => {
  const r = headroom(args);
  if (r.code !== 0) throw new Error(`headroom ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r;
};
const json = (args: string[]) => JSON.parse(ok([...args, '--json']).stdout) as unknown;
const state = (ws: string) => ({
  bytes: readFileSync(ws).toString('base64'),
  journal: existsSync(`${ws}.journal`) ? readFileSync(`${ws}.journal`).toString('base64') : null,
});

describe('route add|rm|list', () => {
  it('records, lists (JSON fields of CLI.md), removes and undoes routes', () => {
    const ws = demo();
    expect(ok(['route', 'add', ws, '198.51.100.0/24', '--origin', 'AS64496', '--description', 'RIR allocation']).stdout.trim()).toBe('198.51.100.0/24 AS64496');
    ok(['route', 'add', ws, '2001:db8::/32', '--origin', '64496']);
    ok(['route', 'add', ws, '192.0.2.0/24', '--origin', '0.64505']); // asdot
    expect(json(['route', 'list', ws])).toEqual([
      { prefix: '192.0.2.0/24', origin: 64505, description: '' },
      { prefix: '198.51.100.0/24', origin: 64496, description: 'RIR allocation' },
      { prefix: '2001:db8::/32', origin: 64496, description: '' },
    ]);
    expect(ok(['route', 'list', ws]).stdout.split('\n')[1]).toMatch(/^198\.51\.100\.0\/24\s+AS64496\s+RIR allocation$/);
    ok(['route', 'rm', ws, '192.0.2.0/24', '--origin', '64505']);
    expect((json(['route', 'list', ws]) as unknown[]).length).toBe(2);
    ok(['undo', ws]);
    expect((json(['route', 'list', ws]) as unknown[]).length).toBe(3);
  });

  it.each([
    [['route', 'add', '%WS', '10.0.0.0/8', '--origin', '64496'], /prefix: 10\.0\.0\.0\/8 is not inside any of our aggregates/],
    [['route', 'add', '%WS', '198.51.100.0/24', '--origin', '64497'], /origin: AS64497 is marked as an upstream/],
    [['route', 'add', '%WS', '198.51.100.0/24', '--origin', 'AS65001'], /origin: AS65001 is neither/],
    [['route', 'add', '%WS', '198.51.100.0/24', '--origin', '12x'], /origin: "12x" is not an AS number/],
    [['route', 'add', '%WS', '198.51.100.0/', '--origin', '64496'], /prefix: /],
    [['route', 'rm', '%WS', '198.51.100.0/24', '--origin', '64496'], /prefix: no route 198\.51\.100\.0\/24 from AS64496/],
  ])('refuses %j with exit 1, naming the field, changing nothing', (args, message) => {
    const ws = demo();
    const before = state(ws);
    const r = headroom(args.map((a) => (a === '%WS' ? ws : a)));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(state(ws)).toEqual(before);
  });

  it('answers a usage error with exit 2', () => {
    const ws = demo();
    expect(headroom(['route', 'add', ws, '198.51.100.0/24']).code).toBe(2);
    expect(headroom(['roa', 'check', ws]).code).toBe(2);
    expect(headroom(['roa', 'export', ws, '--format', 'slurm']).code).toBe(2);
  });
});

describe('roa plan|check|export', () => {
  function routed(): string {
    const ws = demo();
    ok(['route', 'add', ws, '198.51.100.0/24', '--origin', '64496']);
    ok(['route', 'add', ws, '203.0.113.0/24', '--origin', '64496']);
    ok(['route', 'add', ws, '2001:db8::/32', '--origin', '64496']);
    return ws;
  }

  it('plans the ROAs with the JSON fields of CLI.md, asn an integer, 0 for AS0', () => {
    const ws = routed();
    const plan = json(['roa', 'plan', ws, '--as0']) as { prefix: string; maxLength: number; asn: number; reason: string }[];
    expect(plan.map((p) => Object.keys(p))).toEqual(plan.map(() => ['prefix', 'maxLength', 'asn', 'reason']));
    expect(plan.map((p) => [p.prefix, p.maxLength, p.asn])).toEqual([
      ['192.0.2.0/24', 32, 0],
      ['198.51.100.0/24', 24, 64496],
      ['203.0.113.0/24', 24, 64496],
      ['2001:db8::/32', 32, 64496],
    ]);
    expect(ok(['roa', 'plan', ws]).stdout).toMatch(/^198\.51\.100\.0\/24\s+max \/24\s+AS64496\s+AS64496 announces/m);
  });

  it('checks against a validator file, exit 0 even with invalid states, and refuses a bad file with exit 1', () => {
    const ws = routed();
    const vrps = tmp.path(`vrps-${n}.json`);
    writeFileSync(
      vrps,
      routinatorJsonext([
        ...strangersVrps(50),
        { asn: 64496, prefix: '198.51.100.0/24', maxLength: 24, ta: 'ripe' },
        { asn: 64511, prefix: '203.0.113.0/24', maxLength: 24, ta: 'ripe' },
      ]),
    );
    const r = json(['roa', 'check', ws, '--vrps', vrps]) as { routes: unknown[]; vrps: unknown[]; ignored: number };
    expect(r.routes).toEqual([
      { prefix: '198.51.100.0/24', origin: 64496, state: 'valid' },
      { prefix: '203.0.113.0/24', origin: 64496, state: 'invalid-asn' },
      { prefix: '2001:db8::/32', origin: 64496, state: 'not-found' },
    ]);
    expect(r.vrps).toEqual([]);
    expect(r.ignored).toBe(51);
    const text = ok(['roa', 'check', ws, '--vrps', vrps]);
    expect(text.stdout).toMatch(/53 VRPs read, 2 on our space, 51 for space that is not ours ignored/);
    expect(text.stderr).toMatch(/warning: route 203\.0\.113\.0\/24 AS64496: the route object has no matching ROA/);

    writeFileSync(vrps, '{"metadata": {}}');
    const bad = headroom(['roa', 'check', ws, '--vrps', vrps]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/vrps: the VRP file has no "roas" list/);
    const missing = headroom(['roa', 'check', ws, '--vrps', tmp.path('nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/vrps: cannot read .*no such file/);
  });

  it('exports SLURM and CSV files', () => {
    const ws = routed();
    const slurm = tmp.path(`roas-${n}.slurm.json`);
    ok(['roa', 'export', ws, '--format', 'slurm', '--out', slurm]);
    const doc = JSON.parse(readFileSync(slurm, 'utf8')) as { slurmVersion: number; locallyAddedAssertions: { prefixAssertions: unknown[] } };
    expect(doc.slurmVersion).toBe(1);
    expect(doc.locallyAddedAssertions.prefixAssertions).toHaveLength(3);
    const csv = tmp.path(`roas-${n}.csv`);
    ok(['roa', 'export', ws, '--format', 'csv', '--out', csv]);
    expect(readFileSync(csv, 'utf8')).toBe('asn,prefix,maxLength\r\nAS64496,198.51.100.0/24,24\r\nAS64496,203.0.113.0/24,24\r\nAS64496,2001:db8::/32,32\r\n');
    // `export --format roa-*` (the Reports formats) writes the same files.
    const viaExport = tmp.path(`export-${n}.slurm.json`);
    ok(['export', ws, '--format', 'roa-slurm', '--out', viaExport]);
    expect(readFileSync(viaExport, 'utf8')).toBe(readFileSync(slurm, 'utf8'));
    // What the planner must know before sending the file goes to stderr, the file stays clean.
    const arin = tmp.path(`roas-${n}-arin.txt`);
    const signed = ok(['roa', 'export', ws, '--format', 'arin', '--out', arin]);
    expect(signed.stderr).toMatch(/^warning: these are unsigned ROA requests: sign each line/m);
    expect(readFileSync(arin, 'utf8')).not.toMatch(/warning/);
    const r = headroom(['roa', 'export', ws, '--format', 'xml', '--out', csv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/format: unknown format "xml"/);
  });

  it('refuses an --out that is the workspace or its journal (exit 1, naming --out), writing nothing', () => {
    const ws = routed();
    for (const out of [ws, `${ws}.journal`]) {
      const before = state(ws);
      const r = headroom(['roa', 'export', ws, '--format', 'csv', '--out', out]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/--out: .* would destroy it/);
      expect(state(ws)).toEqual(before);
    }
    expect((json(['route', 'list', ws]) as unknown[]).length).toBe(3);
  });
});

describe('aspa plan', () => {
  it('drafts the ASPA of each AS of ours over the recorded upstreams, --json as [{customer, providers, reason}]', () => {
    const ws = demo();
    const aspas = json(['aspa', 'plan', ws]) as { customer: number; providers: number[]; reason: string }[];
    expect(aspas.map((a) => Object.keys(a))).toEqual(aspas.map(() => ['customer', 'providers', 'reason']));
    expect(aspas.find((a) => a.customer === 64496)!.providers).toEqual([64497, 64498]);
    expect(ok(['aspa', 'plan', ws]).stdout).toMatch(/^AS64496\s+AS64497, AS64498\s+AS64496 is ours/m);
    expect(headroom(['aspa', 'plan']).code).toBe(2);
  });
});
