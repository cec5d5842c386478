import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CALCULATOR_NAMES, calculatorJsonSchema, calculators } from '../../../../shared/facility/calculators';

/** The seven calculators of CLI.md's table; the checks added later are in checks-calc.test.ts. */
const SPEC_CALCULATORS = ['load', 'ups', 'battery', 'generator', 'fuel', 'cooling', 'backup'] as const;
type CalculatorName = (typeof SPEC_CALCULATORS)[number];
import { CB12_115, expectClose, POP_ITEMS, refusalOf, UPS_CATALOG, valueOf } from '../../../support/facility-helpers';
import { errorLine } from '../../../../shared/errors';

/** One valid input per calculator, with CLI.md's field names (the spec's worked examples). */
const EXAMPLES: Record<CalculatorName, Record<string, unknown>> = {
  load: { items: POP_ITEMS.map(({ qty, nameplateW, measuredW }) => ({ qty, nameplateW, measuredW })), loadPf: 0.95, lineVoltageV: 400 },
  ups: { designItW: 17462.8125, designVA: 17462.8125 / 0.95, catalog: UPS_CATALOG, moduleW: 9000 },
  battery: {
    method: 'table',
    acLoadW: 10000,
    inverterEff: 0.94,
    strings: 1,
    blocksPerString: 40,
    blockV: 12,
    cellsPerBlock: 6,
    ratedAh: 115,
    ratedHours: 20,
    table: CB12_115,
  },
  generator: {
    itLoadW: 17462.8125,
    upsEff: 0.95,
    chargeCurrentA: 10,
    floatVoltsPerCell: 2.275,
    cells: 240,
    chargerEff: 0.95,
    upsGenFactor: 1.5,
    otherRunningW: 13076.5,
    altitudeM: 1500,
    ambientC: 45,
    catalog: [30, 40, 50, 60, 80, 100].map((kw) => ({ name: `${kw} kW ESP`, ratingW: kw * 1000 })),
  },
  fuel: {
    ratingW: 60000,
    genAvgW: 37206,
    curve: [
      { loadFrac: 0.25, lPerH: 6.814 },
      { loadFrac: 0.5, lPerH: 10.98 },
      { loadFrac: 0.75, lPerH: 14.38 },
      { loadFrac: 1.0, lPerH: 18.17 },
    ],
    tankL: 1000,
    usableFrac: 0.95,
    reserveL: 0,
    classH: 48,
  },
  cooling: { itLoadW: 13970, upsRatingW: 27000, areaM2: 50, maxPeople: 1, unitTotalW: 20000, shr: 1, spareUnits: 1 },
  backup: { job: 'full', dataBytes: 8e12, dailyChangeFrac: 0.03, linkBitsPerS: 1e9, windowH: 8, backupIntervalH: 24 },
};

/** CLI.md's output columns. */
const OUTPUTS: Record<CalculatorName, string[]> = {
  load: ['connectedItW', 'peakItW', 'designItW', 'designVA', 'current3phA'],
  ups: ['requiredUpsW', 'requiredUpsVA', 'pick', 'upsLoadFrac', 'nModules'],
  battery: ['dcW', 'effDcW', 'runtimeMin', 'maxAcLoadW'],
  generator: ['rechargeW', 'upsInputW', 'genSizingW', 'genAvgW', 'siteDerateFrac', 'requiredRatingW', 'pick', 'genLoadFrac'],
  fuel: ['fuelLPerH', 'autonomyH', 'estimated', 'nfpaStoredL'],
  cooling: ['heatW', 'heatBtuPerH', 'heatTons', 'nUnits', 'installed', 'capacityAfterWorstFailureW'],
  backup: ['effBytesPerS', 'bytes', 'durationH', 'fitsWindow'],
};

