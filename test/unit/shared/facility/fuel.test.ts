import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFuel, curveLoadFrac, curveLPerH, fallbackLPerH, LITRES_PER_US_GAL, type FuelInput } from '../../../../shared/facility/fuel';
import { guard } from '../../../../shared/facility/result';
import { expectClose, FIG3, refusalOf, valueOf } from '../../../support/facility-helpers';

/** The 60 kW row of the spec's chart table, L/h at ¼ ½ ¾ full [CHART]. */
const CURVE_60KW = [
  { loadFrac: 0.25, lPerH: 6.814 },
  { loadFrac: 0.5, lPerH: 10.98 },
  { loadFrac: 0.75, lPerH: 14.38 },
  { loadFrac: 1.0, lPerH: 18.17 },
];
const SET_5A: FuelInput = { ratingW: 60000, genAvgW: 37206, curve: CURVE_60KW, tankL: 1000, usableFrac: 0.95, reserveL: 0 };

describe('computeFuel', () => {
  it('Example 5A: 0.6201 of the 60 kW set burns 12.61 L/h (0.3390 L/kWh) and runs 75.31 h', () => {
    const v = valueOf(computeFuel(SET_5A));
    expectClose(v.loadFrac, 0.6201);
    expectClose(v.fuelLPerH, 12.61);
    expectClose(v.litresPerKWh, 0.339);
    expectClose(v.autonomyH, 75.31);
    expect(v.estimated).toBe(false);
  });
  it('Example 5A: NFPA 110 Class 48 needs 1160 L, which the 1000 L tank fails; Class 24 (580.0 L) passes', () => {
    const c48 = valueOf(computeFuel({ ...SET_5A, classH: 48 }));
    expectClose(c48.nfpaStoredL, 1160, FIG3);
    expect(c48.meetsNfpaClass).toBe(false);
    const c24 = valueOf(computeFuel({ ...SET_5A, classH: 24 }));
    expectClose(c24.nfpaStoredL, 580.0);
    expect(c24.meetsNfpaClass).toBe(true);
  });
  it('Example 5A: a 200 L day tank cycling 0.8 → 0.3 is refilled every 7.928 h', () => {
    expectClose(valueOf(computeFuel({ ...SET_5A, dayTankL: 200, dayTankHighFrac: 0.8, dayTankLowFrac: 0.3 })).dayTankCycleH, 7.928);
  });
  it('Example 5A: reordering at 40 % of usable (380 L) gives a refuelling interval of 45.19 h', () => {
    expectClose(valueOf(computeFuel({ ...SET_5A, reorderL: 380 })).refuelIntervalH, 45.19);
  });
  it('Example 5B: the fallback fit gives 32.95 L/h for a 200 kW set at 120 kW, marked estimated', () => {
    const r = computeFuel({ ratingW: 200000, genAvgW: 120000, tankL: 5000, usableFrac: 0.95 });
    expectClose(valueOf(r).fuelLPerH, 32.95);
    expect(valueOf(r).estimated).toBe(true);
    expect(r.ok && r.warnings.join(' ')).toMatch(/estimated/);
  });
  it('Example 5B: on the chart (34.14 L/h, 0.2845 L/kWh) the 5000 L × 0.95 tank lasts 139.1 h; Class 48 stores 3480 L', () => {
    // The spec's table has no 200 kW row: these three points are back-solved from 5B's own
    // results (7.7, 11.0 and 14.4 US gal/h at ½, ¾ and full) and check the arithmetic only.
    const curve = [
      { loadFrac: 0.5, lPerH: 7.7 * LITRES_PER_US_GAL },
      { loadFrac: 0.75, lPerH: 11.0 * LITRES_PER_US_GAL },
      { loadFrac: 1.0, lPerH: 14.4 * LITRES_PER_US_GAL },
    ];
    const v = valueOf(computeFuel({ ratingW: 200000, genAvgW: 120000, curve, tankL: 5000, usableFrac: 0.95, classH: 48 }));
    expectClose(v.fuelLPerH, 34.14);
    expectClose(v.litresPerKWh, 0.2845);
    expectClose(v.autonomyH, 139.1);
    expectClose(v.nfpaStoredL, 3480, FIG3);
  });
  it('the fallback under-reads a small set: 60 kW at 62 % gives 10.19 vs 12.61 L/h on the chart', () => {
    expectClose(fallbackLPerH(60000, 37206), 10.19, FIG3);
  });
  it('gives no autonomy outside the fallback’s 100–2250 kW range: it asks for the datasheet curve (issue 13)', () => {
    // A 30 kW set: the fallback says 5.33 L/h at 19.6 kW where datasheets give about 8.2 L/h.
    expectClose(fallbackLPerH(30000, 19570), 5.333, FIG3);
    const e = refusalOf(computeFuel({ ratingW: 30000, genAvgW: 19570, tankL: 1000, usableFrac: 0.95 }));
    expect(e.field).toBe('curve');
    expect(e.message).toMatch(/datasheet fuel curve/);
    expect(e.message).toMatch(/100–2250 kW/);
    expect(refusalOf(computeFuel({ ratingW: 60000, genAvgW: 37206, tankL: 1000, usableFrac: 0.95 })).field).toBe('curve');
  });
  it('a curve that stops at 75 % load, run at 90 %, says the curve does not reach that load', () => {
    const curve = [
      { loadFrac: 0.25, lPerH: 5 },
      { loadFrac: 0.5, lPerH: 9 },
      { loadFrac: 0.75, lPerH: 12 },
    ];
    const e = refusalOf(computeFuel({ ratingW: 60000, genAvgW: 54000, curve, tankL: 1000, usableFrac: 0.95 }));
    expect(e.field).toBe('curve');
    expect(e.message).toMatch(/the fuel curve ends at 75 % load and does not reach 90 %/);
    expect(e.message).not.toMatch(/overloaded/);
  });
  it('extends the first segment below 25 % load (affine curve)', () => {
    const at10 = curveLPerH(CURVE_60KW, 0.1);
    expectClose(at10, 6.814 - (0.15 / 0.25) * (10.98 - 6.814), 1e-12);
  });

  describe('refuses, naming the field', () => {
    const cases: Array<[string, Partial<FuelInput>, string, RegExp?]> = [
      ['an overloaded generator', { genAvgW: 61000 }, 'genAvgW', /generator overloaded/],
      ['tankL 0', { tankL: 0 }, 'tankL'],
      ['usableFrac 0', { usableFrac: 0 }, 'usableFrac'],
      ['usableFrac above 1', { usableFrac: 1.1 }, 'usableFrac'],
      ['a reserve as large as the usable volume', { reserveL: 950 }, 'reserveL'],
      ['a negative reserve', { reserveL: -1 }, 'reserveL'],
      ['a reorder level at the usable volume', { reorderL: 950 }, 'reorderL'],
      ['classH 0', { classH: 0 }, 'classH'],
      ['dayTankL 0', { dayTankL: 0, dayTankHighFrac: 0.8, dayTankLowFrac: 0.3 }, 'dayTankL'],
      [
        'a curve with falling consumption',
        {
          curve: [
            { loadFrac: 0.5, lPerH: 10 },
            { loadFrac: 1, lPerH: 9 },
          ],
        },
        'curve.1.lPerH',
      ],
      [
        'a curve with loadFrac above 1',
        {
          curve: [
            { loadFrac: 0.5, lPerH: 10 },
            { loadFrac: 1.2, lPerH: 19 },
          ],
        },
        'curve.1.loadFrac',
      ],
      [
        'a curve with loads out of order',
        {
          curve: [
            { loadFrac: 0.5, lPerH: 10 },
            { loadFrac: 0.25, lPerH: 19 },
          ],
        },
        'curve.1.loadFrac',
      ],
    ];
    it.each(cases)('%s', (_n, patch, field, message) => {
      const e = refusalOf(computeFuel({ ...SET_5A, ...patch }));
      expect(e.field).toBe(field);
      if (message) expect(e.message).toMatch(message);
    });
    it('a load beyond a curve that stops short of full load', () => {
      expect(
        refusalOf(
          guard(() =>
            curveLPerH(
              [
                { loadFrac: 0.25, lPerH: 5 },
                { loadFrac: 0.5, lPerH: 9 },
              ],
              0.7,
            ),
          ),
        ).message,
      ).toMatch(/ends at 50 % load and does not reach 70 %/);
    });
  });

  it('curveLoadFrac inverts curveLPerH (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 1, noNaN: true }), (frac) => {
        expectClose(curveLoadFrac(CURVE_60KW, curveLPerH(CURVE_60KW, frac)), frac, 1e-9);
      }),
    );
  });
});
