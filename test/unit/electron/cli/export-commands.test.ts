/**
 * `headroom export WS --format F --out FILE [--within CIDR]` (CLI.md "Exports") through the real
 * CLI on a real demo workspace, for all eight formats, each read back by the tool that reads
 * it: CSV and NetBox parsed, RPSL parsed and validated, the delegated file parsed, each BIND
 * zone loaded by named-checkzone, dhcpd.conf by `dhcpd -t`, the Kea JSON by `kea-dhcp4 -t`, the
 * PDF by pdftotext. A test whose tool is absent is skipped, saying which tool.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateOrganisation } from '../../../../electron/core/services/requests';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { splitBindExport } from '../../../../shared/report/bind-export';
import { parseDelegated } from '../../../../shared/rir/delegated';
import { rpslValues } from '../../../../shared/rir/rpsl-object';
import { parseRpsl } from '../../../../shared/rir/rpsl-text';
import { validateRpslObject } from '../../../../shared/rir/rpsl-validate';
import { ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir();
let demo: string;
let filled: string;

function has(tool: string): boolean {
  const r = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  return r.status === 0;
}
const tools = {
  namedCheckzone: has('named-checkzone'),
  dhcpd: has('dhcpd'),
  kea: has('kea-dhcp4'),
  pdftotext: has('pdftotext'),
  chromium: existsSync('/usr/bin/chromium'),
};
for (const [tool, present] of Object.entries(tools)) if (!present) console.warn(`export-commands: ${tool} is not installed; its checks are skipped`);

let n = 0;
/** Exports to a fresh file; returns the CLI result and the file's path. */
function exportTo(ws: string, format: string, ...extra: string[]) {
  const out = tmp.path(`export-${++n}.${format}`);
  const r = headroom(['export', ws, '--format', format, '--out', out, ...extra]);
  return { ...r, out };
}

function exported(ws: string, format: string, ...extra: string[]): string {
  const r = exportTo(ws, format, ...extra);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe('');
  return readFileSync(r.out, 'utf8');
}

