/**
 * Strict input (CLI.md): a calculator refuses an unknown field by name instead of running with
 * the default it would have replaced; and values valid by type but physically absurd get a
 * warning that names the field (shared/facility/sanity.ts, docs/facility-circuits.md).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculators, type CalculatorName } from '../../../../shared/facility/calculators';
import { parseSiteDocument } from '../../../../shared/facility/site-document';
import { closestField, unknownFields } from '../../../../shared/strict-input';
import { CB12_115, POP_ITEMS, refusalOf, valueOf } from '../../../support/facility-helpers';
import { errorLine } from '../../../../shared/errors';

const LOAD = { items: POP_ITEMS.map(({ qty, nameplateW, measuredW }) => ({ qty, nameplateW, measuredW })), loadPf: 0.95, lineVoltageV: 400 };
const BATTERY = {
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
};
const EXAMPLES: Partial<Record<CalculatorName, Record<string, unknown>>> = {
  load: LOAD,
  battery: BATTERY,
  cooling: { itLoadW: 13970, upsRatingW: 27000, areaM2: 50, maxPeople: 1, unitTotalW: 20000, shr: 1, spareUnits: 1 },
  backup: { job: 'full', dataBytes: 8e12, dailyChangeFrac: 0.03, linkBitsPerS: 1e9, windowH: 8, backupIntervalH: 24 },
};

describe('unknown fields are refused by name', () => {
  it('a misspelt peakfactor is an error naming it, not a silent default', () => {
    const e = refusalOf(calculators.load.run({ ...LOAD, peakfactor: 1.3 }));
    expect(e.field).toBe('peakfactor');
    expect(errorLine(e)).toBe('peakfactor: is not a field of the load calculator (did you mean peakFactor?)');
  });

  it('names a nested unknown field by its path', () => {
    const items = LOAD.items.map((it, i) => (i === 2 ? { ...it, namePlateW: 1 } : it));
    const e = refusalOf(calculators.load.run({ ...LOAD, items }));
    expect(e.field).toBe('items.2.namePlateW');
    expect(e.message).toMatch(/did you mean nameplateW\?/);
  });

  it('knows the fields of every branch of a union (battery methods) and of table rows', () => {
    expect(valueOf(calculators.battery.run(BATTERY))).toBeTruthy();
    const e = refusalOf(calculators.battery.run({ ...BATTERY, table: [{ minutes: 5, wattsPerBlock: 4067, watts: 1 }, ...CB12_115.slice(1)] }));
    expect(e.field).toBe('table.0.watts');
  });

  it('property: any extra key on any calculator input is refused by that key', () => {
    const names = Object.keys(EXAMPLES) as CalculatorName[];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.string({ minLength: 1, maxLength: 12 }), (name, key) => {
        const example = EXAMPLES[name]!;
        fc.pre(!(key in example) && unknownFields(calculators[name].input, { [key]: 1 }).length === 1);
        const e = refusalOf(calculators[name].run({ ...example, [key]: 1 }));
        expect(e.field).toBe(key);
      }),
      { numRuns: 200 },
    );
  });

  it('suggests the closest field, case first', () => {
    expect(closestField('PEAKFACTOR', ['peakFactor', 'loadPf'])).toBe('peakFactor');
    expect(closestField('loadpff', ['peakFactor', 'loadPf'])).toBe('loadPf');
    expect(closestField('zzzzzz', ['peakFactor', 'loadPf'])).toBeNull();
  });

  it('a site document refuses unknown fields at every level, all at once', () => {
    const r = parseSiteDocument({ name: 'X', loadPf: 0.9, colour: 'red', generators: [{ name: 'G', ratingW: 1, curve: [{ loadFrac: 1, lPerH: 2, x: 1 }] }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(['colour', 'generators[0].curve[0].x']);
  });
});

describe('absurd values get a warning naming the field', () => {
  const warnings = (name: CalculatorName, input: unknown) => {
    const r = calculators[name].run(input);
    if (!r.ok) throw new Error(r.error.message);
    return r.warnings;
  };

  it('4 V line voltage', () => {
    expect(warnings('load', { ...LOAD, lineVoltageV: 4 })).toContainEqual(expect.stringMatching(/^lineVoltageV: 4 V is not a supply voltage/));
    expect(warnings('load', LOAD).some((w) => w.startsWith('lineVoltageV'))).toBe(false);
  });

  it('a 5e12 W nameplate', () => {
    const items = [{ qty: 1, nameplateW: 5e12 }];
    expect(warnings('load', { ...LOAD, items })).toContainEqual(expect.stringMatching(/^items\[0\]\.nameplateW: 5000000000000 W for one item/));
  });

  it('a battery at 70 °C', () => {
    expect(warnings('battery', { ...BATTERY, batteryTempC: 70 })).toContainEqual(
      expect.stringMatching(/^batteryTempC: 70 °C is outside the VRLA operating range/),
    );
    expect(warnings('battery', { ...BATTERY, batteryTempC: 30 }).some((w) => w.startsWith('batteryTempC: 30'))).toBe(false);
  });

  it('an empty load list', () => {
    expect(warnings('load', { ...LOAD, items: [] })).toContainEqual('items: the load list is empty, so every limit is met at 0 W');
  });
});
