/**
 * An upstream's space is the upstream's (issue 11 item 5, docs/rir.md §5): `rpsl` drafts no
 * inetnum for it as ours and warns that its route object needs the upstream's authorisation;
 * `export --format bind` gives no reverse zone for it; `export --format rpsl` gives aut-num
 * objects only for our own ASNs (item 11).
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../../electron/core/services/demo';
import { exportReport } from '../../../../../electron/core/services/reports';
import { reverseFor, rpslFor } from '../../../../../electron/core/services/requests-objects';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { workspaceFiles } from '../../../../support/workspaces';

const newWorkspace = workspaceFiles();
const NS = ['ns1.example.net', 'ns2.example.org'];

async function demo(): Promise<Workspace> {
  const ws = await newWorkspace({ now: () => new Date('2026-05-15T12:00:00Z') });
  seedDemo(ws);
  return ws;
}

describe("an upstream's space", () => {
  it('rpsl 192.0.2.0/24 --rir ripe: no ALLOCATED PA as ours; the route object says it needs the upstream', async () => {
    const ws = await demo();
    const r = rpslFor(ws, { resource: '192.0.2.0/24', rir: 'ripe' });
    expect(r.objects.map((o) => o.attributes[0]!.name)).toEqual(['route']);
    expect(r.text).not.toMatch(/ALLOCATED PA/);
    expect(r.warnings.join('\n')).toMatch(/space from an upstream .*no inetnum/);
    expect(r.warnings.join('\n')).toMatch(/needs the upstream's authorisation \(the mnt-routes/);
  });

  it('a block inside it (192.0.2.64/26) is not drafted as ours either', async () => {
    const ws = await demo();
    const r = rpslFor(ws, { resource: '192.0.2.64/26', rir: 'ripe' });
    expect(r.objects).toEqual([]);
  });

  it('export --format bind leaves its reverse zone to the upstream, and says so', async () => {
    const ws = await demo();
    const e = exportReport(ws, { format: 'bind', ns: NS });
    expect(e.text).not.toMatch(/\$ORIGIN 2\.0\.192\.in-addr\.arpa\./);
    expect(e.text).toMatch(/\$ORIGIN 100\.51\.198\.in-addr\.arpa\./);
    expect(e.warnings.join('\n')).toMatch(/192\.0\.2\.0\/24 is space from an upstream/);
  });

  it('rdns on it warns that the zone is ours only if delegated', async () => {
    const ws = await demo();
    expect(reverseFor(ws, { prefix: '192.0.2.0/24', ns: NS, format: 'bind' }).warnings.join('\n')).toMatch(/only if the upstream delegates it to us/);
  });

  it('export --format rpsl: aut-num only for our own ASN (not the IXP route servers nor the lab AS)', async () => {
    const ws = await demo();
    const e = exportReport(ws, { format: 'rpsl' });
    expect([...e.text.matchAll(/^aut-num:\s+(\S+)/gm)].map((m) => m[1])).toEqual(['AS64496']);
  });
});