/** Every block of the workspace as `prefix list --json` gives it. */
function blocks(ws: string, ...extra: string[]): { prefix: string; status: string; description: string }[] {
  const r = headroom(['prefix', 'list', ws, '--json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  const v = JSON.parse(r.stdout) as
    { prefix: string; status: string; description: string }[] | { rows: { prefix: string; status: string; description: string }[] };
  return Array.isArray(v) ? v : v.rows;
}

beforeAll(async () => {
  ensureBuilt();
  demo = tmp.path('demo.headroom');
  expect(headroom(['init', demo, '--demo']).code).toBe(0);
  filled = tmp.path('filled.headroom');
  expect(headroom(['init', filled, '--demo']).code).toBe(0);
  const ws = await Workspace.open(filled);
  updateOrganisation(ws, {
    country: 'NL',
    mntner: 'EXAMPLE-MNT',
    nameServers: ['ns1.example.net', 'ns2.example.net'],
    contacts: [{ name: 'Ana Planner', email: 'ana@example.net', phone: '+31 20 5550100', handle: 'AP1-RIPE', roles: ['requester', 'admin', 'tech'] }],
  });
  ws.close();
}, 180_000);
afterAll(() => tmp.cleanup());

describe('export --format csv', () => {
  it('writes prefix,status,description,space,date with one row per block (RFC 4180, CRLF)', () => {
    const text = exported(demo, 'csv');
    expect(text.startsWith('prefix,status,description,space,date\r\n')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.trimEnd(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.filter((r) => r.space === 'global').map((r) => r.prefix)).toEqual(blocks(demo).map((b) => b.prefix));
    expect(parsed.data.filter((r) => r.space === 'mgmt').map((r) => r.prefix)).toEqual(blocks(demo, '--space', 'mgmt').map((b) => b.prefix));
    expect(parsed.data.find((r) => r.prefix === '198.51.100.104/30')).toMatchObject({ status: 'assigned', description: 'Northgate Pharmacy', space: 'global' });
  });

  it('keeps only the blocks inside --within', () => {
    const parsed = Papa.parse<Record<string, string>>(exported(demo, 'csv', '--within', '198.51.100.64/26').trimEnd(), { header: true });
    expect(parsed.data.map((r) => r.prefix)).toEqual(blocks(demo, '--within', '198.51.100.64/26').map((b) => b.prefix));
    expect(parsed.data.map((r) => r.space)).toEqual(Array(10).fill('global'));
    expect(parsed.data).toHaveLength(10);
  });
});

describe('export --format netbox', () => {
  it("writes NetBox's prefix,status,vrf,description with NetBox statuses", () => {
    const parsed = Papa.parse<Record<string, string>>(exported(demo, 'netbox').trimEnd(), { header: true });
    expect(parsed.meta.fields).toEqual(['prefix', 'status', 'vrf', 'description']);
    expect(parsed.data.find((r) => r.prefix === '198.51.100.0/24')).toMatchObject({ status: 'container', vrf: '' });
    expect(parsed.data.find((r) => r.prefix === '198.51.100.104/30')).toMatchObject({ status: 'active' });
  });
});

describe('export --format delegated', () => {
  it('writes an RIR delegated file of the aggregates and ASNs that parses back', () => {
    const file = parseDelegated(exported(demo, 'delegated'));
    expect(file.records.filter((r) => r.type === 'ipv4').map((r) => r.start)).toEqual(['192.0.2.0', '198.51.100.0', '203.0.113.0']);
    expect(file.records.filter((r) => r.type === 'asn')).toHaveLength(5);
  });
});

describe('export --format rpsl', () => {
  it('writes inetnum/inet6num + route/route6 per aggregate and aut-num for our own ASN only, one blank line apart', () => {
    const text = exported(filled, 'rpsl');
    const objs = parseRpsl(text);
    // 192.0.2.0/24 is Transit A's space: its inetnum is the upstream's; the route needs its mnt-routes (docs/rir.md §5).
    expect(objs.map((o) => `${o.attributes[0]!.name} ${o.attributes[0]!.value}`)).toEqual([
      'route 192.0.2.0/24',
      'inetnum 198.51.100.0 - 198.51.100.255',
      'route 198.51.100.0/24',
      'inetnum 203.0.113.0 - 203.0.113.255',
      'route 203.0.113.0/24',
      'inet6num 2001:db8::/32',
      'route6 2001:db8::/32',
      'aut-num AS64496',
    ]);
    expect(text).not.toMatch(/\n\n\n/);
    expect(text).toMatch(/\nsource: +RIPE\n\nroute: /);
  });

  it('gives objects that validate against the RIPE templates', () => {
    for (const o of parseRpsl(exported(filled, 'rpsl'))) expect(validateRpslObject(o, { rir: 'ripe' }), o.attributes[0]!.value).toEqual([]);
  });

  it('lists the placeholders it used as % notes when Settings is empty', () => {
    const text = exported(demo, 'rpsl');
    expect(text).toMatch(/^% note: no maintainer in Settings: mnt-by is the placeholder CHANGE-ME-MNT$/m);
    expect(rpslValues(parseRpsl(text)[0]!, 'mnt-by')).toEqual(['CHANGE-ME-MNT']);
  });

  it('keeps only the aggregates inside --within, and no aut-num', () => {
    const objs = parseRpsl(exported(filled, 'rpsl', '--within', '2001:db8::/32'));
    expect(objs.map((o) => o.attributes[0]!.name)).toEqual(['inet6num', 'route6']);
  });
});

describe('export --format bind', () => {
  function checkzone(zone: string, text: string): { code: number; out: string } {
    const file = tmp.path(`db.${zone.replace(/\//g, '-')}`);
    writeFileSync(file, text);
    const r = spawnSync('named-checkzone', [zone, file], { encoding: 'utf8' });
    return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
  }

  it.runIf(tools.namedCheckzone)('writes one zone per aggregate, each loading in named-checkzone once split at $ORIGIN', () => {
    const zones = splitBindExport(exported(filled, 'bind'));
    // 192.0.2.0/24 is an upstream's: its reverse zone is theirs (docs/rir.md §5).
    expect(zones.map((z) => z.zone)).toEqual(['100.51.198.in-addr.arpa', '113.0.203.in-addr.arpa', '8.b.d.0.1.0.0.2.ip6.arpa']);
    for (const z of zones) {
      const c = checkzone(z.zone, z.text);
      expect(c.code, c.out).toBe(0);
      expect(c.out).toMatch(/OK/);
      expect(z.text).toMatch(/\tIN\tNS\tns1\.example\.net\.$/m);
    }
    // Every host of the demo has its PTR (issue 15).
    expect(zones.find((z) => z.zone === '100.51.198.in-addr.arpa')!.text).toMatch(/^33\tIN\tPTR\tns1\.example\.net\.$/m);
    expect(zones.find((z) => z.zone === '113.0.203.in-addr.arpa')!.text).toMatch(/^2\tIN\tPTR\tap1\.fwa\.example\.net\.$/m);
  });

  it.runIf(tools.namedCheckzone)('gives a block inside an aggregate (--within) its own zones, RFC 2317 included', () => {
    const zones = splitBindExport(exported(filled, 'bind', '--within', '198.51.100.64/26'));
    expect(zones.map((z) => z.zone)).toEqual(['64-127.100.51.198.in-addr.arpa', '100.51.198.in-addr.arpa']);
    for (const z of zones) expect(checkzone(z.zone, z.text).code).toBe(0);
  });

  it('refuses a workspace without two name servers in Settings, naming ns', () => {
    const r = exportTo(demo, 'bind');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ns: at least two distinct name servers.*Settings/);
    expect(existsSync(r.out)).toBe(false);
  });

  it.runIf(tools.namedCheckzone)('takes the name servers from --ns when Settings has none', () => {
    const r = exportTo(demo, 'bind', '--ns', 'ns1.example.org,ns2.example.org');
    expect(r.code, r.stderr).toBe(0);
    const zones = splitBindExport(readFileSync(r.out, 'utf8'));
    expect(zones.length).toBeGreaterThan(0);
    for (const z of zones) {
      expect(z.text).toMatch(/\tIN\tNS\tns2\.example\.org\.$/m);
      expect(checkzone(z.zone, z.text).code).toBe(0);
    }
    expect(exportTo(demo, 'bind', '--ns', 'ns1.example.org')).toMatchObject({ code: 1, stderr: expect.stringMatching(/ns: /) });
  });

  it('refuses a --within that no aggregate holds, naming within', () => {
    const r = exportTo(filled, 'bind', '--within', '10.0.0.0/8');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/within: /);
  });
});

describe('export --format dhcpd', () => {
  const dhcpdCheck = (file: string) =>
    spawnSync('dhcpd', ['-t', '-cf', file, '-lf', tmp.path('dhcpd.leases'), '-pf', tmp.path('dhcpd.pid')], { encoding: 'utf8' });

  it.runIf(tools.dhcpd)('writes a dhcpd.conf that dhcpd -t accepts, a subnet per scope or reserved host, ranges only from scopes', () => {
    const r = exportTo(demo, 'dhcpd');
    expect(r.code, r.stderr).toBe(0);
    const check = dhcpdCheck(r.out);
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    const text = readFileSync(r.out, 'utf8');
    expect(text).toMatch(/^authoritative;$/m);
    // The demo's three scopes and the server block's reservations; loopbacks, links and CGNAT get nothing.
    expect(text.match(/^subnet /gm)).toHaveLength(4);
    expect(text.match(/^ {2}range /gm)).toHaveLength(3);
    expect(text).toMatch(
      /# 198\.51\.100\.80\/28: Riverside Secondary School\nsubnet 198\.51\.100\.80 netmask 255\.255\.255\.240 \{\n.*\n {2}range 198\.51\.100\.84 198\.51\.100\.94;/,
    );
    expect(text).toMatch(/ {2}host printer1\.school\.example\.net \{\n {4}hardware ethernet 00:1b:a9:3c:4d:01;\n {4}fixed-address 198\.51\.100\.82;/);
    expect(text).not.toMatch(/CGNAT|Router loopbacks/);
  });

  it.runIf(tools.dhcpd)('is checked for real: dhcpd -t refuses a pool outside its subnet', () => {
    const bad = tmp.path('bad-dhcpd.conf');
    writeFileSync(bad, readFileSync(exportTo(demo, 'dhcpd').out, 'utf8').replace('range 198.51.100.84 198.51.100.94;', 'range 198.51.100.184 198.51.100.194;'));
    expect(dhcpdCheck(bad).status).not.toBe(0);
  });

  it('keeps only the blocks inside --within', () => {
    expect(exported(demo, 'dhcpd', '--within', '198.51.100.64/26').match(/^subnet /gm)).toHaveLength(2);
  });
});

describe('export --format kea', () => {
  const keaCheck = (file: string) => spawnSync('kea-dhcp4', ['-t', file], { encoding: 'utf8' });

  it.runIf(tools.kea)('writes a Kea DHCPv4 config that kea-dhcp4 -t accepts', () => {
    const r = exportTo(demo, 'kea');
    expect(r.code, r.stderr).toBe(0);
    const check = keaCheck(r.out);
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
  });

  it('gives each subnet a unique id, its pool, its options and its reservations', () => {
    const cfg = JSON.parse(exported(demo, 'kea')) as {
      Dhcp4: { subnet4: { id: number; subnet: string; pools: { pool: string }[]; 'option-data': { name: string; data: string }[]; comment: string }[] };
    };
    const subnets = cfg.Dhcp4.subnet4;
    expect(subnets.map((s) => s.subnet)).toEqual(['198.51.100.32/27', '198.51.100.80/28', '198.51.100.96/29', '203.0.113.0/25']);
    expect(new Set(subnets.map((s) => s.id)).size).toBe(4);
    const s = subnets.find((x) => x.subnet === '198.51.100.96/29')!;
    expect(s.pools).toEqual([{ pool: '198.51.100.98 - 198.51.100.102' }]);
    expect(s['option-data']).toEqual([
      { name: 'routers', data: '198.51.100.97' },
      { name: 'domain-name-servers', data: '198.51.100.33' },
      { name: 'domain-name', data: 'lakeside-hotel.example.net' },
    ]);
    expect(s.comment).toMatch(/^Lakeside Hotel; dynamic range of 5 addresses/);
    expect(subnets.find((x) => x.subnet === '198.51.100.32/27')).toMatchObject({ pools: [], comment: expect.stringMatching(/reservations only/) });
  });

  it('keeps each subnet id from one export to the next (the registry id of its block)', () => {
    const ids = (t: string) => new Map((JSON.parse(t) as { Dhcp4: { subnet4: { id: number; subnet: string }[] } }).Dhcp4.subnet4.map((s) => [s.subnet, s.id]));
    const all = ids(exported(demo, 'kea'));
    const some = ids(exported(demo, 'kea', '--within', '198.51.100.64/26'));
    expect(some.size).toBe(2);
    for (const [subnet, id] of some) expect(all.get(subnet), subnet).toBe(id);
  });

  it.runIf(tools.kea)('is checked for real: kea-dhcp4 -t refuses a pool outside its subnet', () => {
    const bad = tmp.path('bad-kea.json');
    writeFileSync(bad, readFileSync(exportTo(demo, 'kea').out, 'utf8').replace('198.51.100.98 - 198.51.100.102', '198.51.100.198 - 198.51.100.202'));
    expect(keaCheck(bad).status).not.toBe(0);
  });
});

describe('export --format zone', () => {
  it.runIf(tools.namedCheckzone)('writes the forward zone of --zone with an A/AAAA per host, loading in named-checkzone', () => {
    const r = exportTo(demo, 'zone', '--zone', 'example.net', '--ns', 'ns1.example.net,ns2.example.net');
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(r.out, 'utf8');
    expect(text).toMatch(/^ns1\tIN\tA\t198\.51\.100\.33$/m);
    expect(text).toMatch(/^ns2\tIN\tAAAA\t2001:db8:0:100::53$/m);
    expect(text).toMatch(/^printer1\.school\tIN\tA\t198\.51\.100\.82$/m);
    const c = spawnSync('named-checkzone', ['example.net', r.out], { encoding: 'utf8' });
    expect(c.status, c.stdout).toBe(0);
  });

  it('refuses a missing --zone, naming zone, and writes nothing', () => {
    const r = exportTo(demo, 'zone', '--ns', 'ns1.example.net,ns2.example.net');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/zone: /);
    expect(existsSync(r.out)).toBe(false);
  });
});

describe('export --format pdf', () => {
  it.runIf(tools.chromium && tools.pdftotext)(
    'prints the allocation report: every block of the registry is in the PDF',
    () => {
      const r = exportTo(demo, 'pdf');
      expect(r.code, r.stderr).toBe(0);
      const bytes = readFileSync(r.out);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Chromium's bytes as they are: binary streams (a text round trip would have mangled them).
      expect(bytes.some((b) => b >= 0x80)).toBe(true);
      const t = spawnSync('pdftotext', ['-layout', r.out, '-'], { encoding: 'utf8' });
      expect(t.status, t.stderr).toBe(0);
      expect(t.stderr).toBe('');
      expect(t.stdout).toMatch(/Allocation report — Example Networks/);
      for (const b of [...blocks(demo), ...blocks(demo, '--space', 'mgmt')]) expect(t.stdout, b.prefix).toContain(b.prefix);
      expect(t.stdout).toMatch(/10\.0\.0\.0\/16 mgmt +allocated +Out-of-band management network/);
      expect(t.stdout).toMatch(/198\.51\.100\.104\/30 +assigned +Northgate Pharmacy/);
    },
    180_000,
  );
});

describe('export: bad input', () => {
  it('refuses an unknown format (exit 1), naming format and the formats there are', () => {
    const r = exportTo(demo, 'xlsx');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /format: unknown format "xlsx" \(one of csv, netbox, delegated, rpsl, bind, dhcpd, kea, zone, roa-slurm, roa-csv, roa-lacnic, roa-arin, roa-ripe, pdf, report-csv, sizing-pdf\)/,
    );
    expect(existsSync(r.out)).toBe(false);
  });

  it('is a usage error (exit 2) without --out', () => {
    const r = headroom(['export', demo, '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out FILE is required/);
  });

  it('refuses an --out in a folder that does not exist (exit 1, naming out), leaving nothing behind', () => {
    const missing = tmp.path('no-such-folder');
    const r = headroom(['export', demo, '--format', 'kea', '--out', join(missing, 'dhcp4.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/out: could not write/);
    expect(existsSync(missing)).toBe(false);
  });

  it('leaves an existing --out file untouched when the export fails', () => {
    const out = tmp.path('zones.db');
    writeFileSync(out, 'the old zones\n');
    const before = readdirSync(tmp.dir).sort();
    const r = headroom(['export', demo, '--format', 'bind', '--out', out]);
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('the old zones\n');
    expect(readdirSync(tmp.dir).sort()).toEqual(before);
  });

  it('refuses a malformed --within, naming within', () => {
    const r = exportTo(demo, 'dhcpd', '--within', '198.51.100.1/24');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/within: /);
    expect(existsSync(r.out)).toBe(false);
  });
});
