/**
 * The Registry commands of CLI.md through the real built CLI against real temp workspaces:
 * arguments, exit codes 0/1/2, JSON field names exactly as written there, refusals naming the
 * field with the workspace unchanged (file bytes and a dump compared), import/export files.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rirStats } from '../../../support/fixtures';
import { ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-registry-cli-');
beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => tmp.cleanup());
let n = 0;
const fresh = () => {
  const ws = tmp.path(`reg-${++n}.headroom`);
  expect(headroom(['init', ws]).code).toBe(0);
  return ws;
};
const ok = (args: string[]) => {
  const r = headroom(args);
  if (r.code !== 0) throw new Error(`headroom ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
};
const json = (args: string[]) => JSON.parse(ok([...args, '--json'])) as unknown;
/** The workspace's bytes: the snapshot and its journal (every acknowledged change is in one of them). */
const state = (ws: string) => ({
  bytes: readFileSync(ws).toString('base64'),
  journal: existsSync(`${ws}.journal`) ? readFileSync(`${ws}.journal`).toString('base64') : null,
});
/** Expects exit 1, an error naming the field, nothing on stdout, and the workspace unchanged. */
function refused(ws: string, args: string[], message: RegExp): void {
  const before = state(ws);
  const r = headroom(args);
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stdout).toBe('');
  expect(state(ws)).toEqual(before);
}

/** A workspace holding these CSV rows (one import: one CLI run). */
function withRows(rows: string[]): string {
  const ws = fresh();
  const file = tmp.path(`plan-${++n}.csv`);
  writeFileSync(file, ['prefix,status,description,space,date', ...rows].join('\n'));
  ok(['import', ws, file, '--format', 'csv']);
  return ws;
}

/** §5.2's plan. */
const plan52 = () =>
  withRows(['10.0.0.0/22,aggregate,,,', '10.0.1.0/24,assigned,,,', '10.0.2.0/26,assigned,,,', '10.0.2.128/25,assigned,,,', '10.0.3.0/24,assigned,,,']);

describe('headroom free', () => {
  it('prints the minimal CIDR list ascending, one per line; --json is {"parent", "free"}', () => {
    const ws = plan52();
    expect(ok(['free', ws, '10.0.0.0/22'])).toBe('10.0.0.0/24\n10.0.2.64/26\n');
    const j = json(['free', ws, '10.0.0.0/22']);
    expect(j).toEqual({ parent: '10.0.0.0/22', free: ['10.0.0.0/24', '10.0.2.64/26'] });
    expect(Object.keys(j as object)).toEqual(['parent', 'free']);
    // Only what lies strictly inside counts: a registered block with nothing in it is all free.
    expect(json(['free', ws, '10.0.2.0/24'])).toEqual({ parent: '10.0.2.0/24', free: ['10.0.2.64/26'] });
    expect(ok(['free', ws, '10.0.1.0/24'])).toBe('10.0.1.0/24\n');
  });

  it('--json is the same document as JSON.stringify(…, null, 2) would write, with no free space too', () => {
    const ws = plan52();
    const same = (args: string[]) => {
      const text = ok([...args, '--json']);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      return JSON.parse(text) as { free: string[] };
    };
    expect(same(['free', ws, '10.0.0.0/22']).free).toEqual(['10.0.0.0/24', '10.0.2.64/26']);
    expect(same(['free', ws, '10.0.2.64/26']).free).toEqual(['10.0.2.64/26']);
    for (const half of ['10.0.3.0/25', '10.0.3.128/25']) ok(['prefix', 'add', ws, half]);
    expect(same(['free', ws, '10.0.3.0/24']).free).toEqual([]);
    ok(['prefix', 'add', ws, '2001:db8::/48']);
    expect(same(['free', ws, '2001:db8::/46']).free).toEqual(['2001:db8:1::/48', '2001:db8:2::/47']);
  });

  it('IPv6 in RFC 5952 form, and --space', () => {
    const ws = fresh();
    ok(['prefix', 'add', ws, '2001:DB8:0:0::/48', '--space', 'lab']);
    expect(ok(['free', ws, '2001:db8::/46', '--space', 'lab'])).toBe('2001:db8:1::/48\n2001:db8:2::/47\n');
    expect(ok(['free', ws, '2001:db8::/46'])).toBe('2001:db8::/46\n');
  });

  it('refuses a bad CIDR (exit 1) and is a usage error without one (exit 2)', () => {
    const ws = plan52();
    refused(ws, ['free', ws, '10.0.0.1/22'], /^headroom: prefix: "10\.0\.0\.1\/22" has host bits set/);
    refused(ws, ['free', ws, '10.0.0.0/22', '--space', 'nope'], /space: there is no address space "nope"/);
    expect(headroom(['free', ws]).code).toBe(2);
    expect(headroom(['free', ws, '10.0.0.0/22', '--bogus']).code).toBe(2);
  });
});

