/**
 * Local measurement, not a unit test: fitting + projecting 10 limits with five years of daily
 * history (1,826 points each). Run: npx tsx test/unit/forecast/measure-timing.ts
 */
import { fitAndProject } from '../../../shared/forecast/project';
import type { ForecastMethod } from '../../../shared/forecast/types';
import { everyDays } from './helpers';

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
