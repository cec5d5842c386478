/**
 * Limits under growth (specs/facility.md §8): each sizing limit turned into a threshold on
 * the variable the forecasts project, either the actual IT load (W) or the protected data
 * (bytes). shared/forecast/ finds the date the projection crosses it. Power thresholds
 * divide by peakFactor because the limits are checked on peakItW = itW × peakFactor.
 * A threshold below zero is reported as 0 (the limit is already crossed).
 */
import { batteryMaxAcLoadW, type BatteryStringInput } from './battery';
import { reductionRatio } from './backup';
import { WP25 } from './cooling';
import { curveLoadFrac, checkFuelCurve, fallbackLoadW, type FuelCurvePoint } from './fuel';
import { GENERATOR_DEFAULTS, siteDerating } from './generator';
import { between, fraction, fractionOrZero, guard, integerAtLeast, nonNegative, positive, unwrap, type CalcResult } from './result';
import { UPS_DEFAULTS } from './ups';

const atLeastZero = (x: number) => Math.max(0, x);

export interface UpsLimitInput {
  /** Rating that carries the load after the worst single failure (N+1: N modules; 2N: one side). */
  ratedW: number;
  ratedVA: number;
  maxUpsLoadFrac?: number | undefined;
  loadPf: number;
  peakFactor: number;
}

/** maxItW = min(f × ratedW, f × ratedVA × loadPf) / peakFactor. */
export function upsMaxItW(input: UpsLimitInput): CalcResult<number> {
  return guard(() => {
    const ratedW = positive('ratedW', input.ratedW);
    const ratedVA = positive('ratedVA', input.ratedVA);
    const f = fraction('maxUpsLoadFrac', input.maxUpsLoadFrac ?? UPS_DEFAULTS.maxUpsLoadFrac);
    const loadPf = fraction('loadPf', input.loadPf);
    const peakFactor = between('peakFactor', input.peakFactor, 1, 2);
    return Math.min(f * ratedW, f * ratedVA * loadPf) / peakFactor;
  });
}

/** maxItW = maxAcLoadW(requiredMin, derated) / peakFactor (§3.4 inverse). */
export function batteryMaxItW(input: BatteryStringInput & { requiredMin: number; peakFactor: number }): CalcResult<number> {
  return guard((warnings) => {
    const peakFactor = between('peakFactor', input.peakFactor, 1, 2);
    return unwrap(batteryMaxAcLoadW(input), warnings) / peakFactor;
  });
}

/** The generator side of §4.2 that the IT load feeds: UPS input = itW / upsEff + rechargeW. */
export interface GeneratorLimitInput {
  ratingW: number;
  upsEff: number;
  rechargeW: number;
  otherRunningW: number;
  upsGenFactor?: number | undefined;
  espAvgLoadFrac?: number | undefined;
  altitudeM: number;
  ambientC: number;
  altDeratePer500M?: number | undefined;
  tempDeratePer5C?: number | undefined;
}

interface GeneratorSide {
  deratedW: number;
  upsEff: number;
  rechargeW: number;
  otherRunningW: number;
}

function generatorSide(input: GeneratorLimitInput): GeneratorSide {
  const ratingW = positive('ratingW', input.ratingW);
  const upsEff = fraction('upsEff', input.upsEff);
  const rechargeW = nonNegative('rechargeW', input.rechargeW);
  const otherRunningW = nonNegative('otherRunningW', input.otherRunningW);
  const { siteDerateFrac } = siteDerating(input.altitudeM, input.ambientC, input.altDeratePer500M, input.tempDeratePer5C);
  return { deratedW: ratingW * siteDerateFrac, upsEff, rechargeW, otherRunningW };
}

/** Solves genSizingW ≤ rating × siteDerateFrac for itW (peak: ÷ peakFactor). */
export function generatorSizingMaxItW(input: GeneratorLimitInput & { peakFactor: number }): CalcResult<number> {
  return guard(() => {
    const g = generatorSide(input);
    const factor = between('upsGenFactor', input.upsGenFactor ?? GENERATOR_DEFAULTS.upsGenFactor, 1, 3);
    const peakFactor = between('peakFactor', input.peakFactor, 1, 2);
    return atLeastZero(((g.deratedW - g.otherRunningW) / factor - g.rechargeW) * g.upsEff) / peakFactor;
  });
}

/** Solves genAvgW ≤ espAvgLoadFrac × derated rating for itW (average load: no peakFactor). */
export function generatorAverageMaxItW(input: GeneratorLimitInput): CalcResult<number> {
  return guard(() => {
    const g = generatorSide(input);
    const esp = fraction('espAvgLoadFrac', input.espAvgLoadFrac ?? GENERATOR_DEFAULTS.espAvgLoadFrac);
    return atLeastZero((esp * g.deratedW - g.otherRunningW - g.rechargeW) * g.upsEff);
  });
}

export interface FuelLimitInput extends GeneratorLimitInput {
  curve?: FuelCurvePoint[] | undefined;
  usableL: number;
  requiredAutonomyH: number;
}

export interface FuelLimit {
  maxLPerH: number;
  /** Load fraction that burns maxLPerH, capped at 1 (beyond full load the fuel does not bind). */
  loadFrac: number;
  maxGenAvgW: number;
  maxItW: number;
  estimated: boolean;
}