describe('headroom util', () => {
  it('--json has the CLI.md fields: IPv4 in addresses', () => {
    const ws = plan52();
    const u = json(['util', ws, '10.0.0.0/22']) as Record<string, unknown>;
    expect(u).toMatchObject({ prefix: '10.0.0.0/22', unit: 32, totalUnits: 1024, usedUnits: 704, freeUnits: 320, utilizationPct: 68.75 });
    for (const k of ['prefix', 'unit', 'totalUnits', 'usedUnits', 'freeUnits', 'utilizationPct']) expect(Object.keys(u)).toContain(k);
    expect(ok(['util', ws, '10.0.0.0/22'])).toMatch(/used\s+704 of 1,024 \(68\.75 %\)/);
  });

  it('IPv6 in the pool unit, with the HD-ratio', () => {
    const ws = fresh();
    ok(['prefix', 'add', ws, '2001:db8::/40', '--status', 'allocated', '--unit', '56']);
    const file = tmp.path('v6.csv');
    writeFileSync(file, ['prefix,status,description,space,date', ...Array.from({ length: 10 }, (_, i) => `2001:db8:${i}::/48,assigned,,,`)].join('\n'));
    ok(['import', ws, file, '--format', 'csv']);
    const u = json(['util', ws, '2001:db8::/40']) as Record<string, unknown>;
    expect(u).toMatchObject({
      prefix: '2001:db8::/40',
      unit: 56,
      totalUnits: 65_536,
      usedUnits: 2560,
      freeUnits: 62_976,
      hdThresholdUnits: expect.any(Number),
      meetsHd: false,
    });
    expect(u.utilizationPct as number).toBeCloseTo(3.90625, 10);
    expect(ok(['util', ws, '2001:db8::/40'])).toMatch(/counted in\s+\/56 units/);
  });

  it('refuses a bad CIDR and a bad unit (exit 1)', () => {
    const ws = plan52();
    refused(ws, ['util', ws, '10.0.0.0/33'], /prefix: .*from 0 to 32/);
    refused(ws, ['util', ws, '2001:db8::/32', '--unit', '60'], /unit: the assignment unit must be \/48, \/56 or \/64/);
    refused(ws, ['util', ws, '2001:db8::/32', '--unit', 'x'], /unit: "x" is not a prefix length/);
  });
});

