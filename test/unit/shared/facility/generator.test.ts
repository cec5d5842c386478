import { describe, expect, it } from 'vitest';
import {
  checkMotorStart,
  CUMMINS_ENGINE_DERATING,
  siteDerating,
  siteDeratingByRule,
  sizeGenerator,
  wp3Worksheet,
  type GeneratorInput,
} from '../../../../shared/facility/generator';
import { guard } from '../../../../shared/facility/result';
import { expectClose, refusalOf, valueOf } from '../../../support/facility-helpers';

const CATALOG = [100, 30, 60, 40, 80, 50].map((kw) => ({ name: `${kw} kW ESP`, ratingW: kw * 1000 }));
/** Example 4A: the POP of §1–3 with 40 × CB12-115. */
const POP: GeneratorInput = {
  itLoadW: 13305 * 1.05 * 1.25,
  upsEff: 0.95,
  chargeCurrentA: 10,
  floatVoltsPerCell: 2.275,
  cells: 240,
  chargerEff: 0.95,
  upsGenFactor: 1.5,
  otherRunningW: 12000 + 21.53 * 50,
  altitudeM: 1500,
  ambientC: 45,
  catalog: CATALOG,
};

describe('sizeGenerator', () => {
  it('Example 4A: recharge, UPS input, sizing and average loads', () => {
    const v = valueOf(sizeGenerator(POP));
    expectClose(10 * 2.275 * 240, 546 * 10);
    expectClose(v.rechargeW, 5747);
    expectClose(v.upsInputW, 24129);
    expectClose(v.upsInputW * 1.5, 36194);
    expectClose(v.genSizingW, 49270);
    expectClose(v.genAvgW, 37206);
    expectClose(v.genAvgW / 0.7, 53151);
  });
  it('Example 4A: 1500 m and 45 °C derate to 0.9409 and pick 60 kW ESP (75 kVA) at 0.6590', () => {
    const v = valueOf(sizeGenerator(POP));
    expectClose(v.altFrac, 0.97, 1e-12);
    expectClose(v.tempFrac, 0.97, 1e-12);
    expectClose(v.siteDerateFrac, 0.9409, 1e-12);
    expectClose(v.requiredRatingW, 56490);
    expect(v.pick).toEqual({ name: '60 kW ESP', ratingW: 60000 });
    expect(v.pickKVA).toBe(75000);
    expectClose(v.deratedRatingW, 56450);
    expectClose(v.genLoadFrac, 0.659);
  });
  it('takes upsGenFactor 1.5 when absent', () => {
    const { upsGenFactor: _f, ...rest } = POP;
    expect(valueOf(sizeGenerator(rest)).genSizingW).toBe(valueOf(sizeGenerator(POP)).genSizingW);
  });
  it('sizes on the 70 % average rule when it binds (2.0 factor does not change the average)', () => {
    const v = valueOf(sizeGenerator({ ...POP, upsGenFactor: 1 }));
    expectClose(v.requiredRatingW, v.genAvgW / 0.7 / v.siteDerateFrac, 1e-12);
  });
  it('warns when the set would run below 30 % of its rating', () => {
    const r = sizeGenerator({ ...POP, catalog: [{ name: 'huge', ratingW: 500000 }] });
    expect(r.ok && r.warnings.join(' ')).toMatch(/below 30 %/);
  });
  it('picks by rating then name, whatever the input order', () => {
    const catalog = [
      { name: 'Zeta', ratingW: 60000 },
      { name: 'Alpha', ratingW: 60000 },
    ];
    expect(valueOf(sizeGenerator({ ...POP, catalog })).pick.name).toBe('Alpha');
  });

  describe('refuses, naming the field', () => {
    const cases: Array<[string, Partial<GeneratorInput>, string]> = [
      ['upsEff 0', { upsEff: 0 }, 'upsEff'],
      ['upsEff above 1', { upsEff: 1.01 }, 'upsEff'],
      ['chargerEff 0', { chargerEff: 0 }, 'chargerEff'],
      ['a negative charge current', { chargeCurrentA: -1 }, 'chargeCurrentA'],
      ['a negative other load', { otherRunningW: -1 }, 'otherRunningW'],
      ['upsGenFactor below 1', { upsGenFactor: 0.9 }, 'upsGenFactor'],
      ['altitude below −500 m', { altitudeM: -600 }, 'altitudeM'],
      ['altitude above 5000 m', { altitudeM: 5100 }, 'altitudeM'],
      ['ambient below −40 °C', { ambientC: -41 }, 'ambientC'],
      ['ambient above 60 °C', { ambientC: 61 }, 'ambientC'],
      ['an empty catalog', { catalog: [] }, 'catalog'],
      ['no model large enough', { catalog: [{ name: 'small', ratingW: 20000 }] }, 'catalog'],
      ['charge current above the battery maximum (33 A)', { chargeCurrentA: 40, maxChargeCurrentA: 33 }, 'chargeCurrentA'],
    ];
    it.each(cases)('%s', (_n, patch, field) => {
      expect(refusalOf(sizeGenerator({ ...POP, ...patch })).field).toBe(field);
    });
    it('a site beyond the derating range', () => {
      const e = refusalOf(guard(() => siteDerating(5000, 25, 0.2)));
      expect(e.field).toBe('siteDerateFrac');
      expect(e.message).toMatch(/site beyond derating range/);
    });
  });
});

