import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBatteryRuntime, peukertExponent, requiredRuntimeMin, type BatteryInput } from '../../../../shared/facility/battery';
import { CB12_115, expectClose, FIG3, refusalOf, valueOf } from '../../../support/facility-helpers';

/** Example 3A's string: 40 × 12 V blocks, one string, inverterEff 0.94. */
const STRING = { inverterEff: 0.94, strings: 1, blocksPerString: 40, blockV: 12, cellsPerBlock: 6 };
const energy = (acLoadW: number, dodFrac: number, extra: Partial<BatteryInput> = {}): BatteryInput =>
  ({ method: 'energy', acLoadW, ...STRING, ratedAh: 100, ratedHours: 20, dodFrac, ...extra }) as BatteryInput;
const peukert = (acLoadW: number, k: number, ratedAh = 100, extra: Partial<BatteryInput> = {}): BatteryInput =>
  ({ method: 'peukert', acLoadW, ...STRING, ratedAh, ratedHours: 20, k, ...extra }) as BatteryInput;
const table = (acLoadW: number, extra: Partial<BatteryInput> = {}): BatteryInput =>
  ({ method: 'table', acLoadW, ...STRING, table: CB12_115, ...extra }) as BatteryInput;
const endOfLifeAt15_6C = { batteryTempC: 15.6, agingFactor: 1.25 };
const run = (input: BatteryInput) => valueOf(computeBatteryRuntime(input));

describe('computeBatteryRuntime — Example 3A: 10 kW on 40 × 12 V 100 Ah (C20)', () => {
  it('has 240 cells, 480 V nominal, dcW 10638 W and 48000 Wh', () => {
    const v = run(energy(10000, 1));
    expect(v.cells).toBe(240);
    expect(v.stringNominalV).toBe(480);
    expectClose(v.cells * 1.67, 400.8);
    expectClose(v.dcW, 10638);
    expect(v.effDcW).toBe(v.dcW); // no derating asked for
    expect(v.nominalWh).toBe(48000);
  });
  it.each([
    [1.0, 270.7],
    [0.8, 216.6],
  ])('energy method at dodFrac %s gives %s min', (dod, min) => {
    expectClose(run(energy(10000, dod)).runtimeMin, min);
  });
  it.each([
    [1.2, 201.0],
    [1.1, 233.3],
    [1.05, 251.3],
  ])('Peukert k %s gives %s min at 22.16 A', (k, min) => {
    const v = run(peukert(10000, k));
    expectClose(v.currentA, 22.16);
    expectClose(v.runtimeMin, min);
  });
});

describe('computeBatteryRuntime — Example 3B: the same 10 kW on 40 × CB12-115 (table)', () => {
  it('interpolates 265.96 W/block log-log between 240 and 300 min to 262.3 min (not linear 265.5)', () => {
    const v = run(table(10000));
    expectClose(v.wPerBlock, 265.96);
    expectClose(v.wPerCell, 44.33);
    expectClose(v.runtimeMin, 262.3);
    expect(Math.abs(v.runtimeMin - 265.5)).toBeGreaterThan(1);
  });
  it.each([
    [1.221, 231.1],
    [1.146, 255.7],
  ])('Peukert on 115 Ah C20 with k %s gives %s min', (k, min) => {
    expectClose(run(peukert(10000, k, 115)).runtimeMin, min);
  });
  it('derated at 15.6 °C (1.11) and end of life (1.25): 369.0 W/block → 169.6 min', () => {
    const v = run(table(10000, endOfLifeAt15_6C));
    expectClose(v.tempFactor, 1.11, 1e-12);
    expectClose(v.derateFactor, 1.3875, 1e-12);
    expectClose(v.wPerBlock, 369.0);
    expectClose(v.runtimeMin, 169.6);
  });
});

describe('computeBatteryRuntime — Example 3C: 60 kW on the same string', () => {
  it('draws dcW 63830 W, 132.98 A', () => {
    const v = run(peukert(60000, 1.2));
    expectClose(v.dcW, 63830);
    expectClose(v.currentA, 132.98);
  });
  it.each([
    [1.0, 45.12],
    [0.8, 36.1],
  ])('energy at dodFrac %s: %s min', (dod, min) => {
    expectClose(run(energy(60000, dod)).runtimeMin, min);
  });
  it.each([
    [1.2, 23.41],
    [1.1, 32.5],
    [1.05, 38.29],
  ])('Peukert 100 Ah C20 k %s: %s min', (k, min) => {
    expectClose(run(peukert(60000, k)).runtimeMin, min);
  });
  it('table at 1595.7 W/block: 25.35 min (linear would say 27.01)', () => {
    const v = run(table(60000));
    expectClose(v.wPerBlock, 1595.7);
    expectClose(v.runtimeMin, 25.35);
  });
  it('Peukert 115 Ah C20 k 1.221: 25.92 min, within ~2 % of the table', () => {
    const p = run(peukert(60000, 1.221, 115)).runtimeMin;
    expectClose(p, 25.92);
    expect(Math.abs(p / run(table(60000)).runtimeMin - 1)).toBeLessThan(0.025);
  });
  it('table derated 1.11 × 1.25 (2214.1 W/block): 16.07 min', () => {
    const v = run(table(60000, endOfLifeAt15_6C));
    expectClose(v.wPerBlock, 2214.1);
    expectClose(v.runtimeMin, 16.07);
  });
});

