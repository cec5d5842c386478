/**
 * A DHCP scope is a limit on the board only while its block is an assigned block: removing or
 * releasing the block takes the scope off the board (its row stays, for undo and for the exports
 * that name it), and undo brings it back.
 */
import { describe, expect, it } from 'vitest';
import { limitSources } from '../../../../../electron/core/services/forecast-sources';
import { dispatchSessions } from '../../../../support/dispatch';

const newWorkspace = dispatchSessions('headroom-scopes-forecast-');

describe('DHCP scopes on the board', () => {
  it('leave it when their block is released, and come back with its undo', async () => {
    const d = await newWorkspace({ demo: true });
    const ws = d.session.require();
    const [scope] = await d.call('dhcp.listScopes', {});
    const onBoard = () => limitSources(ws).some((l) => l.meta.name === `DHCP scope ${scope!.prefix}`);
    expect(onBoard()).toBe(true);
    // The network is given back: its block is no longer assigned, so no lease can come from it.
    await d.call('registry.releasePrefix', { prefix: scope!.prefix });
    expect(onBoard()).toBe(false);
    ws.undo();
    expect(onBoard()).toBe(true);
  });
});
