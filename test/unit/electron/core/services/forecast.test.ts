/**
 * forecast.* against a real temp workspace, through dispatch (the path every transport takes):
 * every pool and facility limit of the demo with its status and date, soonest first; a pool's
 * usage history from its dated children in its unit; the chart's curve; refusals name the field.
 */
import { describe, expect, it } from 'vitest';
import type { LimitForecast } from '../../../../../shared/contract';
import { eventsToSeries, fitAndProject } from '../../../../../shared/forecast';
import { loadPools } from '../../../../../electron/core/services/forecast-pools';
import { dispatchSessions } from '../../../../support/dispatch';

const newWorkspace = dispatchSessions('headroom-forecast-');

const AS_OF = '2026-11-25';

async function open(demo = false, now = AS_OF) {
  const d = await newWorkspace({ demo, now: () => new Date(`${now}T12:00:00Z`) });
  return { call: d.call, dispatch: d.dispatch, ws: d.session.require() };
}

const byName = (limits: LimitForecast[], name: string) => {
  const l = limits.find((x) => x.name === name);
  if (!l) throw new Error(`no limit ${name}`);
  return l;
};

/** 7 days apart from 2026-01-04, as YYYY-MM-DD. */
const week = (k: number) => new Date(Date.UTC(2026, 0, 4 + 7 * k)).toISOString().slice(0, 10);

describe('forecast.limits on the demo workspace', () => {
  it('lists every pool and every facility limit of the demo POP', async () => {
    const { call } = await open(true);
    const r = await call('forecast.limits', { asOf: AS_OF });
    expect(r.asOf).toBe(AS_OF);
    const names = r.limits.map((l) => l.name);
    for (const pool of ['192.0.2.0/24', '198.51.100.0/24', '198.51.100.64/26', '203.0.113.0/24', '2001:db8::/32', '2001:db8:200::/44', '10.0.0.0/16']) {
      expect(names).toContain(pool);
    }
    const facility = r.limits.filter((l) => l.kind === 'facility').map((l) => l.id.split(':').slice(2).join(':'));
    expect(facility).toEqual(expect.arrayContaining(['ups', 'battery', 'generator-sizing', 'generator-average', 'fuel', 'cooling', 'restore', 'storage']));
  });

  it('puts the soonest first: exceeded, then dated by date, then beyond the horizon, never, too little data', async () => {
    const { call } = await open(true);
    const { limits } = await call('forecast.limits', { asOf: AS_OF });
    const rank = { exceeded: 0, projectedNow: 1, ok: 2, mayRunOut: 3, beyondHorizon: 4, never: 5, insufficientData: 6 } as const;
    for (let i = 1; i < limits.length; i++) {
      const a = limits[i - 1]!;
      const b = limits[i]!;
      expect(rank[a.status]).toBeLessThanOrEqual(rank[b.status]);
      if (a.status === b.status && a.date && b.date) expect(a.date <= b.date).toBe(true);
    }
    expect(limits[0]!.status).toBe('exceeded');
  });

  it('says since when a full pool is over, from its whole history', async () => {
    const { call } = await open(true);
    const { limits } = await call('forecast.limits', { asOf: AS_OF });
    // The core /26 is fully assigned since 2024-04-02 (the /24 holds pools, which are not usage).
    const full = byName(limits, '198.51.100.0/26');
    expect(full).toMatchObject({ status: 'exceeded', date: '2024-04-02', capacity: 64, current: 64, unit: 'addresses' });
  });

  it('counts an IPv6 pool in its assignment unit and dates its run-out inside the interval', async () => {
    const { call } = await open(true);
    const { limits } = await call('forecast.limits', { asOf: AS_OF });
    const bng2 = byName(limits, '2001:db8:200::/44');
    expect(bng2).toMatchObject({ unit: '/56', capacity: 4096, current: 2560, status: 'ok', prefixUnit: { family: 6, length: 56 } });
    expect(bng2.earliest! <= bng2.date!).toBe(true);
    expect(bng2.date! > AS_OF).toBe(true);
    expect(bng2.warningDate! < bng2.date!).toBe(true);
    expect(bng2.model).not.toBeNull();
    expect(bng2.holdoutMae).toBeGreaterThanOrEqual(0);
    expect(bng2.runnerUp?.model).toBeTruthy();
  });

  it('gives each facility limit the site threshold as its capacity and the readings as its history', async () => {
    const { call } = await open(true);
    const { limits } = await call('forecast.limits', { asOf: AS_OF });
    const sites = await call('facility.listSites', {});
    const siteLimits = await call('facility.siteLimits', { siteId: sites[0]!.id });
    const ups = limits.find((l) => l.id === `facility:${sites[0]!.id}:ups`)!;
    expect(ups.capacity).toBe(siteLimits.limits!.limits.find((l) => l.key === 'ups')!.max);
    expect(ups.unit).toBe('W');
    expect(ups.points).toBeGreaterThanOrEqual(6);
    expect(['ok', 'beyondHorizon', 'exceeded', 'projectedNow']).toContain(ups.status);
  });

  it('changes nothing in the workspace', async () => {
    const { call, ws } = await open(true);
    const before = ws.all('SELECT COUNT(*) AS n FROM actions')[0]!.n;
    await call('forecast.limits', { asOf: AS_OF });
    await call('forecast.series', { limitId: 'pool:1', asOf: AS_OF });
    expect(ws.all('SELECT COUNT(*) AS n FROM actions')[0]!.n).toBe(before);
  });
});

