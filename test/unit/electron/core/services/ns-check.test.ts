/**
 * Name servers on one network (issue 11 item 10, docs/rir.md §10, RFC 2182 §3.1): `ns-check`
 * warns when all servers share an IPv4 /24 or IPv6 /48, one recorded block, or one origin AS;
 * the same check runs in drafts (CHK-40) and `rdns`. Distinct names alone are not enough.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../../electron/core/services/demo';
import { draftView, updateOrganisation } from '../../../../../electron/core/services/requests';
import { nsCheck, reverseFor } from '../../../../../electron/core/services/requests-objects';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { workspaceFiles } from '../../../../support/workspaces';
import { refusalLine } from '../../../../support/refusal';

const newWorkspace = workspaceFiles();

async function demo(): Promise<Workspace> {
  const ws = await newWorkspace({ now: () => new Date('2026-05-15T12:00:00Z') });
  seedDemo(ws);
  return ws;
}

const SAME = ['ns1.example.net=198.51.100.34', 'ns2.example.net=198.51.100.35'];

describe('ns-check', () => {
  it('two names in one /24, one recorded block and one origin AS: three problems', async () => {
    const r = nsCheck(await demo(), { ns: SAME });
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(3);
    expect(r.problems[0]).toMatch(/all sit in one IPv4 \/24 \(198\.51\.100\.0\/24\)/);
    expect(r.problems[1]).toMatch(/one recorded block \(198\.51\.100\.32\/27/);
    expect(r.problems[2]).toMatch(/one origin AS \(AS64496\)/);
  });

  it('a secondary on another network (outside our space) is fine', async () => {
    expect(nsCheck(await demo(), { ns: ['ns1.example.net=198.51.100.34', 'ns2.example.org=9.9.9.9'] })).toEqual({ ok: true, problems: [] });
  });

  it('IPv6 servers in one /48', async () => {
    const r = nsCheck(await demo(), { ns: ['ns1.example.net=2001:db8:0:100::53', 'ns2.example.net=2001:db8:0:101::53'] });
    expect(r.problems[0]).toMatch(/one IPv6 \/48 \(2001:db8::\/48\)/);
  });

  it('refuses an entry without an address, naming it', async () => {
    const ws = await demo();
    // (ns7 is not a recorded host: a recorded one takes its address from the hosts, test/unit/electron/core/services/ns-check-hosts.test.ts)
    expect(refusalLine(() => nsCheck(ws, { ns: ['ns7.example.net'] }))).toMatch(/^name server 1: "ns7\.example\.net" must be NAME=IP/);
  });
});

describe('the same check in rdns and in drafts', () => {
  it('rdns warns, and its zones name the hosts only', async () => {
    const r = reverseFor(await demo(), { prefix: '198.51.100.0/24', ns: SAME, format: 'bind' });
    expect(r.warnings.join('\n')).toMatch(/one IPv4 \/24 .*\(CHK-40\)/);
    expect(r.text).toMatch(/^@\tIN\tNS\tns2\.example\.net\.$/m);
    expect(r.text).not.toMatch(/=198/);
  });

  it('a draft with Settings name servers as NAME=IP carries CHK-40', async () => {
    const ws = await demo();
    updateOrganisation(ws, { nameServers: SAME });
    const c = draftView(ws, 'ripe', 'ipv4').checks.find((x) => x.rule === 'CHK-40')!;
    expect(c).toMatchObject({ ok: false, severity: 'W' });
    expect(draftView(ws, 'ripe', 'ipv4').draft.reverse[0]!.nserver).toEqual(['ns1.example.net', 'ns2.example.net']);
  });
});
