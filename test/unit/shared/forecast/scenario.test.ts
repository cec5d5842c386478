import { describe, expect, it } from 'vitest';
import { addMonths, formatDay } from '../../../../shared/dates';
import { fitModel } from '../../../../shared/forecast/models';
import { fitAndProject } from '../../../../shared/forecast/project';
import { expandScenarios } from '../../../../shared/forecast/scenario';
import { day, expectRel, TV2, TV3, weekly } from '../../../support/forecast-helpers';

describe('addMonths', () => {
  it('clamps the day to the month’s length (2024-01-31 + 1 month = 2024-02-29)', () => {
    expect(formatDay(addMonths(day('2024-01-31'), 1))).toBe('2024-02-29');
  });
  it('counts from the original day, not the clamped one', () => {
    expect(formatDay(addMonths(day('2024-01-31'), 2))).toBe('2024-03-31');
  });
  it('crosses a year end', () => expect(formatDay(addMonths(day('2024-11-15'), 3))).toBe('2025-02-15'));
});

describe('expandScenarios', () => {
  it('steps monthly from the start while D_k ≤ E', () => {
    const steps = expandScenarios([{ kind: 'monthly', start: '2024-03-15', perMonth: 100, until: '2024-06-15' }], day('2030-01-01'));
    expect(steps.map((s) => formatDay(s.day))).toEqual(['2024-03-15', '2024-04-15', '2024-05-15', '2024-06-15']);
  });
  it('keeps a single one-off demand as one step', () => {
    expect(expandScenarios([{ kind: 'once', date: '2024-05-01', amount: 256 }], day('2030-01-01'))).toEqual([{ day: day('2024-05-01'), amount: 256 }]);
  });
});

describe('a planned-demand scenario on TV2’s exponential fit (TV7)', () => {
  const scenario = { kind: 'monthly', start: '2024-03-15', perMonth: 100 } as const;
  const opts = { capacity: 4096, method: 'exponential', scenarios: [scenario] } as const;

  it('projects 2334 on 2024-06-30 (x = 516), 2734 with the scenario’s 4 steps', () => {
    const m = fitModel(
      'exponential',
      { days: TV2.map((p) => day(p.date)), ys: TV2.map((p) => p.value), step: { kind: 'month' }, level: 0.95 },
      day('2034-01-01'),
    );
    expect(day('2024-06-30') - day('2023-01-31')).toBe(516);
    const base = m.forecast(day('2024-06-30'));
    const steps = expandScenarios([scenario], day('2024-06-30'));
    expectRel(base, 2334);
    expect(steps).toHaveLength(4);
    expectRel(base + steps.reduce((a, s) => a + s.amount, 0), 2734);
  });
  it('runs out on 2025-01-15 (2025-01-14 – 2025-02-05) with the scenario', () => {
    expect(fitAndProject(TV2, opts)).toMatchObject({ status: 'ok', date: '2025-01-15', earliest: '2025-01-14', latest: '2025-02-05' });
  });
  it('shows the date without the scenario, 2025-09-13', () => {
    expect(fitAndProject(TV2, opts).params).toMatchObject({ withoutScenarioStatus: 'ok', withoutScenarioDate: '2025-09-13' });
  });
  it('gives the same date as the closed form when the scenario adds nothing', () => {
    const r = fitAndProject(TV2, { capacity: 4096, method: 'exponential', scenarios: [{ kind: 'once', date: '2024-01-01', amount: 0 }] });
    expect(r).toMatchObject({ date: '2025-09-13', earliest: '2025-08-14', latest: '2025-10-15' });
  });
});

describe('the daily scan agrees with the closed form', () => {
  const nothing = [{ kind: 'once', date: '2024-04-01', amount: 0 }] as const;
  for (const method of ['holt', 'damped', 'drift', 'linear', 'exponential'] as const) {
    it(`for ${method} on TV3 when the scenario adds nothing`, () => {
      const closed = fitAndProject(TV3, { capacity: 80, method });
      const scanned = fitAndProject(TV3, { capacity: 80, method, scenarios: [...nothing] });
      expect({ ...scanned, params: {}, warnings: [] }).toEqual({ ...closed, params: {}, warnings: [] });
    });
  }
});

describe('a capacity change (C as a step function)', () => {
  const s = weekly('2024-01-07', [412, 431, 445, 470, 478, 502, 519, 530, 551, 569]);
  it('moves the crossing later when a pool is added before the old date', () => {
    const r = fitAndProject(s, { capacity: 1024, method: 'linear', capacityChanges: [{ date: '2024-08-01', capacity: 2048 }] });
    expect(r.status).toBe('ok');
    expect(r.date! > '2024-09-11').toBe(true);
  });
  it('scans to the same date as the closed form when the change comes after it', () => {
    const r = fitAndProject(s, { capacity: 1024, method: 'linear', capacityChanges: [{ date: '2026-01-01', capacity: 4096 }] });
    expect(r).toMatchObject({ status: 'ok', date: '2024-09-11', earliest: '2024-09-01', latest: '2024-09-22' });
  });
});