describe('forecast.limits on a pool built week by week', () => {
  async function weeklyPool(weeks: number) {
    const o = await open(false);
    await o.call('registry.addPrefix', { prefix: '10.1.0.0/22', status: 'aggregate', date: week(0) });
    for (let k = 0; k < weeks; k++) {
      await o.call('registry.addPrefix', { prefix: `10.1.${k >> 4}.${(k & 15) * 16}/28`, status: 'assigned', date: week(k) });
    }
    return o;
  }

  it('fits the same series fitAndProject sees: +16 addresses a week into a /22', async () => {
    const { call } = await weeklyPool(12);
    const asOf = week(11);
    const { limits } = await call('forecast.limits', { asOf });
    const pool = byName(limits, '10.1.0.0/22');
    const series = Array.from({ length: 78 }, (_, d) => {
      const day = new Date(Date.UTC(2026, 0, 4 + d)).toISOString().slice(0, 10);
      return { date: day, value: 16 * (Math.floor(d / 7) + 1) };
    });
    const expected = fitAndProject(series, { capacity: 1024, asOf });
    expect(pool).toMatchObject({ capacity: 1024, current: 192, status: expected.status, date: expected.date, model: expected.model });
    expect(pool.status).toBe('ok');
  });

  it('answers insufficientData for a pool with under four weeks of history', async () => {
    const { call } = await weeklyPool(2);
    const { limits } = await call('forecast.limits', { asOf: week(2) });
    expect(byName(limits, '10.1.0.0/22')).toMatchObject({ status: 'insufficientData', date: null, model: null });
  });

  it('answers insufficientData for a pool with nothing in it yet', async () => {
    const { call } = await open(false);
    await call('registry.addPrefix', { prefix: '10.9.0.0/24', status: 'aggregate', date: '2026-01-01' });
    const { limits } = await call('forecast.limits', { asOf: AS_OF });
    expect(byName(limits, '10.9.0.0/24')).toMatchObject({ status: 'insufficientData', current: null, capacity: 256 });
  });

  it('counts assigned space only: an assigned block inside an allocated one counts in both pools, the allocated one itself in neither', async () => {
    const { call } = await open(false);
    await call('registry.addPrefix', { prefix: '10.2.0.0/24', status: 'aggregate', date: '2026-01-01' });
    await call('registry.addPrefix', { prefix: '10.2.0.0/26', status: 'allocated', date: '2026-01-01' });
    await call('registry.addPrefix', { prefix: '10.2.0.0/28', status: 'assigned', date: '2026-01-01' });
    await call('registry.addPrefix', { prefix: '10.2.0.128/27', status: 'reserved', date: '2026-01-01' });
    const { limits } = await call('forecast.limits', { asOf: AS_OF });
    expect(byName(limits, '10.2.0.0/24').current).toBe(16);
    expect(byName(limits, '10.2.0.0/26').current).toBe(16);
  });
});