describe('headroom allocate', () => {
  it.each([
    ['first-fit', '10.0.0.0/26'],
    ['best-fit', '10.0.2.64/26'],
    ['sparse', '10.0.0.0/26'],
    ['last-fit', '10.0.2.64/26'],
  ])('--strategy %s gives %s (§5.2); --json is {"prefix", "strategy", "reserved"}', (strategy, prefix) => {
    const ws = plan52();
    const before = state(ws);
    expect(json(['allocate', ws, '--from', '10.0.0.0/22', '--length', '26', '--strategy', strategy, '--dry-run'])).toEqual({ prefix, strategy, reserved: [] });
    expect(state(ws)).toEqual(before);
    expect(ok(['allocate', ws, '--from', '10.0.0.0/22', '--length', '26', '--strategy', strategy, '--description', 'Acme'])).toBe(`${prefix}\n`);
    expect(ok(['prefix', 'list', ws, '--within', prefix])).toMatch(new RegExp(`^${prefix.replace(/\./g, '\\.')}\\s+assigned\\s+Acme$`, 'm'));
  });

  it('--growth reserves the room to grow (§5.4); undo removes block and reservations together', () => {
    const ws = withRows(['10.0.0.0/16,aggregate,,,', '10.0.0.0/24,assigned,,,', '10.0.2.0/24,assigned,,,', '10.0.1.0/24,reserved,growth of 10.0.0.0/24,,']);
    const before = { prefixes: headroom(['prefix', 'list', ws]).stdout };
    expect(json(['allocate', ws, '--from', '10.0.0.0/16', '--length', '24'].concat(['--dry-run']))).toEqual({
      prefix: '10.0.3.0/24',
      strategy: 'first-fit',
      reserved: [],
    });
    expect(json(['allocate', ws, '--from', '10.0.0.0/16', '--length', '/24', '--growth', '2', '--status', 'assigned'])).toEqual({
      prefix: '10.0.4.0/24',
      strategy: 'first-fit',
      reserved: ['10.0.5.0/24', '10.0.6.0/23'],
    });
    expect(ok(['prefix', 'list', ws, '--within', '10.0.4.0/22'])).toMatch(/^10\.0\.5\.0\/24\s+reserved\s+growth of 10\.0\.4\.0\/24$/m);
    const u = json(['util', ws, '10.0.0.0/16']) as Record<string, number>;
    expect([u.usedUnits, u.reservedUnits, u.freeUnits]).toEqual([768, 1024, 65_536 - 768 - 1024]);
    ok(['undo', ws]);
    expect(headroom(['prefix', 'list', ws]).stdout).toBe(before.prefixes);
  });

  it('exit 1 with a clear message when nothing of that size is free, and for bad options; exit 2 without --from/--length', () => {
    const ws = plan52();
    refused(ws, ['allocate', ws, '--from', '10.0.0.0/22', '--length', '23'], /^headroom: length: no free .*\/23 is left in 10\.0\.0\.0\/22/);
    refused(ws, ['allocate', ws, '--from', '10.0.0.0/22', '--length', '33'], /length: must be a whole number from 0 to 32/);
    refused(ws, ['allocate', ws, '--from', '10.0.0.0/22', '--length', 'x'], /length: "x" is not a prefix length/);
    refused(
      ws,
      ['allocate', ws, '--from', '10.0.0.0/22', '--length', '26', '--strategy', 'random'],
      /strategy: must be one of first-fit, best-fit, sparse, last-fit/,
    );
    refused(ws, ['allocate', ws, '--from', '10.0.0.0/22', '--length', '26', '--status', 'used'], /status: must be one of/);
    refused(ws, ['allocate', ws, '--from', '10.0.0.0/22', '--length', '26', '--growth', 'x'], /growth: "x" is not a whole number/);
    refused(ws, ['allocate', ws, '--from', '10.0.0.5/22', '--length', '26'], /from: "10\.0\.0\.5\/22" has host bits set/);
    expect(headroom(['allocate', ws, '--length', '26']).code).toBe(2);
    expect(headroom(['allocate', ws, '--from', '10.0.0.0/22']).code).toBe(2);
  });

  it('--count N takes N blocks in one change (one per line; --json adds "prefixes"); fewer free: exit 1 naming the count', () => {
    const ws = plan52();
    refused(
      ws,
      ['allocate', ws, '--from', '10.0.0.0/22', '--length', '26', '--count', '6'],
      /^headroom: count: only 5 free \/26 blocks are left in 10\.0\.0\.0\/22, not 6$/m,
    );
    refused(ws, ['allocate', ws, '--from', '10.0.0.0/22', '--length', '26', '--count', '0'], /count: must be at least 1/);
    refused(ws, ['allocate', ws, '--from', '10.0.0.0/22', '--length', '26', '--count', 'x'], /count: "x" is not a whole number/);
    expect(json(['allocate', ws, '--from', '10.0.0.0/22', '--length', '26', '--count', '2', '--dry-run'])).toEqual({
      prefix: '10.0.0.0/26',
      strategy: 'first-fit',
      reserved: [],
      prefixes: ['10.0.0.0/26', '10.0.0.64/26'],
    });
    const history = (json(['history', ws]) as unknown[]).length;
    expect(ok(['allocate', ws, '--from', '10.0.0.0/22', '--length', '26', '--count', '3', '--description', 'BNG'])).toBe(
      '10.0.0.0/26\n10.0.0.64/26\n10.0.0.128/26\n',
    );
    expect((json(['history', ws]) as unknown[]).length).toBe(history + 1);
    ok(['undo', ws]);
    expect(ok(['prefix', 'list', ws])).not.toMatch(/BNG/);
  }, 240_000);
});

