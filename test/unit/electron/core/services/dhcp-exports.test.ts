/**
 * The DHCP and DNS exports of issue 15 through dispatch on a real temp workspace, each file
 * loaded by the real program that reads it: `dhcpd -t -cf`, `kea-dhcp4 -t`, `named-checkzone`.
 * Only declared scopes hand out addresses; hosts with a MAC become dhcpd `host` blocks and Kea
 * `reservations`; every host gets a PTR in its reverse zone and an A/AAAA in its forward zone.
 * A test whose tool is absent is skipped, saying which tool.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../../../electron/core/services/session';
import { splitBindExport } from '../../../../../shared/report/bind-export';
import { openDispatch } from '../../../../support/dispatch';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir('headroom-dhcp-export-');
afterAll(() => tmp.cleanup());
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const tools = { dhcpd: has('dhcpd'), kea: has('kea-dhcp4'), named: has('named-checkzone') };
let n = 0;
let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

const write = (name: string, text: string) => {
  const path = tmp.path(`${++n}-${name}`);
  writeFileSync(path, text);
  return path;
};
const dhcpdCheck = (text: string) =>
  spawnSync('dhcpd', ['-t', '-cf', write('dhcpd.conf', text), '-lf', tmp.path('dhcpd.leases'), '-pf', tmp.path('dhcpd.pid')], { encoding: 'utf8' });
const keaCheck = (text: string) => spawnSync('kea-dhcp4', ['-t', write('kea.json', text)], { encoding: 'utf8' });
const zoneCheck = (zone: string, text: string) => spawnSync('named-checkzone', [zone, write(`db.${zone.replace(/\//g, '-')}`, text)], { encoding: 'utf8' });

/**
 * An ISP with one aggregate (RIR space) and four assigned IPv4 blocks: an office LAN with a
 * scope and hosts, a server block with hosts but no scope, router loopbacks with neither, and
 * a customer /29 with a scope; and an IPv6 server /64 with a host.
 */
async function isp() {
  const d = await openDispatch(tmp.path(`ws-${++n}.headroom`), { now: () => new Date('2026-12-03T12:00:00Z') });
  session = d.session;
  const { call } = d;
  await call('registry.addPrefix', { prefix: '198.51.100.0/24', status: 'aggregate', rir: 'ripe' });
  await call('registry.addPrefix', { prefix: '2001:db8::/32', status: 'aggregate', rir: 'ripe' });
  await call('registry.addPrefix', { prefix: '198.51.100.0/26', description: 'Office LAN, floor 1' });
  await call('registry.addPrefix', { prefix: '198.51.100.64/28', description: 'Servers' });
  await call('registry.addPrefix', { prefix: '198.51.100.80/28', description: 'Router loopbacks' });
  await call('registry.addPrefix', { prefix: '198.51.100.96/29', description: 'Acme "Freight"\nLtd' });
  await call('registry.addPrefix', { prefix: '2001:db8:0:100::/64', description: 'Server network' });
  await call('dhcp.addHost', { ip: '198.51.100.1', name: 'gw1.example.net', role: 'router' });
  await call('dhcp.addHost', { ip: '198.51.100.10', name: 'printer1.office.example.net', mac: '00:1a:2b:3c:4d:5e', role: 'printer' });
  await call('dhcp.addHost', { ip: '198.51.100.65', name: 'ns1.example.net', mac: '00:1a:2b:3c:4d:5f', role: 'server' });
  await call('dhcp.addHost', { ip: '198.51.100.66', name: 'mail.example.net', role: 'server' });
  await call('dhcp.addHost', { ip: '2001:db8:0:100::53', name: 'ns2.example.net', role: 'server' });
  await call('dhcp.addScope', {
    prefix: '198.51.100.0/26',
    range: '198.51.100.20-198.51.100.60',
    router: '198.51.100.1',
    dns: ['198.51.100.65', '198.51.100.66'],
    domain: 'office.example.net',
    leaseS: 28800,
  });
  await call('dhcp.addScope', { prefix: '198.51.100.96/29', range: '198.51.100.98-198.51.100.102', router: '198.51.100.97' });
  return d;
}