describe('computeBatteryRuntime — Example 3D: the inverse', () => {
  it('15 min on CB12-115 (2326 W/block) carries 87.46 kW without derating', () => {
    expectClose(run(table(10000, { requiredMin: 15 })).maxAcLoadW, 87460);
  });
  it('and 63.03 kW derated 1.11 × 1.25', () => {
    expectClose(run(table(10000, { requiredMin: 15, ...endOfLifeAt15_6C })).maxAcLoadW, 63030);
  });
  it('gives no maxAcLoadW without requiredMin', () => {
    expect(run(table(10000)).maxAcLoadW).toBeNull();
  });
});

describe('computeBatteryRuntime — derating', () => {
  it('applies only when batteryTempC or agingFactor is given', () => {
    expect(run(table(10000)).derateFactor).toBe(1);
    expect(run(table(10000, { agingFactor: 1.25 })).derateFactor).toBe(1.25);
  });
  it('takes the spec default aging 1.25 when only the temperature is given', () => {
    expectClose(run(table(10000, { batteryTempC: 15.6 })).derateFactor, 1.11 * 1.25, 1e-12);
  });
  it('gives no credit above 25 °C', () => {
    expect(run(table(10000, { batteryTempC: 40, agingFactor: 1 })).tempFactor).toBe(1);
  });
  it('uses 1.00 for lithium with a warning (IEEE 485 is lead-acid only)', () => {
    const r = computeBatteryRuntime(table(10000, { batteryTempC: 0, agingFactor: 1, chemistry: 'lithium' }));
    expect(valueOf(r).tempFactor).toBe(1);
    expect(r.ok && r.warnings.join(' ')).toMatch(/lead-acid/);
  });
});

describe('computeBatteryRuntime — refusals', () => {
  const cases: Array<[string, BatteryInput, string, RegExp?]> = [
    ['acLoadW 0', table(0), 'acLoadW'],
    ['a negative acLoadW', energy(-1, 1), 'acLoadW'],
    ['inverterEff 0', table(1000, { inverterEff: 0 }), 'inverterEff'],
    ['inverterEff above 1', table(1000, { inverterEff: 1.05 }), 'inverterEff'],
    ['dodFrac 0', energy(1000, 0), 'dodFrac'],
    ['dodFrac above 1', energy(1000, 1.2), 'dodFrac'],
    ['ratedAh 0', energy(1000, 1, { ratedAh: 0 }), 'ratedAh'],
    ['ratedHours negative', peukert(1000, 1.2, 100, { ratedHours: -20 }), 'ratedHours'],
    ['blockV 0', energy(1000, 1, { blockV: 0 }), 'blockV'],
    ['0 strings', table(1000, { strings: 0 }), 'strings'],
    ['negative blocksPerString', table(1000, { blocksPerString: -40 }), 'blocksPerString'],
    ['fractional cellsPerBlock', table(1000, { cellsPerBlock: 5.5 }), 'cellsPerBlock'],
    ['k below 1 (physically impossible)', peukert(1000, 0.95), 'k'],
    ['k above 1.6', peukert(1000, 1.7), 'k'],
    ['agingFactor below 1', table(10000, { agingFactor: 0.9 }), 'agingFactor'],
    ['a temperature below the table', table(10000, { batteryTempC: -5 }), 'batteryTempC', /battery temperature below table/],
    ['a load above the table', table(200000), 'acLoadW', /load exceeds battery table/],
    ['a load below the table', table(2000), 'acLoadW', /load below battery table/],
    ['a required runtime beyond the table', table(10000, { requiredMin: 2000 }), 'requiredMin'],
    ['a non-finite load', table(Number.POSITIVE_INFINITY), 'acLoadW'],
  ];
  it.each(cases)('%s', (_name, input, field, message) => {
    const e = refusalOf(computeBatteryRuntime(input));
    expect(e.field).toBe(field);
    if (message) expect(e.message).toMatch(message);
  });

  it.each([
    [
      'times not strictly increasing',
      [
        { minutes: 10, wattsPerBlock: 300 },
        { minutes: 10, wattsPerBlock: 200 },
      ],
      'table.1.minutes',
    ],
    [
      'watts not strictly decreasing',
      [
        { minutes: 10, wattsPerBlock: 300 },
        { minutes: 20, wattsPerBlock: 300 },
      ],
      'table.1.wattsPerBlock',
    ],
    [
      'a zero watt entry',
      [
        { minutes: 10, wattsPerBlock: 300 },
        { minutes: 20, wattsPerBlock: 0 },
      ],
      'table.1.wattsPerBlock',
    ],
    ['a single point', [{ minutes: 10, wattsPerBlock: 300 }], 'table'],
  ])('a table with %s', (_name, t, field) => {
    expect(refusalOf(computeBatteryRuntime(table(1000, { table: t }))).field).toBe(field);
  });
});