describe("headroom prefix add / rm: the issue's bad input (exit 1, field named, workspace unchanged)", () => {
  const ws = tmp.path('bad-input.headroom');
  beforeAll(() => {
    headroom(['init', ws]);
    ok(['prefix', 'add', ws, '192.0.2.0/24', '--status', 'aggregate']);
    ok(['prefix', 'add', ws, '192.0.2.0/25']);
  });

  it.each([
    [['10.0.0.0/8x'], /prefix: "10\.0\.0\.0\/8x": prefix length must be a whole number from 0 to 32/],
    [['10.0.0'], /prefix: "10\.0\.0" is not in CIDR form/],
    [['fe80:::/10'], /prefix: "fe80:::" is not a valid IPv6 address/],
    [['10.0.0.1/8'], /prefix: "10\.0\.0\.1\/8" has host bits set \(did you mean 10\.0\.0\.0\/8\?\)/],
    [['10.0.0.0/33'], /prefix: "10\.0\.0\.0\/33": prefix length must be a whole number from 0 to 32/],
    [['2001:db8::/129'], /prefix: .*from 0 to 128/],
    [['192.0.2.0/24'], /prefix: 192\.0\.2\.0\/24 is already in space "global"/],
    [['10.0.0.0/8', '--status', 'used'], /status: must be one of aggregate, allocated, assigned, reserved/],
    [['10.0.0.0/8', '--date', '2026-02-30'], /date: is not a real calendar day/],
    [['10.0.0.0/8', '--date', '15/03/2026'], /date: must be a date as YYYY-MM-DD/],
  ])('prefix add %j', (extra, message) => {
    refused(ws, ['prefix', 'add', ws, ...(extra as string[])], message as RegExp);
  });

  it('refuses removing a block with children, then removes leaves (exit 0)', () => {
    refused(ws, ['prefix', 'rm', ws, '192.0.2.0/24'], /prefix: 192\.0\.2\.0\/24 holds 1 block; remove it first/);
    refused(ws, ['prefix', 'rm', ws, '198.51.100.0/24'], /prefix: 198\.51\.100\.0\/24 is not in space "global"/);
    expect(ok(['prefix', 'rm', ws, '192.0.2.0/25'])).toBe('192.0.2.0/25\n');
    ok(['undo', ws]);
  });
});

describe('headroom asn add / list', () => {
  const ws = tmp.path('asn.headroom');
  beforeAll(() => {
    headroom(['init', ws]);
  });

  it('adds asplain and asdot, lists them with special-purpose flags', () => {
    expect(ok(['asn', 'add', ws, '3320', '--description', 'upstream'])).toBe('AS3320\n');
    const r = headroom(['asn', 'add', ws, '1.10']);
    expect(r).toMatchObject({ code: 0, stdout: 'AS65546\n' });
    expect(r.stderr).toMatch(/note: AS65546 .*documentation/);
    const list = json(['asn', 'list', ws]) as { asn: number; asdot: string; special: { kind: string } | null }[];
    expect(list.map((a) => [a.asn, a.asdot, a.special?.kind ?? null])).toEqual([
      [3320, '3320', null],
      [65546, '1.10', expect.any(String)],
    ]);
    expect(ok(['asn', 'list', ws])).toMatch(/^AS3320\s+3320\s+-\s+upstream$/m);
  });

  it.each([
    ['4294967296', /asn: "4294967296" is above the largest AS number, 4294967295/],
    ['12abc', /asn: "12abc" is not an AS number/],
    ['1.70000', /asn: "1\.70000": each part of an asdot number must be 0–65535/],
    ['3320', /asn: AS3320 is already recorded/],
    ['0.3320', /asn: AS3320 is already recorded/],
  ])('refuses %s (exit 1)', (asn, message) => {
    refused(ws, ['asn', 'add', ws, asn], message);
  });

  it('refuses -1 (exit 1) bare or after --: a negative number is a value, not an option; an unknown option stays a usage error (exit 2)', () => {
    refused(ws, ['asn', 'add', ws, '-1'], /asn: "-1" is not an AS number/);
    refused(ws, ['asn', 'add', ws, '--', '-1'], /asn: "-1" is not an AS number/);
    refused(ws, ['asn', 'add', ws, '-1', '--description', 'x'], /asn: "-1" is not an AS number/);
    const before = state(ws);
    expect(headroom(['asn', 'add', ws, '64500', '-x']).code).toBe(2);
    expect(state(ws)).toEqual(before);
  });
});