describe('export --format dhcpd', () => {
  it('hands out addresses only from declared scopes: a block without a scope gets no range', async () => {
    const { call } = await isp();
    const text = (await call('reports.export', { format: 'dhcpd' })).text;
    expect(text.match(/^\s*range /gm)).toHaveLength(2);
    expect(text).toMatch(/subnet 198\.51\.100\.0 netmask 255\.255\.255\.192 \{[^}]*range 198\.51\.100\.20 198\.51\.100\.60;/);
    expect(text).not.toMatch(/range 198\.51\.100\.66 /);
    expect(text).not.toMatch(/198\.51\.100\.80 netmask/);
  });

  it('lays each network out with its description, lease time, options and MAC hosts, and dhcpd -t accepts it', async () => {
    const { call } = await isp();
    const text = (await call('reports.export', { format: 'dhcpd' })).text;
    expect(text).toMatch(/^# 198\.51\.100\.0\/26: Office LAN, floor 1\nsubnet 198\.51\.100\.0 netmask 255\.255\.255\.192 \{$/m);
    expect(text).toMatch(/^# 198\.51\.100\.96\/29: Acme "Freight" Ltd$/m);
    expect(text).toMatch(/default-lease-time 28800;\n\s+max-lease-time 28800;/);
    expect(text).toMatch(/option routers 198\.51\.100\.1;/);
    expect(text).toMatch(/option domain-name-servers 198\.51\.100\.65, 198\.51\.100\.66;/);
    expect(text).toMatch(/option domain-name "office\.example\.net";/);
    expect(text).toMatch(/host printer1\.office\.example\.net \{\n\s+hardware ethernet 00:1a:2b:3c:4d:5e;\n\s+fixed-address 198\.51\.100\.10;/);
    // The server block has no scope but a host with a MAC: a subnet with its reservation, no range.
    expect(text).toMatch(/subnet 198\.51\.100\.64 netmask 255\.255\.255\.240 \{[^]*?fixed-address 198\.51\.100\.65;[^]*?\n\}/);
    expect(text).not.toMatch(/gw1\.example\.net \{/); // no MAC: nothing to reserve
    if (!tools.dhcpd) return console.warn('dhcpd not installed: the real check is skipped');
    const check = dhcpdCheck(text);
    expect(check.status, check.stderr).toBe(0);
    // and the check is real: a range outside its subnet is refused
    expect(dhcpdCheck(text.replace('range 198.51.100.20 198.51.100.60;', 'range 198.51.100.200 198.51.100.210;')).status).not.toBe(0);
  });
  it('gives two hosts of one name (a router on two networks) distinct host declarations, which dhcpd -t needs', async () => {
    const { call } = await isp();
    await call('dhcp.addHost', { ip: '198.51.100.97', name: 'gw1.example.net', mac: '00:1a:2b:3c:4d:60', role: 'router' });
    await call('dhcp.updateHost', { ip: '198.51.100.1', name: 'gw1.example.net', mac: '00:1a:2b:3c:4d:61', role: 'router' });
    const text = (await call('reports.export', { format: 'dhcpd' })).text;
    const declared = [...text.matchAll(/^ {2}host (\S+) \{$/gm)].map((m) => m[1]);
    expect(new Set(declared).size).toBe(declared.length);
    expect(text).toMatch(/host gw1\.example\.net-198-51-100-1 \{\n\s+hardware ethernet 00:1a:2b:3c:4d:61;\n\s+fixed-address 198\.51\.100\.1;/);
    expect(text).toMatch(/host gw1\.example\.net-198-51-100-97 \{\n\s+hardware ethernet 00:1a:2b:3c:4d:60;\n\s+fixed-address 198\.51\.100\.97;/);
    if (!tools.dhcpd) return console.warn('dhcpd not installed: the real check is skipped');
    const check = dhcpdCheck(text);
    expect(check.status, check.stderr).toBe(0);
  });

  it('tells a host on a /31 or /32 the limited broadcast, not its own address (RFC 3021, RFC 1812 §4.2.3.1)', async () => {
    const { call } = await isp();
    await call('registry.addPrefix', { prefix: '198.51.100.104/31', description: 'Link to Acme' });
    await call('registry.addPrefix', { prefix: '198.51.100.106/32', description: 'Loopback' });
    await call('dhcp.addHost', { ip: '198.51.100.105', name: 'acme-cpe.example.net', mac: '00:1a:2b:3c:4d:70' });
    await call('dhcp.addHost', { ip: '198.51.100.106', name: 'lo.example.net', mac: '00:1a:2b:3c:4d:71' });
    const text = (await call('reports.export', { format: 'dhcpd' })).text;
    const subnet = (network: string) => new RegExp(`subnet ${network.replace(/\./g, '\\.')} netmask [^{]*\\{([^]*?)\\n\\}`).exec(text)?.[1] ?? '';
    expect(subnet('198.51.100.104')).toMatch(/option broadcast-address 255\.255\.255\.255;/);
    expect(subnet('198.51.100.106')).toMatch(/option broadcast-address 255\.255\.255\.255;/);
    expect(subnet('198.51.100.96')).toMatch(/option broadcast-address 198\.51\.100\.103;/);
    if (!tools.dhcpd) return console.warn('dhcpd not installed: the real check is skipped');
    const check = dhcpdCheck(text);
    expect(check.status, check.stderr).toBe(0);
  });
});

describe('export --format kea', () => {
  it('carries pools only for scopes, the lease time, the options and reservations, and kea-dhcp4 -t accepts it', async () => {
    const { call } = await isp();
    const text = (await call('reports.export', { format: 'kea' })).text;
    const cfg = JSON.parse(text) as { Dhcp4: { subnet4: Record<string, unknown>[] } };
    const bySubnet = Object.fromEntries(cfg.Dhcp4.subnet4.map((s) => [String(s.subnet), s]));
    expect(Object.keys(bySubnet)).toEqual(['198.51.100.0/26', '198.51.100.64/28', '198.51.100.96/29']);
    expect(bySubnet['198.51.100.0/26']).toMatchObject({
      comment: expect.stringMatching(/^Office LAN, floor 1/),
      pools: [{ pool: '198.51.100.20 - 198.51.100.60' }],
      'valid-lifetime': 28800,
      'option-data': [
        { name: 'routers', data: '198.51.100.1' },
        { name: 'domain-name-servers', data: '198.51.100.65, 198.51.100.66' },
        { name: 'domain-name', data: 'office.example.net' },
      ],
      reservations: [{ 'hw-address': '00:1a:2b:3c:4d:5e', 'ip-address': '198.51.100.10', hostname: 'printer1.office.example.net' }],
    });
    expect(bySubnet['198.51.100.64/28']).toMatchObject({ pools: [], reservations: [{ 'ip-address': '198.51.100.65' }] });
    if (!tools.kea) return console.warn('kea-dhcp4 not installed: the real check is skipped');
    const check = keaCheck(text);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(keaCheck(text.replace('198.51.100.20 - 198.51.100.60', '198.51.100.200 - 198.51.100.210')).status).not.toBe(0);
  });
});

describe('export --format bind', () => {
  it('puts a PTR for every host in its reverse zone, and each zone loads in named-checkzone', async () => {
    const { call } = await isp();
    const text = (await call('reports.export', { format: 'bind', ns: ['ns1.example.net', 'ns2.example.net'] })).text;
    const zones = splitBindExport(text);
    const v4 = zones.find((z) => z.zone === '100.51.198.in-addr.arpa')!;
    expect(v4.text).toMatch(/^1\tIN\tPTR\tgw1\.example\.net\.$/m);
    expect(v4.text).toMatch(/^10\tIN\tPTR\tprinter1\.office\.example\.net\.$/m);
    expect(v4.text).toMatch(/^65\tIN\tPTR\tns1\.example\.net\.$/m);
    const v6 = zones.find((z) => z.zone === '8.b.d.0.1.0.0.2.ip6.arpa')!;
    expect(v6.text).toMatch(/^3\.5\.0\.0(\.0){12}\.0\.0\.1\.0\.0\.0\.0\.0\tIN\tPTR\tns2\.example\.net\.$/m);
    // Every host, and nothing else: one PTR each.
    const ptrs = zones.flatMap((z) => z.text.match(/\tIN\tPTR\t\S+$/gm) ?? []).map((l) => l.split('\t').pop());
    expect(ptrs.sort()).toEqual((await call('dhcp.listHosts', {})).map((h) => `${h.name}.`).sort());
    if (!tools.named) return console.warn('named-checkzone not installed: the real check is skipped');
    for (const z of zones) {
      const check = zoneCheck(z.zone, z.text);
      expect(check.status, `${z.zone}: ${check.stdout}`).toBe(0);
    }
  });
});

describe('export --format zone', () => {
  it('writes SOA, NS and an A/AAAA for every host under the zone, and named-checkzone loads it', async () => {
    const { call } = await isp();
    const r = await call('reports.export', { format: 'zone', zone: 'example.net', ns: ['ns1.example.net', 'ns2.example.net'] });
    expect(r.text).toMatch(/^\$ORIGIN example\.net\.$/m);
    expect(r.text).toMatch(/^@\tIN\tSOA\tns1\.example\.net\. hostmaster\.example\.net\. \(/m);
    expect(r.text).toMatch(/^@\tIN\tNS\tns1\.example\.net\.$/m);
    expect(r.text).toMatch(/^gw1\tIN\tA\t198\.51\.100\.1$/m);
    expect(r.text).toMatch(/^printer1\.office\tIN\tA\t198\.51\.100\.10$/m);
    expect(r.text).toMatch(/^ns2\tIN\tAAAA\t2001:db8:0:100::53$/m);
    expect(r.items).toBe(5);
    if (!tools.named) return console.warn('named-checkzone not installed: the real check is skipped');
    const check = zoneCheck('example.net', r.text);
    expect(check.status, check.stdout).toBe(0);
    // A sub-zone holds only the hosts under it.
    const office = await call('reports.export', { format: 'zone', zone: 'office.example.net', ns: ['ns1.example.net', 'ns2.example.net'] });
    expect(office.text).toMatch(/^printer1\tIN\tA\t198\.51\.100\.10$/m);
    expect(office.text).not.toMatch(/gw1/);
    expect(zoneCheck('office.example.net', office.text).status).toBe(0);
  });

  it('refuses a missing zone or an in-zone name server with no address, naming the field', async () => {
    const d = await isp();
    const noZone = await d.dispatch('reports.export', { format: 'zone', ns: ['ns1.example.net', 'ns2.example.net'] });
    expect(noZone.ok ? null : noZone.error.field).toBe('zone');
    const glueless = await d.dispatch('reports.export', { format: 'zone', zone: 'example.net', ns: ['ns1.example.net', 'ns9.example.net'] });
    expect(glueless.ok ? null : glueless.error).toMatchObject({ field: 'ns', message: expect.stringMatching(/ns9\.example\.net lies inside example\.net/) });
  });
});
