/**
 * `rpsl` for a block recorded in another address space (a VRF, a lab) names that space: RIR
 * objects describe the global table only, and "not in the registry" would send the planner to
 * add a block that is already there.
 */
import { describe, expect, it } from 'vitest';
import { dispatchSessions } from '../../../../support/dispatch';

const open = dispatchSessions('headroom-rpsl-space-');

describe('rpsl for a block in another space', () => {
  it.each(['ripe', 'lacnic'] as const)('%s: names the space it is in, and says RIR objects are for the global table', async (rir) => {
    const d = await open({ demo: true });
    await d.call('registry.addSpace', { name: 'lab' });
    await d.call('registry.addPrefix', { prefix: '100.64.0.0/22', space: 'lab', status: 'aggregate' });
    const refused = d.call('requests.rpsl', { resource: '100.64.0.0/22', rir });
    await expect(refused).rejects.toMatchObject({ code: 'invalid' });
    await expect(refused).rejects.toThrow(/100\.64\.0\.0\/22 is recorded in the space "lab", not in "global": RIR objects describe the global table only/);
  });

  it('still says "not in the registry" for a block recorded nowhere', async () => {
    const d = await open({ demo: true });
    await expect(d.call('requests.rpsl', { resource: '100.64.0.0/22' })).rejects.toThrow(/not in the registry; add it first/);
  });
});
