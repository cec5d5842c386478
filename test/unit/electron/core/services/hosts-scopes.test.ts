/**
 * Hosts and DHCP scopes through dispatch (the path every transport takes) on a real temp
 * workspace: added, listed, edited, removed, undone; every refusal of issue 15's "Bad input"
 * names its field and leaves the workspace exactly as it was.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../../../../shared/contract';
import type { Session } from '../../../../../electron/core/services/session';
import { openDispatch } from '../../../../support/dispatch';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir('headroom-dhcp-');
afterAll(() => tmp.cleanup());
let n = 0;
let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

/** A plan: 198.51.100.0/24 allocated, /26 and /28 assigned inside it, 2001:db8:1::/64 assigned. */
async function plan() {
  const d = await openDispatch(tmp.path(`ws-${++n}.headroom`), { now: () => new Date('2026-12-03T12:00:00Z') });
  session = d.session;
  const ws = d.session.require();
  await d.call('registry.addPrefix', { prefix: '198.51.100.0/24', status: 'allocated' });
  await d.call('registry.addPrefix', { prefix: '198.51.100.0/26', status: 'assigned', description: 'Office LAN' });
  await d.call('registry.addPrefix', { prefix: '198.51.100.64/28', status: 'assigned', description: 'Servers' });
  await d.call('registry.addPrefix', { prefix: '198.51.100.128/25', status: 'reserved' });
  await d.call('registry.addPrefix', { prefix: '2001:db8:1::/64', status: 'assigned' });
  const snapshot = () =>
    JSON.stringify([ws.all('SELECT * FROM hosts ORDER BY id'), ws.all('SELECT * FROM dhcp_scopes ORDER BY id'), ws.all('SELECT count(*) AS n FROM actions')]);
  /** The refusal of a call, checked to have changed nothing. */
  const refusal = async (channel: Channel, input: unknown) => {
    const before = snapshot();
    const r = await d.dispatch(channel, input);
    if (r.ok) throw new Error(`${channel} ${JSON.stringify(input)} was not refused`);
    expect(snapshot()).toBe(before);
    return r.error;
  };
  return { call: d.call, refusal, ws };
}

describe('hosts', () => {
  it('are added, listed in address order, edited, removed, and undone', async () => {
    const { call, ws } = await plan();
    const h = await call('dhcp.addHost', {
      ip: '198.51.100.10',
      name: 'Printer1.Example.NET.',
      mac: '00-1A-2B-3C-4D-5E',
      role: 'printer',
      description: 'Floor 2',
    });
    expect(h).toMatchObject({ ip: '198.51.100.10', name: 'printer1.example.net', mac: '00:1a:2b:3c:4d:5e', role: 'printer', block: '198.51.100.0/26' });
    await call('dhcp.addHost', { ip: '2001:db8:1::53', name: 'ns1.example.net', role: 'server' });
    await call('dhcp.addHost', { ip: '198.51.100.1', name: 'gw.example.net', mac: '001a.2b3c.4d60', role: 'router' });
    expect((await call('dhcp.listHosts', {})).map((x) => `${x.ip} ${x.name} ${x.mac ?? '-'}`)).toEqual([
      '198.51.100.1 gw.example.net 00:1a:2b:3c:4d:60',
      '198.51.100.10 printer1.example.net 00:1a:2b:3c:4d:5e',
      '2001:db8:1::53 ns1.example.net -',
    ]);
    expect((await call('dhcp.listHosts', { within: '198.51.100.0/28' })).length).toBe(2);
    const moved = await call('dhcp.updateHost', { ip: '198.51.100.10', newIp: '198.51.100.70', name: 'printer1.example.net', role: 'printer' });
    // Only the fields given change: the MAC and description stay as stored.
    expect(moved).toMatchObject({ ip: '198.51.100.70', block: '198.51.100.64/28', mac: '00:1a:2b:3c:4d:5e', description: 'Floor 2' });
    expect(await call('dhcp.updateHost', { ip: '198.51.100.70', description: 'Floor 3' })).toMatchObject({
      name: 'printer1.example.net',
      mac: '00:1a:2b:3c:4d:5e',
      role: 'printer',
      description: 'Floor 3',
    });
    ws.undo();
    ws.undo();
    expect((await call('dhcp.listHosts', { within: '198.51.100.0/26' })).map((x) => x.ip)).toEqual(['198.51.100.1', '198.51.100.10']);
    await call('dhcp.removeHost', { ip: '198.51.100.1' });
    expect((await call('dhcp.listHosts', {})).length).toBe(2);
    ws.undo();
    expect((await call('dhcp.listHosts', {})).length).toBe(3);
  });

  it('refuses each bad input naming its field, with nothing changed', async () => {
    const { call, refusal } = await plan();
    await call('dhcp.addHost', { ip: '198.51.100.10', name: 'a.example.net', mac: '00:1a:2b:3c:4d:5e' });
    await call('dhcp.addScope', { prefix: '198.51.100.0/26', range: '198.51.100.20-198.51.100.50' });
    const cases: [unknown, string, RegExp][] = [
      [{ ip: '198.51.100.300', name: 'b.example.net' }, 'ip', /not a valid|address/i],
      [{ ip: '198.51.100.11', name: 'b.example.net', mac: '00:1a:2b:3c:4d' }, 'mac', /not a MAC address/],
      [{ ip: '198.51.100.11', name: 'b.example.net', mac: '01:00:5e:00:00:01' }, 'mac', /group/],
      [{ ip: '203.0.113.5', name: 'b.example.net' }, 'ip', /not inside any assigned block/],
      [{ ip: '198.51.100.130', name: 'b.example.net' }, 'ip', /not inside any assigned block/],
      [{ ip: '198.51.100.0', name: 'b.example.net' }, 'ip', /network address of 198\.51\.100\.0\/26/],
      [{ ip: '198.51.100.63', name: 'b.example.net' }, 'ip', /broadcast address of 198\.51\.100\.0\/26/],
      [{ ip: '198.51.100.10', name: 'b.example.net' }, 'ip', /already taken by a\.example\.net/],
      [{ ip: '198.51.100.30', name: 'b.example.net' }, 'ip', /inside the DHCP range 198\.51\.100\.20–198\.51\.100\.50/],
      [{ ip: '198.51.100.11', name: 'b_x.example.net' }, 'name', /not a valid host name/],
      [{ ip: '198.51.100.11', name: 'printer' }, 'name', /fully qualified/],
      [{ ip: '198.51.100.11', name: 'host.10' }, 'name', /all digits/],
      [{ ip: '198.51.100.11', name: `${'a'.repeat(64)}.example.net` }, 'name', /not a valid host name/],
      [{ ip: '198.51.100.11', name: 'b.example.net', mac: '00:1A:2B:3C:4D:5E' }, 'mac', /already the MAC of a\.example\.net/],
      [{ ip: '198.51.100.11', name: 'b.example.net', role: 'toaster' }, 'role', /one of router/],
    ];
    for (const [input, field, message] of cases) {
      const e = await refusal('dhcp.addHost', input);
      expect({ input, field: e.field }).toEqual({ input, field });
      expect(e.message).toMatch(message);
      expect(e.message).not.toMatch(/\[\d+\]|hosts\./);
    }
  });
});

