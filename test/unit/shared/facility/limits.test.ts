import { describe, expect, it } from 'vitest';
import { effBytesPerS } from '../../../../shared/facility/backup';
import { backupWindowMaxDataBytes, coolingMaxItW, fuelMaxItW, restoreMaxDataBytes, storageMaxDataBytes, upsMaxItW } from '../../../../shared/facility/limits';
import { LITRES_PER_US_GAL } from '../../../../shared/facility/fuel';
import { computeSiteLimits, type SiteInput } from '../../../../shared/facility/site';
import { CB12_115, expectClose, FIG3, POP_ITEMS, refusalOf, valueOf } from '../../../support/facility-helpers';

/**
 * Example 8A's illustration of when a limit is crossed: compound growth from a start date,
 * t = ln(max / now) / ln(1 + growth) years, date = start + round(t × 365.25) days. The real
 * growth model belongs to specs/forecast.md; this only checks the thresholds.
 */
function crossing(max: number, now: number, growth: number, start = '2025-01-01'): { years: number; date: string } {
  const years = Math.log(max / now) / Math.log(1 + growth);
  const ms = Date.parse(`${start}T00:00:00Z`) + Math.round(years * 365.25) * 86_400_000;
  return { years, date: new Date(ms).toISOString().slice(0, 10) };
}

const RECHARGE_W = (10 * 2.275 * 240) / 0.95;
/**
 * The 60 kW chart row unrounded: 1.8, 2.9, 3.8 and 4.8 US gal/h, which the spec's table shows
 * as 6.814, 10.98, 14.38 and 18.17 L/h. Example 8A was computed from these; the 4-figure L/h
 * values move the fuel limit by 0.05 % and its date by one day (2027-11-19).
 */
const CURVE_60KW = [1.8, 2.9, 3.8, 4.8].map((gal, i) => ({ loadFrac: (i + 1) / 4, lPerH: gal * LITRES_PER_US_GAL }));

/** Example 8A: the POP of §1–6. */
const POP_SITE: SiteInput = {
  load: { items: POP_ITEMS, loadPf: 0.95 },
  ups: { ratedW: 27000, ratedVA: 30000, maxUpsLoadFrac: 0.8 },
  battery: {
    method: 'table',
    inverterEff: 0.94,
    strings: 1,
    blocksPerString: 40,
    blockV: 12,
    cellsPerBlock: 6,
    table: CB12_115,
    batteryTempC: 15.6,
    agingFactor: 1.25,
    requiredMin: 60,
  },
  generator: {
    ratingW: 60000,
    upsEff: 0.95,
    rechargeW: RECHARGE_W,
    otherRunningW: 13076.5,
    upsGenFactor: 1.5,
    altitudeM: 1500,
    ambientC: 45,
  },
  fuel: { curve: CURVE_60KW, usableL: 950, requiredAutonomyH: 72 },
  cooling: { unitTotalW: 20000, shr: 1, installedUnits: 2, upsRatingW: 27000, areaM2: 50, maxPeople: 1 },
};

describe('computeSiteLimits — Example 8A: the POP at 13305 W growing 15 %/yr', () => {
  const result = valueOf(computeSiteLimits(POP_SITE));
  const byKey = Object.fromEntries(result.limits.map((l) => [l.key, l]));

  it('starts from the actual IT load, 13305 W', () => {
    expectClose(result.currentItW, 13305);
  });

  it.each([
    ['cooling', 15553, 1.117, '2026-02-13'],
    ['generator-average', 19659, 2.793, '2027-10-18'],
    ['fuel', 19889, 2.877, '2027-11-18'],
    ['ups', 20571, 3.118, '2028-02-14'],
    ['generator-sizing', 20964, 3.253, '2028-04-03'],
    ['battery', 21272, 3.357, '2028-05-11'],
  ])('%s: maxItW %s, crossed after %s years on %s', (key, maxItW, years, date) => {
    const l = byKey[key]!;
    expect(l.variable).toBe('itW');
    expectClose(l.max, maxItW);
    const c = crossing(l.max!, 13305, 0.15);
    expectClose(c.years, years);
    expect(c.date).toBe(date);
    expect(l.exceededNow).toBe(false);
  });

  it('lists the limits soonest first: cooling, generator average, fuel, UPS, generator sizing, battery', () => {
    expect(result.limits.map((l) => l.key)).toEqual(['cooling', 'generator-average', 'fuel', 'ups', 'generator-sizing', 'battery']);
  });

  it('fuel: 950 L for 72 h allows 13.19 L/h → loadFrac 0.6627 → 39760 W on the set', () => {
    const f = valueOf(fuelMaxItW({ ...POP_SITE.generator!, ...POP_SITE.fuel! }));
    expectClose(f.maxLPerH, 13.19, FIG3);
    expectClose(f.loadFrac, 0.6627);
    expectClose(f.maxGenAvgW, 39760);
  });

  it('reports a limit already crossed as exceeded now', () => {
    const small = valueOf(computeSiteLimits({ ...POP_SITE, ups: { ratedW: 9000, ratedVA: 10000 } }));
    const ups = small.limits.find((l) => l.key === 'ups')!;
    expect(ups.exceededNow).toBe(true);
    expect(ups.usedFrac!).toBeGreaterThan(1);
  });

  it('names a bad field by its place in the site', () => {
    expect(refusalOf(computeSiteLimits({ ...POP_SITE, ups: { ratedW: -1, ratedVA: 30000 } })).field).toBe('ups.ratedW');
    expect(refusalOf(computeSiteLimits({ ...POP_SITE, load: { items: [{ qty: -1, nameplateW: 1 }], loadPf: 0.9 } })).field).toBe('load.items.0.qty');
  });

  it('refuses a fuel limit without the generator it feeds', () => {
    const { generator: _g, ...noGen } = POP_SITE;
    expect(refusalOf(computeSiteLimits(noGen)).field).toBe('generator');
  });
});