describe('headroom import / export', () => {
  const csv = (rows: string[]) => {
    const f = tmp.path(`in-${++n}.csv`);
    writeFileSync(f, ['prefix,status,description,space,date', ...rows].join('\n'));
    return f;
  };

  it('imports a CSV (exit 0), --dry-run changes nothing, and an export re-imports to the same registry', () => {
    const ws = fresh();
    const file = csv(['192.0.2.0/24,aggregate,"Acme, Ltd",,2024-01-31', '2001:db8::/32,allocated,v6,,', '10.0.0.0/8,reserved,lab,cust-a,']);
    const before = state(ws);
    expect(ok(['import', ws, file, '--format', 'csv', '--dry-run'])).toMatch(/^dry run: would import 3 blocks; nothing changed\n {2}192\.0\.2\.0\/24\n/);
    expect(state(ws)).toEqual(before);
    expect(ok(['import', ws, file, '--format', 'csv'])).toBe('imported 3 blocks\n');
    const out = tmp.path('out.csv');
    expect(ok(['export', ws, '--format', 'csv', '--out', out])).toBe('');
    const again = fresh();
    ok(['import', again, out, '--format', 'csv']);
    const strip = (s: string) => (JSON.parse(s) as Record<string, unknown>[]).map(({ id: _i, usage: _u, ...r }) => r);
    for (const space of ['global', 'cust-a']) {
      expect(strip(headroom(['prefix', 'list', again, '--space', space, '--json']).stdout)).toEqual(
        strip(headroom(['prefix', 'list', ws, '--space', space, '--json']).stdout),
      );
    }
    ok(['export', again, '--format', 'csv', '--out', tmp.path('out2.csv')]);
    expect(readFileSync(tmp.path('out2.csv'), 'utf8')).toBe(readFileSync(out, 'utf8'));
    // undo of the import restores the empty registry
    ok(['undo', ws]);
    expect(JSON.parse(headroom(['prefix', 'list', ws, '--json']).stdout)).toEqual([]);
  }, 300_000);

  it('refuses a file with bad rows (exit 1), naming each as line N: field: problem, and changes nothing', () => {
    const ws = fresh();
    ok(['prefix', 'add', ws, '198.51.100.0/24']);
    const file = csv([
      '192.0.2.0/24,aggregate,,,',
      '10.0.0.1/8,assigned,,,',
      '172.16.0.0/12,used,,,',
      '198.51.100.0/24,assigned,,,',
      '203.0.113.0/24,assigned,,,2026-02-30',
      '192.0.2.0/24,assigned,,,',
    ]);
    const before = state(ws);
    const r = headroom(['import', ws, file, '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('line '))).toEqual([
      'line 3: prefix: "10.0.0.1/8" has host bits set (did you mean 10.0.0.0/8?)',
      'line 4: status: unknown status "used" (one of aggregate, allocated, assigned, reserved, cooldown, planned)',
      'line 5: prefix: 198.51.100.0/24 is already in space "global"',
      'line 6: date: "2026-02-30" is not a date as YYYY-MM-DD',
      'line 7: prefix: 192.0.2.0/24 appears twice in space "global" (first on line 2)',
    ]);
    expect(state(ws)).toEqual(before);
    expect(headroom(['import', ws, file, '--format', 'csv', '--dry-run']).code).toBe(1);
    expect(state(ws)).toEqual(before);
  });

  it('usage errors (exit 2) and refusals (exit 1) of the command itself', () => {
    const ws = fresh();
    const file = csv(['192.0.2.0/24,aggregate,,,']);
    expect(headroom(['import', ws, file]).code).toBe(2);
    expect(headroom(['import', ws]).code).toBe(2);
    refused(ws, ['import', ws, file, '--format', 'xml'], /format: must be one of csv, netbox, delegated/);
    refused(ws, ['import', ws, tmp.path('missing.csv'), '--format', 'csv'], /file: .*missing\.csv: no such file/);
    refused(ws, ['import', ws, file, '--format', 'csv', '--cc', 'ZA'], /cc: only a delegated file has holders and countries/);
  });

  it('imports a real delegated file with --cc and --opaque-id, and exports a delegated file that parses back', () => {
    const ws = fresh();
    const file = rirStats('delegated-afrinic-extended-20260505');
    const dry = ok(['import', ws, file, '--format', 'delegated', '--cc', 'MU', '--dry-run']);
    const m = /would import ([\d,]+) blocks(?: and ([\d,]+) ASNs)? \(([\d,]+) records skipped\)/.exec(dry);
    expect(m).not.toBeNull();
    const { added, asns } = JSON.parse(ok(['import', ws, file, '--format', 'delegated', '--cc', 'MU', '--json'])) as { added: number; asns: number };
    expect(added).toBe(Number(m![1]!.replace(/,/g, '')));
    // The file's ASNs of that country are imported too (issue 14), and exported back.
    expect(asns).toBe(Number((m![2] ?? '0').replace(/,/g, '')));
    expect(asns).toBeGreaterThan(0);
    const rows = JSON.parse(headroom(['prefix', 'list', ws, '--json']).stdout) as { status: string; description: string; rir: string }[];
    expect(rows).toHaveLength(added);
    expect(rows.every((r) => r.status === 'aggregate' && r.rir === 'afrinic' && / MU /.test(r.description))).toBe(true);
    const ws2 = fresh();
    const byId = JSON.parse(ok(['import', ws2, file, '--format', 'delegated', '--opaque-id', 'F3619C8C', '--json'])) as { added: number };
    expect(byId.added).toBeGreaterThan(10);
    const out = tmp.path('out.delegated');
    ok(['export', ws, '--format', 'delegated', '--out', out]);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(new RegExp(`^2\\|afrinic\\|\\d{8}\\|${added + asns}\\|`));
    const ws3 = fresh();
    expect(JSON.parse(ok(['import', ws3, out, '--format', 'delegated', '--json'])) as { added: number; asns: number }).toMatchObject({ added, asns });
  }, 120_000);

  it('refuses a delegated file whose header count does not balance (exit 1)', () => {
    const ws = fresh();
    refused(
      ws,
      ['import', ws, rirStats('nro-samples', 'delegated-afrinic-extended-sample-2019'), '--format', 'delegated'],
      /line 1: records: header says 100 records, the file has 300/,
    );
  });

  it('NetBox CSV: import, export, re-import gives the same file', () => {
    const ws = fresh();
    const file = tmp.path('netbox.csv');
    writeFileSync(
      file,
      'prefix,status,vrf,tenant,description\n192.0.2.0/24,container,,Acme,Customer block\n192.0.2.0/26,active,,Acme,"Acme, LAN"\n10.0.0.0/8,reserved,cust-a,,lab\n',
    );
    ok(['import', ws, file, '--format', 'netbox']);
    const out = tmp.path('netbox-out.csv');
    ok(['export', ws, '--format', 'netbox', '--out', out]);
    expect(readFileSync(out, 'utf8')).toBe(
      'prefix,status,vrf,description\r\n10.0.0.0/8,reserved,cust-a,lab\r\n192.0.2.0/24,container,,Customer block\r\n192.0.2.0/26,active,,"Acme, LAN"\r\n',
    );
    const again = fresh();
    ok(['import', again, out, '--format', 'netbox']);
    const out2 = tmp.path('netbox-out2.csv');
    ok(['export', again, '--format', 'netbox', '--out', out2]);
    expect(readFileSync(out2, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('export writes atomically: a failed export leaves the old file whole and no temp file behind', () => {
    const ws = plan52();
    const dir = tmp.path('exports');
    ok(['init', tmp.path('exports-ws.headroom')]);
    const out = tmp.path('atomic.csv');
    writeFileSync(out, 'old contents\n');
    const bad = headroom(['export', ws, '--format', 'csv', '--out', out, '--within', '10.0.0.1/22']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/within: .*host bits set/);
    expect(readFileSync(out, 'utf8')).toBe('old contents\n');
    const missingDir = headroom(['export', ws, '--format', 'csv', '--out', `${dir}/nope/x.csv`]);
    expect(missingDir.code).toBe(1);
    expect(missingDir.stderr).toMatch(/out: could not write/);
    ok(['export', ws, '--format', 'csv', '--out', out, '--within', '10.0.2.0/24']);
    expect(readFileSync(out, 'utf8')).toBe(
      'prefix,status,description,space,date\r\n10.0.2.0/26,assigned,,global,' +
        JSON.parse(headroom(['prefix', 'list', ws, '--within', '10.0.2.0/26', '--json']).stdout)[0].date +
        '\r\n10.0.2.128/25,assigned,,global,' +
        JSON.parse(headroom(['prefix', 'list', ws, '--within', '10.0.2.128/25', '--json']).stdout)[0].date +
        '\r\n',
    );
    expect(readdirSync(tmp.dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(headroom(['export', ws, '--format', 'yaml', '--out', out]).code).toBe(1);
    expect(headroom(['export', ws, '--format', 'csv']).code).toBe(2);
  });
});

describe('headroom search and prefix history', () => {
  it("finds the holder of an address and lists a block's changes", () => {
    const ws = plan52();
    const s = json(['search', ws, '10.0.2.70']) as { kind: string; holder: { prefix: string } | null; rows: { prefix: string }[] };
    expect(s.kind).toBe('containment');
    expect(s.holder?.prefix).toBe('10.0.0.0/22');
    expect(s.rows.map((r) => r.prefix)).toEqual(['10.0.0.0/22']);
    expect(ok(['search', ws, '10.0.2.5'])).toMatch(/^10\.0\.0\.0\/22\s+aggregate\s+global\n10\.0\.2\.0\/26\s+assigned\s+global\n$/);
    ok(['prefix', 'rm', ws, '10.0.2.0/26']);
    const h = json(['prefix', 'history', ws, '10.0.2.0/26']) as { change: string; state: string }[];
    expect(h.map((e) => e.change)).toEqual(['removed', 'added']);
    expect(headroom(['prefix', 'history', ws, '203.0.113.0/24']).code).toBe(1);
  });
});

describe('headroom prefix set / prefix release / asn set (CLI.md "Editing and lifecycle")', () => {
  it('prefix set changes only the options given, as one undoable change', () => {
    const ws = fresh();
    ok(['prefix', 'add', ws, '2001:db8::/32', '--status', 'aggregate', '--description', 'RIPE', '--date', '2020-01-02', '--rir', 'ripencc']);
    const before = json(['prefix', 'list', ws]) as Record<string, unknown>[];
    const row = json(['prefix', 'set', ws, '2001:db8::/32', '--description', 'RIPE NCC block', '--unit', '56']) as Record<string, unknown>;
    expect(row).toMatchObject({ prefix: '2001:db8::/32', status: 'aggregate', description: 'RIPE NCC block', unit: 56, date: '2020-01-02', rir: 'ripencc' });
    const after = json(['prefix', 'list', ws]) as Record<string, unknown>[];
    expect(after[0]).toEqual({ ...before[0], description: 'RIPE NCC block', unit: 56 });
    ok(['undo', ws]);
    expect(json(['prefix', 'list', ws])).toEqual(before);
  });

  it('prefix set refuses an unknown block, a bad status or date, and a status the children forbid', () => {
    const ws = withRows(['10.0.0.0/16,allocated,,,', '10.0.1.0/24,assigned,,,']);
    refused(ws, ['prefix', 'set', ws, '10.9.0.0/24', '--description', 'x'], /prefix: 10\.9\.0\.0\/24 is not in space "global"/);
    refused(
      ws,
      ['prefix', 'set', ws, '10.0.1.0/24', '--status', 'retired'],
      /status: must be one of aggregate, allocated, assigned, reserved, cooldown, planned/,
    );
    refused(ws, ['prefix', 'set', ws, '10.0.1.0/24', '--date', '2026-02-30'], /date: is not a real calendar day/);
    refused(ws, ['prefix', 'set', ws, '10.0.0.0/16', '--status', 'cooldown'], /status: 10\.0\.0\.0\/16 cannot be cooldown: it holds 1 block/);
  });

  it('prefix add warns on stderr without refusing (assigned 10.0.0.0/8 in global)', () => {
    const ws = fresh();
    const r = headroom(['prefix', 'add', ws, '10.0.0.0/8']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('10.0.0.0/8\n');
    expect(r.stderr).toMatch(/^note: 10\.0\.0\.0\/8 is assigned whole in the global space/);
  });

  it('prefix release: cooldown until today + N days, then allocation skips it; --cooldown-days 0 frees at once', () => {
    const ws = withRows(['10.0.0.0/24,allocated,,,', '10.0.0.0/25,assigned,,,']);
    const today = new Date().toISOString().slice(0, 10);
    const plus = (d: number) => new Date(Date.parse(`${today}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
    expect(ok(['prefix', 'release', ws, '10.0.0.0/25'])).toBe(`10.0.0.0/25 cooldown until ${plus(180)}\n`);
    const rows = json(['prefix', 'list', ws]) as { prefix: string; status: string; date: string }[];
    expect(rows[1]).toMatchObject({ prefix: '10.0.0.0/25', status: 'cooldown', date: plus(180) });
    expect(ok(['allocate', ws, '--from', '10.0.0.0/24', '--length', '25', '--dry-run'])).toBe('10.0.0.128/25\n');
    expect(json(['util', ws, '10.0.0.0/24'])).toMatchObject({ usedUnits: 128 });
    ok(['undo', ws]);
    expect(ok(['prefix', 'release', ws, '10.0.0.0/25', '--cooldown-days', '0'])).toBe('10.0.0.0/25 freed\n');
    expect(ok(['allocate', ws, '--from', '10.0.0.0/24', '--length', '25', '--dry-run'])).toBe('10.0.0.0/25\n');
    refused(ws, ['prefix', 'release', ws, '10.0.0.0/24', '--cooldown-days', 'soon'], /cooldown-days: "soon" is not a whole number of days/);
  });

  it('prefix add --status planned --date: shown, never picked', () => {
    const ws = withRows(['10.0.0.0/24,allocated,,,']);
    ok(['prefix', 'add', ws, '10.0.0.0/25', '--status', 'planned', '--date', '2030-01-01']);
    expect(ok(['prefix', 'list', ws])).toMatch(/10\.0\.0\.0\/25\s+planned/);
    for (const s of ['first-fit', 'best-fit', 'sparse', 'last-fit']) {
      expect(ok(['allocate', ws, '--from', '10.0.0.0/24', '--length', '26', '--strategy', s, '--dry-run'])).toMatch(/^10\.0\.0\.(128|192)\/26\n$/);
    }
  });

  it('asn set changes the description or date of a recorded ASN', () => {
    const ws = fresh();
    ok(['asn', 'add', ws, '64500', '--description', 'core', '--date', '2020-01-01']);
    expect(json(['asn', 'set', ws, '64500', '--description', 'core network'])).toMatchObject({ asn: 64500, description: 'core network', date: '2020-01-01' });
    refused(ws, ['asn', 'set', ws, '64501', '--date', '2020-01-01'], /asn: AS64501 is not recorded/);
  });
});
