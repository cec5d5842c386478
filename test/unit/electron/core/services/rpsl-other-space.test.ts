/**
 * `rpsl` for a block recorded in another address space (a VRF, a lab) names that space: RIR
 * objects describe the global table only, and "not in the registry" would send the planner to
 * add a block that is already there.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../../../electron/core/services/session';
import { openDispatch } from '../../../../support/dispatch';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir('headroom-rpsl-space-');
afterAll(() => tmp.cleanup());
let n = 0;
let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

describe('rpsl for a block in another space', () => {
  it.each(['ripe', 'lacnic'] as const)('%s: names the space it is in, and says RIR objects are for the global table', async (rir) => {
    const d = await openDispatch(tmp.path(`ws-${++n}.headroom`), { demo: true });
    session = d.session;
    await d.call('registry.addSpace', { name: 'lab' });
    await d.call('registry.addPrefix', { prefix: '100.64.0.0/22', space: 'lab', status: 'aggregate' });
    const refused = d.call('requests.rpsl', { resource: '100.64.0.0/22', rir });
    await expect(refused).rejects.toMatchObject({ code: 'invalid' });
    await expect(refused).rejects.toThrow(/100\.64\.0\.0\/22 is recorded in the space "lab", not in "global": RIR objects describe the global table only/);
  });

  it('still says "not in the registry" for a block recorded nowhere', async () => {
    const d = await openDispatch(tmp.path(`ws-${++n}.headroom`), { demo: true });
    session = d.session;
    await expect(d.call('requests.rpsl', { resource: '100.64.0.0/22' })).rejects.toThrow(/not in the registry; add it first/);
  });
});
