import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batteryAge } from '../../../../shared/facility/battery-age';
import { guard } from '../../../../shared/facility/result';
import { expectClose, refusalOf } from '../../../support/facility-helpers';

describe('batteryAge — design life to 80 % capacity, halving per 8 °C above 25 °C', () => {
  it('a 5-year VRLA string at 25 °C is replaced 5 years after it went in', () => {
    const a = batteryAge({ installDate: '2024-03-01', designLifeYears: 5 });
    expect(a.serviceLifeYears).toBe(5);
    expect(a.replaceBy).toBe('2029-03-01');
    expect(a.warnFrom).toBe('2028-03-01');
  });

  it('at 33 °C the life halves; at 41 °C it is a quarter (BU-806a’s 10-year example)', () => {
    expect(batteryAge({ installDate: '2024-01-01', designLifeYears: 10, batteryTempC: 33 }).serviceLifeYears).toBe(5);
    expect(batteryAge({ installDate: '2024-01-01', designLifeYears: 10, batteryTempC: 41 }).serviceLifeYears).toBe(2.5);
    expectClose(batteryAge({ installDate: '2024-01-01', designLifeYears: 5, batteryTempC: 30 }).serviceLifeYears, 5 * 2 ** (-5 / 8), 1e-12);
  });

  it('a cool room does not stretch the life beyond its design', () => {
    expect(batteryAge({ installDate: '2024-01-01', designLifeYears: 4, batteryTempC: 15 }).serviceLifeYears).toBe(4);
  });

  it('never lengthens with heat (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 55, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (t, dt) => {
        const a = batteryAge({ installDate: '2024-01-01', designLifeYears: 5, batteryTempC: t });
        const b = batteryAge({ installDate: '2024-01-01', designLifeYears: 5, batteryTempC: t + dt });
        expect(b.serviceLifeYears).toBeLessThanOrEqual(a.serviceLifeYears);
      }),
    );
  });

  it('refuses a malformed install date by name', () => {
    expect(refusalOf(guard(() => batteryAge({ installDate: '01/03/2024', designLifeYears: 5 }))).field).toBe('installDate');
  });
});
