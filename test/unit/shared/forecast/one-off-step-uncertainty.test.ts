/**
 * A step treated as a one-off is estimated, not known (issue 12, "one-off steps"): J = Δ_t −
 * median(Δ) carries the noise of the two readings around it, and when the step lies near the
 * end of the history the level after it rests on few points. The interval must say so: the
 * linear band adds J's variance, carried to each day by how much the fit itself leans on the
 * points after the step (docs/forecasts.md §9). Seeded Monte Carlo of single steps that do not
 * come again (test/support/one-off-harness.ts generateSingleSteps) checks the coverage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitAndProject, type SeriesPoint } from '../../../../shared/forecast';
import { formatDay, parseDay } from '../../../../shared/dates';
import { detectOneOffs } from '../../../../shared/forecast/one-off';
import { fitOls, olsPredict, oneOffVariance } from '../../../../shared/forecast/ols';
import { rng } from '../../../support/forecast-harness';
import { generateSingleSteps } from '../../../support/one-off-harness';

const START = parseDay('2026-01-04');

/** 26 weekly readings, 50 a week with seeded noise of sd 40, one step of 1500 at `at`. */
function stepped(at: number): { series: SeriesPoint[]; ys: number[] } {
  const u = rng(31);
  const ys = Array.from({ length: 26 }, (_, t) => {
    const e = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    return Math.round(1000 + 50 * t + (t >= at ? 1500 : 0) + 40 * e);
  });
  return { ys, series: ys.map((value, i) => ({ date: formatDay(START + 7 * i), value })) };
}

/** The same fit with J taken as exactly known: the step-free series against capacity − J. */
function knownStep(ys: number[], capacity: number) {
  const [o] = detectOneOffs(ys);
  const free = ys.map((y, i) => (i >= o!.index ? y - o!.jump : y));
  return fitAndProject(
    free.map((value, i) => ({ date: formatDay(START + 7 * i), value })),
    { capacity: capacity - o!.jump, method: 'linear' },
  );
}

describe('fit --one-off: the step is estimated, and the interval says so', () => {
  const CAPACITY = 5200;
  it('a step mid-history: same date, a far edge weeks later than if J were known (its error tilts the fitted slope)', () => {
    const { series, ys } = stepped(13);
    expect(detectOneOffs(ys).map((o) => o.index)).toEqual([13]);
    const treated = fitAndProject(series, { capacity: CAPACITY, method: 'linear', treatOneOffs: true });
    const known = knownStep(ys, CAPACITY);
    expect(treated.status).toBe('ok');
    expect(treated.date).toBe(known.date);
    expect(parseDay(treated.latest!) - parseDay(known.latest!)).toBeGreaterThanOrEqual(14);
    // σ·√(2 + π/(n − 1)): the noise of the two readings around the step and of the median step.
    expect(treated.params.oneOffSe).toBeCloseTo(Number(treated.params.s) * Math.sqrt(2 + Math.PI / 25), 9);
  });

  it('a step two readings before as-of, a limit close ahead: the far edge moves out too', () => {
    const { series, ys } = stepped(24);
    const treated = fitAndProject(series, { capacity: 3900, method: 'linear', treatOneOffs: true });
    const known = knownStep(ys, 3900);
    expect(treated.date).toBe(known.date);
    expect(parseDay(treated.latest!)).toBeGreaterThan(parseDay(known.latest!));
  });
});

describe('oneOffVariance', () => {
  it('carries J’s error by 1 − w(x), w the OLS fit of the after-the-step indicator', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 40 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.integer({ min: -60, max: 400 }), (n, where, at) => {
        const xs = Array.from({ length: n }, (_, i) => 7 * i + (i % 3));
        const ys = xs.map((x, i) => 3 * x + ((i * 37) % 11));
        const fit = fitOls(xs, ys);
        const step = Math.max(1, Math.min(n - 1, Math.round(where * n)));
        const indicator = fitOls(
          xs,
          xs.map((_, i) => (i >= step ? 1 : 0)),
        );
        const x = (xs[n - 1] as number) + at;
        const w = olsPredict(indicator, x);
        const e = oneOffVariance(fit, xs, [step]);
        const u = x - fit.xMean;
        expect(e.c0 + e.c1 * u + e.c2 * u * u).toBeCloseTo(e.varJ * (1 - w) * (1 - w), 6);
      }),
      { seed: 4, numRuns: 200 },
    );
  });
});

describe('single steps that do not come again, seeded Monte Carlo (seed 21, 300 series each)', () => {
  // Anywhere in the history (5 to 25 readings before as-of), and near its end (1 to 4).
  const cases = [
    { name: 'anywhere', maxAfter: 20, methods: ['linear', 'auto'] as const },
    { name: 'near the end', maxAfter: 4, methods: ['linear'] as const },
  ];
  for (const c of cases) {
    const series = generateSingleSteps(300, 21, c.maxAfter);
    for (const method of c.methods) {
      it(`step ${c.name}, ${method}: the 95 % interval covers the true date in ≥ 90 %, and misses it late in ≤ 3.5 %`, () => {
        let covered = 0;
        let late = 0;
        for (const s of series) {
          const r = fitAndProject(s.series, { capacity: s.capacity, method, treatOneOffs: true });
          const lo = r.earliest === null ? (r.status === 'ok' ? s.asOf : Infinity) : parseDay(r.earliest);
          const hi = r.latest === null ? Infinity : parseDay(r.latest);
          if (lo <= s.trueDay && s.trueDay <= hi) covered++;
          else if (s.trueDay > hi) late++;
        }
        console.log(
          `single one-off steps ${c.name}, ${method}: coverage ${((100 * covered) / series.length).toFixed(1)} %, late misses ${((100 * late) / series.length).toFixed(1)} %`,
        );
        expect(covered / series.length).toBeGreaterThanOrEqual(0.9);
        expect(late / series.length).toBeLessThanOrEqual(0.035);
      }, 300_000);
    }
  }
});