/** Fuel curve inverted at usableL / requiredAutonomyH → max genAvgW → §4.2 solved for itW. */
export function fuelMaxItW(input: FuelLimitInput): CalcResult<FuelLimit> {
  return guard(() => {
    const g = generatorSide(input);
    const usableL = positive('usableL', input.usableL);
    const autonomyH = positive('requiredAutonomyH', input.requiredAutonomyH);
    if (input.curve) checkFuelCurve(input.curve);
    const maxLPerH = usableL / autonomyH;
    const rawFrac = input.curve ? curveLoadFrac(input.curve, maxLPerH) : fallbackLoadW(input.ratingW, maxLPerH) / input.ratingW;
    const loadFrac = Math.min(1, atLeastZero(rawFrac));
    const maxGenAvgW = loadFrac * input.ratingW;
    return {
      maxLPerH,
      loadFrac,
      maxGenAvgW,
      maxItW: atLeastZero((maxGenAvgW - g.otherRunningW - g.rechargeW) * g.upsEff),
      estimated: !input.curve,
    };
  });
}

export interface CoolingLimitInput {
  capacityAfterWorstFailureW: number;
  upsRatingW: number;
  areaM2: number;
  maxPeople: number;
  peakFactor: number;
  /** The UPS's entered efficiency: its heat is itW × (1/upsEff − 1) [PSTK]; absent → WP-25's rule. */
  upsEff?: number | undefined;
}

/**
 * (capacity − fixed heat) / heat per IT watt / peakFactor, the WP-25 heat sources solved for the
 * IT load: fixed = 0.04 (UPS, rule only) + 0.01 (distribution) × upsRatingW + 21.53 × areaM2 +
 * 100 × people; per IT watt = 1 + UPS (0.05 by rule, or 1/upsEff − 1) + 0.02 distribution.
 */
export function coolingMaxItW(input: CoolingLimitInput): CalcResult<number> {
  return guard(() => {
    const cap = nonNegative('capacityAfterWorstFailureW', input.capacityAfterWorstFailureW);
    const ups = nonNegative('upsRatingW', input.upsRatingW);
    const area = nonNegative('areaM2', input.areaM2);
    const people = nonNegative('maxPeople', input.maxPeople);
    const peakFactor = between('peakFactor', input.peakFactor, 1, 2);
    const byRule = input.upsEff === undefined;
    const upsEff = byRule ? 1 : fraction('upsEff', input.upsEff!);
    const fixedW = ((byRule ? WP25.upsFixedFrac : 0) + WP25.distFixedFrac) * ups + WP25.lightWPerM2 * area + WP25.personW * people;
    const perItW = 1 + (byRule ? WP25.upsPropFrac : 1 / upsEff - 1) + WP25.distPropFrac;
    return atLeastZero(cap - fixedW) / perItW / peakFactor;
  });
}

export interface BackupWindowLimitInput {
  job: 'full' | 'incremental' | 'differential';
  windowH: number;
  fixedOverheadH?: number | undefined;
  effBytesPerS: number;
  compressionRatio?: number | undefined;
  dedupRatio?: number | undefined;
  dailyChangeFrac: number;
  /** days since the previous backup (incremental) or since the full (differential) */
  days?: number | undefined;
}

/** (windowH − overhead) × 3600 × effBytesPerS × reduction / share of the data the job copies; null = never binds. */
export function backupWindowMaxDataBytes(input: BackupWindowLimitInput): CalcResult<number | null> {
  return guard(() => {
    const windowH = positive('windowH', input.windowH);
    const overheadH = nonNegative('fixedOverheadH', input.fixedOverheadH ?? 0);
    const rate = positive('effBytesPerS', input.effBytesPerS);
    const reduction = reductionRatio(input.compressionRatio, input.dedupRatio);
    const change = fractionOrZero('dailyChangeFrac', input.dailyChangeFrac);
    const days = input.job === 'full' ? 0 : nonNegative('days', input.days ?? 1);
    const share = input.job === 'full' ? 1 : input.job === 'incremental' ? change * days : Math.min(1, change * days);
    if (share === 0) return null;
    return (atLeastZero(windowH - overheadH) * 3600 * rate * reduction) / share;
  });
}

export interface RestoreLimitInput {
  rtoH: number;
  fixedRecoveryH?: number | undefined;
  restoreBytesPerS: number;
  incrementalsInChain: number;
  dailyChangeFrac: number;
}

/** (rtoH − fixedRecoveryH) × 3600 × restoreBytesPerS / (1 + incrementalsInChain × dailyChangeFrac). */
export function restoreMaxDataBytes(input: RestoreLimitInput): CalcResult<number> {
  return guard(() => {
    const rtoH = positive('rtoH', input.rtoH);
    const fixedH = nonNegative('fixedRecoveryH', input.fixedRecoveryH ?? 0);
    const rate = positive('restoreBytesPerS', input.restoreBytesPerS);
    const chain = integerAtLeast('incrementalsInChain', input.incrementalsInChain, 0);
    const change = fractionOrZero('dailyChangeFrac', input.dailyChangeFrac);
    return (atLeastZero(rtoH - fixedH) * 3600 * rate) / (1 + chain * change);
  });
}

export interface StorageLimitInput {
  capacityBytes: number;
  compressionRatio?: number | undefined;
  dedupRatio?: number | undefined;
  backupCopies: number;
  fullsRetained: number;
  incrementalsRetained: number;
  dailyChangeFrac: number;
}

/** capacityBytes × reduction / backupCopies / (fullsRetained + incrementalsRetained × dailyChangeFrac). */
export function storageMaxDataBytes(input: StorageLimitInput): CalcResult<number> {
  return guard(() => {
    const capacity = positive('capacityBytes', input.capacityBytes);
    const reduction = reductionRatio(input.compressionRatio, input.dedupRatio);
    const copies = integerAtLeast('backupCopies', input.backupCopies, 1);
    const fulls = integerAtLeast('fullsRetained', input.fullsRetained, 1);
    const incs = integerAtLeast('incrementalsRetained', input.incrementalsRetained, 0);
    const change = fractionOrZero('dailyChangeFrac', input.dailyChangeFrac);
    return (capacity * reduction) / copies / (fulls + incs * change);
  });
}
