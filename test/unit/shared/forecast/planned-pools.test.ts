/**
 * Planned blocks in a pool's forecast (issue 14, item 4; CLI.md: a planned block is "counted in
 * forecasts from its date"): dated after as-of it is not used today, and the pool's projection
 * steps up by its size on its date; dated on or before as-of it counts in the history from its
 * date. Through dispatch against a real temp workspace.
 */
import { describe, expect, it } from 'vitest';
import type { LimitForecast } from '../../../../shared/contract';
import { fitAndProject } from '../../../../shared/forecast';
import { dispatchSessions } from '../../../support/dispatch';

const newWorkspace = dispatchSessions('headroom-planned-');

/** 7 days apart from 2026-01-04, as YYYY-MM-DD. */
const week = (k: number) => new Date(Date.UTC(2026, 0, 4 + 7 * k)).toISOString().slice(0, 10);
const AS_OF = week(11);
const PLANNED_ON = '2026-05-01';

/** 10.1.0.0/22 with a /28 assigned each week for 12 weeks (+16 addresses a week). */
async function weeklyPool() {
  const d = await newWorkspace({ now: () => new Date(`${AS_OF}T12:00:00Z`) });
  await d.call('registry.addPrefix', { prefix: '10.1.0.0/22', status: 'aggregate', date: week(0) });
  for (let k = 0; k < 12; k++) await d.call('registry.addPrefix', { prefix: `10.1.0.${k * 16}/28`, status: 'assigned', date: week(k) });
  return d.call;
}

const pool = (limits: LimitForecast[]) => limits.find((l) => l.name === '10.1.0.0/22')!;

/** The pool's history as the weekly staircase the service builds: 16 × (weeks so far). */
const staircase = (extra: (day: string) => number = () => 0) =>
  Array.from({ length: 78 }, (_, d) => {
    const day = new Date(Date.UTC(2026, 0, 4 + d)).toISOString().slice(0, 10);
    return { date: day, value: 16 * (Math.floor(d / 7) + 1) + extra(day) };
  });

describe('a planned block in its pool’s forecast', () => {
  it('dated after as-of: not used today; the projection steps up by its size on its date, and the run-out comes sooner', async () => {
    const call = await weeklyPool();
    const without = pool((await call('forecast.limits', { asOf: AS_OF })).limits);
    await call('registry.addPrefix', { prefix: '10.1.2.0/24', status: 'planned', date: PLANNED_ON });

    const util = await call('registry.utilization', { prefix: '10.1.0.0/22' });
    expect(util.usedUnits).toBe(192);
    const withPlan = pool((await call('forecast.limits', { asOf: AS_OF })).limits);
    expect(withPlan.current).toBe(192);
    const expected = fitAndProject(staircase(), { capacity: 1024, asOf: AS_OF, scenarios: [{ kind: 'once', date: PLANNED_ON, amount: 256 }] });
    expect(withPlan.date).toBe(expected.date);
    expect(withPlan.date! < without.date!).toBe(true);

    const s = await call('forecast.series', { limitId: withPlan.id, asOf: AS_OF });
    const projected = s.curve.filter((p) => p.projection !== null);
    const before = projected.filter((p) => p.date < PLANNED_ON).at(-1)!;
    const after = projected.find((p) => p.date >= PLANNED_ON)!;
    // 256 addresses on the day, plus at most a few weeks of the fitted +16 a week between the two points.
    expect(after.projection! - before.projection!).toBeGreaterThanOrEqual(256);
    expect(after.projection! - before.projection!).toBeLessThan(256 + 16 * 5);
    expect(s.history.at(-1)).toEqual({ date: AS_OF, value: 192 });
    // A client that re-fits (the Forecasts screen) is handed the same step.
    expect(s.plannedSteps).toEqual([{ kind: 'once', date: PLANNED_ON, amount: 256 }]);
  });

  it('dated on or before as-of: counts in the history from its date', async () => {
    const call = await weeklyPool();
    await call('registry.addPrefix', { prefix: '10.1.2.0/26', status: 'planned', date: week(6) });
    const s = await call('forecast.series', { limitId: pool((await call('forecast.limits', { asOf: AS_OF })).limits).id, asOf: AS_OF });
    const at = (day: string) => s.history.find((p) => p.date === day)?.value;
    expect(at(week(5))).toBe(16 * 6);
    expect(at(week(6))).toBe(16 * 7 + 64);
    expect(s.history.at(-1)).toEqual({ date: AS_OF, value: 192 + 64 });
  });

  it('a planned block holding planned blocks counts once (by the blocks inside it)', async () => {
    const call = await weeklyPool();
    await call('registry.addPrefix', { prefix: '10.1.2.0/24', status: 'planned', date: PLANNED_ON });
    await call('registry.addPrefix', { prefix: '10.1.2.0/26', status: 'planned', date: PLANNED_ON });
    const withPlan = pool((await call('forecast.limits', { asOf: AS_OF })).limits);
    const expected = fitAndProject(staircase(), { capacity: 1024, asOf: AS_OF, scenarios: [{ kind: 'once', date: PLANNED_ON, amount: 64 }] });
    expect(withPlan.date).toBe(expected.date);
  });
});
