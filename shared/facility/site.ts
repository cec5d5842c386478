/**
 * A whole site's limits in one pass (specs/facility.md §8): from the equipment list to every
 * threshold the forecasts need, each compared with today's value. Pure and cheap enough to
 * run on every keystroke of the facility screen (a 50-item site recomputes in well under 1 ms).
 */
import type { BatteryStringInput } from './battery';
import { effBytesPerS, type Throughput } from './backup';
import { computeLoad, LOAD_DEFAULTS, type LoadInput } from './load';
import { coolingAfterWorstFailureW, type CoolingGroupInput } from './components';
import { GENERATOR_DEFAULTS, STAMFORD_DERATING, type MotorCode } from './generator';
import { plantLimits, type Plant as GeneratorPlantInput, type PlantTank as TankInput, type SetFigures } from './plant';
import {
  backupWindowMaxDataBytes,
  batteryMaxItW,
  coolingMaxItW,
  restoreMaxDataBytes,
  storageMaxDataBytes,
  type BackupWindowLimitInput,
  type GeneratorLimitInput,
  upsMaxItW,
} from './limits';
import { between, fraction, guard, integerAtLeast, nonNegative, positive, refuse, unwrap, type CalcResult, type Warnings } from './result';
import type { FuelCurvePoint } from './fuel';

/** A generator set, the plant it runs in and a fuel tank: the plant's own types (plant.ts). */
export type { PlantSet as GeneratorSetInput, Plant as GeneratorPlantInput, PlantTank as TankInput } from './plant';

export type NamedBatteryString = BatteryStringInput & { requiredMin: number; name?: string };

export interface SiteInput {
  /** The equipment; today's actual IT load is its connectedItW, and its peakFactor applies. */
  load: LoadInput;
  /** The UPS capacity left after the worst single failure (components.ts combineUps). */
  ups?: { ratedW: number; ratedVA: number; maxUpsLoadFrac?: number | undefined; worstFailure?: string; unfed?: string[] };
  /** One string (the spec's examples); `batteries` takes several. */
  battery?: NamedBatteryString;
  /** Battery buses: each must carry the whole load alone (feeds A and B); strings on a bus add. */
  batteries?: { name: string; strings: NamedBatteryString[] }[];
  /** One set (the spec's examples, with its §4.2 derating); `generators` takes several. */
  generator?: GeneratorLimitInput;
  /** Needs `generator`. */
  fuel?: { curve?: FuelCurvePoint[]; usableL: number; requiredAutonomyH: number };
  generators?: GeneratorPlantInput;
  tanks?: TankInput[];
  /** The largest motor, started last with everything else running (NEC 430.7(B) code letter). */
  motorStart?: { motorHp: number; codeLetter: MotorCode };
  cooling?: {
    unitTotalW: number;
    shr: number;
    installedUnits: number;
    upsRatingW: number;
    areaM2: number;
    maxPeople: number;
    /** Several groups: their installed units all count, the largest single unit is the one failed. */
    groups?: CoolingGroupInput[];
    /** The UPS's own efficiency: its heat is itW × (1/upsEff − 1); without it WP-25's rule. */
    upsEff?: number | undefined;
  };
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
  /** Threshold on the forecast variable; null when the limit can never bind, or lacks an input (`needs`). */
  max: number | null;
  current: number;
  exceededNow: boolean;
  /** Fraction of the threshold used today (current / max); null when max is null or 0. */
  usedFrac: number | null;
  /** What the planner must give before this limit has a figure; null when it has one. */
  needs: string | null;
  /** The failure the figure assumes ("“G2” failed"), null when all run or none is assumed. */
  failed: string | null;
}

export interface SiteLimits {
  currentItW: number;
  peakItW: number;
  dataBytes: number | null;
  /** IT limits first, then data limits; within each, soonest (smallest max) first. */
  limits: SiteLimit[];
  /** Each generator set's derating and derated rating (empty without sets). */
  generatorSets: SetFigures[];
}

