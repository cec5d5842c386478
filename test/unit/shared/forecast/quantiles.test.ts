import { describe, expect, it } from 'vitest';
import { tCritical, tQuantile, zCritical } from '../../../../shared/forecast/quantiles';
import { expectRel } from '../../../support/forecast-helpers';

describe('tQuantile (Student t, spec §5)', () => {
  it('t(0.975, 4) = 2.776', () => expect(tQuantile(0.975, 4)).toBeCloseTo(2.776, 3));
  it('t(0.975, 8) = 2.306', () => expect(tQuantile(0.975, 8)).toBeCloseTo(2.306, 3));
  it('t(0.975, 10) = 2.228', () => expect(tQuantile(0.975, 10)).toBeCloseTo(2.228, 3));
  it('approaches the normal quantile for many degrees of freedom', () => expectRel(tQuantile(0.975, 1e6), 1.959964, 1e-5));
});

describe('tCritical', () => {
  it('uses t(0.975, df) for the 95 % interval', () => expect(tCritical(0.95, 8)).toBe(tQuantile(0.975, 8)));
  it('uses t(0.90, df) for the 80 % interval', () => expect(tCritical(0.8, 8)).toBe(tQuantile(0.9, 8)));
});

describe('zCritical', () => {
  it('is 1.959964 at 95 %', () => expect(zCritical(0.95)).toBe(1.959964));
  it('is 1.281552 at 80 %', () => expect(zCritical(0.8)).toBe(1.281552));
});
