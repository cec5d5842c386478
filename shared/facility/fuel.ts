/**
 * Fuel (specs/facility.md §5): consumption from the genset's datasheet curve (or a fitted
 * fallback, marked "estimated"), tank autonomy, day-tank cycle, refuelling interval and the
 * NFPA 110 class storage.
 */
import { z } from 'zod';
import { fraction, guard, nonNegative, positive, refuse, required, type CalcResult, type Warnings } from './result';

/** Fallback fit of our own to [CHART], in the affine form of [HOMER]; valid for 100–2250 kW sets. */
export const FUEL_FALLBACK = {
  f0LPerHPerRatedKW: 0.01555,
  f1LPerHPerOutputKW: 0.2487,
  minRatingKW: 100,
  maxRatingKW: 2250,
} as const;

/** NFPA 110 stores 133 % of the class need [NFPA110]. */
export const NFPA_STORAGE_FACTOR = 1.33;
/** 1 US gallon in litres [NIST811]. */
export const LITRES_PER_US_GAL = 3.785411784;

export const fuelCurvePointSchema = z.object({
  loadFrac: z.number().describe('load as a fraction of rating, (0, 1]'),
  lPerH: z.number().describe('consumption at that load, L/h'),
});
export type FuelCurvePoint = z.infer<typeof fuelCurvePointSchema>;

export const fuelInputSchema = z.object({
  ratingW: z.number().describe('generator rating, W'),
  genAvgW: z.number().describe('average generator load, W'),
  curve: z.array(fuelCurvePointSchema).optional().describe('datasheet curve; absent → fallback fit (estimated)'),
  tankL: z.number().describe('bulk tank, L'),
  usableFrac: z.number().describe('usable part of the tank, (0, 1]'),
  reserveL: z.number().optional().meta({ default: 0 }),
  classH: z.number().optional().describe('NFPA 110 class, h at full rated output; adds nfpaStoredL'),
  dayTankL: z.number().optional(),
  dayTankHighFrac: z.number().optional().describe('day-tank pump stops at this fill, (0, 1]'),
  dayTankLowFrac: z.number().optional().describe('day-tank pump starts at this fill, [0, high)'),
  reorderL: z.number().optional().describe('bulk reorder level, L; adds refuelIntervalH'),
});
export type FuelInput = z.infer<typeof fuelInputSchema>;

export interface FuelOutput {
  loadFrac: number;
  fuelLPerH: number;
  /** true when the fallback fit was used (no datasheet curve). */
  estimated: boolean;
  /** null at zero load. */
  litresPerKWh: number | null;
  usableL: number;
  autonomyH: number;
  /** classH × fuelLPerH(1.0) × 1.33; null without classH. */
  nfpaStoredL: number | null;
  /** usableL ≥ nfpaStoredL; null without classH. */
  meetsNfpaClass: boolean | null;
  dayTankCycleH: number | null;
  refuelIntervalH: number | null;
}

/** Refuses a curve unless loadFrac in (0, 1] and both columns strictly increase (≥ 2 points). */
export function checkFuelCurve(curve: readonly FuelCurvePoint[], field = 'curve'): void {
  if (curve.length < 2) refuse(field, 'needs at least two points (loadFrac, lPerH)');
  curve.forEach((p, i) => {
    fraction(`${field}.${i}.loadFrac`, p.loadFrac);
    positive(`${field}.${i}.lPerH`, p.lPerH);
    if (i > 0) {
      const prev = curve[i - 1]!;
      if (p.loadFrac <= prev.loadFrac) refuse(`${field}.${i}.loadFrac`, 'must increase strictly');
      if (p.lPerH <= prev.lPerH) refuse(`${field}.${i}.lPerH`, 'must increase strictly');
    }
  });
}

/**
 * Consumption at loadFrac on a (checked) curve: linear between points, the first segment
 * extended below the first point (affine curve [HOMER]); above the last point refused.
 */
export function curveLPerH(curve: readonly FuelCurvePoint[], loadFrac: number): number {
  const last = curve[curve.length - 1]!;
  if (loadFrac > 1) refuse('genAvgW', `generator overloaded (load ${loadFrac.toFixed(3)} of rating)`);
  if (loadFrac > last.loadFrac + 1e-12) {
    const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
    refuse('curve', `the fuel curve ends at ${pct(last.loadFrac)} load and does not reach ${pct(loadFrac)}: add the datasheet's points up to full load`);
  }
  let i = 1;
  while (i < curve.length - 1 && loadFrac > curve[i]!.loadFrac) i++;
  const a = curve[i - 1]!;
  const b = curve[i]!;
  return a.lPerH + ((loadFrac - a.loadFrac) / (b.loadFrac - a.loadFrac)) * (b.lPerH - a.lPerH);
}

