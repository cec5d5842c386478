/**
 * The generator plant's limits (specs/facility.md §4–§5 inverted for the IT load, several sets):
 * sizing, ESP average, fuel per tank and the motor-start step, each the smallest over the
 * failure scenarios of components.ts generatorScenarios. One set with one tank gives exactly
 * the spec's single-set limits (limits.ts).
 */
import { generatorScenarios, type GeneratorRedundancy } from './components';
import { setDerating, type DeratingSpec, type PerformanceClass, type SetDerating } from './derating';
import { checkFuelCurve, curveLPerH, fallbackLPerH, FUEL_FALLBACK, type FuelCurvePoint } from './fuel';
import { GENERATOR_DEFAULTS, GENSET_PF, LOCKED_ROTOR_KVA_PER_HP, type MotorCode } from './generator';
import { between, fraction, nonNegative, positive, refuse } from './result';

export interface PlantSet {
  name: string;
  ratingW: number;
  upsGenFactor?: number | undefined;
  espAvgLoadFrac?: number | undefined;
  derating?: DeratingSpec | undefined;
  /** Datasheet fuel curve; without one the fallback fit (100–2250 kW sets only). */
  curve?: FuelCurvePoint[] | undefined;
  /** The tank it draws from (tanks[].name); null or absent: no fuel limit for it. */
  tank?: string | null | undefined;
  /** Load step the set accepts at once, as a fraction of its rating, at its ISO 8528-5 class (datasheet). */
  maxStepFrac?: number | undefined;
  performanceClass?: PerformanceClass | undefined;
}

/** Parallel sets sharing load in proportion to their ratings, and what feeds them. */
export interface Plant {
  sets: PlantSet[];
  redundancy: GeneratorRedundancy;
  upsEff: number;
  rechargeW: number;
  otherRunningW: number;
  altitudeM: number;
  ambientC: number;
}

export interface PlantTank {
  name: string;
  usableL: number;
  requiredAutonomyH: number;
}

export interface SetFigures {
  name: string;
  ratingW: number;
  derating: SetDerating;
  deratedW: number;
}

export interface ScenarioLimit {
  /** null when it cannot be computed (see `needs`). */
  maxItW: number | null;
  /** The set failed in the binding scenario; null = all running. */
  failed: string | null;
  /** What the planner must give before the limit has a figure ("a fuel curve for “G2”"). */
  needs: string | null;
}

export interface FuelTankLimit extends ScenarioLimit {
  tank: string;
  requiredAutonomyH: number;
  /** Any set of the tank on the fallback fit. */
  estimated: boolean;
  /** The load fraction the limit stops at because a curve ends there (< 1), else null. */
  curveEndsAt: number | null;
}

export interface StepLimit extends ScenarioLimit {
  startKVA: number;
  /** Step capability of the running sets, kVA (binding scenario). */
  stepCapKVA: number | null;
}

export interface PlantLimits {
  sets: SetFigures[];
  sizing: ScenarioLimit;
  average: ScenarioLimit;
  fuel: FuelTankLimit[];
  step: StepLimit | null;
}

const atLeastZero = (x: number) => Math.max(0, x);

/** Whether the fallback fit may stand in for a set's datasheet curve. */
export function fallbackCovers(ratingW: number): boolean {
  const kW = ratingW / 1000;
  return kW >= FUEL_FALLBACK.minRatingKW && kW <= FUEL_FALLBACK.maxRatingKW;
}

function smallest(items: { maxItW: number; failed: string | null }[]): ScenarioLimit {
  let best = items[0]!;
  for (const x of items) if (x.maxItW < best.maxItW) best = x;
  return { maxItW: best.maxItW, failed: best.failed, needs: null };
}

/** Largest x in [0, hi] with f(x) ≤ limit, f increasing (bisection to 1e-12). */
function invert(f: (x: number) => number, limit: number, hi: number): number {
  if (f(hi) <= limit) return hi;
  if (f(0) > limit) return 0;
  let lo = 0;
  let up = hi;
  for (let i = 0; i < 200 && up - lo > 1e-13; i++) {
    const mid = (lo + up) / 2;
    if (f(mid) <= limit) lo = mid;
    else up = mid;
  }
  return lo;
}

