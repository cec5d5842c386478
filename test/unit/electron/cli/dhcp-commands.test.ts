/**
 * The "Addresses, DHCP and DNS" commands of CLI.md through the real built CLI on real temp
 * workspaces: arguments, exit codes 0/1/2, the JSON fields exactly as written there, refusals
 * naming the field with the workspace file and journal unchanged, `leases import` of a real
 * lease file, and `undo`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-dhcp-cli-');
beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => tmp.cleanup());
let n = 0;
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
const plan = () => {
  const ws = tmp.path(`d-${++n}.headroom`);
  ok(['init', ws]);
  ok(['prefix', 'add', ws, '198.51.100.80/28', '--status', 'assigned', '--description', 'School']);
  return ws;
};

describe('host add|rm|list', () => {
  it('records, lists with the JSON fields of CLI.md, removes and undoes', () => {
    const ws = plan();
    expect(
      json([
        'host',
        'add',
        ws,
        '198.51.100.82',
        '--name',
        'printer1.school.example.net',
        '--mac',
        '00-1B-A9-3C-4D-01',
        '--role',
        'printer',
        '--description',
        'Staff room',
      ]),
    ).toEqual({
      ip: '198.51.100.82',
      name: 'printer1.school.example.net',
      mac: '00:1b:a9:3c:4d:01',
      role: 'printer',
      description: 'Staff room',
    });
    expect(ok(['host', 'add', ws, '198.51.100.81', '--name', 'gw.school.example.net', '--role', 'router']).stdout.trim()).toBe(
      '198.51.100.81 gw.school.example.net',
    );
    expect(json(['host', 'list', ws, '--within', '198.51.100.80/28'])).toEqual([
      { ip: '198.51.100.81', name: 'gw.school.example.net', mac: null, role: 'router', description: '' },
      { ip: '198.51.100.82', name: 'printer1.school.example.net', mac: '00:1b:a9:3c:4d:01', role: 'printer', description: 'Staff room' },
    ]);
    ok(['host', 'rm', ws, '198.51.100.81']);
    expect((json(['host', 'list', ws]) as unknown[]).length).toBe(1);
    ok(['undo', ws]);
    expect((json(['host', 'list', ws]) as unknown[]).length).toBe(2);
  });

  it('refuses bad input with exit 1 naming the field, the file unchanged; a missing --name is a usage error', () => {
    const ws = plan();
    ok(['host', 'add', ws, '198.51.100.82', '--name', 'a.example.net']);
    ok(['scope', 'add', ws, '198.51.100.80/28', '--range', '198.51.100.88-198.51.100.94']);
    const before = state(ws);
    for (const [args, message] of [
      [['198.51.100.80', '--name', 'b.example.net'], /^headroom: ip: 198\.51\.100\.80 is the network address of 198\.51\.100\.80\/28/m],
      [['198.51.100.82', '--name', 'b.example.net'], /ip: 198\.51\.100\.82 is already taken by a\.example\.net/],
      [['192.0.2.1', '--name', 'b.example.net'], /ip: 192\.0\.2\.1 is not inside any assigned block/],
      [['198.51.100.83', '--name', 'b.example.net', '--mac', 'zz:1b:a9:3c:4d:01'], /mac: "zz:1b:a9:3c:4d:01" is not a MAC address/],
      [['198.51.100.83', '--name', 'bad_name.example.net'], /name: "bad_name\.example\.net" is not a valid host name/],
      [['198.51.100.95', '--name', 'b.example.net'], /ip: 198\.51\.100\.95 is the broadcast address of 198\.51\.100\.80\/28/],
      [['198.51.100.8x', '--name', 'b.example.net'], /^headroom: ip: /m],
      [['198.51.100.90', '--name', 'b.example.net'], /ip: 198\.51\.100\.90 is inside the DHCP range 198\.51\.100\.88–198\.51\.100\.94 of 198\.51\.100\.80\/28/],
    ] as const) {
      const r = headroom(['host', 'add', ws, ...args]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    expect(state(ws)).toEqual(before);
    expect(headroom(['host', 'add', ws, '198.51.100.83']).code).toBe(2);
  });
});

describe('scope add|rm|list and leases import', () => {
  it('declares a scope (lease default 86400), lists the JSON fields of CLI.md, and counts a lease file into it', () => {
    const ws = plan();
    ok(['host', 'add', ws, '198.51.100.81', '--name', 'gw.school.example.net']);
    expect(
      json([
        'scope',
        'add',
        ws,
        '198.51.100.80/28',
        '--range',
        '198.51.100.84-198.51.100.94',
        '--router',
        '198.51.100.81',
        '--dns',
        '198.51.100.33,198.51.100.34',
        '--domain',
        'school.example.net',
      ]),
    ).toEqual({
      prefix: '198.51.100.80/28',
      first: '198.51.100.84',
      last: '198.51.100.94',
      size: 11,
      leaseS: 86400,
      router: '198.51.100.81',
      dns: ['198.51.100.33', '198.51.100.34'],
      domain: 'school.example.net',
      leased: null,
      leasedAt: null,
    });
    const r = ok([
      'leases',
      'import',
      ws,
      join(__dirname, '..', '..', '..', 'fixtures', 'leases', 'dhcpd.leases'),
      '--format',
      'dhcpd',
      '--date',
      '2026-12-03',
    ]);
    expect(r.stdout).toMatch(/^198\.51\.100\.80\/28 +3 of 11 leased$/m);
    expect(r.stderr).toMatch(/note: 192\.0\.2\.50 is leased but lies in no DHCP scope's range/);
    expect(json(['scope', 'list', ws])).toEqual([expect.objectContaining({ prefix: '198.51.100.80/28', leased: 3, leasedAt: '2026-12-03' })]);
    const before = state(ws);
    const again = headroom(['scope', 'add', ws, '198.51.100.80/28', '--range', '198.51.100.84-198.51.100.90']);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/prefix: 198\.51\.100\.80\/28 already has a DHCP scope/) });
    expect(headroom(['scope', 'add', ws, '198.51.100.80/28', '--range', '198.51.100.84-198.51.100.90', '--lease-s', 'long']).code).toBe(1);
    expect(headroom(['scope', 'add', ws, '198.51.100.80/28']).code).toBe(2);
    expect(state(ws)).toEqual(before);
    ok(['prefix', 'add', ws, '198.51.100.64/28', '--status', 'assigned']);
    const withBlock = state(ws);
    for (const [range, message] of [
      ['198.51.100.78-198.51.100.70', /^headroom: range: 198\.51\.100\.78-198\.51\.100\.70 is reversed/m],
      ['198.51.100.70-198.51.100.85', /^headroom: range: 198\.51\.100\.70-198\.51\.100\.85 is not inside 198\.51\.100\.64\/28/m],
    ] as const) {
      const r = headroom(['scope', 'add', ws, '198.51.100.64/28', '--range', range]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    expect(state(ws)).toEqual(withBlock);
    ok(['prefix', 'rm', ws, '198.51.100.64/28']);
    ok(['scope', 'rm', ws, '198.51.100.80/28']);
    expect(json(['scope', 'list', ws])).toEqual([]);
  });

  it('counts a Kea memfile CSV; a lease file with garbage lines is refused by line number (exit 1) and nothing is imported', () => {
    const ws = plan();
    ok(['scope', 'add', ws, '198.51.100.80/28', '--range', '198.51.100.84-198.51.100.94']);
    const fixtures = join(__dirname, '..', '..', '..', 'fixtures', 'leases');
    const before = state(ws);
    const garbage = tmp.path('garbage.leases');
    writeFileSync(
      garbage,
      readFileSync(join(fixtures, 'dhcpd.leases'), 'utf8').replace('  binding state free;\n', '  binding state free;\n  not a statement\n'),
    );
    const bad = headroom(['leases', 'import', ws, garbage, '--format', 'dhcpd', '--date', '2026-12-03']);
    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stderr).toMatch(/^headroom: file: .*nothing was imported: line 27: not a statement/m);
    expect(headroom(['leases', 'import', ws, tmp.path('no-such.csv'), '--format', 'kea']).code).toBe(1);
    expect(headroom(['leases', 'import', ws, join(fixtures, 'kea-leases4.csv'), '--format', 'csv']).code).toBe(1);
    expect(state(ws)).toEqual(before);
    const r = json(['leases', 'import', ws, join(fixtures, 'kea-leases4.csv'), '--format', 'kea', '--date', '2026-12-03']) as {
      scopes: { prefix: string; leased: number; size: number }[];
    };
    expect(r.scopes).toEqual([{ prefix: '198.51.100.80/28', leased: 1, size: 11 }]);
    // Every scope is a limit of the forecasts: its leases against the size of its range.
    const limits = json(['limits', ws, '--as-of', '2026-12-03']) as { limits: { kind: string; name: string; capacity: number; current: number | null }[] };
    expect(limits.limits.filter((l) => l.kind === 'dhcp')).toEqual([
      expect.objectContaining({ name: 'DHCP scope 198.51.100.80/28', capacity: 11, current: 1 }),
    ]);
  });

  it("says on stderr what an export leaves out: a scope whose block is gone, a zone with no host's name in it", () => {
    const ws = plan();
    ok(['scope', 'add', ws, '198.51.100.80/28', '--range', '198.51.100.84-198.51.100.94']);
    ok(['prefix', 'rm', ws, '198.51.100.80/28']);
    const out = tmp.path('left-out.conf');
    const r = ok(['export', ws, '--format', 'dhcpd', '--out', out]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^headroom: note: the DHCP scope of 198\.51\.100\.80\/28 is left out: its block is no longer an assigned block/m);
    expect(readFileSync(out, 'utf8')).not.toMatch(/^subnet /m);
    const zone = ok([
      'export',
      ws,
      '--format',
      'zone',
      '--zone',
      'example.org',
      '--ns',
      'ns1.example.net,ns2.example.net',
      '--out',
      tmp.path('db.example.org'),
    ]);
    expect(zone.stderr).toMatch(/^headroom: note: no host's name lies in example\.org/m);
  });
});
