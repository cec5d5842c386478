import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derating, etapTemperatureFactor, IEEE485_TEMP_TABLE, temperatureFactor } from '../../../../shared/facility/battery-derate';
import { guard } from '../../../../shared/facility/result';
import { expectClose, refusalOf } from '../../../support/facility-helpers';

describe('temperatureFactor (IEEE 485 Table 1)', () => {
  it.each(IEEE485_TEMP_TABLE.map(([c, f]) => [c, f]))('is exact at the row %s °C (%s)', (c, f) => {
    expect(temperatureFactor(c)).toBeCloseTo(f, 12);
  });
  it('interpolates linearly between rows', () => {
    expectClose(temperatureFactor((15.6 + 18.3) / 2), (1.11 + 1.08) / 2, 1e-12);
  });
  it('gives 1.00 above 25 °C (no credit for heat)', () => {
    expect(temperatureFactor(35)).toBe(1);
  });
  it('refuses a temperature below −3.9 °C: "battery temperature below table"', () => {
    const e = refusalOf(guard(() => temperatureFactor(-4)));
    expect(e.field).toBe('batteryTempC');
    expect(e.message).toMatch(/battery temperature below table/);
  });
  it("agrees with ETAP's cubic within ±0.015 at every row", () => {
    for (const [c, f] of IEEE485_TEMP_TABLE) expect(Math.abs(etapTemperatureFactor(c) - f)).toBeLessThanOrEqual(0.015);
  });
  it('never falls as the battery gets colder (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -3.9, max: 60, noNaN: true }), fc.double({ min: -3.9, max: 60, noNaN: true }), (a, b) => {
        const [cold, warm] = a < b ? [a, b] : [b, a];
        expect(temperatureFactor(cold)).toBeGreaterThanOrEqual(temperatureFactor(warm));
      }),
    );
  });
});

describe('derating', () => {
  it('is 1 when neither temperature nor aging is given', () => {
    expect(derating({}, []).derateFactor).toBe(1);
  });
  it('multiplies the temperature and aging factors', () => {
    expectClose(derating({ batteryTempC: 10, agingFactor: 1.1 }, []).derateFactor, 1.19 * 1.1, 1e-12);
  });
  it('refuses an aging factor above 2', () => {
    expect(refusalOf(guard(() => derating({ agingFactor: 2.5 }, []))).field).toBe('agingFactor');
  });
});