export function plantLimits(
  plant: Plant,
  tanks: readonly PlantTank[],
  peakFactorIn: number,
  motor?: { motorHp: number; codeLetter: MotorCode },
  /** How a refusal names set i (`generators.1`; the spec's single set: `generator`). */
  setField: (i: number) => string = (i) => `generators.${i}`,
): PlantLimits {
  if (plant.sets.length === 0) refuse('generators', 'needs at least one set');
  const upsEff = fraction('upsEff', plant.upsEff);
  const rechargeW = nonNegative('rechargeW', plant.rechargeW);
  const other = nonNegative('otherRunningW', plant.otherRunningW);
  const peakFactor = between('peakFactor', peakFactorIn, 1, 2);
  const seen = new Set<string>();
  const sets = plant.sets.map((s, i) => {
    if (seen.has(s.name)) refuse(`${setField(i)}.name`, `two sets are named “${s.name}”`);
    seen.add(s.name);
    positive(`${setField(i)}.ratingW`, s.ratingW);
    between(`${setField(i)}.upsGenFactor`, s.upsGenFactor ?? GENERATOR_DEFAULTS.upsGenFactor, 1, 3);
    fraction(`${setField(i)}.espAvgLoadFrac`, s.espAvgLoadFrac ?? GENERATOR_DEFAULTS.espAvgLoadFrac);
    if (s.curve) checkFuelCurve(s.curve, `${setField(i)}.curve`);
    if (s.maxStepFrac !== undefined) fraction(`${setField(i)}.maxStepFrac`, s.maxStepFrac);
    const derating = setDerating(plant.altitudeM, plant.ambientC, s.derating);
    return { set: s, fig: { name: s.name, ratingW: s.ratingW, derating, deratedW: s.ratingW * derating.siteDerateFrac } };
  });
  const scenarios = generatorScenarios(
    sets.map((x) => ({ ...x, name: x.set.name })),
    plant.redundancy,
  );

  const sizing = smallest(
    scenarios.map(({ failed, running }) => {
      const cap = running.reduce((a, x) => a + x.fig.deratedW, 0);
      const factor = Math.max(...running.map((x) => x.set.upsGenFactor ?? GENERATOR_DEFAULTS.upsGenFactor));
      return { maxItW: atLeastZero(((cap - other) / factor - rechargeW) * upsEff) / peakFactor, failed: failed?.name ?? null };
    }),
  );
  const average = smallest(
    scenarios.map(({ failed, running }) => {
      const cap = running.reduce((a, x) => a + (x.set.espAvgLoadFrac ?? GENERATOR_DEFAULTS.espAvgLoadFrac) * x.fig.deratedW, 0);
      return { maxItW: atLeastZero((cap - other - rechargeW) * upsEff), failed: failed?.name ?? null };
    }),
  );

  const fuel: FuelTankLimit[] = [];
  const tankNames = new Set<string>();
  tanks.forEach((t, ti) => {
    if (tankNames.has(t.name)) refuse(`tanks.${ti}.name`, `two tanks are named “${t.name}”`);
    tankNames.add(t.name);
    const usableL = positive(`tanks.${ti}.usableL`, t.usableL);
    const requiredH = positive(`tanks.${ti}.requiredAutonomyH`, t.requiredAutonomyH);
    const on = sets.filter((x) => x.set.tank === t.name);
    const base = { tank: t.name, requiredAutonomyH: requiredH, estimated: on.some((x) => !x.set.curve), curveEndsAt: null, failed: null };
    if (on.length === 0) {
      fuel.push({ ...base, maxItW: null, needs: `a generator set drawing from tank “${t.name}”` });
      return;
    }
    const blind = on.find((x) => !x.set.curve && !fallbackCovers(x.set.ratingW));
    if (blind) {
      fuel.push({ ...base, maxItW: null, needs: `a fuel curve for “${blind.set.name}” (the fallback fit covers 100–2250 kW sets)` });
      return;
    }
    const maxLPerH = usableL / requiredH;
    const results = scenarios.map(({ failed, running }) => {
      const mine = running.filter((x) => x.set.tank === t.name);
      const ratedW = running.reduce((a, x) => a + x.set.ratingW, 0);
      if (mine.length === 0) return { maxItW: Number.POSITIVE_INFINITY, failed: failed?.name ?? null, curveEndsAt: null as number | null };
      // Load shared in proportion to rating: every running set at the same fraction x of its rating.
      const hi = Math.min(1, ...running.map((x) => (x.set.curve ? x.set.curve[x.set.curve.length - 1]!.loadFrac : 1)));
      const burn = (x: number) => mine.reduce((a, m) => a + (m.set.curve ? curveLPerH(m.set.curve, x) : fallbackLPerH(m.set.ratingW, x * m.set.ratingW)), 0);
      const x = invert(burn, maxLPerH, hi);
      return {
        maxItW: atLeastZero((x * ratedW - other - rechargeW) * upsEff),
        failed: failed?.name ?? null,
        curveEndsAt: x === hi && hi < 1 ? hi : null,
      };
    });
    let best = results[0]!;
    for (const r of results) if (r.maxItW < best.maxItW) best = r;
    fuel.push({ ...base, maxItW: best.maxItW, failed: best.failed, curveEndsAt: best.curveEndsAt, needs: null });
  });

  let step: StepLimit | null = null;
  if (motor) {
    const hp = positive('motorStart.motorHp', motor.motorHp);
    const band = LOCKED_ROTOR_KVA_PER_HP[motor.codeLetter];
    if (!band) refuse('motorStart.codeLetter', `must be one of ${Object.keys(LOCKED_ROTOR_KVA_PER_HP).join(', ')}`);
    const startKVA = hp * band[1];
    const missing = sets.find((x) => x.set.maxStepFrac === undefined);
    if (missing) {
      step = {
        maxItW: null,
        failed: null,
        needs: `the load step “${missing.set.name}” accepts (datasheet, at its ISO 8528-5 class)`,
        startKVA,
        stepCapKVA: null,
      };
    } else {
      let best: StepLimit | null = null;
      for (const { failed, running } of scenarios) {
        const capKVA = running.reduce((a, x) => a + x.set.maxStepFrac! * x.fig.deratedW, 0) / GENSET_PF / 1000;
        // The motor starts last: its locked-rotor kVA on top of everything already running.
        const maxItW = atLeastZero(((capKVA - startKVA) * 1000 * GENSET_PF - other - rechargeW) * upsEff) / peakFactor;
        if (!best || maxItW < best.maxItW!) best = { maxItW, failed: failed?.name ?? null, needs: null, startKVA, stepCapKVA: capKVA };
      }
      step = best;
    }
  }
  return { sets: sets.map((x) => x.fig), sizing, average, fuel, step };
}
