/**
 * The "RIR work" commands of CLI.md through the real CLI: `request`, `check-request`, `rpsl`,
 * `rdns`. BIND output is split into its zones and each loaded by the real named-checkzone;
 * RPSL output is parsed back; bad input is refused naming the field and the rule.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPrefix } from '../../../../electron/core/services/registry';
import { updateDraft, updateOrganisation } from '../../../../electron/core/services/requests';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { parseRpsl } from '../../../../shared/rir/rpsl-text';
import { rpslValues } from '../../../../shared/rir/rpsl-object';
import { validateRpslObject } from '../../../../shared/rir/rpsl-validate';
import { ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir();
let demo: string;
let real: string;

/** A workspace in real-looking space with Settings filled, written through the services. */
async function realIsp(path: string): Promise<void> {
  const ws = await Workspace.create(path);
  addPrefix(ws, { prefix: '185.100.0.0/22', status: 'aggregate', rir: 'ripe', description: 'IPv4 allocation', date: '2024-01-10' });
  addPrefix(ws, { prefix: '185.100.0.0/24', status: 'assigned', description: 'Customers', date: '2024-02-10' });
  addPrefix(ws, { prefix: '2a0f:1000::/32', status: 'aggregate', rir: 'ripe', unit: 48, description: 'IPv6 allocation', date: '2024-01-10' });
  ws.mutate('registry.addAsn', 'ASNs', (tx) => {
    for (const [asn, description] of [
      [205000, 'Example Telecom (our AS)'],
      [3320, 'Transit A (upstream)'],
      [1299, 'Transit B (upstream)'],
    ] as const) {
      tx.insert('asns', { asn, description, created_at: new Date().toISOString() });
    }
  });
  updateOrganisation(ws, {
    legalName: 'Example Telecom GmbH',
    address: ['Hauptstrasse 1, Berlin'],
    country: 'DE',
    mntner: 'EXAMPLE-MNT',
    nameServers: ['ns1.example.net', 'ns2.example.net'],
    contacts: [{ name: 'Ana Planner', email: 'ana@example.net', phone: '+49 30 5550100', handle: 'AP1-RIPE', roles: ['requester', 'admin', 'tech'] }],
  });
  // AS205000 is held: a further AS needs its own routing policy (CHK-37, ripe-679 §2.0).
  updateDraft(ws, {
    rir: 'ripe',
    kind: 'asn',
    edits: { uniqueRoutingPolicy: 'The new AS serves the Hamburg data centre, which takes transit from AS1299 only.' },
  });
  ws.close();
}

beforeAll(async () => {
  ensureBuilt();
  demo = tmp.path('demo.headroom');
  expect(headroom(['init', demo, '--demo']).code).toBe(0);
  real = tmp.path('real.headroom');
  await realIsp(real);
}, 180_000);
afterAll(() => tmp.cleanup());

/** Splits `rdns --format bind` output at each `$ORIGIN` line: one zone file each. */
function splitZones(text: string): { zone: string; text: string }[] {
  return text
    .split(/^(?=\$ORIGIN )/m)
    .filter((t) => /^\$ORIGIN /.test(t)) // the header says where to split (as export's)
    .map((t) => ({ zone: /^\$ORIGIN (\S+)\.$/m.exec(t)![1]!, text: t }));
}

