/**
 * shared/facility/units.ts: a number typed with or without its unit, and the "1000× off" rule
 * (issue 10, item 11). Properties with fast-check; the examples are the issue's own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  equipmentMagnitudeWarnings,
  findUnit,
  formatQuantity,
  magnitudeMessage,
  median,
  pairMagnitudeWarning,
  parseQuantity,
  parseQuantityText,
  THOUSANDFOLD_RATIO,
  thousandfoldOff,
  UNIT_KINDS,
  unitsOf,
  type UnitKind,
} from '../../../../shared/facility/units';

const value = (r: ReturnType<typeof parseQuantityText>) => (r.ok ? r.value : `error: ${r.message}`);

describe('parseQuantityText', () => {
  it('reads "1.8 kW" typed whole as 1800 W, whatever unit is picked beside it', () => {
    expect(value(parseQuantityText('1.8 kW', 'power', 'W'))).toBe(1800);
    expect(value(parseQuantityText('1.8kW', 'power', 'kW'))).toBe(1800);
    expect(value(parseQuantityText('1.8', 'power', 'kW'))).toBe(1800);
    expect(value(parseQuantityText('1.8', 'power', 'W'))).toBe(1.8);
    expect(value(parseQuantityText('2400 VA', 'apparent', 'kVA'))).toBe(2400);
    expect(value(parseQuantityText('30 kVA', 'apparent', 'VA'))).toBe(30000);
    expect(value(parseQuantityText('95 %', 'percent', '%'))).toBeCloseTo(0.95, 12);
    expect(value(parseQuantityText('100 gal', 'volume', 'L'))).toBeCloseTo(378.5411784, 9);
    expect(value(parseQuantityText('1 TiB', 'data', 'TB'))).toBe(2 ** 40);
    expect(value(parseQuantityText('125 MB/s', 'rate', 'Gbit/s'))).toBe(1e9);
    expect(value(parseQuantityText('12 °C', 'temperature', '°C'))).toBe(12);
    expect(value(parseQuantityText('1,5 kW', 'power', 'W'))).toBe(1500);
  });

  it('refuses a unit the field does not take, naming the ones it does', () => {
    expect(value(parseQuantityText('1.8 kVA', 'power', 'W'))).toBe('error: “kVA” is not a unit of this field (use W, kW or MW)');
    expect(value(parseQuantityText('3 kW', 'count', ''))).toBe('error: “kW” is not a unit of this field (use a plain number)');
    expect(value(parseQuantityText('abc', 'power', 'W'))).toBe('error: must be a number');
  });

  it('refuses "1,800", which is either 1800 or 1.8: a thousandfold difference', () => {
    expect(value(parseQuantityText('1,800', 'power', 'W'))).toMatch(/ambiguous: write 1800 or 1\.800/);
    expect(parseQuantity('1,800', findUnit('power', 'W'))).toBeNaN();
  });

  it('reads a percent as the nearest fraction (95 % is 0.95, not 0.9500000000000001)', () => {
    expect(value(parseQuantityText('95', 'percent', '%'))).toBe(0.95);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        expect(parseQuantity(String(n), findUnit('percent', '%'))).toBe(n / 100);
      }),
    );
  });

  it('is empty for an empty field', () => {
    expect(parseQuantityText('   ', 'power', 'W')).toEqual({ ok: true, value: null, unit: null, number: '' });
  });

  const kinds = Object.keys(UNIT_KINDS) as UnitKind[];
  it('a number with a unit after it equals the same number typed with that unit picked', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.nat(), fc.nat(), fc.boolean(), (kind, x, i, j, space) => {
        const units = unitsOf(kind);
        const typed = units[i % units.length]!;
        const picked = units[j % units.length]!;
        const text = String(x);
        const suffixed = typed.id === '' ? text : `${text}${space ? ' ' : ''}${typed.id}`;
        const a = parseQuantityText(suffixed, kind, picked.id);
        const b = parseQuantityText(text, kind, typed.id);
        expect(a.ok && b.ok).toBe(true);
        if (a.ok && b.ok) expect(a.value).toBe(b.value);
        if (a.ok) expect(a.value).toBe(typed.factor < 1 ? x / 100 : x * typed.factor);
      }),
    );
  });

  it('formatQuantity and parseQuantityText round trip to 6 significant figures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.double({ min: 1e-3, max: 1e12, noNaN: true }), fc.nat(), (kind, v, i) => {
        const units = unitsOf(kind);
        const u = units[i % units.length]!;
        const r = parseQuantityText(formatQuantity(v, u), kind, u.id);
        expect(r.ok).toBe(true);
        if (r.ok) expect(Math.abs(r.value! - v) / v).toBeLessThan(1e-5);
      }),
    );
  });
});

describe('the 1000× rule', () => {
  it('flags a measured power about 1000× its nameplate, and a line about 1000× the median of the others', () => {
    const others = [
      { nameplateW: 800, measuredW: 420 },
      { nameplateW: 750, measuredW: null },
      { nameplateW: 2400, measuredW: 1300 },
    ];
    // 1650 kW typed for 1650 W.
    expect(equipmentMagnitudeWarnings({ nameplateW: 3000, measuredW: 1_650_000 }, others)).toEqual([
      { field: 'measuredW', off: 'above', value: 1_650_000, reference: 3000, against: 'the nameplate' },
    ]);
    // A nameplate of 0.75 typed in W where kW was meant.
    expect(equipmentMagnitudeWarnings({ nameplateW: 0.75, measuredW: null }, others)).toEqual([
      { field: 'nameplateW', off: 'below', value: 0.75, reference: 800, against: 'the median nameplate of the other lines' },
    ]);
    // 3 W among lines of 750–2400 W is a small device, not a slip (the ratio is 267, under 316).
    expect(equipmentMagnitudeWarnings({ nameplateW: 3, measuredW: null }, others)).toEqual([]);
    expect(equipmentMagnitudeWarnings({ nameplateW: 3000, measuredW: 1650 }, others)).toEqual([]);
    // Measured 0 W (switched off) is not a slip.
    expect(equipmentMagnitudeWarnings({ nameplateW: 3000, measuredW: 0 }, others)).toEqual([]);
  });

  it('says it in plain words', () => {
    const w = pairMagnitudeWarning('measuredW', 1_650_000, 3000, 'the nameplate')!;
    expect(magnitudeMessage(w, 'Measured (each)', (v) => `${v} W`)).toBe(
      'Measured (each) is about 1000 times the nameplate (1650000 W against 3000 W): check its unit.',
    );
  });

  it('is symmetric, scale-free, and fires exactly from a ratio of 10^2.5', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (a, b, k) => {
          const ab = thousandfoldOff(a, b);
          const ba = thousandfoldOff(b, a);
          expect(ab === null).toBe(ba === null);
          if (ab) expect(ba).toBe(ab === 'above' ? 'below' : 'above');
          const ratio = Math.max(a / b, b / a);
          if (ratio >= THOUSANDFOLD_RATIO * (1 + 1e-9)) expect(ab).not.toBeNull();
          if (ratio <= THOUSANDFOLD_RATIO * (1 - 1e-9)) expect(ab).toBeNull();
          const scaled = thousandfoldOff(a * k, b * k);
          if (ratio > THOUSANDFOLD_RATIO * (1 + 1e-9) || ratio < THOUSANDFOLD_RATIO * (1 - 1e-9)) expect(scaled).toBe(ab);
        },
      ),
    );
  });

  it('a value typed in W where kW was meant is flagged against a reference within 0.32–3.16× of the true value', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0.32, max: 3.16, noNaN: true }), (trueW, r) => {
        expect(thousandfoldOff(trueW * 1000, trueW * r)).toBe('above');
        expect(thousandfoldOff(trueW / 1000, trueW * r)).toBe('below');
      }),
    );
  });

  it('ignores what is not a positive finite number', () => {
    for (const [v, r] of [
      [0, 1],
      [1, 0],
      [null, 1],
      [1, undefined],
      [Infinity, 1],
      [NaN, 1],
      [-5000, 1],
    ] as const)
      expect(thousandfoldOff(v, r)).toBeNull();
  });

  it('median', () => {
    expect(median([])).toBeNull();
    expect(median([3, null, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