describe('checkMotorStart', () => {
  it('Example 4A: 10 hp code G starts at ≤ 62.9 kVA (band upper bound)', () => {
    expectClose(valueOf(checkMotorStart({ motorHp: 10, codeLetter: 'G', runningKVA: 0, genMaxStepKVA: 100 })).startKVA, 62.9, 1e-12);
  });
  it('adds the running kVA already on to the step', () => {
    expectClose(valueOf(checkMotorStart({ motorHp: 10, codeLetter: 'G', runningKVA: 20, genMaxStepKVA: 100 })).stepKVA, 82.9, 1e-12);
  });
  it('refuses a step the genset cannot take', () => {
    const e = refusalOf(checkMotorStart({ motorHp: 10, codeLetter: 'G', runningKVA: 20, genMaxStepKVA: 60 }));
    expect(e.message).toMatch(/motor start exceeds generator step capability/);
  });
});

describe('siteDeratingByRule', () => {
  it('applies maker data instead of the default: Cummins engine, 4 % per 300 m above 1525 m, 2 % per 11 °C above 40 °C', () => {
    const d = valueOf(guard(() => siteDeratingByRule(2125, 51, CUMMINS_ENGINE_DERATING)));
    expectClose(d.altFrac, 0.92, 1e-12);
    expectClose(d.tempFrac, 0.98, 1e-12);
  });
  it('does not derate at or below the thresholds', () => {
    expect(valueOf(guard(() => siteDerating(1000, 40))).siteDerateFrac).toBe(1);
  });
  it('is used by sizeGenerator when given (1500 m is below 1525 m; 45 °C costs 2 % × 5/11)', () => {
    const v = valueOf(sizeGenerator({ ...POP, derating: CUMMINS_ENGINE_DERATING }));
    expect(v.altFrac).toBe(1);
    expectClose(v.siteDerateFrac, 1 - 0.02 * (5 / 11), 1e-12);
  });
});

describe('wp3Worksheet', () => {
  const pop = { actualItW: 13305, futureItW: 3000, areaM2: 50, lineVoltageV: 400 };
  it('Example 4B (DX): peak 17.12, UPS losses 5.218, lighting 1.075, electrical 23.41, cooling 23.41, total 46.83 kW', () => {
    const v = valueOf(wp3Worksheet({ ...pop, cooling: 'dx' }));
    expectClose(v.peakW, 17120);
    expectClose(v.upsLossAndChargingW, 5218);
    expectClose(v.lightingW, 1075);
    expectClose(v.electricalW, 23410);
    expectClose(v.coolingW, 23410);
    expectClose(v.totalW, 46830);
  });
  it('Example 4B (DX): utility 58.53 kW = 84.58 A at 400 V; generator 65.56 kW', () => {
    const v = valueOf(wp3Worksheet({ ...pop, cooling: 'dx' }));
    expectClose(v.utilityW, 58530);
    expectClose(v.utilityCurrentA, 84.58);
    expectClose(v.generatorW, 65560);
  });
  it('Example 4B (chilled water): cooling 16.39 kW, generator 55.02 kW', () => {
    const v = valueOf(wp3Worksheet({ ...pop, cooling: 'chilled-water' }));
    expectClose(v.coolingW, 16390);
    expectClose(v.generatorW, 55020);
  });
});
