import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLoad, current1phA, current3phA, itemW } from '../../../../shared/facility/load';
import { expectClose, POP_ITEMS, refusalOf, valueOf } from '../../../support/facility-helpers';

describe('itemW', () => {
  it('uses the measured power when there is one', () => {
    expect(itemW({ qty: 2, nameplateW: 3000, measuredW: 1650 }, 0.67)).toBe(3300);
  });
  it('estimates 67 % of nameplate when nothing was measured', () => {
    expectClose(itemW({ qty: 10, nameplateW: 750 }, 0.67), 5025);
  });
  it('counts a measured 0 W as 0, not as nameplate', () => {
    expect(itemW({ qty: 3, nameplateW: 500, measuredW: 0 }, 0.67)).toBe(0);
  });
});

describe('computeLoad', () => {
  it('Example 1A: ISP POP room at 400 V three-phase', () => {
    const v = valueOf(computeLoad({ items: POP_ITEMS, loadPf: 0.95, lineVoltageV: 400, phaseVoltageV: 230 }));
    expectClose(v.connectedItW, 13305);
    expectClose(v.peakItW, 13970);
    expectClose(v.coincidentItW, 13970);
    expectClose(v.designItW, 17463);
    expectClose(v.designVA, 18382);
    expectClose(v.current3phA, 26.53);
    expectClose(v.current1phA, 79.92);
  });

  it('Example 1B: nameplate only, switched loads at 208 V', () => {
    const items = [
      { qty: 8, nameplateW: 400 },
      { qty: 20, nameplateW: 250 },
      { qty: 4, nameplateW: 1200 },
    ];
    const v = valueOf(computeLoad({ items, loadPf: 0.9, simultaneityFrac: 0.9, growthMarginFrac: 0.2, peakFactor: 1, lineVoltageV: 208 }));
    expectClose(v.connectedItW, 8710);
    expectClose(v.coincidentItW, 7839);
    expectClose(v.designItW, 9406.8);
    expectClose(v.designVA, 10452);
    expectClose(v.current3phA, 29.01);
  });

  it('takes the spec defaults (0.67, 1.05, 1.0, 0.25) when the factors are absent', () => {
    const v = valueOf(computeLoad({ items: [{ qty: 1, nameplateW: 1000 }], loadPf: 1 }));
    expectClose(v.designItW, 1000 * 0.67 * 1.05 * 1.0 * 1.25, 1e-12);
  });

  it('reports no current when no voltage is given', () => {
    const v = valueOf(computeLoad({ items: POP_ITEMS, loadPf: 0.95 }));
    expect(v.current3phA).toBeNull();
    expect(v.current1phA).toBeNull();
    expect(v.phaseCurrentA).toBeNull();
  });

  it('reports the largest leg when a phase split is known (a balanced total hides it)', () => {
    const items = [
      { qty: 1, nameplateW: 3000, measuredW: 3000, phase: 'L1' as const },
      { qty: 1, nameplateW: 1000, measuredW: 1000, phase: 'L2' as const },
      { qty: 1, nameplateW: 3000, measuredW: 3000 }, // three-phase: 1000 W per leg
    ];
    const v = valueOf(computeLoad({ items, loadPf: 1, peakFactor: 1, growthMarginFrac: 0, phaseVoltageV: 230, lineVoltageV: 400 }));
    expectClose(v.phaseDesignW!.L1, 4000, 1e-12);
    expectClose(v.phaseDesignW!.L2, 2000, 1e-12);
    expectClose(v.phaseDesignW!.L3, 1000, 1e-12);
    expectClose(v.maxPhaseCurrentA, 4000 / 230, 1e-12);
    // the balanced view would say 7000 W over three legs
    expect(v.maxPhaseCurrentA!).toBeGreaterThan(current3phA(7000, 400, 1));
  });

  it('warns, but computes, when a measured value is above nameplate', () => {
    const r = computeLoad({ items: [{ qty: 1, nameplateW: 500, measuredW: 600 }], loadPf: 0.95 });
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings.join(' ')).toMatch(/^item 1, measured \(W\): the measured .* W is above its nameplate/);
  });

  it('accepts an empty inventory as 0 W', () => {
    expect(valueOf(computeLoad({ items: [], loadPf: 0.95 })).designItW).toBe(0);
  });

  describe('refuses, naming the field', () => {
    const base = { items: [{ qty: 1, nameplateW: 100 }], loadPf: 0.95 };
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a negative qty', { items: [{ qty: -1, nameplateW: 100 }] }, 'items.0.qty'],
      ['a fractional qty', { items: [{ qty: 1.5, nameplateW: 100 }] }, 'items.0.qty'],
      ['a zero nameplate', { items: [{ qty: 1, nameplateW: 0 }] }, 'items.0.nameplateW'],
      ['a negative nameplate', { items: [{ qty: 1, nameplateW: -5 }] }, 'items.0.nameplateW'],
      ['a negative measurement', { items: [{ qty: 1, nameplateW: 100, measuredW: -1 }] }, 'items.0.measuredW'],
      ['nameplateToActualFrac 0', { nameplateToActualFrac: 0 }, 'nameplateToActualFrac'],
      ['nameplateToActualFrac above 1', { nameplateToActualFrac: 1.1 }, 'nameplateToActualFrac'],
      ['simultaneityFrac 0', { simultaneityFrac: 0 }, 'simultaneityFrac'],
      ['simultaneityFrac above 1', { simultaneityFrac: 1.01 }, 'simultaneityFrac'],
      ['loadPf 0', { loadPf: 0 }, 'loadPf'],
      ['loadPf above 1', { loadPf: 1.2 }, 'loadPf'],
      ['peakFactor below 1', { peakFactor: 0.9 }, 'peakFactor'],
      ['growthMarginFrac below 0', { growthMarginFrac: -0.1 }, 'growthMarginFrac'],
      ['lineVoltageV 0', { lineVoltageV: 0 }, 'lineVoltageV'],
      ['phaseVoltageV negative', { phaseVoltageV: -230 }, 'phaseVoltageV'],
      ['a NaN power factor', { loadPf: Number.NaN }, 'loadPf'],
      ['an infinite nameplate', { items: [{ qty: 1, nameplateW: Number.POSITIVE_INFINITY }] }, 'items.0.nameplateW'],
    ];
    it.each(cases)('%s', (_name, patch, field) => {
      const e = refusalOf(computeLoad({ ...base, ...patch } as never));
      expect(e.code).toBe('invalid');
      expect(e.field).toBe(field);
    });

    it('the first bad item, not a later one', () => {
      const items = [
        { qty: 1, nameplateW: 100 },
        { qty: 1, nameplateW: -1 },
        { qty: -1, nameplateW: 100 },
      ];
      expect(refusalOf(computeLoad({ items, loadPf: 0.9 })).field).toBe('items.1.nameplateW');
    });
  });

  it('design load grows with every item added (property)', () => {
    const item = fc.record({ qty: fc.integer({ min: 0, max: 50 }), nameplateW: fc.double({ min: 1, max: 1e4, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 20 }), item, (items, extra) => {
        const a = valueOf(computeLoad({ items, loadPf: 0.95 })).designItW;
        const b = valueOf(computeLoad({ items: [...items, extra], loadPf: 0.95 })).designItW;
        expect(b).toBeGreaterThanOrEqual(a);
      }),
    );
  });

  it('current1phA is √3 × current3phA at the same voltage', () => {
    expectClose(current1phA(1000, 400, 0.9), Math.sqrt(3) * current3phA(1000, 400, 0.9), 1e-12);
  });
});
