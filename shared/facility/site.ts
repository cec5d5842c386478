/**
 * A whole site's limits in one pass (specs/facility.md §8): from the equipment list to every
 * threshold the forecasts need, each compared with today's value. Pure and cheap enough to
 * run on every keystroke of the facility screen (a 50-item site recomputes in well under 1 ms).
 */
import type { BatteryStringInput } from './battery';
import { effBytesPerS, type Throughput } from './backup';
import { computeLoad, LOAD_DEFAULTS, type LoadInput } from './load';
import {
  backupWindowMaxDataBytes,
  batteryMaxItW,
  coolingMaxItW,
  fuelMaxItW,
  generatorAverageMaxItW,
  generatorSizingMaxItW,
  restoreMaxDataBytes,
  storageMaxDataBytes,
  type BackupWindowLimitInput,
  type GeneratorLimitInput,
  upsMaxItW,
} from './limits';
import { fraction, guard, integerAtLeast, nonNegative, positive, refuse, unwrap, type CalcResult, type Warnings } from './result';
import type { FuelCurvePoint } from './fuel';

export interface SiteInput {
  /** The equipment; today's actual IT load is its connectedItW, and its peakFactor applies. */
  load: LoadInput;
  /** The UPS capacity left after the worst single failure (N+1: N modules; 2N: one side). */
  ups?: { ratedW: number; ratedVA: number; maxUpsLoadFrac?: number };
  battery?: BatteryStringInput & { requiredMin: number };
  generator?: GeneratorLimitInput;
  /** Needs `generator`. */
  fuel?: { curve?: FuelCurvePoint[]; usableL: number; requiredAutonomyH: number };
  cooling?: { unitTotalW: number; shr: number; installedUnits: number; upsRatingW: number; areaM2: number; maxPeople: number };
  backup?: {
    dataBytes: number;
    dailyChangeFrac: number;
    throughput: Throughput;
    compressionRatio?: number;
    dedupRatio?: number;
    windows?: Array<Pick<BackupWindowLimitInput, 'job' | 'windowH' | 'days' | 'fixedOverheadH'> & { name: string }>;
    restore?: { rtoH: number; fixedRecoveryH?: number; restoreBytesPerS?: number; incrementalsInChain: number };
    storage?: { capacityBytes: number; backupCopies: number; fullsRetained: number; incrementalsRetained: number };
  };
}

export type LimitVariable = 'itW' | 'dataBytes';

export interface SiteLimit {
  key: string;
  label: string;
  variable: LimitVariable;
  /** Threshold on the forecast variable; null when the limit can never bind. */
  max: number | null;
  current: number;
  exceededNow: boolean;
  /** Fraction of the threshold used today (current / max); null when max is null or 0. */
  usedFrac: number | null;
}

export interface SiteLimits {
  currentItW: number;
  peakItW: number;
  dataBytes: number | null;
  /** IT limits first, then data limits; within each, soonest (smallest max) first. */
  limits: SiteLimit[];
}

function limit(key: string, label: string, variable: LimitVariable, max: number | null, current: number): SiteLimit {
  return {
    key,
    label,
    variable,
    max,
    current,
    exceededNow: max !== null && current > max,
    usedFrac: max === null || max === 0 ? null : current / max,
  };
}

/** A part's result, its fields named from the site (`ups.ratedW`). */
function part<T>(prefix: string, result: CalcResult<T>, warnings: Warnings): T {
  return unwrap(result, warnings, prefix);
}

export function computeSiteLimits(site: SiteInput): CalcResult<SiteLimits> {
  return guard((warnings: Warnings) => {
    const load = part('load', computeLoad(site.load), warnings);
    const current = load.connectedItW;
    const peakFactor = site.load.peakFactor ?? LOAD_DEFAULTS.peakFactor;
    const out: SiteLimit[] = [];
    const it = (key: string, label: string, max: number) => out.push(limit(key, label, 'itW', max, current));

    if (site.ups) {
      it('ups', 'UPS at max loading', part('ups', upsMaxItW({ ...site.ups, loadPf: site.load.loadPf, peakFactor }), warnings));
    }
    if (site.battery) {
      const max = part('battery', batteryMaxItW({ ...site.battery, peakFactor }), warnings);
      it('battery', `battery runtime ${site.battery.requiredMin} min`, max);
    }
    if (site.generator) {
      it('generator-sizing', 'generator sizing', part('generator', generatorSizingMaxItW({ ...site.generator, peakFactor }), warnings));
      it('generator-average', 'generator ESP average load', part('generator', generatorAverageMaxItW(site.generator), warnings));
    }
    if (site.fuel) {
      if (!site.generator) refuse('generator', 'is required for the fuel limit (the fuel feeds it)');
      const f = part('fuel', fuelMaxItW({ ...site.generator, ...site.fuel }), warnings);
      it('fuel', `fuel autonomy ${site.fuel.requiredAutonomyH} h${f.estimated ? ' (estimated)' : ''}`, f.maxItW);
    }
    if (site.cooling) {
      const c = site.cooling;
      const installed = integerAtLeast('cooling.installedUnits', c.installedUnits, 1);
      const capacityAfterWorstFailureW =
        (installed - 1) * positive('cooling.unitTotalW', c.unitTotalW) * fraction('cooling.shr', c.shr);
      const max = part('cooling', coolingMaxItW({ ...c, capacityAfterWorstFailureW, peakFactor }), warnings);
      it('cooling', 'cooling with the worst unit failed', max);
    }

    let dataBytes: number | null = null;
    if (site.backup) {
      const b = site.backup;
      dataBytes = nonNegative('backup.dataBytes', b.dataBytes);
      const data = (key: string, label: string, max: number | null) => out.push(limit(key, label, 'dataBytes', max, b.dataBytes));
      const rate = part('backup.throughput', guard(() => effBytesPerS(b.throughput)), warnings).effBytesPerS;
      for (const [i, w] of (b.windows ?? []).entries()) {
        const max = part(
          `backup.windows.${i}`,
          backupWindowMaxDataBytes({ ...w, effBytesPerS: rate, compressionRatio: b.compressionRatio, dedupRatio: b.dedupRatio, dailyChangeFrac: b.dailyChangeFrac }),
          warnings,
        );
        data(`backup-window:${w.name}`, `backup window: ${w.name}`, max);
      }
      if (b.restore) {
        const max = part(
          'backup.restore',
          restoreMaxDataBytes({ ...b.restore, restoreBytesPerS: b.restore.restoreBytesPerS ?? rate, dailyChangeFrac: b.dailyChangeFrac }),
          warnings,
        );
        data('restore', `restore within ${b.restore.rtoH} h RTO`, max);
      }
      if (b.storage) {
        const max = part(
          'backup.storage',
          storageMaxDataBytes({ ...b.storage, compressionRatio: b.compressionRatio, dedupRatio: b.dedupRatio, dailyChangeFrac: b.dailyChangeFrac }),
          warnings,
        );
        data('storage', 'backup repository', max);
      }
    }

    out.sort(
      (a, b) =>
        (a.variable === b.variable ? 0 : a.variable === 'itW' ? -1 : 1) ||
        (a.max ?? Number.POSITIVE_INFINITY) - (b.max ?? Number.POSITIVE_INFINITY) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    return { currentItW: current, peakItW: load.peakItW, dataBytes, limits: out };
  });
}