describe('scopes', () => {
  it('one per block: added with the default lease, listed, changed, removed and undone', async () => {
    const { call, ws } = await plan();
    const s = await call('dhcp.addScope', {
      prefix: '198.51.100.0/26',
      range: '198.51.100.10 - 198.51.100.60',
      router: '198.51.100.1',
      dns: ['198.51.100.66', '198.51.100.67'],
      domain: 'Office.Example.net',
    });
    expect(s).toEqual({
      id: s.id,
      prefix: '198.51.100.0/26',
      space: 'global',
      first: '198.51.100.10',
      last: '198.51.100.60',
      size: 51,
      leaseS: 86400,
      router: '198.51.100.1',
      dns: ['198.51.100.66', '198.51.100.67'],
      domain: 'office.example.net',
      leased: null,
      leasedAt: null,
    });
    // Only the fields given change; the router, name servers and domain stay as stored.
    const changed = await call('dhcp.updateScope', { prefix: '198.51.100.0/26', range: '198.51.100.32-198.51.100.62', leaseS: 3600 });
    expect(changed).toMatchObject({
      first: '198.51.100.32',
      size: 31,
      leaseS: 3600,
      router: '198.51.100.1',
      dns: ['198.51.100.66', '198.51.100.67'],
      domain: 'office.example.net',
    });
    // An empty router and an empty list clear them, as the editor's cleared fields do.
    expect(await call('dhcp.updateScope', { prefix: '198.51.100.0/26', router: '', dns: [] })).toMatchObject({ router: null, dns: [], leaseS: 3600 });
    ws.undo();
    ws.undo();
    expect((await call('dhcp.listScopes', {}))[0]).toMatchObject({ first: '198.51.100.10', leaseS: 86400 });
    await call('dhcp.removeScope', { prefix: '198.51.100.0/26' });
    expect(await call('dhcp.listScopes', {})).toEqual([]);
    ws.undo();
    expect((await call('dhcp.listScopes', {})).length).toBe(1);
  });

  it('refuses each bad scope naming its field, with nothing changed', async () => {
    const { call, refusal } = await plan();
    await call('dhcp.addHost', { ip: '198.51.100.70', name: 'srv.example.net' });
    await call('dhcp.addScope', { prefix: '198.51.100.0/26', range: '198.51.100.10-198.51.100.60', router: '198.51.100.1' });
    await call('registry.addPrefix', { prefix: '198.51.100.72/30', status: 'assigned' });
    await call('registry.addPrefix', { prefix: '198.51.100.76/31', status: 'assigned' });
    const cases: [unknown, string, RegExp][] = [
      [{ prefix: '198.51.100.0/26', range: '198.51.100.10-198.51.100.20' }, 'prefix', /already has a DHCP scope/],
      [{ prefix: '198.51.100.64/28', range: '198.51.100.79-198.51.100.66' }, 'range', /reversed/],
      [{ prefix: '198.51.100.64/28', range: '198.51.100.66-198.51.100.90' }, 'range', /not inside 198\.51\.100\.64\/28/],
      [{ prefix: '198.51.100.64/28', range: '198.51.100.64-198.51.100.69' }, 'range', /network address/],
      [{ prefix: '198.51.100.64/28', range: '198.51.100.71-198.51.100.79' }, 'range', /broadcast address/],
      [{ prefix: '198.51.100.64/28', range: '198.51.100.65-198.51.100.69', router: '198.51.100.65' }, 'range', /covers the router/],
      [{ prefix: '198.51.100.64/28', range: '198.51.100.66-198.51.100.78' }, 'range', /covers the fixed host srv\.example\.net \(198\.51\.100\.70\)/],
      [{ prefix: '198.51.100.64/28', range: '198.51.100.66-198.51.100.x' }, 'range', /not an IPv4 address/],
      [{ prefix: '198.51.100.64/28', range: '198.51.100.66' }, 'range', /FIRST-LAST/],
      [{ prefix: '198.51.100.64/28', range: '198.51.100.66-198.51.100.68', router: '192.0.2.1' }, 'router', /not inside/],
      [{ prefix: '198.51.100.64/28', range: '198.51.100.66-198.51.100.68', dns: ['dns1'] }, 'dns', /not an IPv4 address/],
      [{ prefix: '198.51.100.64/28', range: '198.51.100.66-198.51.100.68', domain: 'bad_domain.net' }, 'domain', /not a valid host name/],
      [{ prefix: '198.51.100.64/28', range: '198.51.100.66-198.51.100.68', leaseS: 0 }, 'leaseS', /not a lease time/],
      [{ prefix: '198.51.100.76/31', range: '198.51.100.76-198.51.100.77' }, 'prefix', /too small/],
      [{ prefix: '198.51.100.128/25', range: '198.51.100.130-198.51.100.140' }, 'prefix', /is reserved/],
      [{ prefix: '198.51.100.0/24', range: '198.51.100.130-198.51.100.140' }, 'prefix', /is allocated/],
      [{ prefix: '203.0.113.0/24', range: '203.0.113.10-203.0.113.20' }, 'prefix', /not a block/],
      [{ prefix: '2001:db8:1::/64', range: '2001:db8:1::10-2001:db8:1::20' }, 'prefix', /IPv6/],
    ];
    for (const [input, field, message] of cases) {
      const e = await refusal('dhcp.addScope', input);
      expect({ input, field: e.field }).toEqual({ input, field });
      expect(e.message).toMatch(message);
    }
  });
});

