/**
 * Local measurement, not a unit test: fitting + projecting 10 limits with five years of daily
 * history (1,826 points each), fitted as given (the `fit --csv` path) and through the grid of
 * §4 (the app's path). Run: npx tsx test/bench/forecast-timing.ts
 */
import { formatDay } from '../../shared/dates';
import { fitAndProject } from '../../shared/forecast/project';
import { eventsToSeries } from '../../shared/forecast/series';
import type { ForecastMethod } from '../../shared/forecast/types';
import { everyDays } from '../support/forecast-helpers';

function series(seed: number) {
  let s = seed;
  const rand = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const values: number[] = [];
  let v = 1000 + seed * 10;
  for (let i = 0; i < 1826; i++) {
    v += 2 + 0.001 * i + (rand() - 0.5) * 6;
    values.push(Math.round(v));
  }
  return everyDays('2020-01-01', 1, values);
}

const limits = Array.from({ length: 10 }, (_, i) => ({ s: series(i + 1), capacity: 20_000 + 2_000 * i }));
const methods: ForecastMethod[] = ['auto', 'linear', 'exponential', 'drift', 'holt', 'damped', 'quadratic'];

for (const method of methods) {
  for (const l of limits) fitAndProject(l.s, { capacity: l.capacity, method }); // warm-up
  const runs = 5;
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) for (const l of limits) fitAndProject(l.s, { capacity: l.capacity, method });
  const ms = (performance.now() - t0) / runs;
  const sample = fitAndProject(limits[0]!.s, { capacity: limits[0]!.capacity, method });
  console.log(`${method.padEnd(12)} 10 limits × 1826 points: ${ms.toFixed(1)} ms  (limit 1: ${sample.model} ${sample.status} ${sample.date})`);
}

// The app's path: five years of daily events per limit, put on the grid of §4 first
// (default 730-day window → weekly, 105 points; full 1826-day window → month ends, 61 points).

function events(seed: number) {
  const s = series(seed);
  return s.slice(1).map((p, i) => ({ at: `${p.date}T12:00:00Z`, delta: p.value - s[i]!.value }));
}
const eventLimits = Array.from({ length: 100 }, (_, i) => ({
  ev: events((i % 10) + 1),
  opening: 1000 + ((i % 10) + 1) * 10,
  capacity: 20_000 + 2_000 * (i % 10),
}));
const asOf = formatDay(Date.UTC(2024, 11, 30) / 86_400_000);
for (const windowDays of [730, 1826]) {
  const run = (count: number): number => {
    const t0 = performance.now();
    for (const l of eventLimits.slice(0, count)) {
      const g = eventsToSeries({ opening: l.opening, openingDate: '2020-01-01', events: l.ev, asOf, windowDays });
      fitAndProject(g.points, { capacity: l.capacity, method: 'auto' });
    }
    return performance.now() - t0;
  };
  run(10);
  const g = eventsToSeries({ opening: 1000, openingDate: '2020-01-01', events: eventLimits[0]!.ev, asOf, windowDays });
  console.log(`events → ${g.grid} grid (${g.points.length} points), auto: 10 limits ${run(10).toFixed(1)} ms, 100 limits ${run(100).toFixed(1)} ms`);
}
