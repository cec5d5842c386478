import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCooling, computePue, facilityWFromPue, heatSources, type CoolingInput } from '../../../../shared/facility/cooling';
import { expectClose, refusalOf, valueOf } from '../../../support/facility-helpers';

/** Example 6A: the POP of §1 at peak, 30 kVA / 27 kW UPS, 50 m², one person, 20 kW sensible units. */
const POP: CoolingInput = { itLoadW: 13305 * 1.05, upsRatingW: 27000, areaM2: 50, maxPeople: 1, unitTotalW: 20000, shr: 1, spareUnits: 1 };
const ROOM_6B: CoolingInput = { itLoadW: 40000, upsRatingW: 60000, areaM2: 120, maxPeople: 2, unitTotalW: 25000, shr: 0.9, spareUnits: 1 };

describe('computeCooling', () => {
  it('Example 6A: five heat sources add to 17475 W = 59626 BTU/h = 4.969 tons', () => {
    const v = valueOf(computeCooling(POP));
    expectClose(v.itHeatW, 13970);
    expectClose(v.upsHeatW, 1778.5);
    expectClose(v.distHeatW, 549.4);
    expectClose(v.lightHeatW, 1076.5);
    expectClose(v.peopleHeatW, 100);
    expectClose(v.heatW, 17475);
    expectClose(v.heatBtuPerH, 59626);
    expectClose(v.heatTons, 4.969);
  });
  it('Example 6A: N = 1, N+1 = 2; with one failed 20000 W carries it at 0.8737', () => {
    const v = valueOf(computeCooling(POP));
    expect(v.nUnits).toBe(1);
    expect(v.installed).toBe(2);
    expect(v.capacityAfterWorstFailureW).toBe(20000);
    expectClose(v.loadFracAfterWorstFailure, 0.8737);
  });
  it('Example 6B: a 40 kW room is 48584 W = 165774 BTU/h = 13.81 tons', () => {
    const v = valueOf(computeCooling(ROOM_6B));
    expectClose(v.upsHeatW, 4400);
    expectClose(v.distHeatW, 1400);
    expectClose(v.lightHeatW, 2583.6);
    expectClose(v.heatW, 48584);
    expectClose(v.heatBtuPerH, 165774);
    expectClose(v.heatTons, 13.81);
  });
  it('Example 6B: 22.5 kW sensible units, N = 3, N+1 = 4, 67500 W after one failure (0.7198)', () => {
    const v = valueOf(computeCooling(ROOM_6B));
    expect(v.unitSensibleW).toBe(22500);
    expect(v.nUnits).toBe(3);
    expect(v.installed).toBe(4);
    expect(v.capacityAfterWorstFailureW).toBe(67500);
    expectClose(v.loadFracAfterWorstFailure, 0.7198);
  });
  it('replaces the UPS rule of thumb with itLoadW × (1/upsEff − 1) when the efficiency is known', () => {
    expectClose(heatSources({ ...POP, upsEff: 0.95 }).upsHeatW, POP.itLoadW * (1 / 0.95 - 1), 1e-12);
  });
  it('warns when the IT load is above the UPS rating', () => {
    const r = computeCooling({ ...POP, upsRatingW: 10000 });
    expect(r.ok && r.warnings.join(' ')).toMatch(/above the UPS rating/);
  });

  describe('refuses, naming the field', () => {
    const cases: Array<[string, Partial<CoolingInput>, string]> = [
      ['a negative IT load', { itLoadW: -1 }, 'itLoadW'],
      ['a negative UPS rating', { upsRatingW: -1 }, 'upsRatingW'],
      ['a negative area', { areaM2: -1 }, 'areaM2'],
      ['negative people', { maxPeople: -1 }, 'maxPeople'],
      ['unitTotalW 0', { unitTotalW: 0 }, 'unitTotalW'],
      ['shr 0', { shr: 0 }, 'shr'],
      ['shr above 1', { shr: 1.1 }, 'shr'],
      ['negative spare units', { spareUnits: -1 }, 'spareUnits'],
      ['fractional spare units', { spareUnits: 0.5 }, 'spareUnits'],
    ];
    it.each(cases)('%s', (_n, patch, field) => {
      expect(refusalOf(computeCooling({ ...POP, ...patch })).field).toBe(field);
    });
  });

  it('heat load grows with IT load (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const heat = (itLoadW: number) => valueOf(computeCooling({ ...POP, itLoadW, upsRatingW: 2e6 })).heatW;
        expect(heat(hi)).toBeGreaterThan(heat(lo));
      }),
    );
  });
});

describe('computePue', () => {
  it('Example 6C: 63.2 kW over 40 kW is PUE 1.58, DCiE 0.6329', () => {
    const v = valueOf(computePue({ facilityW: 63200, itW: 40000 }));
    expectClose(v.pue, 1.58);
    expectClose(v.dcie, 0.6329);
  });
  it('Example 6C: a year at that rate is 553632 kWh at the meter', () => {
    expectClose(valueOf(facilityWFromPue({ itW: 40, pue: 1.58 })) * 8760, 553632);
  });
  it('Example 6C: from 12-month energy, 198000 over 116551.8 kWh is PUE 1.699', () => {
    expectClose(13.305 * 8760, 116551.8);
    expectClose(valueOf(computePue({ facilityW: 198000, itW: 116551.8 })).pue, 1.699);
  });
  it('refuses facility power below IT power', () => {
    expect(refusalOf(computePue({ facilityW: 30000, itW: 40000 })).message).toMatch(/facility power below IT power/);
    expect(refusalOf(facilityWFromPue({ itW: 40000, pue: 0.9 })).field).toBe('pue');
  });
});
