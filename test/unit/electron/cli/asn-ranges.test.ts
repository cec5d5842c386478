/**
 * ASN blocks through dispatch (the path every transport takes) on real temp workspaces: add,
 * list and remove with undo; refusals name the field and change nothing; each block is a limit
 * of the forecasts, counted in ASNs from the day each was taken into use; and the CLI's
 * `asn-range` commands.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../../shared/contract';
import type { Session } from '../../../../electron/core/services/session';
import { ensureBuilt, headroom } from '../../../support/cli';
import { openDispatch } from '../../../support/dispatch';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-asn-ranges-');
afterAll(() => tmp.cleanup());
let n = 0;
let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

const AS_OF = '2026-11-25';

async function open(demo = false) {
  const d = await openDispatch(tmp.path(`ws-${++n}.headroom`), { demo, now: () => new Date(`${AS_OF}T12:00:00Z`) });
  session = d.session;
  const refusal = async (channel: Channel, input: unknown) => {
    const r = await d.dispatch(channel, input);
    if (r.ok) throw new Error(`${channel} was not refused`);
    return r.error;
  };
  return { call: d.call, refusal, ws: d.session.require() };
}

describe('ASN blocks', () => {
  it('are added, listed with the ASNs recorded in them, removed, and undone', async () => {
    const { call, ws } = await open();
    await call('registry.addAsn', { asn: '64512' });
    await call('registry.addAsn', { asn: '1.10' }); // 65546, outside the block
    const block = await call('registry.addAsnRange', { name: 'CUSTOMER-BGP', first: '64512', last: 'AS64611', description: 'private ASNs for BGP customers' });
    expect(block).toMatchObject({ name: 'CUSTOMER-BGP', first: 64512, last: 64611, size: 100, used: 1, firstAsdot: '64512' });
    await call('registry.addAsn', { asn: '64513' });
    expect((await call('registry.listAsnRanges', {}))[0]).toMatchObject({ used: 2 });
    await call('registry.removeAsnRange', { name: 'CUSTOMER-BGP' });
    expect(await call('registry.listAsnRanges', {})).toEqual([]);
    ws.undo();
    expect((await call('registry.listAsnRanges', {})).map((r) => r.name)).toEqual(['CUSTOMER-BGP']);
    const big = await call('registry.addAsnRange', { name: 'RIR', first: '1.0', last: '1.65535' });
    expect(big).toMatchObject({ first: 65536, last: 131071, size: 65536, firstAsdot: '1.0', lastAsdot: '1.65535', used: 1 });
  });

  it.each([
    ['a last ASN below the first', { name: 'X', first: '64600', last: '64500' }, 'last', /below the first/],
    ['a malformed bound', { name: 'X', first: '12abc', last: '64500' }, 'first', /./],
    ['a bound out of range', { name: 'X', first: '64500', last: '4294967296' }, 'last', /./],
    ['an asdot bound out of range', { name: 'X', first: '1.70000', last: '2.0' }, 'first', /./],
    ['an overlap with another block', { name: 'X', first: '64600', last: '64700' }, 'first', /overlaps the block "CUSTOMER-BGP"/],
    ['a name already used', { name: 'CUSTOMER-BGP', first: '64900', last: '64950' }, 'name', /already an ASN block/],
    ['a bad date', { name: 'X', first: '64900', last: '64950', date: '2026-02-30' }, 'date', /./],
  ])('refuses %s at its field, changing nothing', async (_what, input, field, message) => {
    const { call, refusal, ws } = await open();
    await call('registry.addAsnRange', { name: 'CUSTOMER-BGP', first: '64512', last: '64611' });
    const before = ws.dumpUserTables();
    const ranges = ws.all('SELECT * FROM asn_ranges');
    const e = await refusal('registry.addAsnRange', input);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
    expect(ws.dumpUserTables()).toEqual(before);
    expect(ws.all('SELECT * FROM asn_ranges')).toEqual(ranges);
  });

  it('are limits of the forecasts, counted in ASNs from the day each was taken into use', async () => {
    const { call } = await open();
    await call('registry.addAsnRange', { name: 'CUSTOMER-BGP', first: '64512', last: '64541', date: '2024-01-01' });
    // One customer ASN a month for two years: 24 of 30 used at as-of, one more a month.
    for (let k = 0; k < 24; k++) {
      const date = new Date(Date.UTC(2024, 11 + k, 1)).toISOString().slice(0, 10);
      await call('registry.addAsn', { asn: String(64512 + k), date });
    }
    const r = await call('forecast.limits', { asOf: AS_OF });
    const limit = r.limits.find((l) => l.kind === 'asn')!;
    expect(limit).toMatchObject({
      id: expect.stringMatching(/^asn:\d+$/),
      name: 'ASN block CUSTOMER-BGP',
      unit: 'ASNs',
      capacity: 30,
      current: 24,
      status: 'ok',
    });
    // Six more at one a month: about six months after as-of.
    const months = (Date.parse(limit.date!) - Date.parse(AS_OF)) / (30.436875 * 86_400_000);
    expect(months).toBeGreaterThan(4.5);
    expect(months).toBeLessThan(7.5);
    expect(limit.earliest! <= limit.date! && limit.date! <= limit.latest!).toBe(true);
    const series = await call('forecast.series', { limitId: limit.id, asOf: AS_OF });
    expect(series.history.at(-1)!.value).toBe(24);
    // Full: the day the 30th went in, from the full history.
    for (let k = 24; k < 30; k++) await call('registry.addAsn', { asn: String(64512 + k), date: '2026-11-01' });
    const full = (await call('forecast.limits', { asOf: AS_OF })).limits.find((l) => l.kind === 'asn')!;
    expect(full).toMatchObject({ status: 'exceeded', date: '2026-11-01', current: 30 });
  });

  it('the demo has its documentation block as a limit', async () => {
    const { call } = await open(true);
    const [block] = await call('registry.listAsnRanges', {});
    expect(block).toMatchObject({ name: 'DOC-ASNS', first: 64496, last: 64511, size: 16, used: 5 });
    const limit = (await call('forecast.limits', { asOf: AS_OF })).limits.find((l) => l.kind === 'asn')!;
    expect(limit).toMatchObject({ capacity: 16, current: 5, unit: 'ASNs' });
  });
});

describe('headroom asn-range', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it('adds, lists (text and JSON) and removes a block; a refusal exits 1 naming the field and changes nothing', () => {
    const ws = tmp.path('cli.headroom');
    expect(headroom(['init', ws]).code).toBe(0);
    expect(headroom(['asn', 'add', ws, '64512', '--date', '2025-01-01']).code).toBe(0);
    const add = headroom(['asn-range', 'add', ws, 'CUSTOMER-BGP', '64512', '64611', '--description', 'BGP customers']);
    expect(add).toMatchObject({ code: 0, stdout: 'CUSTOMER-BGP: AS64512–AS64611 (100 ASNs, 1 recorded)\n' });
    expect(headroom(['asn-range', 'list', ws]).stdout).toMatch(/^CUSTOMER-BGP\s+AS64512–AS64611\s+1\/100 used\s+BGP customers\n$/);
    const json = JSON.parse(headroom(['asn-range', 'list', ws, '--json']).stdout) as { name: string; size: number }[];
    expect(json).toEqual([expect.objectContaining({ name: 'CUSTOMER-BGP', size: 100, used: 1 })]);
    const asns = JSON.parse(headroom(['asn', 'list', ws, '--json']).stdout) as { asn: number; date: string }[];
    expect(asns).toEqual([expect.objectContaining({ asn: 64512, date: '2025-01-01' })]);

    const before = readFileSync(ws);
    const bad = headroom(['asn-range', 'add', ws, 'OTHER', '64600', '64700']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/first: AS64600–AS64700 overlaps the block "CUSTOMER-BGP"/);
    expect(readFileSync(ws).equals(before)).toBe(true);
    expect(headroom(['asn-range', 'add', ws, 'OTHER']).code).toBe(2);

    expect(headroom(['asn-range', 'rm', ws, 'CUSTOMER-BGP']).code).toBe(0);
    expect(headroom(['asn-range', 'list', ws, '--json']).stdout.trim()).toBe('[]');
    expect(headroom(['asn-range', 'rm', ws, 'CUSTOMER-BGP'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/name: there is no ASN block/) });
  });
});