// Loads that keep the CB12-115 string inside its table (72 W…4067 W per block ≈ 3 kW…150 kW AC).
const tableLoadW = fc.double({ min: 3000, max: 150000, noNaN: true });
const anyMethod = fc.constantFrom(
  (w: number) => energy(w, 0.8),
  (w: number) => peukert(w, 1.15),
  (w: number) => table(w),
);

describe('computeBatteryRuntime — properties', () => {
  it('runtime falls as load rises, for every method', () => {
    fc.assert(
      fc.property(anyMethod, tableLoadW, tableLoadW, (make, a, b) => {
        fc.pre(Math.abs(a - b) > 1);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(run(make(hi)).runtimeMin).toBeLessThan(run(make(lo)).runtimeMin);
      }),
    );
  });

  it('derating never increases runtime', () => {
    fc.assert(
      fc.property(
        anyMethod,
        fc.double({ min: 3000, max: 50000, noNaN: true }),
        fc.double({ min: -3.9, max: 60, noNaN: true }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        (make, w, batteryTempC, agingFactor) => {
          const fresh = run(make(w)).runtimeMin;
          const derated = computeBatteryRuntime({ ...make(w), batteryTempC, agingFactor });
          // a derated load may fall off the top of the table: then there is no runtime to compare
          fc.pre(derated.ok);
          expect(valueOf(derated).runtimeMin).toBeLessThanOrEqual(fresh * (1 + 1e-12));
        },
      ),
    );
  });

  it('the inverse and the forward runtime agree, for every method', () => {
    fc.assert(
      fc.property(
        anyMethod,
        fc.double({ min: 5, max: 1200, noNaN: true }),
        fc.option(fc.record({ batteryTempC: fc.double({ min: -3.9, max: 30, noNaN: true }), agingFactor: fc.double({ min: 1, max: 2, noNaN: true }) }), {
          nil: undefined,
        }),
        (make, requiredMin, derate) => {
          const max = run({ ...make(10000), ...derate, requiredMin }).maxAcLoadW!;
          const back = run({ ...make(max), ...derate });
          expectClose(back.runtimeMin, requiredMin, 1e-9);
        },
      ),
    );
  });

  it('refuses any battery table whose watts do not fall as minutes rise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: CB12_115.length - 1 }), fc.double({ min: 0, max: 2, noNaN: true }), (i, bump) => {
        const bad = CB12_115.map((p) => ({ ...p }));
        bad[i]!.wattsPerBlock = bad[i - 1]!.wattsPerBlock * (1 + bump);
        expect(refusalOf(computeBatteryRuntime(table(10000, { table: bad }))).field).toBe(`table.${i}.wattsPerBlock`);
      }),
    );
  });

  it('refuses any temperature below the table', () => {
    fc.assert(
      fc.property(fc.double({ min: -273.15, max: -3.9, maxExcluded: true, noNaN: true }), (batteryTempC) => {
        const e = refusalOf(computeBatteryRuntime(table(10000, { batteryTempC })));
        expect(e.field).toBe('batteryTempC');
        expect(e.message).toMatch(/battery temperature below table/);
      }),
    );
  });
});

describe('peukertExponent', () => {
  it('is 1 for an ideal battery (same Ah at every rate)', () => {
    expectClose(peukertExponent({ hours: 20, currentA: 5 }, { hours: 1, currentA: 100 }), 1, 1e-12);
  });
  it('reproduces k from two points of a Peukert battery', () => {
    const k = 1.221;
    const t = (i: number) => 20 * (115 / (i * 20)) ** k;
    expectClose(peukertExponent({ hours: t(5.75), currentA: 5.75 }, { hours: t(60), currentA: 60 }), k, 1e-12);
  });
});

describe('requiredRuntimeMin', () => {
  it("Eaton's example: 5 + 2 × 3 + 4 = 15 min", () => {
    expect(valueOf(requiredRuntimeMin({ businessRideThroughMin: 5, orderlyShutdownMin: 3, safetyMarginMin: 4 }))).toBe(15);
  });
  it('refuses a negative margin by name', () => {
    expect(refusalOf(requiredRuntimeMin({ businessRideThroughMin: 5, orderlyShutdownMin: 3, safetyMarginMin: -1 })).field).toBe('safetyMarginMin');
  });
});

void FIG3;
