/**
 * RIPE statuses as an LIR registers them (issue 11 item 7, docs/rir.md §7): our own pools are
 * LIR-PARTITIONED PA, or AGGREGATED-BY-LIR when they hold same-size assignments; SUB-ALLOCATED
 * PA only for a block Settings says is sub-allocated to another operator; a reserve needs no
 * object. IPv6 pools are AGGREGATED-BY-LIR with their assignment size.
 */
import { describe, expect, it } from 'vitest';
import { addPrefix } from '../../../../../electron/core/services/registry';
import { updateOrganisation } from '../../../../../electron/core/services/requests';
import { rpslFor } from '../../../../../electron/core/services/requests-objects';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { rpslValues } from '../../../../../shared/rir/rpsl-object';
import { validateRpslObject } from '../../../../../shared/rir/rpsl-validate';
import { workspaceFiles } from '../../../../support/workspaces';

const newWorkspace = workspaceFiles();

async function lir(): Promise<Workspace> {
  const ws = await newWorkspace({ now: () => new Date('2026-05-15T12:00:00Z') });
  addPrefix(ws, { prefix: '185.100.0.0/22', status: 'aggregate', rir: 'ripe', description: 'IPv4 allocation' });
  addPrefix(ws, { prefix: '185.100.0.0/24', status: 'allocated', description: 'Infrastructure' });
  addPrefix(ws, { prefix: '185.100.0.0/28', status: 'assigned', description: 'Loopbacks' });
  addPrefix(ws, { prefix: '185.100.0.32/27', status: 'assigned', description: 'Servers' });
  addPrefix(ws, { prefix: '185.100.1.0/24', status: 'allocated', description: 'DSL customers' });
  for (let i = 0; i < 4; i++) addPrefix(ws, { prefix: `185.100.1.${i * 8}/29`, status: 'assigned', description: `Customer ${i}` });
  addPrefix(ws, { prefix: '185.100.2.0/24', status: 'allocated', description: 'Downstream ISP' });
  addPrefix(ws, { prefix: '185.100.3.0/24', status: 'reserved', description: 'Growth' });
  addPrefix(ws, { prefix: '2a0f:1000::/32', status: 'aggregate', rir: 'ripe', unit: 48, description: 'IPv6 allocation' });
  addPrefix(ws, { prefix: '2a0f:1000::/40', status: 'allocated', unit: 56, description: 'Residential' });
  updateOrganisation(ws, { legalName: 'Example Telecom', country: 'DE', mntner: 'EXAMPLE-MNT', subAllocations: ['185.100.2.0/24'] });
  return ws;
}

const statusOf = (ws: Workspace, prefix: string) => {
  const r = rpslFor(ws, { resource: prefix, rir: 'ripe' });
  const num = r.objects.find((o) => ['inetnum', 'inet6num'].includes(o.attributes[0]!.name));
  return { status: num ? rpslValues(num, 'status')[0] : null, size: num ? rpslValues(num, 'assignment-size')[0] : undefined, r, num };
};

describe('RIPE statuses', () => {
  it('an internal pool of mixed assignments is LIR-PARTITIONED PA, not SUB-ALLOCATED PA', async () => {
    expect(statusOf(await lir(), '185.100.0.0/24').status).toBe('LIR-PARTITIONED PA');
  });

  it('a pool of same-size assignments is AGGREGATED-BY-LIR with that assignment-size', async () => {
    const s = statusOf(await lir(), '185.100.1.0/24');
    expect([s.status, s.size]).toEqual(['AGGREGATED-BY-LIR', '29']);
    expect(validateRpslObject(s.num!, { rir: 'ripe' })).toEqual([]);
  });

  it('a block sub-allocated to another operator (Settings) is SUB-ALLOCATED PA', async () => {
    expect(statusOf(await lir(), '185.100.2.0/24').status).toBe('SUB-ALLOCATED PA');
  });

  it('a reserve needs no object, and says so', async () => {
    const s = statusOf(await lir(), '185.100.3.0/24');
    expect(s.status).toBeNull();
    expect(s.r.warnings.join('\n')).toMatch(/reservation: it needs no database object/);
  });

  it('an IPv6 pool is AGGREGATED-BY-LIR with its unit as assignment-size', async () => {
    const s = statusOf(await lir(), '2a0f:1000::/40');
    expect([s.status, s.size]).toEqual(['AGGREGATED-BY-LIR', '56']);
  });
});
