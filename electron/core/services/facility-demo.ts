/**
 * The demo's facility: one small POP (the spec's worked examples §1–§8, so every figure on the
 * Facility screen can be checked against specs/facility.md) with a year of monthly readings of
 * its measured IT load and protected data, growing about 15 % and 30 % a year.
 */
import type { Tx } from '../workspace/tx';
import { BACKUP_JOBS, BATTERY_STRINGS, COOLING_UNITS, EQUIPMENT, GENERATORS, SITES, toColumns, UPS } from './facility-tables';
import { insertReading, useBundledTable } from './facility';

const TB = 1e12;

/** The first day of the month `back` months before `now`'s month, as YYYY-MM-DD. */
function monthStart(now: Date, back: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return d.toISOString().slice(0, 10);
}

/** Adds the demo POP inside the demo's own action (so one undo removes the whole demo). */
export function seedDemoFacility(tx: Tx, now: Date): number {
  const at = now.toISOString();
  const siteId = tx.insert(
    SITES.table,
    toColumns(SITES, {
      name: 'POP Northgate',
      description: 'Access POP: core routers, aggregation, two OLT chassis and the DWDM shelves',
      loadPf: 0.95,
      peakFactor: 1.05,
      growthMarginFrac: 0.25,
      lineVoltageV: 400,
      altitudeM: 1500,
      ambientC: 45,
      areaM2: 50,
      maxPeople: 1,
      backupLinkBitsPerS: 1e9,
      backupLinkShareFrac: 1,
      dailyChangeFrac: 0.03,
      compressionRatio: 1,
      dedupRatio: 1,
      rtoH: 24,
      incrementalsInChain: 6,
      repoCapacityBytes: 200 * TB,
      backupCopies: 1,
      fullsRetained: 16,
      incrementalsRetained: 6,
      createdAt: at,
      updatedAt: at,
    }),
  );
  const add = (table: string, spec: Parameters<typeof toColumns>[0], values: Record<string, unknown>) =>
    tx.insert(table, { site_id: siteId, ...toColumns(spec, values) });

  const equipment = [
    { name: 'Core router', qty: 2, nameplateW: 3000, measuredW: 1650 },
    { name: 'Aggregation switch', qty: 4, nameplateW: 800, measuredW: 420 },
    { name: 'Server (not measured)', qty: 10, nameplateW: 750, measuredW: null },
    { name: 'OLT chassis', qty: 2, nameplateW: 2400, measuredW: 1300 },
    { name: 'DWDM shelf', qty: 2, nameplateW: 600, measuredW: 350 },
  ];
  for (const e of equipment) add(EQUIPMENT.table, EQUIPMENT, e);

  add(UPS.table, UPS, { name: 'Modular UPS (4 × 10 kVA, N+1)', ratedVA: 10000, ratedW: 9000, units: 4, redundancy: 'N+1', maxLoadFrac: 0.8, upsEff: 0.95 });
  add(BATTERY_STRINGS.table, BATTERY_STRINGS, {
    name: '40 × CSB CB12-115',
    method: 'table',
    tableId: useBundledTable(tx, 'csb-cb12-115'),
    endVoltsPerCell: 1.67,
    strings: 1,
    blocksPerString: 40,
    blockV: 12,
    cellsPerBlock: 6,
    ratedAh: 115,
    ratedHours: 20,
    inverterEff: 0.94,
    batteryTempC: 15.6,
    agingFactor: 1.25,
    requiredMin: 60,
    chargeCurrentA: 10,
    floatVoltsPerCell: 2.275,
    chargerEff: 0.95,
  });
  add(GENERATORS.table, GENERATORS, {
    name: '60 kW diesel ESP',
    ratingW: 60000,
    upsGenFactor: 1.5,
    espAvgLoadFrac: 0.7,
    otherRunningW: 13076.5,
    curve: [
      { loadFrac: 0.25, lPerH: 6.814 },
      { loadFrac: 0.5, lPerH: 10.98 },
      { loadFrac: 0.75, lPerH: 14.38 },
      { loadFrac: 1, lPerH: 18.17 },
    ],
    tankL: 1000,
    usableFrac: 0.95,
    reserveL: 0,
    requiredAutonomyH: 72,
    classH: 24,
    // The spec's Example 8A names the alternator rule; docs/facility.md shows the same set under the
    // conservative default.
    deratingRule: 'stamford-alternator',
  });
  add(COOLING_UNITS.table, COOLING_UNITS, { name: 'DX precision units', unitTotalW: 22000, shr: 0.9, installedUnits: 2 });
  add(BACKUP_JOBS.table, BACKUP_JOBS, { name: 'Weekly full', job: 'full', windowH: 48, intervalH: 168, days: null, fixedOverheadH: null });
  add(BACKUP_JOBS.table, BACKUP_JOBS, { name: 'Nightly incremental', job: 'incremental', windowH: 8, intervalH: 24, days: 1, fixedOverheadH: null });

  // A year of monthly readings ending this month: IT load to 13.3 kW at ~15 %/yr with meter noise
  // of ±40 W (±0.3 %), so the forecasts date every power and cooling limit (with ±90 W the
  // holdout happened to favour damped Holt, which levels off: "never" on a load rising 15 %/yr);
  // protected data to 8 TB at ~30 %/yr.
  const wobble = [0.4, -0.6, 0.2, 0.9, -0.3, -0.8, 0.5, 0.1, -0.4, 0.7, -0.2, 0];
  for (let back = 11; back >= 0; back--) {
    const years = back / 12;
    const date = monthStart(now, back);
    const itW = Math.round(13305 / 1.15 ** years + wobble[back]! * 40);
    insertReading(tx, siteId, { kind: 'itW', date, value: itW, note: back === 0 ? 'PDU meters' : '' });
    insertReading(tx, siteId, { kind: 'dataBytes', date, value: Math.round((8 * TB) / 1.3 ** years / 1e9) * 1e9 });
  }
  return siteId;
}
