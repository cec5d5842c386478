/**
 * Leases as readings (issue 15 point 4) through dispatch on a real temp workspace, from lease
 * files in the real formats (test/fixtures/leases; the dhcpd one is loaded by `dhcpd -T` first,
 * so it is a file dhcpd itself reads). Expired, freed, released, abandoned and declined leases
 * do not count; a lease outside every scope is reported; garbage lines refuse the file by line
 * number with nothing imported.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../../../electron/core/services/session';
import { openDispatch } from '../../../../support/dispatch';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir('headroom-leases-');
afterAll(() => tmp.cleanup());
const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', '..', '..', 'fixtures', 'leases', name), 'utf8');
const hasDhcpd = spawnSync('sh', ['-c', 'command -v dhcpd']).status === 0;
const hasKeaLfc = spawnSync('sh', ['-c', 'command -v kea-lfc']).status === 0;
let n = 0;
let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

async function plan() {
  const d = await openDispatch(tmp.path(`ws-${++n}.headroom`), { now: () => new Date('2026-12-03T12:00:00Z') });
  session = d.session;
  await d.call('registry.addPrefix', { prefix: '198.51.100.80/28', description: 'School' });
  await d.call('registry.addPrefix', { prefix: '198.51.100.96/29', description: 'Hotel' });
  await d.call('dhcp.addScope', { prefix: '198.51.100.80/28', range: '198.51.100.84-198.51.100.94' });
  await d.call('dhcp.addScope', { prefix: '198.51.100.96/29', range: '198.51.100.98-198.51.100.102' });
  const ws = d.session.require();
  const readings = () => JSON.stringify(ws.all('SELECT * FROM dhcp_lease_readings ORDER BY id'));
  return { ...d, ws, readings };
}

describe('leases import', () => {
  it.runIf(hasDhcpd)('the dhcpd fixture is a lease file dhcpd -T reads without an error', () => {
    const lf = tmp.path('dhcpd.leases');
    writeFileSync(lf, fixture('dhcpd.leases'));
    const conf = tmp.path('dhcpd-leases.conf');
    writeFileSync(
      conf,
      'subnet 198.51.100.80 netmask 255.255.255.240 { range 198.51.100.84 198.51.100.94; }\nsubnet 198.51.100.96 netmask 255.255.255.248 { range 198.51.100.98 198.51.100.102; }\n',
    );
    const r = spawnSync('dhcpd', ['-T', '-cf', conf, '-lf', lf, '-pf', tmp.path('pid')], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/Lease file test successful/);
    expect(r.stderr).not.toMatch(/ line \d+:/);
  });

  it.runIf(hasKeaLfc)("the Kea fixture is a memfile Kea's own lease-file cleanup (kea-lfc) reads with no row refused", () => {
    /** kea-lfc's read statistics for a lease file given as its "previous" file. */
    const lfc = (text: string) => {
      const dir = tmp.path(`lfc-${++n}`);
      mkdirSync(dir);
      const f = (name: string) => join(dir, name);
      writeFileSync(f('previous.csv'), text);
      writeFileSync(f('copy.csv'), '');
      const r = spawnSync(
        'kea-lfc',
        ['-4', '-d', '-x', f('previous.csv'), '-i', f('copy.csv'), '-o', f('output.csv'), '-f', f('finish.csv'), '-p', f('lfc.pid'), '-c', 'unused'],
        { encoding: 'utf8', env: { ...process.env, KEA_LOCKFILE_DIR: 'none', KEA_PIDFILE_DIR: dir, KEA_LOGGER_DESTINATION: 'stdout' } },
      );
      return (
        /LFC_READ_STATS Leases: (\d+), attempts: \d+, errors: (\d+)/
          .exec(r.stdout + r.stderr)
          ?.slice(1)
          .map(Number) ?? r.stdout + r.stderr
      );
    };
    // Its nine rows are nine leases read, none refused.
    expect(lfc(fixture('kea-leases4.csv'))).toEqual([9, 0]);
    // And the check is real: a malformed address is a refused row.
    expect(lfc(fixture('kea-leases4.csv').replace('198.51.100.86,', '198.51.100.860,'))).toEqual([8, 1]);
  });

  it('counts the active leases of each scope in a dhcpd.leases file, reports the lease outside, and records the reading', async () => {
    const { call } = await plan();
    const r = await call('dhcp.importLeases', { text: fixture('dhcpd.leases'), format: 'dhcpd', date: '2026-12-03' });
    expect(r.scopes).toEqual([
      { prefix: '198.51.100.80/28', leased: 3, size: 11 },
      { prefix: '198.51.100.96/29', leased: 1, size: 5 },
    ]);
    expect(r.outside).toEqual(["192.0.2.50 is leased but lies in no DHCP scope's range"]);
    expect(r.read).toBe(12);
    expect(r.inactive).toBe(5);
    const scopes = await call('dhcp.listScopes', {});
    expect(scopes.map((s) => [s.prefix, s.leased, s.leasedAt])).toEqual([
      ['198.51.100.80/28', 3, '2026-12-03'],
      ['198.51.100.96/29', 1, '2026-12-03'],
    ]);
  });

  it('counts a Kea memfile CSV the same way: declined, expired-reclaimed, expired and deleted leases do not count', async () => {
    const { call } = await plan();
    const r = await call('dhcp.importLeases', { text: fixture('kea-leases4.csv'), format: 'kea', date: '2026-12-03' });
    expect(r.scopes.map((s) => s.leased)).toEqual([1, 2]);
    expect(r.outside).toEqual(["10.9.9.9 is leased but lies in no DHCP scope's range"]);
    // Newer Kea adds columns (pool_id): found by name, same count.
    const withPoolId = fixture('kea-leases4.csv')
      .split('\n')
      .map((l, i) => (l === '' ? l : `${l},${i === 0 ? 'pool_id' : '0'}`))
      .join('\n');
    const again = await call('dhcp.importLeases', { text: withPoolId, format: 'kea', date: '2026-12-03' });
    expect(again.scopes.map((s) => s.leased)).toEqual([1, 2]);
  });

  it('replaces the reading of the same day, keeps other days, and is undone as one change', async () => {
    const { call, ws } = await plan();
    await call('dhcp.importLeases', { text: fixture('kea-leases4.csv'), format: 'kea', date: '2026-11-01' });
    await call('dhcp.importLeases', { text: fixture('dhcpd.leases'), format: 'dhcpd', date: '2026-12-03' });
    await call('dhcp.importLeases', { text: fixture('kea-leases4.csv'), format: 'kea', date: '2026-12-03' });
    expect(ws.all('SELECT date, leased FROM dhcp_lease_readings ORDER BY date, scope_id').map((r) => `${String(r.date)} ${Number(r.leased)}`)).toEqual([
      '2026-11-01 2',
      '2026-11-01 2',
      '2026-12-03 1',
      '2026-12-03 2', // on 11-01, .87 had not yet expired
    ]);
    ws.undo();
    expect((await call('dhcp.listScopes', {})).map((s) => s.leased)).toEqual([3, 1]);
  });

  it('refuses a file with garbage lines by line number, importing nothing', async () => {
    const { dispatch, readings } = await plan();
    const before = readings();
    const bad = fixture('dhcpd.leases').replace(
      '  binding state free;\n  hardware ethernet 00:16:3e:00:00:02;',
      '  binding state free;\n  this is not a statement\n  hardware ethernet 00:16:3e:00:00:02;',
    );
    const r = await dispatch('dhcp.importLeases', { text: bad, format: 'dhcpd', date: '2026-12-03' });
    expect(r.ok ? null : r.error).toMatchObject({
      field: 'file',
      message: expect.stringMatching(/1 line .*nothing was imported: line 27: this is not a statement/),
    });
    const kea = fixture('kea-leases4.csv')
      .replace('198.51.100.86,', '198.51.100.860,')
      .replace('10.9.9.9,00:16:3e:00:00:0c,,3600', '10.9.9.9,00:16:3e:00:00:0c,,soon');
    const k = await dispatch('dhcp.importLeases', { text: kea, format: 'kea', date: '2026-12-03' });
    expect(k.ok ? null : k.error).toMatchObject({ field: 'file', message: expect.stringMatching(/2 lines .*line 4: 198\.51\.100\.860.*line 9: 10\.9\.9\.9/) });
    const header = await dispatch('dhcp.importLeases', { text: fixture('dhcpd.leases'), format: 'kea', date: '2026-12-03' });
    expect(header.ok ? null : header.error).toMatchObject({ field: 'file', message: expect.stringMatching(/line 1: not a Kea lease file header/) });
    const date = await dispatch('dhcp.importLeases', { text: fixture('kea-leases4.csv'), format: 'kea', date: '2026-02-30' });
    expect(date.ok ? null : date.error).toMatchObject({ field: 'date' });
    expect(readings()).toBe(before);
  });

  it('makes every scope a limit on the forecast board: its leases against the size of its range', async () => {
    const { call } = await plan();
    const before = await call('forecast.limits', {});
    const scopeIds = (await call('dhcp.listScopes', {})).map((s) => `dhcp:${s.id}`);
    // Declared, not yet read: on the board with no history.
    expect(before.limits.filter((l) => l.kind === 'dhcp').map((l) => [l.id, l.capacity, l.current])).toEqual([
      [scopeIds[0], 11, null],
      [scopeIds[1], 5, null],
    ]);
    for (const [date, text] of [
      ['2026-09-01', 'kea'],
      ['2026-10-01', 'kea'],
      ['2026-11-01', 'kea'],
      ['2026-12-03', 'dhcpd'],
    ] as const) {
      await call('dhcp.importLeases', { text: fixture(text === 'kea' ? 'kea-leases4.csv' : 'dhcpd.leases'), format: text, date });
    }
    const board = await call('forecast.limits', { asOf: '2026-12-03' });
    const school = board.limits.find((l) => l.id === scopeIds[0])!;
    expect(school).toMatchObject({ kind: 'dhcp', name: 'DHCP scope 198.51.100.80/28', unit: 'leases', capacity: 11, current: 3 });
    expect(school.usedFrac).toBeCloseTo(3 / 11, 6);
  });
});