/** Example 8B: the backup of §7, 8 TB growing 30 %/yr, reduction 1.0, one copy. */
const BACKUP_SITE: SiteInput = {
  load: { items: [], loadPf: 0.95 },
  backup: {
    dataBytes: 8e12,
    dailyChangeFrac: 0.03,
    throughput: { linkBitsPerS: 1e9 },
    windows: [
      { name: 'weekly full', job: 'full', windowH: 48 },
      { name: 'nightly incremental', job: 'incremental', windowH: 8, days: 1 },
    ],
    restore: { rtoH: 24, incrementalsInChain: 6 },
    storage: { capacityBytes: 200e12, backupCopies: 1, fullsRetained: 16, incrementalsRetained: 6 },
  },
};

describe('computeSiteLimits — Example 8B: backup of 8 TB growing 30 %/yr', () => {
  const result = valueOf(computeSiteLimits(BACKUP_SITE));
  const byKey = Object.fromEntries(result.limits.map((l) => [l.key, l]));
  it.each([
    ['restore', 8.688e12, 0.3146, '2025-04-26'],
    ['storage', 12.36e12, 1.658, '2026-08-30'],
    ['backup-window:weekly full', 20.5e12, 3.587, '2028-08-03'],
    ['backup-window:nightly incremental', 113.9e12, 10.12, '2035-02-16'],
  ])('%s: maxData %s bytes, %s years, %s', (key, maxBytes, years, date) => {
    const l = byKey[key]!;
    expect(l.variable).toBe('dataBytes');
    expectClose(l.max, maxBytes);
    const c = crossing(l.max!, 8e12, 0.3);
    expectClose(c.years, years);
    expect(c.date).toBe(date);
  });
  it('lists data limits soonest first', () => {
    expect(result.limits.map((l) => l.key)).toEqual(['restore', 'storage', 'backup-window:weekly full', 'backup-window:nightly incremental']);
  });
});

describe('threshold formulas', () => {
  it('UPS: the VA rating binds when loadPf × VA < W', () => {
    expectClose(valueOf(upsMaxItW({ ratedW: 10000, ratedVA: 10000, loadPf: 0.8, peakFactor: 1 })), 6400, 1e-12);
  });
  it('cooling: nothing left after the fixed loads is 0 W (exceeded now)', () => {
    expect(valueOf(coolingMaxItW({ capacityAfterWorstFailureW: 0, upsRatingW: 27000, areaM2: 50, maxPeople: 1, peakFactor: 1.05 }))).toBe(0);
  });
  it('backup window: an incremental with no daily change never binds', () => {
    expect(valueOf(backupWindowMaxDataBytes({ job: 'incremental', windowH: 8, effBytesPerS: 1e8, dailyChangeFrac: 0 }))).toBeNull();
  });
  it('backup window: a compression ratio below 1 is refused', () => {
    expect(refusalOf(backupWindowMaxDataBytes({ job: 'full', windowH: 8, effBytesPerS: 1e8, dailyChangeFrac: 0, compressionRatio: 0.5 })).field).toBe(
      'compressionRatio',
    );
  });
  it('restore and storage agree with the forward formulas at the threshold', () => {
    const rate = effBytesPerS({ linkBitsPerS: 1e9 }).effBytesPerS;
    const maxRestore = valueOf(restoreMaxDataBytes({ rtoH: 24, restoreBytesPerS: rate, incrementalsInChain: 6, dailyChangeFrac: 0.03 }));
    expectClose((maxRestore * (1 + 6 * 0.03)) / rate / 3600, 24, 1e-12);
    const maxStored = valueOf(
      storageMaxDataBytes({ capacityBytes: 200e12, backupCopies: 2, fullsRetained: 16, incrementalsRetained: 6, dailyChangeFrac: 0.03 }),
    );
    expectClose((16 * maxStored + 6 * maxStored * 0.03) * 2, 200e12, 1e-12);
  });
});

describe('computeSiteLimits — a large site', () => {
  // Its cost (target < 5 ms a recompute) is measured in `npm run bench` (test/bench/facility.ts).
  it('computes all ten limits of a 50-item site', () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ qty: 1 + (i % 4), nameplateW: 200 + 37 * i, ...(i % 3 ? { measuredW: 100 + 20 * i } : {}) }));
    const site: SiteInput = { ...POP_SITE, load: { items, loadPf: 0.95 }, backup: BACKUP_SITE.backup! };
    expect(valueOf(computeSiteLimits(site)).limits).toHaveLength(10);
  });
});