function namedCheckzone(zone: string, text: string): { code: number; out: string } {
  const file = tmp.path(`db.${zone.replace(/\//g, '-')}`);
  writeFileSync(file, text);
  const r = spawnSync('named-checkzone', [zone, file], { encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

describe('headroom rdns --format bind', () => {
  it.each([
    ['198.51.100.0/23', 2],
    ['192.0.2.64/26', 2],
    ['203.0.113.128/25', 2],
    ['2001:db8:1000::/38', 4],
    ['2001:db8:abcd::/48', 1],
  ])('writes %s as %i zone files that each load in named-checkzone', (cidr, count) => {
    const r = headroom(['rdns', demo, cidr, '--ns', 'ns1.example.net,ns2.example.net']);
    expect(r.code, r.stderr).toBe(0);
    const zones = splitZones(r.stdout);
    expect(zones).toHaveLength(count);
    for (const z of zones) {
      const c = namedCheckzone(z.zone, z.text);
      expect(c.code, c.out).toBe(0);
      expect(c.out).toMatch(/OK/);
    }
  });

  it('gives a classless block its RFC 2317 child zone and the parent /24 CNAMEs', () => {
    const zones = splitZones(headroom(['rdns', demo, '192.0.2.64/26', '--ns', 'ns1.example.net,ns2.example.net']).stdout);
    expect(zones.map((z) => z.zone)).toEqual(['64-127.2.0.192.in-addr.arpa', '2.0.192.in-addr.arpa']);
    expect(zones[1]!.text).toMatch(/^64\tIN\tCNAME\t64\.64-127\.2\.0\.192\.in-addr\.arpa\.$/m);
  });

  it('refuses fewer than two name servers, naming ns and CHK-32', () => {
    const r = headroom(['rdns', demo, '198.51.100.0/24', '--ns', 'ns1.example.net']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ns: at least two distinct name servers/);
    expect(r.stderr).toMatch(/CHK-32/);
  });

  it('refuses a block with host bits set, naming prefix and CHK-02', () => {
    const r = headroom(['rdns', demo, '2001:db8:1200::/38', '--ns', 'ns1.example.net,ns2.example.net']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/prefix: .*host bits/);
    expect(r.stderr).toMatch(/CHK-02/);
  });
});

describe('headroom rdns --format rpsl', () => {
  it('prints one domain object per zone, with the DS record checked', () => {
    const ds = '12345 13 2 E15723E0BA9F7D4B487AF258893143C4EFA16BD12048FB36A141CCAB8F8ACF8B';
    const r = headroom(['rdns', real, '185.100.0.0/23', '--format', 'rpsl', '--ns', 'ns1.example.net,ns2.example.net', '--ds', ds]);
    expect(r.code, r.stderr).toBe(0);
    const objs = parseRpsl(r.stdout);
    expect(objs.map((o) => o.attributes[0]!.value)).toEqual(['0.100.185.in-addr.arpa', '1.100.185.in-addr.arpa']);
    expect(rpslValues(objs[0]!, 'ds-rdata')).toEqual([ds]);
    for (const o of objs) expect(validateRpslObject(o, { rir: 'ripe' })).toEqual([]);
  });

  it('refuses a DS record with a bad digest length, naming it and CHK-33', () => {
    const r = headroom(['rdns', real, '185.100.0.0/24', '--format', 'rpsl', '--ns', 'ns1.example.net,ns2.example.net', '--ds', '12345 13 2 ABCD']);
    expect(r.code).toBe(1);
    // Named in plain words (issue 14, item 6): the first DS record, not ds-rdata[0].
    expect(r.stderr).toMatch(/ds-rdata 1: digest type 2 needs 64 hex digits, got 4/);
    expect(r.stderr).toMatch(/CHK-33/);
  });
});

describe('headroom rpsl', () => {
  it('prints inetnum and route for an aggregate, which parse back into valid objects', () => {
    const r = headroom(['rpsl', real, '185.100.0.0/22']);
    expect(r.code, r.stderr).toBe(0);
    const objs = parseRpsl(r.stdout);
    expect(objs.map((o) => o.attributes[0]!.name)).toEqual(['inetnum', 'route']);
    expect(objs[0]!.attributes[0]!.value).toBe('185.100.0.0 - 185.100.3.255');
    expect(rpslValues(objs[1]!, 'origin')).toEqual(['AS205000']);
    for (const o of objs) expect(validateRpslObject(o, { rir: 'ripe' })).toEqual([]);
    expect(r.stdout).toMatch(/\nsource: +RIPE\n\nroute: /);
  });

  it('prints an aut-num with one import and one export per upstream', () => {
    const r = headroom(['rpsl', real, 'AS205000']);
    expect(r.code, r.stderr).toBe(0);
    const [aut] = parseRpsl(r.stdout);
    expect(rpslValues(aut!, 'import')).toEqual(['from AS1299 accept ANY', 'from AS3320 accept ANY']);
    expect(rpslValues(aut!, 'export')).toEqual(['to AS1299 announce AS205000', 'to AS3320 announce AS205000']);
  });

  it('uses the template and source of the RIR asked for', () => {
    const r = headroom(['rpsl', real, '185.100.0.0/22', '--rir', 'apnic']);
    expect(r.code, r.stderr).toBe(0);
    const [inet] = parseRpsl(r.stdout);
    expect(rpslValues(inet!, 'status')).toEqual(['ALLOCATED PORTABLE']);
    expect(rpslValues(inet!, 'source')).toEqual(['APNIC']);
  });

  it('refuses host bits set, naming prefix and CHK-02', () => {
    const r = headroom(['rpsl', real, '185.100.0.1/22']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/prefix: .*CHK-02/);
  });

  it('refuses an as-set name RIPE would refuse, naming as-set and CHK-30', () => {
    const r = headroom(['rpsl', real, 'AS205000', '--as-set', 'AS-CUSTOMERS']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/as-set: .*hierarchical.*CHK-30/);
  });

  it('says when a block is not in the registry', () => {
    const r = headroom(['rpsl', real, '185.200.0.0/22']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/prefix: 185\.200\.0\.0\/22 is not in the registry/);
  });
});

describe('headroom check-request', () => {
  it('--json prints [{rule, ok, message, source, severity, verify}]; a failed warning does not set the exit code', () => {
    // A RIPE ASN with its own routing policy: conforming, with a warning (CHK-39).
    const r = headroom(['check-request', real, '--rir', 'ripe', '--kind', 'asn', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const checks = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(checks.length).toBeGreaterThan(3);
    for (const c of checks) {
      expect(Object.keys(c)).toEqual(['rule', 'ok', 'message', 'source', 'severity', 'verify']);
      expect(c.rule).toMatch(/^CHK-\d\d$/);
      expect(['error', 'warning', 'info']).toContain(c.severity);
      expect(typeof c.verify).toBe('boolean');
    }
    expect(checks.some((c) => c.severity === 'warning' && c.ok === false)).toBe(true);
    expect(checks.some((c) => c.severity === 'error' && c.ok === false)).toBe(false);
  });

  it('an ASN request while an AS is held, with no policy of its own, fails CHK-37 (exit 1)', () => {
    const r = headroom(['check-request', real, '--rir', 'apnic', '--kind', 'asn', '--json']);
    expect(r.code).toBe(1);
    const checks = JSON.parse(r.stdout) as { rule: string; ok: boolean; severity: string }[];
    expect(checks.filter((c) => c.severity === 'error' && !c.ok).map((c) => c.rule)).toContain('CHK-37');
  });

  it('refuses documentation space in a real draft (exit 1), naming CHK-03 and the field', () => {
    const r = headroom(['check-request', demo, '--rir', 'ripe', '--kind', 'ipv6', '--json']);
    expect(r.code).toBe(1);
    const checks = JSON.parse(r.stdout) as { rule: string; ok: boolean }[];
    expect(checks.find((c) => c.rule === 'CHK-03')).toMatchObject({ ok: false });
    expect(r.stderr).toMatch(/CHK-03 \(holdings\[0\]\.prefix\): documentation or special-use/);
  });

  it('is a usage error (exit 2) without --rir', () => {
    expect(headroom(['check-request', real, '--kind', 'ipv4']).code).toBe(2);
  });

  it('refuses an unknown RIR naming the field', () => {
    const r = headroom(['check-request', real, '--rir', 'ietf', '--kind', 'ipv4']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rir: must be one of arin, ripe, apnic, lacnic, afrinic/);
  });
});

describe('headroom request', () => {
  it('prints the Markdown draft ending with its policy checks', () => {
    const r = headroom(['request', real, '--rir', 'ripe', '--kind', 'asn']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# RIPE NCC AS number request — Example Telecom GmbH/);
    expect(r.stdout).toMatch(/^import: +from AS3320 accept ANY$/m);
    expect(r.stdout).toMatch(/## Addressing plan/);
    const tail = r.stdout.slice(r.stdout.lastIndexOf('## '));
    expect(tail).toMatch(/^## Policy checks\n\nPolicy-conforming\./);
  });

  it('writes plain text to --out', () => {
    const out = tmp.path('draft.txt');
    const r = headroom(['request', real, '--rir', 'arin', '--kind', 'asn', '--format', 'txt', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^ARIN AS number request — Example Telecom GmbH\n=+\n/);
    expect(text).toMatch(/POLICY CHECKS\n-+\n/);
  });

  it('still writes a non-conforming draft, saying so inside and on stderr', () => {
    const r = headroom(['request', demo, '--rir', 'ripe', '--kind', 'ipv4', '--format', 'txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/NON-CONFORMING: \d+ error\(s\)/);
    expect(r.stderr).toMatch(/CHK-03 \(holdings\[\d\]\.prefix\)/);
  });

  it.runIf(existsSync('/usr/bin/chromium'))('prints a PDF with Chromium to --out', () => {
    const out = tmp.path('draft.pdf');
    const r = headroom(['request', real, '--rir', 'ripe', '--kind', 'ipv4', '--format', 'pdf', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('needs --out for a PDF (usage error)', () => {
    expect(headroom(['request', real, '--rir', 'ripe', '--kind', 'ipv4', '--format', 'pdf']).code).toBe(2);
  });
});

describe('headroom ns-check (RFC 2182 §3.1)', () => {
  it('--json: {ok, problems}; warns when the servers share one /24, block and origin AS; exit 0 either way', () => {
    const r = headroom(['ns-check', demo, '--ns', 'ns1.example.net=198.51.100.34,ns2.example.net=198.51.100.35', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; problems: string[] };
    expect(Object.keys(out)).toEqual(['ok', 'problems']);
    expect(out.ok).toBe(false);
    expect(out.problems).toHaveLength(3);
    const fine = JSON.parse(headroom(['ns-check', demo, '--ns', 'ns1.example.net=198.51.100.34,ns2.example.org=9.9.9.9', '--json']).stdout) as { ok: boolean };
    expect(fine.ok).toBe(true);
  });

  it('refuses an entry without its address, naming it (exit 1)', () => {
    // ns1 and ns2.example.net are demo hosts now (their addresses come from the hosts); ns7 is not.
    const r = headroom(['ns-check', demo, '--ns', 'ns7.example.net,ns2.example.net']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/name server 1: "ns7\.example\.net" must be NAME=IP/);
  });
});
