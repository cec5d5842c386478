import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatPrefix, type Prefix } from '../../../../shared/ip/prefix';
import { emailToRname, renderBindZones, type BindZoneOptions } from '../../../../shared/rir/bind-zone';
import { refusalLine } from '../../../support/refusal';

const NS = ['ns1.example.net', 'ns2.example.net'];
const hasCheckzone = ['/usr/bin/named-checkzone', '/usr/sbin/named-checkzone'].some((p) => existsSync(p));
const dir = mkdtempSync(join(tmpdir(), 'headroom-rdns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Loads the file with the real named-checkzone; returns its output (throws on a non-zero exit). */
function checkzone(zone: string, text: string): string {
  const file = join(dir, `db.${zone.replace(/\//g, '-')}`);
  writeFileSync(file, text);
  return execFileSync('named-checkzone', [zone, file], { encoding: 'utf8' });
}

const cases: Array<[string, BindZoneOptions['ptr']]> = [
  [
    '198.51.100.0/22',
    [
      { address: '198.51.100.1', name: 'gw.example.net' },
      { address: '198.51.103.254', name: 'edge-2.example.net.' },
    ],
  ],
  ['192.0.2.0/24', [{ address: '192.0.2.10', name: 'www.example.net' }]],
  ['192.0.2.0/26', [{ address: '192.0.2.1', name: 'host1.example.net' }]],
  ['192.0.2.64/27', [{ address: '192.0.2.65', name: 'a.example.net' }]],
  ['203.0.113.128/25', []],
  ['198.51.0.0/16', [{ address: '198.51.7.9', name: 'x.example.net' }]],
  ['2001:db8::/32', [{ address: '2001:db8::1', name: 'r1.example.net' }]],
  ['2001:db8:1200::/40', []],
  ['2001:db8:1000::/38', [{ address: '2001:db8:1300::53', name: 'ns.example.org' }]],
  ['2001:db8:1200::/42', []],
  ['2001:db8:abcd::/48', [{ address: '2001:db8:abcd:1::1', name: 'host.example.net' }]],
  ['2001:db8:abcd:ff00::/56', []],
];

describe('renderBindZones', () => {
  it.runIf(hasCheckzone).each(cases)('%s: every zone file loads in named-checkzone', (prefix, ptr) => {
    const files = renderBindZones(prefix, { nameServers: NS, ptr, serial: 2026052501 });
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const out = checkzone(f.zone, f.text);
      expect(out).toMatch(/OK/);
    }
  });

  it('begins each file with its own $ORIGIN, then $TTL, SOA and two NS', () => {
    for (const f of renderBindZones('198.51.100.0/23', { nameServers: NS })) {
      const lines = f.text.split('\n');
      expect(lines[0]).toBe(`$ORIGIN ${f.zone}.`);
      expect(lines[1]).toMatch(/^\$TTL \d+$/);
      expect(lines[2]).toMatch(/\tSOA\tns1\.example\.net\. hostmaster\.example\.net\. \( 1 /);
      expect(lines.filter((l) => /^@\tIN\tNS\t/.test(l))).toHaveLength(2);
    }
  });

  it('writes PTR records relative to the zone', () => {
    const [f] = renderBindZones('192.0.2.0/24', { nameServers: NS, ptr: [{ address: '192.0.2.10', name: 'www.example.net' }] });
    expect(f!.text).toContain('10\tIN\tPTR\twww.example.net.\n');
    const [g] = renderBindZones('2001:db8:abcd::/48', { nameServers: NS, ptr: [{ address: '2001:db8:abcd::1', name: 'h.example.net' }] });
    expect(g!.text).toContain('1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0\tIN\tPTR\th.example.net.\n');
  });

  it('gives a sub-/24 block its child zone and the parent CNAMEs', () => {
    const files = renderBindZones('192.0.2.64/27', { nameServers: NS, ptr: [{ address: '192.0.2.65', name: 'a.example.net' }] });
    expect(files.map((f) => [f.zone, f.role])).toEqual([
      ['64-95.2.0.192.in-addr.arpa', 'rfc2317-child'],
      ['2.0.192.in-addr.arpa', 'rfc2317-parent'],
    ]);
    expect(files[0]!.text).toContain('65\tIN\tPTR\ta.example.net.');
    expect(files[1]!.text).toContain('64-95\tIN\tNS\tns1.example.net.');
    expect(files[1]!.text).toContain('64\tIN\tCNAME\t64.64-95.2.0.192.in-addr.arpa.');
    expect(files[1]!.text).toContain('95\tIN\tCNAME\t95.64-95.2.0.192.in-addr.arpa.');
    expect(files[1]!.text.match(/CNAME/g)).toHaveLength(32);
    expect(files[0]!.fileName).toBe('db.64-95.2.0.192.in-addr.arpa');
  });

  it('refuses fewer than two name servers, naming ns', () => {
    expect(refusalLine(() => renderBindZones('192.0.2.0/24', { nameServers: ['ns1.example.net'] }))).toMatch(/^ns: at least two/);
    expect(refusalLine(() => renderBindZones('192.0.2.0/24', { nameServers: ['ns1.example.net', 'NS1.example.net.'] }))).toMatch(/^ns:/);
    expect(refusalLine(() => renderBindZones('192.0.2.0/24', { nameServers: [] }))).toMatch(/^ns:/);
  });

  it('refuses a malformed name server, naming it', () => {
    expect(refusalLine(() => renderBindZones('192.0.2.0/24', { nameServers: ['ns1.example.net', 'bad_name'] }))).toMatch(/^name server 2:/);
  });

  it('refuses a PTR outside the block', () => {
    expect(refusalLine(() => renderBindZones('192.0.2.0/24', { nameServers: NS, ptr: [{ address: '198.51.100.1', name: 'x.example.net' }] }))).toMatch(
      /^PTR record 1, address:/,
    );
  });

  it('refuses a name server inside the reverse zone (it would need glue)', () => {
    expect(refusalLine(() => renderBindZones('192.0.2.0/24', { nameServers: ['ns1.2.0.192.in-addr.arpa', 'ns2.example.net'] }))).toMatch(/^ns:/);
  });

  it('refuses host bits set', () => {
    expect(() => renderBindZones('2001:db8:1200::/38', { nameServers: NS })).toThrow(/host bits/);
  });
});

describe('emailToRname', () => {
  it('escapes dots in the local part', () => {
    expect(emailToRname('noc.ops@example.net')).toBe('noc\\.ops.example.net.');
  });
  it('refuses a non-address', () => {
    expect(refusalLine(() => emailToRname('example.net'))).toMatch(/^hostmaster:/);
  });
  it.runIf(hasCheckzone)('an escaped RNAME still loads', () => {
    const [f] = renderBindZones('192.0.2.0/24', { nameServers: NS, hostmaster: 'dns.admin@example.net' });
    expect(checkzone(f!.zone, f!.text)).toMatch(/OK/);
  });
});

const v4Arb = fc
  .tuple(fc.integer({ min: 0x01000000, max: 0xdfffffff }), fc.constantFrom(16, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32))
  .map(([v, len]): Prefix => ({ family: 4, start: Math.floor(v / 2 ** (32 - len)) * 2 ** (32 - len), length: len }));
const v6Arb = fc
  .tuple(fc.bigInt({ min: 0x2000n << 112n, max: (0x3fffn << 112n) - 1n }), fc.integer({ min: 16, max: 128 }))
  .map(([v, len]): Prefix => ({ family: 6, start: (v >> BigInt(128 - len)) << BigInt(128 - len), length: len }));

describe('renderBindZones (property)', () => {
  it.runIf(hasCheckzone)(
    'any block’s zone files, with a PTR for its first address, load in named-checkzone',
    () => {
      fc.assert(
        fc.property(fc.oneof(v4Arb, v6Arb), (p) => {
          const first = formatPrefix(p).split('/')[0]!;
          for (const f of renderBindZones(p, { nameServers: NS, ptr: [{ address: first, name: 'first.example.net' }] })) {
            expect(checkzone(f.zone, f.text)).toMatch(/OK/);
          }
        }),
        { numRuns: 25 },
      );
      // Up to 25 × 64 named-checkzone processes: on a loaded machine this takes minutes, not seconds.
    },
    600_000,
  );
});