function limit(
  key: string,
  label: string,
  variable: LimitVariable,
  max: number | null,
  current: number,
  extra: { needs?: string | null; failed?: string | null } = {},
): SiteLimit {
  return {
    key,
    label,
    variable,
    max,
    current,
    exceededNow: max !== null && current > max,
    usedFrac: max === null || max === 0 ? null : current / max,
    needs: extra.needs ?? null,
    failed: extra.failed ?? null,
  };
}

/** A part's result, its fields named from the site (`ups.ratedW`). */
function part<T>(prefix: string, result: CalcResult<T>, warnings: Warnings): T {
  return unwrap(result, warnings, prefix);
}

/** The spec's single set (its §4.2 derating inputs) as a one-set plant with one tank. */
function singleSetPlant(g: GeneratorLimitInput, fuel: SiteInput['fuel']): { plant: GeneratorPlantInput; tanks: TankInput[] } {
  const alt = between('generator.altDeratePer500M', g.altDeratePer500M ?? GENERATOR_DEFAULTS.altDeratePer500M, 0, 1);
  const temp = between('generator.tempDeratePer5C', g.tempDeratePer5C ?? GENERATOR_DEFAULTS.tempDeratePer5C, 0, 1);
  return {
    plant: {
      sets: [
        {
          name: 'generator',
          ratingW: g.ratingW,
          upsGenFactor: g.upsGenFactor,
          espAvgLoadFrac: g.espAvgLoadFrac,
          derating: { custom: { ...STAMFORD_DERATING, altFracPerStep: alt, tempFracPerStep: temp } },
          curve: fuel?.curve,
          tank: fuel ? 'tank' : null,
        },
      ],
      redundancy: 'N',
      upsEff: g.upsEff,
      rechargeW: g.rechargeW,
      otherRunningW: g.otherRunningW,
      altitudeM: g.altitudeM,
      ambientC: g.ambientC,
    },
    tanks: fuel ? [{ name: 'tank', usableL: fuel.usableL, requiredAutonomyH: fuel.requiredAutonomyH }] : [],
  };
}

