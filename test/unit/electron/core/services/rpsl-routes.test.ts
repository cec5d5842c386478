/**
 * `rpsl` (and the RPSL export, which shares its code) draws an aggregate's route/route6 objects
 * from the recorded routes (CLI.md "Routing plan"): one object per route inside it, with its own
 * origin; with no route recorded, the ASN marked as ours stays the origin as before.
 */
import { describe, expect, it } from 'vitest';
import { dispatchSessions } from '../../../../support/dispatch';

const newWorkspace = dispatchSessions('headroom-rpsl-routes-');

const routeLines = (text: string) =>
  text
    .split('\n\n')
    .filter((o) => /^route6?:/.test(o))
    .map((o) => {
      const get = (k: string) => new RegExp(`^${k}:\\s*(\\S+)`, 'm').exec(o)?.[1];
      return `${get('route') ?? get('route6')} ${get('origin')}`;
    });

describe('rpsl route objects', () => {
  it('come from the routes recorded inside the aggregate, each with its origin', async () => {
    const d = await newWorkspace({ demo: true });
    await d.call('routing.addRoute', { prefix: '198.51.100.0/24', origin: '64496' });
    await d.call('routing.addRoute', { prefix: '198.51.100.128/25', origin: '64505' });
    await d.call('routing.addRoute', { prefix: '203.0.113.0/24', origin: '64511' });
    const r = await d.call('requests.rpsl', { resource: '198.51.100.0/24' });
    expect(routeLines(r.text)).toEqual(['198.51.100.0/24 AS64496', '198.51.100.128/25 AS64505']);
    const all = await d.call('reports.export', { format: 'rpsl' });
    expect(routeLines(all.text)).toEqual(expect.arrayContaining(['203.0.113.0/24 AS64511', '198.51.100.128/25 AS64505']));
  });

  it('fall back to the ASN marked as ours when no route is recorded', async () => {
    const d = await newWorkspace({ demo: true });
    const r = await d.call('requests.rpsl', { resource: '198.51.100.0/24' });
    expect(routeLines(r.text)).toEqual(['198.51.100.0/24 AS64496']);
  });
});