describe('forecast.series', () => {
  it('draws history up to as-of, then the projection inside its band', async () => {
    const { call } = await open(true);
    const { limits } = await call('forecast.limits', { asOf: AS_OF });
    const bng2 = byName(limits, '2001:db8:200::/44');
    const s = await call('forecast.series', { limitId: bng2.id, asOf: AS_OF });
    expect(s.limit).toMatchObject({ status: bng2.status, date: bng2.date });
    expect(s.history.at(-1)).toEqual({ date: AS_OF, value: 2560 });
    const projected = s.curve.filter((p) => p.projection !== null);
    expect(projected[0]!.date).toBe(AS_OF);
    expect(projected.map((p) => p.date)).toContain(bng2.date);
    for (const p of projected) {
      expect(p.band![0]).toBeLessThanOrEqual(p.projection! + 1e-6);
      expect(p.band![1]).toBeGreaterThanOrEqual(p.projection! - 1e-6);
    }
    expect(s.curve.filter((p) => p.history !== null && p.date > AS_OF)).toHaveLength(0);
  });

  it('brings the date forward with a planned-demand scenario and keeps the date without it', async () => {
    const { call } = await open(true);
    const { limits } = await call('forecast.limits', { asOf: AS_OF });
    const bng2 = byName(limits, '2001:db8:200::/44');
    const s = await call('forecast.series', {
      limitId: bng2.id,
      asOf: AS_OF,
      scenarios: [{ kind: 'monthly', start: '2026-12-01', perMonth: 200 }],
    });
    expect(s.limit.date! < bng2.date!).toBe(true);
  });

  it('uses the model asked for', async () => {
    const { call } = await open(true);
    const { limits } = await call('forecast.limits', { asOf: AS_OF });
    const s = await call('forecast.series', { limitId: byName(limits, '2001:db8:200::/44').id, asOf: AS_OF, method: 'linear' });
    expect(s.limit.model).toBe('linear');
  });

  it('refuses an unknown limit, a bad date and a bad scenario, naming the field', async () => {
    const { dispatch } = await open(true);
    expect(await dispatch('forecast.series', { limitId: 'pool:99999' })).toMatchObject({ ok: false, error: { code: 'not-found', field: 'limitId' } });
    expect(await dispatch('forecast.limits', { asOf: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'asOf' } });
    expect(await dispatch('forecast.series', { limitId: 'pool:1', scenarios: [{ kind: 'monthly', start: '2026-13-01', perMonth: 4 }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'scenarios.0.start' },
    });
    expect(await dispatch('forecast.series', { limitId: 'pool:1', method: 'magic' })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'method' } });
  });
});

describe('a pool’s usage series', () => {
  /** A small deterministic generator, so a failure replays. */
  function rng(seed: number) {
    let x = seed;
    return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  }

  it('is the spec’s events-to-series of the assignments inside it, for a daily, weekly and month-end grid', async () => {
    const { call, ws } = await open(false);
    const random = rng(7);
    await call('registry.addPrefix', { prefix: '10.3.0.0/16', status: 'aggregate', date: '2023-01-01' });
    await call('registry.addPrefix', { prefix: '10.3.128.0/20', status: 'allocated', date: '2024-02-10' });
    // Used as the RIRs measure it (shared/ip/utilization): the allocated child pool is a
    // container, not usage; the assignments inside it count, each from its own date.
    const events: { at: string; delta: number }[] = [];
    for (let i = 0; i < 120; i++) {
      const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 1400) * 86_400_000).toISOString().slice(0, 10);
      const len = random() < 0.5 ? 28 : 27;
      await call('registry.addPrefix', { prefix: `10.3.${i >> 1}.${(i & 1) * 128}/${len}`, status: 'assigned', date: day });
      events.push({ at: `${day}T00:00:00Z`, delta: 2 ** (32 - len) });
      await call('registry.addPrefix', { prefix: `10.3.${128 + (i >> 3)}.${(i & 7) * 32}/27`, status: 'assigned', date: day });
      events.push({ at: `${day}T00:00:00Z`, delta: 32 });
    }
    const pool = loadPools(ws).find((p) => p.prefix === '10.3.0.0/16')!;
    for (const [asOf, windowDays] of [
      ['2026-11-01', 90],
      ['2026-11-01', 730],
      ['2025-06-15', 730],
      ['2026-11-01', 1500],
    ] as const) {
      const opening = events.reduce((m, e) => (e.at < m ? e.at : m), events[0]!.at).slice(0, 10);
      const expected = eventsToSeries({ opening: 0, openingDate: opening, events: events.filter((e) => e.at.slice(0, 10) <= asOf), asOf, windowDays }).points;
      expect(pool.series(asOf, windowDays), `${asOf} ${windowDays}`).toEqual(expected);
    }
  });

  it('counts an IPv6 pool in its unit, a block longer than the unit as one unit', async () => {
    const { call, ws } = await open(false);
    await call('registry.addPrefix', { prefix: '2001:db8:500::/44', status: 'allocated', unit: 56, date: '2026-01-01' });
    await call('registry.addPrefix', { prefix: '2001:db8:500::/48', status: 'assigned', date: '2026-01-05' });
    await call('registry.addPrefix', { prefix: '2001:db8:501::/56', status: 'assigned', date: '2026-01-06' });
    await call('registry.addPrefix', { prefix: '2001:db8:502::/64', status: 'assigned', date: '2026-01-07' });
    const pool = loadPools(ws).find((p) => p.prefix === '2001:db8:500::/44')!;
    expect(pool).toMatchObject({ capacity: 4096, unitLength: 56 });
    expect(pool.series('2026-02-15', 730).at(-1)).toEqual({ date: '2026-02-15', value: 256 + 1 + 1 });
    expect(pool.reachedOn('2026-02-15', 257)).toBe('2026-01-06');
  });
});