/** CLI.md's inputs without `?` and without a spec default: each refused by name when absent. */
const REQUIRED: Record<CalculatorName, string[]> = {
  load: ['items', 'loadPf'],
  ups: ['designItW', 'designVA', 'catalog'],
  battery: ['method', 'acLoadW', 'inverterEff', 'strings', 'blocksPerString', 'blockV', 'cellsPerBlock'],
  generator: ['itLoadW', 'upsEff', 'chargeCurrentA', 'floatVoltsPerCell', 'cells', 'chargerEff', 'otherRunningW', 'altitudeM', 'ambientC', 'catalog'],
  fuel: ['ratingW', 'genAvgW', 'tankL', 'usableFrac'],
  cooling: ['itLoadW', 'upsRatingW', 'areaM2', 'maxPeople', 'unitTotalW', 'shr', 'spareUnits'],
  backup: ['job', 'dataBytes', 'dailyChangeFrac', 'linkBitsPerS', 'windowH', 'backupIntervalH'],
};

describe('calculators (the registry behind `headroom calc`)', () => {
  it('holds the seven calculators of CLI.md, and one entry per name', () => {
    expect(Object.keys(calculators).sort()).toEqual([...CALCULATOR_NAMES].sort());
    expect(CALCULATOR_NAMES).toEqual(expect.arrayContaining([...SPEC_CALCULATORS]));
  });

  describe.each(SPEC_CALCULATORS)('%s', (name) => {
    it('answers the worked example with the output fields CLI.md names', () => {
      const v = valueOf(calculators[name].run(EXAMPLES[name])) as Record<string, unknown>;
      for (const field of OUTPUTS[name]) expect(v, field).toHaveProperty(field);
      expect(JSON.parse(JSON.stringify(v))).toEqual(v); // plain JSON: no Infinity, no undefined
    });

    it('has an input that z.toJSONSchema can print, listing the required fields', () => {
      const schema = z.toJSONSchema(calculators[name].input) as { required?: string[]; oneOf?: Array<{ required: string[] }> };
      const required = schema.required ?? schema.oneOf?.[0]?.required ?? [];
      for (const field of REQUIRED[name]) expect(required).toContain(field);
      expect(calculatorJsonSchema(name)).toBeTypeOf('object');
    });

    it.each(REQUIRED[name])('refuses the input without %s, naming it', (field) => {
      const input = { ...EXAMPLES[name] };
      delete input[field];
      const e = refusalOf(calculators[name].run(input));
      expect(e.code).toBe('invalid');
      expect(e.field).toBe(field);
      expect(errorLine(e)).toContain(field);
    });

    it('refuses something that is not an object', () => {
      expect(refusalOf(calculators[name].run('{}')).field).toBe('input');
    });
  });

  it('names nested fields by path: items.0.nameplateW', () => {
    const e = refusalOf(calculators.load.run({ items: [{ qty: 1, nameplateW: -5 }], loadPf: 0.95 }));
    expect(e.field).toBe('items.0.nameplateW');
  });

  it('refuses a wrong type by name: items.1.qty as a string', () => {
    const e = refusalOf(
      calculators.load.run({
        items: [
          { qty: 1, nameplateW: 5 },
          { qty: '2', nameplateW: 5 },
        ],
        loadPf: 0.95,
      }),
    );
    expect(e.field).toBe('items.1.qty');
  });

  it('refuses NaN and Infinity wherever they appear', () => {
    expect(refusalOf(calculators.load.run({ ...EXAMPLES.load, loadPf: Number.NaN })).field).toBe('loadPf');
    expect(refusalOf(calculators.cooling.run({ ...EXAMPLES.cooling, areaM2: Number.POSITIVE_INFINITY })).field).toBe('areaM2');
  });

  it('load: Example 1A through the registry', () => {
    const v = valueOf(calculators.load.run(EXAMPLES.load)) as Record<string, number>;
    expectClose(v['designItW']!, 17463);
    expectClose(v['current3phA']!, 26.53);
  });

  it('ups: Example 2A through the registry (30 kVA, 3 modules)', () => {
    const v = valueOf(calculators.ups.run(EXAMPLES.ups)) as { pick: { ratedVA: number }; nModules: number };
    expect(v.pick.ratedVA).toBe(30000);
    expect(v.nModules).toBe(3);
  });

  it('ups: maxUpsLoadFrac defaults to 0.80', () => {
    const v = valueOf(calculators.ups.run(EXAMPLES.ups)) as { requiredUpsW: number };
    expectClose(v.requiredUpsW, 17462.8125 / 0.8, 1e-12);
  });

  describe('battery', () => {
    const run = (patch: Record<string, unknown>) => calculators.battery.run({ ...EXAMPLES.battery, ...patch });
    it('Example 3B: 262.3 min, and derates only when batteryTempC or agingFactor is given', () => {
      const plain = valueOf(run({})) as { runtimeMin: number; effDcW: number; dcW: number };
      expectClose(plain.runtimeMin, 262.3);
      expect(plain.effDcW).toBe(plain.dcW);
      expectClose((valueOf(run({ batteryTempC: 15.6, agingFactor: 1.25 })) as { runtimeMin: number }).runtimeMin, 169.6);
    });
    it('Example 3D: maxAcLoadW with requiredMin', () => {
      expectClose((valueOf(run({ requiredMin: 15 })) as { maxAcLoadW: number }).maxAcLoadW, 87460);
    });
    it.each([
      ['energy', 'dodFrac'],
      ['energy', 'ratedAh'],
      ['peukert', 'k'],
      ['peukert', 'ratedHours'],
      ['table', 'table'],
    ])('%s without %s is refused by name (no spec default)', (method, field) => {
      const input: Record<string, unknown> = { ...EXAMPLES.battery, method, dodFrac: 1, k: 1.2 };
      delete input[field];
      expect(refusalOf(calculators.battery.run(input)).field).toBe(field);
    });
    it('refuses an unknown method by name', () => {
      expect(refusalOf(run({ method: 'magic' })).field).toBe('method');
    });
    it('refuses a table whose watts rise with time, naming the point', () => {
      const table = CB12_115.map((p, i) => (i === 4 ? { ...p, wattsPerBlock: 2000 } : p));
      expect(refusalOf(run({ table })).field).toBe('table.4.wattsPerBlock');
    });
  });

  describe('backup', () => {
    it('refuses a differential without days by name', () => {
      expect(refusalOf(calculators.backup.run({ ...EXAMPLES.backup, job: 'differential' })).field).toBe('days');
    });
    it('refuses a window longer than its interval', () => {
      const e = refusalOf(calculators.backup.run({ ...EXAMPLES.backup, windowH: 25 }));
      expect(e.field).toBe('windowH');
      expect(e.message).toMatch(/window longer than interval/);
    });
    it('refuses a compression ratio below 1', () => {
      expect(refusalOf(calculators.backup.run({ ...EXAMPLES.backup, compressionRatio: 0.5 })).field).toBe('compressionRatio');
    });
  });

  it('fuel: Example 5A through the registry, and the fallback is marked estimated', () => {
    const v = valueOf(calculators.fuel.run(EXAMPLES.fuel)) as { autonomyH: number; estimated: boolean; nfpaStoredL: number };
    expectClose(v.autonomyH, 75.31);
    expectClose(v.nfpaStoredL, 1160, 2e-3);
    expect(v.estimated).toBe(false);
    const { curve: _curve, ...noCurve } = EXAMPLES.fuel;
    // A 60 kW set is below the fallback's 100–2250 kW: no figure without the datasheet curve.
    expect(refusalOf(calculators.fuel.run(noCurve)).field).toBe('curve');
    const big = { ...noCurve, ratingW: 200000, genAvgW: 120000 };
    expect((valueOf(calculators.fuel.run(big)) as { estimated: boolean }).estimated).toBe(true);
  });
});
