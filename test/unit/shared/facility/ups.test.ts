import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redundancyOptions, sizeUps, sortUpsCatalog } from '../../../../shared/facility/ups';
import { expectClose, refusalOf, UPS_CATALOG, valueOf } from '../../../support/facility-helpers';

/** Example 1A's design load, unrounded. */
const DESIGN_1A_W = 13305 * 1.05 * 1.25;
const DESIGN_1A_VA = DESIGN_1A_W / 0.95;

describe('sizeUps', () => {
  it('Example 2A: the POP picks 30 kVA / 27 kW, loaded 0.6468 by W (VA only 0.6127)', () => {
    const v = valueOf(sizeUps({ designItW: DESIGN_1A_W, designVA: DESIGN_1A_VA, catalog: UPS_CATALOG, moduleW: 9000 }));
    expectClose(v.requiredUpsW, 21829);
    expectClose(v.requiredUpsVA, 22977);
    expect(v.pick).toEqual({ name: 'UPS 30 kVA', ratedVA: 30000, ratedW: 27000 });
    expectClose(v.upsLoadFrac, 0.6468);
    expectClose(DESIGN_1A_VA / v.pick.ratedVA, 0.6127);
    expect(v.nModules).toBe(3);
  });

  it('Example 2A: modular 9 kW, N+1 and 2N before and after the worst single failure', () => {
    const v = valueOf(sizeUps({ designItW: DESIGN_1A_W, designVA: DESIGN_1A_VA, catalog: UPS_CATALOG, moduleW: 9000 }));
    const by = Object.fromEntries(v.redundancy!.map((o) => [o.scheme, o]));
    expect(by['N']!.installedModules).toBe(3);
    expect(by['N']!.afterWorstFailureLoadFrac).toBeNull();
    expect(by['N']!.note).toMatch(/no redundancy: one failure drops the load/);
    expect(by['N+1']!.installedModules).toBe(4);
    expectClose(by['N+1']!.normalLoadFrac, 0.4851);
    expectClose(by['N+1']!.afterWorstFailureLoadFrac, 0.6468);
    expect(by['2N']!.installedModules).toBe(6);
    expectClose(by['2N']!.normalLoadFrac, 0.3234);
    expectClose(by['2N']!.afterWorstFailureLoadFrac, 0.6468);
    expect(by['2(N+1)']!.installedModules).toBe(8);
  });

  it('Example 2B: the switched-load room picks 15 kVA / 13.5 kW at 0.6968', () => {
    const v = valueOf(sizeUps({ designItW: 9406.8, designVA: 9406.8 / 0.9, catalog: UPS_CATALOG }));
    expectClose(v.requiredUpsW, 11759);
    expectClose(v.requiredUpsVA, 13065);
    expect(v.pick.ratedVA).toBe(15000);
    expectClose(v.upsLoadFrac, 0.6968);
    expect(v.nModules).toBeNull();
    expect(v.redundancy).toBeNull();
  });

  it('respects the VA rating when it is the binding one (legacy 0.8 PF model)', () => {
    const catalog = [
      { name: 'legacy', ratedVA: 10000, ratedW: 9000 },
      { name: 'modern', ratedVA: 12000, ratedW: 12000 },
    ];
    // 6000 W at PF 0.7 needs 7500 W (legacy has it) and 10714 VA (legacy has not) at 80 %
    const v = valueOf(sizeUps({ designItW: 6000, designVA: 6000 / 0.7, catalog }));
    expect(v.pick.name).toBe('modern');
    expect(refusalOf(sizeUps({ designItW: 6000, designVA: 10000, catalog })).message).toMatch(/no model large enough/);
  });

  it('picks deterministically: equal ratings are ordered by name, whatever the input order', () => {
    const a = { name: 'Alpha', ratedVA: 20000, ratedW: 18000 };
    const b = { name: 'Beta', ratedVA: 20000, ratedW: 18000 };
    fc.assert(
      fc.property(fc.shuffledSubarray([a, b, ...UPS_CATALOG], { minLength: 10, maxLength: 10 }), (catalog) => {
        const v = valueOf(sizeUps({ designItW: 12000, designVA: 12500, catalog }));
        expect(v.pick.name).toBe('Alpha');
      }),
    );
  });

  it('sorts the catalog by VA, then W, then name, without touching the input', () => {
    const input = [...UPS_CATALOG];
    const sorted = sortUpsCatalog(input);
    expect(sorted.map((m) => m.ratedVA)).toEqual([10, 15, 20, 30, 40, 60, 80, 100].map((k) => k * 1000));
    expect(input).toEqual(UPS_CATALOG);
  });

  describe('refuses, naming the field', () => {
    const base = { designItW: 10000, designVA: 11000, catalog: UPS_CATALOG };
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['maxUpsLoadFrac 0', { maxUpsLoadFrac: 0 }, 'maxUpsLoadFrac'],
      ['maxUpsLoadFrac above 1', { maxUpsLoadFrac: 1.1 }, 'maxUpsLoadFrac'],
      ['a zero ratedVA', { catalog: [{ name: 'x', ratedVA: 0, ratedW: 0 }] }, 'catalog.0.ratedVA'],
      ['a negative ratedW', { catalog: [{ name: 'x', ratedVA: 1000, ratedW: -1 }] }, 'catalog.0.ratedW'],
      ['ratedW above ratedVA', { catalog: [{ name: 'x', ratedVA: 1000, ratedW: 1200 }] }, 'catalog.0.ratedW'],
      ['a zero moduleW', { moduleW: 0 }, 'moduleW'],
      ['an empty catalog', { catalog: [] }, 'catalog'],
      ['no model large enough', { designItW: 1e6, designVA: 1.1e6 }, 'catalog'],
      ['a non-finite designItW', { designItW: Number.NaN }, 'designItW'],
      ['designVA below designItW', { designVA: 9000 }, 'designVA'],
    ];
    it.each(cases)('%s', (_name, patch, field) => {
      expect(refusalOf(sizeUps({ ...base, ...patch } as never)).field).toBe(field);
    });
  });
});

describe('redundancyOptions', () => {
  it('2(N+1) survives losing a whole side on N+1 modules', () => {
    const twoN1 = redundancyOptions(18000, 2, 10000).find((o) => o.scheme === '2(N+1)')!;
    expectClose(twoN1.normalLoadFrac, 0.3, 1e-12);
    expectClose(twoN1.afterWorstFailureLoadFrac, 0.6, 1e-12);
  });
});
