/**
 * `rpsl` of an aggregate emits its route object, origin = our one ASN when no route is recorded
 * (CLI.md, issue 11 item 12); with two ASNs of our own the origin is not known and it says so.
 */
import { describe, expect, it } from 'vitest';
import { addPrefix } from '../../../../../electron/core/services/registry';
import { rpslFor } from '../../../../../electron/core/services/requests-objects';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { rpslValues } from '../../../../../shared/rir/rpsl-object';
import { workspaceFiles } from '../../../../support/workspaces';

const newWorkspace = workspaceFiles();

async function ws(owns: number[]): Promise<Workspace> {
  const w = await newWorkspace({ now: () => new Date('2026-05-15T12:00:00Z') });
  addPrefix(w, { prefix: '185.100.0.0/22', status: 'aggregate', rir: 'ripe', description: 'IPv4 allocation' });
  w.mutate('registry.addAsn', 'ASNs', (tx) => {
    for (const asn of owns) tx.insert('asns', { asn, description: `AS${asn} (our AS)`, created_at: '2026-01-01T00:00:00Z' });
  });
  return w;
}

describe('route origin of an aggregate', () => {
  it('exactly one ASN of our own: it is the origin', async () => {
    const r = rpslFor(await ws([205000]), { resource: '185.100.0.0/22' });
    const route = r.objects.find((o) => o.attributes[0]!.name === 'route')!;
    expect(rpslValues(route, 'origin')).toEqual(['AS205000']);
  });

  it('two ASNs of our own: no route object, and it says why', async () => {
    const r = rpslFor(await ws([205000, 205001]), { resource: '185.100.0.0/22' });
    expect(r.objects.map((o) => o.attributes[0]!.name)).toEqual(['inetnum']);
    expect(r.warnings.join('\n')).toMatch(/2 ASNs are marked as ours \(AS205000, AS205001\)/);
  });
});