describe('the demo’s POP Northgate cooling (issue 12 §1, §4, §6)', () => {
  const cooling = (limits: LimitForecast[]) => limits.find((l) => l.id.endsWith(':cooling'))!;

  it('is fitted on its monthly readings as given, not regridded to a weekly staircase', async () => {
    const { call } = await open(true, '2026-12-03');
    const id = cooling((await call('forecast.limits', { asOf: '2026-12-03' })).limits).id;
    const s = await call('forecast.series', { limitId: id, asOf: '2026-12-03' });
    // The demo's monthly meter readings, on the 1st of each month: one point each, no weekly grid.
    const dates = s.history.map((p) => p.date);
    expect(dates.length).toBe(12);
    expect(dates[11]).toBe('2026-12-01');
    expect(dates.every((d) => d.endsWith('-01'))).toBe(true);
    expect(s.limit.points).toBe(12);
  });

  it('gives one consistent answer as of 2026-12-01, 12-03 and 12-08', async () => {
    const { call } = await open(true, '2026-12-03');
    const answers = [];
    for (const asOf of ['2026-12-01', '2026-12-03', '2026-12-08']) answers.push(cooling((await call('forecast.limits', { asOf })).limits));
    const [a, b, c] = answers as [LimitForecast, LimitForecast, LimitForecast];
    expect(a.status).toBe('ok');
    for (const x of [b, c]) {
      expect(x).toMatchObject({ status: a.status, model: a.model, date: a.date, earliest: a.earliest, latest: a.latest });
    }
    // fit on the same monthly rows says the same.
    const rows = (await call('forecast.series', { limitId: a.id, asOf: '2026-12-01' })).history;
    expect(fitAndProject(rows, { capacity: a.capacity!, asOf: '2026-12-01' }).date).toBe(a.date);
  });

  it('is stale, with a warning, once the newest reading is older than three typical spacings', async () => {
    const { call } = await open(true, '2026-12-03');
    // Readings end 2026-12-01, typical spacing 31 days: 2027-03-01 is 90 days on (not yet
    // stale, but no longer a flat "not projected to run out"), 2027-03-15 is 104 days on.
    const march = cooling((await call('forecast.limits', { asOf: '2027-03-01' })).limits);
    expect(march).toMatchObject({ stale: false, status: 'ok' });
    const late = cooling((await call('forecast.limits', { asOf: '2027-03-15' })).limits);
    expect(late.stale).toBe(true);
    expect(late.warnings.join(' ')).toMatch(/stale: the newest reading \(2026-12-01\) is older than three typical spacings before 2027-03-15/);
    const fresh = cooling((await call('forecast.limits', { asOf: '2026-12-08' })).limits);
    expect(fresh.stale).toBe(false);
    expect(late.date).toBe(fresh.date);
    expect(march.date).toBe(fresh.date);
  });

  it('carries runoutByMonth: 24 months from the as-of month, non-decreasing, 0..1', async () => {
    const { call } = await open(true, '2026-12-03');
    const l = cooling((await call('forecast.limits', { asOf: '2026-12-03' })).limits);
    expect(l.runoutByMonth.length).toBe(24);
    expect(l.runoutByMonth[0]!.month).toBe('2026-12');
    expect(l.runoutByMonth[23]!.month).toBe('2028-11');
    for (let i = 1; i < 24; i++) expect(l.runoutByMonth[i]!.p).toBeGreaterThanOrEqual(l.runoutByMonth[i - 1]!.p);
    const dateMonth = l.date!.slice(0, 7);
    const at = l.runoutByMonth.find((m) => m.month === dateMonth)!;
    expect(at.p).toBeGreaterThan(0.3);
  });
});

describe('the forecasts board in the report (issue 12 §8)', () => {
  it('lists every limit in the whole-workspace report, in the board’s order, with its odds within 12 months', async () => {
    const { call } = await open(true, '2026-12-03');
    const { limits } = await call('forecast.limits', {});
    // Dates are wrapped so they never break at a hyphen: read the text without those wrappers.
    const html = (await call('reports.export', { format: 'html' })).text.replace(/<span class="day">([^<]*)<\/span>/g, '$1');
    expect(html).toContain('Limits, soonest first (as of 2026-12-03)');
    const board = html.slice(html.indexOf('<table class="board">'));
    expect(board).not.toBe('');
    const names = [...board.matchAll(/<tr><td><b>([^<]+)<\/b>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(names).toEqual(limits.map((l) => l.name));
    expect(board).toMatch(/Cooling with the worst unit failed<\/b>.*?runs out ≈ \d{4}-\d{2}-\d{2}.*?\d+ %<\/td><\/tr>/s);
  });
  it('leaves it out of a report scoped to one block', async () => {
    const { call } = await open(true, '2026-12-03');
    expect((await call('reports.export', { format: 'html', within: '198.51.100.0/24' })).text).not.toContain('class="board"');
  });
});
