/**
 * Generator derating as makers give it (issue 13 item 2). The numbers are pinned by hand from
 * the rules as published: Briggs & Stratton (engine: 3.5 % per 1000 ft above sea level, 1 % per
 * 10 °F above 77 °F), Stamford/Wacker (alternator: 3 % per 500 m above 1000 m, 3 % per 5 °C above
 * 40 °C), Pramac (3.5 % per 300 m above 1500 m, 3 % per 5 °C above 40 °C).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DERATING_RULE_NAMES, setDerating, tableDerating } from '../../../../shared/facility/derating';
import { guard } from '../../../../shared/facility/result';
import { expectClose, refusalOf } from '../../../support/facility-helpers';

describe('setDerating — the conservative default (engine and alternator, the smaller)', () => {
  it('gives 0.790 at 1700 m and 35 °C (the alternator-only rule gave 0.958)', () => {
    const d = setDerating(1700, 35);
    expectClose(d.engineFrac, (1 - (0.035 * 1700) / 304.8) * (1 - 0.01 * (10 / (50 / 9))), 1e-12);
    expectClose(d.engineFrac, 0.7903, 1e-4);
    expectClose(d.alternatorFrac, 0.958, 1e-12);
    expectClose(d.siteDerateFrac, 0.7903, 1e-4);
    expect(d.rule).toBe('conservative');
    expectClose(setDerating(1700, 35, { rule: 'stamford-alternator' }).siteDerateFrac, 0.958, 1e-12);
  });

  it('gives 0.598 at 3500 m and 25 °C (the alternator-only rule gave 0.85; Atlas Copco 0.65)', () => {
    expectClose(setDerating(3500, 25).siteDerateFrac, 1 - (0.035 * 3500) / 304.8, 1e-12);
    expectClose(setDerating(3500, 25).siteDerateFrac, 0.5981, 1e-4);
    expectClose(setDerating(3500, 25, { rule: 'stamford-alternator' }).siteDerateFrac, 0.85, 1e-12);
  });

  it('Pramac: 3.5 % per 300 m above 1500 m', () => {
    expectClose(setDerating(2100, 45, { rule: 'pramac' }).siteDerateFrac, Math.min((1 - 0.07) * 0.97, (1 - 0.03 * 2.2) * 0.97), 1e-12);
  });

  it('is never above either half, and falls as altitude or heat rise', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 4000 }), fc.integer({ min: -40, max: 55 }), fc.constantFrom(...DERATING_RULE_NAMES), (alt, t, rule) => {
        const d = setDerating(alt, t, { rule });
        expect(d.siteDerateFrac).toBeLessThanOrEqual(d.alternatorFrac! + 1e-15);
        if (d.engineFrac !== null) expect(d.siteDerateFrac).toBeLessThanOrEqual(d.engineFrac + 1e-15);
        expect(setDerating(alt + 100, t, { rule }).siteDerateFrac).toBeLessThanOrEqual(d.siteDerateFrac + 1e-15);
        expect(setDerating(alt, t + 5, { rule }).siteDerateFrac).toBeLessThanOrEqual(d.siteDerateFrac + 1e-15);
      }),
    );
  });
});

describe('tableDerating — the planner’s own table (maker data)', () => {
  /** An Atlas Copco-style grid: factor by altitude (rows) and intake temperature (columns). */
  const TABLE = [
    { altitudeM: 0, ambientC: 25, factor: 1 },
    { altitudeM: 0, ambientC: 45, factor: 0.95 },
    { altitudeM: 2000, ambientC: 25, factor: 0.95 },
    { altitudeM: 2000, ambientC: 45, factor: 0.85 },
    { altitudeM: 4000, ambientC: 25, factor: 0.7 },
    { altitudeM: 4000, ambientC: 45, factor: 0.6 },
  ];

  it('reads a grid point exactly and interpolates between them', () => {
    expect(tableDerating(TABLE, 2000, 45)).toBe(0.85);
    // 3000 m, 35 °C: between 2000 m (0.90) and 4000 m (0.65) → 0.775.
    expectClose(tableDerating(TABLE, 3000, 35), 0.775, 1e-12);
    expect(setDerating(3000, 35, { table: TABLE, rule: 'conservative' })).toMatchObject({ rule: 'table', engineFrac: null });
  });

  it('refuses a site outside the table and a grid with a hole, by field', () => {
    const out = refusalOf(guard(() => tableDerating(TABLE, 4500, 30)));
    expect(out.field).toBe('deratingTable');
    expect(out.message).toContain('does not reach 4500 m');
    const hole = refusalOf(guard(() => tableDerating(TABLE.slice(1), 0, 30)));
    expect(hole.message).toContain('has no factor for 0 m at 25 °C');
  });
});
