/**
 * The Facility screen's unit-aware inputs (renderer/features/facility/units.ts and draft.ts),
 * pure code: a quantity survives a change of unit; bits and bytes never mix silently.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changedFields,
  changeUnit,
  draftFrom,
  magnitudeWarnings,
  parseDraft,
  settleUnit,
  typeText,
  type Draft,
} from '../../../../../renderer/features/facility/draft';
import { FORMS } from '../../../../../renderer/features/facility/fields';
import { findUnit, formatQuantity, parseQuantity, UNIT_KINDS, type UnitKind } from '../../../../../renderer/features/facility/units';

describe('parseQuantity', () => {
  it('reads the typed number in the chosen unit', () => {
    expect(parseQuantity('2.5', findUnit('power', 'kW'))).toBe(2500);
    expect(parseQuantity('100', findUnit('volume', 'gal'))).toBeCloseTo(378.5411784, 9);
    expect(parseQuantity('1', findUnit('data', 'TiB'))).toBe(2 ** 40);
    expect(parseQuantity('1', findUnit('data', 'TB'))).toBe(1e12);
  });

  it('counts MB/s typed in a link-rate field as 8 bits per byte, and Mbit/s as bits', () => {
    expect(parseQuantity('125', findUnit('rate', 'MB/s'))).toBe(1e9);
    expect(parseQuantity('125', findUnit('rate', 'Mbit/s'))).toBe(125e6);
  });

  it('takes a percentage as a fraction', () => {
    expect(parseQuantity('95', findUnit('percent', '%'))).toBeCloseTo(0.95, 12);
  });

  it('is null when empty and NaN when not a number', () => {
    expect(parseQuantity('  ', findUnit('power', 'W'))).toBeNull();
    expect(parseQuantity('12 kW', findUnit('power', 'W'))).toBeNaN();
  });
});

describe('changeUnit', () => {
  const link = FORMS.backupSettings.fields.find((f) => f.key === 'backupLinkBitsPerS')!;

  it('re-expresses the same link rate: 1 Gbit/s = 125 MB/s = 1000 Mbit/s', () => {
    let d = draftFrom('backupSettings', { backupLinkBitsPerS: 1e9 });
    expect([d.text.backupLinkBitsPerS, d.unit.backupLinkBitsPerS]).toEqual(['1', 'Gbit/s']);
    d = changeUnit(d, link, 'MB/s');
    expect(d.text.backupLinkBitsPerS).toBe('125');
    d = changeUnit(d, link, 'Mbit/s');
    expect(d.text.backupLinkBitsPerS).toBe('1000');
    expect(parseDraft('backupSettings', d).values.backupLinkBitsPerS).toBe(1e9);
  });

  it('keeps any quantity within float noise through every unit of its kind (property)', () => {
    const kinds = (Object.keys(UNIT_KINDS) as UnitKind[]).filter((k) => UNIT_KINDS[k].length > 1);
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.double({ min: 1e-3, max: 1e15, noNaN: true }), fc.nat(), (kind, value, seed) => {
        const units = UNIT_KINDS[kind];
        const spec = { key: 'x', label: 'x', kind };
        let d: Draft = { text: { x: formatQuantity(value, units[0]!) }, unit: { x: units[0]!.id } };
        const start = parseQuantity(d.text.x!, units[0]!)!;
        for (let i = 0; i < 4; i++) d = changeUnit(d, spec, units[(seed + i) % units.length]!.id);
        const end = parseQuantity(d.text.x!, findUnit(kind, d.unit.x!))!;
        expect(Math.abs(end - start) / start).toBeLessThan(1e-5);
      }),
    );
  });
});

describe('parseDraft', () => {
  it('names a required field left empty and a value that is not a number', () => {
    const d = draftFrom('equipment', null, { qty: 1 });
    d.text.nameplateW = 'abc';
    const r = parseDraft('equipment', d);
    expect(r.errors).toEqual({ nameplateW: 'must be a number' });
    d.text.nameplateW = '';
    expect(parseDraft('equipment', d).errors).toEqual({ nameplateW: 'is required' });
  });
});

describe('a number the planner typed, then a unit (issue 10, item 11)', () => {
  const measured = FORMS.equipment.fields.find((f) => f.key === 'measuredW')!;
  const opened = () => draftFrom('equipment', { name: 'Core router', qty: 2, nameplateW: 3000, measuredW: 1650 });

  it('keeps the digits: "1.8", then kW, is 1.8 kW = 1800 W (not 0.0018 kW)', () => {
    let d = opened();
    expect(d.unit.measuredW).toBe('W');
    d = typeText(d, 'measuredW', '1.8');
    d = changeUnit(d, measured, 'kW');
    expect([d.text.measuredW, d.unit.measuredW]).toEqual(['1.8', 'kW']);
    expect(parseDraft('equipment', d).values.measuredW).toBe(1800);
  });

  it('re-expresses a stored value the planner has not typed over (1650 W = 1.65 kW)', () => {
    const d = changeUnit(opened(), measured, 'kW');
    expect([d.text.measuredW, d.unit.measuredW]).toEqual(['1.65', 'kW']);
    expect(changedFields(parseDraft('equipment', d).values, parseDraft('equipment', opened()).values)).toEqual({});
  });

  it('takes "1.8 kW" typed whole, and moves the unit into the picker when the field is left', () => {
    let d = typeText(opened(), 'measuredW', '1.8 kW');
    expect(parseDraft('equipment', d).values.measuredW).toBe(1800);
    d = settleUnit(d, measured);
    expect([d.text.measuredW, d.unit.measuredW]).toEqual(['1.8', 'kW']);
    expect(parseDraft('equipment', d).values.measuredW).toBe(1800);
    // Then picking W keeps the typed digits in W.
    d = typeText(d, 'measuredW', '1.8 kW');
    d = changeUnit(d, measured, 'W');
    expect([d.text.measuredW, d.unit.measuredW]).toEqual(['1.8', 'W']);
  });

  it('refuses a unit the field does not take, at the field', () => {
    const d = typeText(opened(), 'measuredW', '1.8 kVA');
    expect(parseDraft('equipment', d).errors).toEqual({ measuredW: '“kVA” is not a unit of this field (use W, kW or MW)' });
  });
});

describe('magnitudeWarnings', () => {
  const detail = {
    site: { id: 1 },
    equipment: [
      { id: 1, name: 'a', qty: 2, nameplateW: 3000, measuredW: 1650 },
      { id: 2, name: 'b', qty: 4, nameplateW: 800, measuredW: 420 },
      { id: 3, name: 'c', qty: 10, nameplateW: 750, measuredW: null },
    ],
    ups: [],
    generators: [],
    coolingUnits: [],
  } as unknown as Parameters<typeof magnitudeWarnings>[3];

  it('warns in plain words at the field when a measured power is about 1000× its nameplate', () => {
    expect(magnitudeWarnings('equipment', 1, { nameplateW: 3000, measuredW: 1_650_000 }, detail)).toEqual({
      measuredW: 'Measured (each) is about 1000 times the nameplate (1,650 kW against 3 kW): check its unit.',
    });
    expect(magnitudeWarnings('equipment', 1, { nameplateW: 3000, measuredW: 1650 }, detail)).toEqual({});
  });

  it('warns when a UPS rating in W is about 1000× its rating in VA', () => {
    expect(magnitudeWarnings('ups', null, { ratedVA: 30, ratedW: 27000 }, detail).ratedW).toBe(
      'Unit rating (W) is about 1000 times the unit rating in VA (27 kW against 30 VA): check its unit.',
    );
  });
});