export function computeSiteLimits(site: SiteInput): CalcResult<SiteLimits> {
  return guard((warnings: Warnings) => {
    const load = part('load', computeLoad(site.load), warnings);
    const current = load.connectedItW;
    const peakFactor = site.load.peakFactor ?? LOAD_DEFAULTS.peakFactor;
    const out: SiteLimit[] = [];
    const it = (key: string, label: string, max: number | null, extra: { needs?: string | null; failed?: string | null } = {}) =>
      out.push(limit(key, label, 'itW', max, current, extra));

    if (site.ups) {
      for (const name of site.ups.unfed ?? []) warnings.push(`UPS system “${name}” has no feed while others have one: it is not counted (give it feed A or B)`);
      it('ups', 'UPS at max loading', part('ups', upsMaxItW({ ...site.ups, loadPf: site.load.loadPf, peakFactor }), warnings));
    }
    const buses = site.batteries ?? (site.battery ? [{ name: 'battery', strings: [site.battery] }] : []);
    if (buses.length > 0) {
      const prefix = site.batteries ? 'batteries' : 'battery';
      const requiredMin = Math.max(0, ...buses.flatMap((b) => b.strings.map((x) => x.requiredMin)));
      let max = Number.POSITIVE_INFINITY;
      let weakest = '';
      buses.forEach((bus, bi) => {
        // A feed without strings has no ride-through: when the other feed is lost, nothing carries the load.
        let sum = 0;
        bus.strings.forEach((str, si) => {
          const at = site.batteries ? `${prefix}.${bi}.strings.${si}` : prefix;
          sum += part(at, batteryMaxItW({ ...str, requiredMin, peakFactor }), warnings);
        });
        if (sum < max) {
          max = sum;
          weakest = bus.name;
        }
      });
      if (Number.isFinite(max)) {
        it('battery', `battery runtime ${requiredMin} min`, max, {
          failed:
            buses.length > 1
              ? buses
                  .filter((b) => b.name !== weakest)
                  .map((b) => b.name)
                  .join(', ')
              : null,
        });
      }
    }
    let generatorSets: SetFigures[] = [];
    if (site.fuel && !site.generator && !site.generators) refuse('generator', 'is required for the fuel limit (the fuel feeds it)');
    const plantIn = site.generators ? { plant: site.generators, tanks: site.tanks ?? [] } : site.generator ? singleSetPlant(site.generator, site.fuel) : null;
    if (plantIn) {
      const p = plantLimits(plantIn.plant, plantIn.tanks, peakFactor, site.motorStart, site.generators ? undefined : () => 'generator');
      generatorSets = p.sets;
      const n = plantIn.plant.sets.length;
      const nPlus1 = plantIn.plant.redundancy === 'N+1' && n > 1;
      if (plantIn.plant.redundancy === 'N+1' && n < 2) warnings.push('generator N+1 needs at least two sets: the limits count the one set with no spare');
      const sets = n > 1 ? ` (${n} sets${nPlus1 ? ', N+1' : ''})` : '';
      it('generator-sizing', `generator sizing${sets}`, p.sizing.maxItW, { failed: p.sizing.failed });
      it('generator-average', `generator ESP average load${sets}`, p.average.maxItW, { failed: p.average.failed });
      for (const f of p.fuel) {
        const key = p.fuel.length === 1 ? 'fuel' : `fuel:${f.tank}`;
        const tank = p.fuel.length === 1 ? '' : ` (tank ${f.tank})`;
        const tag = f.needs
          ? ` — needs ${f.needs}`
          : f.estimated
            ? ' (estimated)'
            : f.curveEndsAt !== null
              ? ` (the curve ends at ${Math.round(f.curveEndsAt * 100)} % load)`
              : '';
        it(key, `fuel autonomy ${f.requiredAutonomyH} h${tank}${tag}`, f.maxItW, { needs: f.needs, failed: f.failed });
      }
      if (p.step) {
        const cls = [...new Set(plantIn.plant.sets.map((x) => x.performanceClass).filter(Boolean))].join('/');
        it(
          'generator-step',
          `generator step: ${site.motorStart!.motorHp} hp motor start${cls ? ` (ISO 8528-5 ${cls})` : ''}${p.step.needs ? ` — needs ${p.step.needs}` : ''}`,
          p.step.maxItW,
          {
            needs: p.step.needs,
            failed: p.step.failed,
          },
        );
      }
    }
    if (site.cooling) {
      const c = site.cooling;
      let capacityAfterWorstFailureW: number;
      if (c.groups && c.groups.length > 0) {
        c.groups.forEach((g, i) => {
          integerAtLeast(`cooling.groups.${i}.installedUnits`, g.installedUnits, 1);
          positive(`cooling.groups.${i}.unitTotalW`, g.unitTotalW);
          fraction(`cooling.groups.${i}.shr`, g.shr);
        });
        capacityAfterWorstFailureW = coolingAfterWorstFailureW(c.groups).afterWorstFailureW;
      } else {
        const installed = integerAtLeast('cooling.installedUnits', c.installedUnits, 1);
        capacityAfterWorstFailureW = (installed - 1) * positive('cooling.unitTotalW', c.unitTotalW) * fraction('cooling.shr', c.shr);
      }
      const max = part('cooling', coolingMaxItW({ ...c, capacityAfterWorstFailureW, peakFactor }), warnings);
      it('cooling', 'cooling with the worst unit failed', max);
    }
    let dataBytes: number | null = null;
    if (site.backup) {
      const b = site.backup;
      dataBytes = nonNegative('backup.dataBytes', b.dataBytes);
      const data = (key: string, label: string, max: number | null) => out.push(limit(key, label, 'dataBytes', max, b.dataBytes));
      const rate = part(
        'backup.throughput',
        guard(() => effBytesPerS(b.throughput)),
        warnings,
      ).effBytesPerS;
      for (const [i, w] of (b.windows ?? []).entries()) {
        const max = part(
          `backup.windows.${i}`,
          backupWindowMaxDataBytes({
            ...w,
            effBytesPerS: rate,
            compressionRatio: b.compressionRatio,
            dedupRatio: b.dedupRatio,
            dailyChangeFrac: b.dailyChangeFrac,
          }),
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
    return { currentItW: current, peakItW: load.peakItW, dataBytes, limits: out, generatorSets };
  });
}
