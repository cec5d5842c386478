/**
 * The renderer's data layer (issue 18, item 5): a query is keyed by its channel and input and
 * cancelled when no longer wanted; a change invalidates the queries of the areas it touches and
 * no others; undo, redo and a workspace switch invalidate everything.
 */
import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { channels, contract, type Channel } from '../../../shared/contract';
import { AFFECTS, AREA_NAMES, areaOf, staleAfter } from '../../../renderer/data/areas';
import { areaEpoch, contractQuery, createQueryClient, forgetWorkspace, invalidateAfter, invalidateAll, runChange } from '../../../renderer/data/cache';

/** A client that counts the reads of each channel and answers with the count. */
function countingClient() {
  const reads = new Map<string, number>();
  const signals: AbortSignal[] = [];
  return {
    reads,
    signals,
    call(channel: Channel, _input: unknown, options?: { signal?: AbortSignal }): Promise<never> {
      if (options?.signal) signals.push(options.signal);
      reads.set(channel, (reads.get(channel) ?? 0) + 1);
      return Promise.resolve(reads.get(channel) as never);
    },
  };
}

let qc: QueryClient | undefined;
const observers: Array<() => void> = [];
afterEach(() => {
  for (const off of observers.splice(0)) off();
  qc?.clear();
});

/** Puts a query "on screen" (an observer, as a mounted component holds) and waits for its first read. */
async function onScreen(q: QueryClient, caller: ReturnType<typeof countingClient>, channel: Channel, input: object = {}) {
  const o = new QueryObserver(q, contractQuery(channel, input as never, caller as never));
  observers.push(o.subscribe(() => {}));
  await expect.poll(() => o.getCurrentResult().status).toBe('success');
  return o;
}

describe('areas', () => {
  it('every channel belongs to a declared area', () => {
    for (const c of channels) expect(areaOf(c), c).not.toBeNull();
  });

  it('every area with a change lists itself among the areas it affects', () => {
    for (const area of AREA_NAMES) expect(AFFECTS[area]).toContain(area);
  });

  it('a change always touches the workspace area (the audit log and undo)', () => {
    for (const c of channels.filter((x) => contract[x].mutates)) expect(staleAfter(c).has('workspace'), c).toBe(true);
  });
});

