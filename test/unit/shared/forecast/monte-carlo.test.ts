/**
 * The Monte Carlo harness of issue 12 §3: 300 seeded series of each process (linear + noise,
 * lumpy random walk, exponential; 26 weekly points; true crossing 4–16 months ahead). `auto`'s
 * nominal 95 % interval must hold the true date in ≥ 90 % of each process's series, and its
 * headline date's median error be no more than 20 % worse than the best single method's.
 * Deterministic by its seed; the full table is printed for the closing note.
 */
import { describe, expect, it } from 'vitest';
import { fitAndProject } from '../../../../shared/forecast';
import { formatDay, parseDay } from '../../../../shared/dates';
import { formatTable, generate, PROCESSES, runHarness, type Row } from '../../../support/forecast-harness';

const SEED = 12;
const PER_PROCESS = 300;

describe('Monte Carlo harness (issue 12 §3)', () => {
  let rows: Row[] = [];
  it('runs 300 series of each process through every method and auto', () => {
    rows = runHarness(PER_PROCESS, SEED);
    console.log(`\nForecast Monte Carlo, seed ${SEED}, ${PER_PROCESS} series per process:\n${formatTable(rows)}\n`);
    expect(rows.length).toBe(PROCESSES.length * 6);
  }, 300_000);

  for (const process of PROCESSES) {
    it(`${process}: auto's 95 % interval covers the true date in ≥ 90 % of the series`, () => {
      const auto = rows.find((r) => r.process === process && r.method === 'auto')!;
      expect(auto.n).toBe(PER_PROCESS);
      expect(auto.coverage).toBeGreaterThanOrEqual(0.9);
    });
    it(`${process}: auto's median date error is within 20 % of the best single method's`, () => {
      const mine = rows.filter((r) => r.process === process);
      const auto = mine.find((r) => r.method === 'auto')!;
      const best = Math.min(...mine.filter((r) => r.method !== 'auto').map((r) => r.medianErrorDays));
      expect(auto.medianErrorDays).toBeLessThanOrEqual(1.2 * best);
    });
  }

  it('is deterministic by its seed', () => {
    const a = generate('lumpy random walk', 5, SEED);
    const b = generate('lumpy random walk', 5, SEED);
    expect(a).toEqual(b);
    expect(generate('lumpy random walk', 5, SEED + 1)).not.toEqual(a);
  });
});

describe('stability on the harness (issue 12 §4)', () => {
  // Moving as-of 1–7 days with no new reading moves the date by at most that shift plus 10 % of
  // the interval's width, and never flips between a date and "never" for a growing series.
  for (const process of PROCESSES) {
    it(`${process}: 20 series, as-of moved 1–7 days`, () => {
      for (const s of generate(process, 20, SEED + 77)) {
        const base = fitAndProject(s.series, { capacity: s.capacity });
        expect(base.date).not.toBeNull();
        const width = base.latest === null || base.earliest === null ? 0 : parseDay(base.latest) - parseDay(base.earliest);
        for (let k = 1; k <= 7; k++) {
          const moved = fitAndProject(s.series, { capacity: s.capacity, asOf: formatDay(s.asOf + k) });
          expect(moved.status, `${process} as-of +${k}`).toBe(base.status);
          expect(Math.abs(parseDay(moved.date!) - parseDay(base.date!))).toBeLessThanOrEqual(k + 0.1 * width);
        }
      }
    });
  }
});