describe('the demo workspace', () => {
  it('has hosts and scopes that each pass the rules (each is removed and added again through the services)', async () => {
    const d = await openDispatch(tmp.path(`demo-${++n}.headroom`), { demo: true, now: () => new Date('2026-12-03T12:00:00Z') });
    session = d.session;
    const hosts = await d.call('dhcp.listHosts', {});
    const scopes = await d.call('dhcp.listScopes', {});
    expect(hosts.length).toBeGreaterThanOrEqual(10);
    expect(scopes.map((s) => s.prefix)).toEqual(['198.51.100.80/28', '198.51.100.96/29', '203.0.113.0/25']);
    expect(scopes.every((s) => s.leased !== null && s.leasedAt === '2026-11-02')).toBe(true);
    for (const s of scopes) {
      await d.call('dhcp.removeScope', { prefix: s.prefix });
      await d.call('dhcp.addScope', {
        prefix: s.prefix,
        range: `${s.first}-${s.last}`,
        leaseS: s.leaseS,
        router: s.router ?? undefined,
        dns: s.dns,
        domain: s.domain ?? undefined,
      });
    }
    for (const h of hosts) {
      expect(h.block, h.ip).not.toBe('');
      await d.call('dhcp.removeHost', { ip: h.ip });
      await d.call('dhcp.addHost', { ip: h.ip, name: h.name, mac: h.mac ?? undefined, role: h.role, description: h.description });
    }
  });
});