describe('a change invalidates the areas it touches', () => {
  it('a facility change reads the facility, forecast and workspace again, not the registry or routing', async () => {
    qc = createQueryClient();
    const client = countingClient();
    await onScreen(qc, client, 'facility.listSites');
    await onScreen(qc, client, 'forecast.limits', { asOf: '2026-01-01' });
    await onScreen(qc, client, 'workspace.current');
    await onScreen(qc, client, 'registry.listSpaces');
    await onScreen(qc, client, 'routing.listRoutes', { within: '10.0.0.0/8' });
    await runChange(qc, client as never, 'facility.addSite', { name: 'X' } as never);
    expect(client.reads.get('facility.addSite')).toBe(1);
    expect(client.reads.get('facility.listSites')).toBe(2);
    expect(client.reads.get('forecast.limits')).toBe(2);
    expect(client.reads.get('workspace.current')).toBe(2);
    expect(client.reads.get('registry.listSpaces')).toBe(1);
    expect(client.reads.get('routing.listRoutes')).toBe(1);
  });

  it('a registry change reads the registry, DHCP and routing again; the links stay', async () => {
    qc = createQueryClient();
    const client = countingClient();
    await onScreen(qc, client, 'registry.listSpaces');
    await onScreen(qc, client, 'dhcp.listScopes', { space: 'global' });
    await onScreen(qc, client, 'routing.listRoutes', { within: '10.0.0.0/8' });
    await onScreen(qc, client, 'links.list');
    await invalidateAfter(qc, 'registry.addPrefix');
    expect(client.reads.get('registry.listSpaces')).toBe(2);
    expect(client.reads.get('dhcp.listScopes')).toBe(2);
    expect(client.reads.get('routing.listRoutes')).toBe(2);
    expect(client.reads.get('links.list')).toBe(1);
  });

  it('undo (a workspace change) and redo read everything again', async () => {
    qc = createQueryClient();
    const client = countingClient();
    await onScreen(qc, client, 'links.list');
    await onScreen(qc, client, 'registry.listSpaces');
    await invalidateAfter(qc, 'workspace.undo');
    expect(client.reads.get('links.list')).toBe(2);
    expect(client.reads.get('registry.listSpaces')).toBe(2);
    await invalidateAll(qc);
    expect(client.reads.get('links.list')).toBe(3);
    expect(client.reads.get('registry.listSpaces')).toBe(3);
  });

  it('another workspace: the old answers are dropped, not asked again of the new one; only its state is read', async () => {
    qc = createQueryClient();
    const client = countingClient();
    await onScreen(qc, client, 'workspace.current');
    // The selected block's history: asked of the new workspace, where the block may not be.
    await onScreen(qc, client, 'registry.blockHistory', { space: 'main', prefix: '198.51.100.0/24' });
    await forgetWorkspace(qc, 'workspace.current');
    expect(client.reads.get('registry.blockHistory')).toBe(1);
    expect(client.reads.get('workspace.current')).toBe(2);
    expect(qc.getQueryCache().findAll({ queryKey: ['registry.blockHistory'] })).toEqual([]);
    expect(areaEpoch(qc, 'registry')).toBe(1);
  });

  it("moves the counter of each area it touches (the Registry's paged grid reloads on it)", async () => {
    qc = createQueryClient();
    await invalidateAfter(qc, 'links.addReading');
    expect([areaEpoch(qc, 'links'), areaEpoch(qc, 'forecast'), areaEpoch(qc, 'registry')]).toEqual([1, 1, 0]);
    await invalidateAfter(qc, 'dhcp.addHost');
    expect(areaEpoch(qc, 'registry')).toBe(1);
    await invalidateAll(qc);
    expect([areaEpoch(qc, 'links'), areaEpoch(qc, 'registry'), areaEpoch(qc, 'routing')]).toEqual([2, 2, 1]);
  });

  it('a failed change invalidates nothing', async () => {
    qc = createQueryClient();
    const client = countingClient();
    await onScreen(qc, client, 'registry.listSpaces');
    const failing = { call: () => Promise.reject(new Error('prefix: not a CIDR block')) };
    await expect(runChange(qc, failing as never, 'registry.addPrefix', { prefix: 'x' } as never)).rejects.toThrow('not a CIDR');
    expect(client.reads.get('registry.listSpaces')).toBe(1);
  });
});

describe('queries', () => {
  it('are keyed by channel and input: the same input shares one entry, another input is another', async () => {
    qc = createQueryClient();
    const client = countingClient();
    await onScreen(qc, client, 'routing.listRoutes', { within: '10.0.0.0/8' });
    await onScreen(qc, client, 'routing.listRoutes', { within: '10.0.0.0/8' });
    expect(qc.getQueryCache().findAll({ queryKey: ['routing.listRoutes'] })).toHaveLength(1);
    await onScreen(qc, client, 'routing.listRoutes', { within: '192.0.2.0/24' });
    expect(qc.getQueryCache().findAll({ queryKey: ['routing.listRoutes'] })).toHaveLength(2);
  });

  it('a read no one waits for any more is cancelled', async () => {
    qc = createQueryClient();
    const signals: AbortSignal[] = [];
    const slow = {
      call: (_c: Channel, _i: unknown, o?: { signal?: AbortSignal }) =>
        new Promise<never>((_resolve, reject) => {
          signals.push(o!.signal!);
          o!.signal!.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')));
        }),
    };
    const o = new QueryObserver(qc, contractQuery('registry.search', { query: '10.' }, slow as never));
    const off = o.subscribe(() => {});
    await expect.poll(() => signals.length).toBe(1);
    off();
    await expect.poll(() => signals[0]!.aborted).toBe(true);
  });
});
