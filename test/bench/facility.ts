/**
 * Facility benchmark (issue #5): one full site recomputation — the stored records turned into
 * the calculators' input and every limit of spec §8 computed (load, UPS, battery table inverse
 * with derating, generator sizing and ESP average, fuel curve inverse, cooling N+1, two backup
 * windows, restore, repository) — for a site of 50 pieces of equipment. This is what the
 * Facility screen runs on each keystroke; the target is under 5 ms in Node.
 *
 * Prints `facility-site-recompute-ms <median>` on stdout; p95, the samples' count and a
 * reference measured in the same run (a JSON round trip of the same site record, the cheapest
 * thing the screen could possibly do with it) go to stderr with the ratio.
 * Run: node --import tsx test/bench/facility.ts [RUNS]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BatteryModel } from '../../shared/facility/battery-table';
import { computeSiteLimits } from '../../shared/facility/site';
import { siteInputFromDetail, type SiteDetail } from '../../shared/facility/site-record';

const RUNS = Number(process.argv[2] ?? 2000);
const model = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'battery-tables', 'csb-cb12-115.json'), 'utf8'),
) as BatteryModel;

const site: SiteDetail = {
  site: {
    id: 1,
    name: 'bench',
    description: '',
    loadPf: 0.95,
    peakFactor: 1.05,
    nameplateToActualFrac: null,
    simultaneityFrac: null,
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
    repoCapacityBytes: 200e12,
    backupCopies: 1,
    fullsRetained: 16,
    incrementalsRetained: 6,
    generatorRedundancy: 'N',
    motorHp: null,
    motorCode: null,
    rideThroughMin: null,
    shutdownMin: null,
    runtimeMarginMin: null,
    mediaKinds: null,
    offsiteCopies: null,
    facilityEnergyWh: null,
    itEnergyWh: null,
    createdAt: '',
    updatedAt: '',
  },
  equipment: Array.from({ length: 50 }, (_, i) => ({
    id: i + 1,
    siteId: 1,
    name: `item ${i}`,
    qty: 1 + (i % 4),
    nameplateW: 200 + 37 * i,
    measuredW: i % 3 === 0 ? null : 120 + 19 * i,
    phase: null,
    circuit: null,
  })),
  ups: [{ id: 1, siteId: 1, name: 'ups', ratedVA: 40000, ratedW: 36000, units: 4, redundancy: 'N+1', maxLoadFrac: 0.8, upsEff: 0.95, feed: null }],
  batteryStrings: [
    {
      id: 1,
      siteId: 1,
      name: 'b',
      method: 'table',
      tableId: 1,
      endVoltsPerCell: 1.67,
      strings: 4,
      blocksPerString: 40,
      blockV: 12,
      cellsPerBlock: 6,
      ratedAh: 115,
      ratedHours: 20,
      dodFrac: null,
      k: null,
      inverterEff: 0.94,
      batteryTempC: 15.6,
      agingFactor: 1.25,
      requiredMin: 15,
      chargeCurrentA: 10,
      floatVoltsPerCell: 2.275,
      chargerEff: 0.95,
      upsId: null,
      installDate: null,
      designLifeYears: null,
    },
  ],
  generators: [
    {
      id: 1,
      siteId: 1,
      name: 'g',
      ratingW: 250000,
      upsGenFactor: 1.5,
      espAvgLoadFrac: 0.7,
      otherRunningW: 30000,
      curve: [
        { loadFrac: 0.25, lPerH: 21.58 },
        { loadFrac: 0.5, lPerH: 35.96 },
        { loadFrac: 0.75, lPerH: 51.48 },
        { loadFrac: 1, lPerH: 68.14 },
      ],
      tankL: 5000,
      usableFrac: 0.95,
      reserveL: 0,
      requiredAutonomyH: 48,
      classH: 24,
      tank: null,
      deratingRule: null,
      deratingTable: null,
      performanceClass: null,
      maxStepFrac: null,
    },
  ],
  coolingUnits: [{ id: 1, siteId: 1, name: 'c', unitTotalW: 40000, shr: 0.9, installedUnits: 4 }],
  backupJobs: [
    { id: 1, siteId: 1, name: 'weekly full', job: 'full', windowH: 48, intervalH: 168, days: null, fixedOverheadH: null },
    { id: 2, siteId: 1, name: 'nightly', job: 'incremental', windowH: 8, intervalH: 24, days: 1, fixedOverheadH: 0.25 },
  ],
  circuits: [],
  readings: [{ id: 1, siteId: 1, kind: 'dataBytes', date: '2026-01-01', value: 8e12, note: '' }],
  batteryTables: [{ id: 1, model }],
};

function recompute(d: SiteDetail): number {
  const r = computeSiteLimits(siteInputFromDetail(d));
  if (!r.ok) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r.value.limits.length;
}

function sample(fn: () => unknown): number[] {
  for (let i = 0; i < 200; i++) fn(); // warm-up: the JIT settles before anything is timed
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const limits = recompute(site);
if (limits < 10) throw new Error(`expected every limit to be computed, got ${limits}`);
const full = sample(() => recompute(site));
const ref = sample(() => JSON.parse(JSON.stringify(site)) as unknown);
const median = q(full, 0.5);
process.stdout.write(`facility-site-recompute-ms ${median.toFixed(4)}\n`);
process.stderr.write(
  `  ${limits} limits, 50 equipment items, ${RUNS} runs: median ${median.toFixed(4)} ms, p95 ${q(full, 0.95).toFixed(4)} ms, max ${full.at(-1)!.toFixed(3)} ms (target < 5 ms)\n` +
    `  reference (JSON round trip of the same site record): median ${q(ref, 0.5).toFixed(4)} ms; ratio ${(median / q(ref, 0.5)).toFixed(2)}\n`,
);
if (median >= 5) process.exitCode = 1;