/** Inverse of curveLPerH: the load fraction that burns lPerH (may exceed the curve → > 1). */
export function curveLoadFrac(curve: readonly FuelCurvePoint[], lPerH: number): number {
  let i = 1;
  while (i < curve.length - 1 && lPerH > curve[i]!.lPerH) i++;
  const a = curve[i - 1]!;
  const b = curve[i]!;
  return a.loadFrac + ((lPerH - a.lPerH) / (b.lPerH - a.lPerH)) * (b.loadFrac - a.loadFrac);
}

/** Fallback fit: F0 × ratingKW + F1 × loadKW (estimated). */
export function fallbackLPerH(ratingW: number, loadW: number): number {
  return FUEL_FALLBACK.f0LPerHPerRatedKW * (ratingW / 1000) + FUEL_FALLBACK.f1LPerHPerOutputKW * (loadW / 1000);
}

/** Inverse of fallbackLPerH: the load (W) that burns lPerH. */
export function fallbackLoadW(ratingW: number, lPerH: number): number {
  return ((lPerH - FUEL_FALLBACK.f0LPerHPerRatedKW * (ratingW / 1000)) / FUEL_FALLBACK.f1LPerHPerOutputKW) * 1000;
}

export function computeFuel(input: FuelInput): CalcResult<FuelOutput> {
  return guard((warnings: Warnings) => {
    const ratingW = positive('ratingW', input.ratingW);
    const genAvgW = nonNegative('genAvgW', input.genAvgW);
    if (input.curve) checkFuelCurve(input.curve);
    const tankL = positive('tankL', input.tankL);
    const usableFrac = fraction('usableFrac', input.usableFrac);
    const volumeL = tankL * usableFrac;
    const reserveL = nonNegative('reserveL', input.reserveL ?? 0);
    if (reserveL >= volumeL) refuse('reserveL', `must be below the usable volume (${volumeL} L)`);
    if (input.classH !== undefined) positive('classH', input.classH);
    if (input.reorderL !== undefined) {
      nonNegative('reorderL', input.reorderL);
      if (input.reorderL >= volumeL) refuse('reorderL', `must be below the usable volume (${volumeL} L)`);
    }

    const loadFrac = genAvgW / ratingW;
    if (loadFrac > 1) refuse('genAvgW', `generator overloaded (load ${loadFrac.toFixed(3)} of rating)`);
    const estimated = !input.curve;
    const at = (frac: number) => (input.curve ? curveLPerH(input.curve, frac) : fallbackLPerH(ratingW, frac * ratingW));
    if (estimated) {
      const kW = ratingW / 1000;
      if (kW < FUEL_FALLBACK.minRatingKW || kW > FUEL_FALLBACK.maxRatingKW) {
        refuse(
          'curve',
          `needs the datasheet fuel curve: the fallback fit covers 100–2250 kW sets (this one ${kW} kW), and gives no autonomy figure outside them`,
        );
      }
      warnings.push('fuel estimated from a generic fit (mean error 4.5 %); use the datasheet curve');
    }
    const fuelLPerH = at(loadFrac);
    if (!(fuelLPerH > 0)) refuse('genAvgW', 'the fuel curve gives no consumption at this load');
    const usableL = volumeL - reserveL;
    const nfpaStoredL = input.classH === undefined ? null : input.classH * at(1) * NFPA_STORAGE_FACTOR;

    let dayTankCycleH: number | null = null;
    if (input.dayTankL !== undefined || input.dayTankHighFrac !== undefined || input.dayTankLowFrac !== undefined) {
      const dayTankL = positive('dayTankL', required('dayTankL', input.dayTankL));
      const high = fraction('dayTankHighFrac', required('dayTankHighFrac', input.dayTankHighFrac));
      const low = nonNegative('dayTankLowFrac', required('dayTankLowFrac', input.dayTankLowFrac));
      if (low >= high) refuse('dayTankLowFrac', 'must be below dayTankHighFrac');
      dayTankCycleH = (dayTankL * (high - low)) / fuelLPerH;
    }
    return {
      loadFrac,
      fuelLPerH,
      estimated,
      litresPerKWh: genAvgW > 0 ? fuelLPerH / (genAvgW / 1000) : null,
      usableL,
      autonomyH: usableL / fuelLPerH,
      nfpaStoredL,
      meetsNfpaClass: nfpaStoredL === null ? null : usableL >= nfpaStoredL,
      dayTankCycleH,
      refuelIntervalH: input.reorderL === undefined ? null : (usableL - input.reorderL) / fuelLPerH,
    };
  });
}
