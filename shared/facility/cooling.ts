/**
 * Cooling and PUE (specs/facility.md §6): the WP-25 worksheet's five heat sources, BTU/h and
 * tons, N+1 units sized on sensible capacity, capacity after the worst unit fails, PUE.
 */
import { z } from 'zod';
import { fraction, guard, integerAtLeast, nonNegative, positive, refuse, type CalcResult, type Warnings } from './result';

/** [NIST811] */
export const BTU_PER_H_PER_W = 3.412142;
export const W_PER_TON = 3516.853;

/** WP-25 coefficients [WP25]. */
export const WP25 = {
  upsFixedFrac: 0.04,
  upsPropFrac: 0.05,
  distFixedFrac: 0.01,
  distPropFrac: 0.02,
  lightWPerM2: 21.53,
  personW: 100,
} as const;

export const coolingInputSchema = z.object({
  itLoadW: z.number().describe('IT load, W (all of it becomes heat)'),
  upsRatingW: z.number().describe('rated W of the UPS system'),
  areaM2: z.number().describe('floor area, m²'),
  maxPeople: z.number().describe('most people in the room at once'),
  unitTotalW: z.number().describe('total capacity of one cooling unit, W'),
  shr: z.number().describe('sensible heat ratio of the unit, (0, 1]'),
  spareUnits: z.number().describe('spare units beyond N (N+1 → 1), integer ≥ 0'),
  upsEff: z.number().optional().describe('known UPS efficiency: UPS heat = itLoadW × (1/upsEff − 1)'),
});
export type CoolingInput = z.infer<typeof coolingInputSchema>;

export interface HeatSources {
  itHeatW: number;
  upsHeatW: number;
  distHeatW: number;
  lightHeatW: number;
  peopleHeatW: number;
  heatW: number;
}

export interface CoolingOutput extends HeatSources {
  heatBtuPerH: number;
  heatTons: number;
  unitSensibleW: number;
  nUnits: number;
  installed: number;
  capacityAfterWorstFailureW: number;
  /** heatW over the capacity left after the worst unit fails; null when nothing is left. */
  loadFracAfterWorstFailure: number | null;
}

export function wattsToBtuPerH(w: number): number {
  return w * BTU_PER_H_PER_W;
}
export function wattsToTons(w: number): number {
  return w / W_PER_TON;
}

/** The five WP-25 heat sources; upsEff replaces the UPS rule of thumb when known [PSTK]. */
export function heatSources(input: Pick<CoolingInput, 'itLoadW' | 'upsRatingW' | 'areaM2' | 'maxPeople' | 'upsEff'>): HeatSources {
  const it = input.itLoadW;
  const upsHeatW = input.upsEff === undefined ? WP25.upsFixedFrac * input.upsRatingW + WP25.upsPropFrac * it : it * (1 / input.upsEff - 1);
  const distHeatW = WP25.distFixedFrac * input.upsRatingW + WP25.distPropFrac * it;
  const lightHeatW = WP25.lightWPerM2 * input.areaM2;
  const peopleHeatW = WP25.personW * input.maxPeople;
  return { itHeatW: it, upsHeatW, distHeatW, lightHeatW, peopleHeatW, heatW: it + upsHeatW + distHeatW + lightHeatW + peopleHeatW };
}

export function computeCooling(input: CoolingInput): CalcResult<CoolingOutput> {
  return guard((warnings: Warnings) => {
    const itLoadW = nonNegative('itLoadW', input.itLoadW);
    const upsRatingW = nonNegative('upsRatingW', input.upsRatingW);
    nonNegative('areaM2', input.areaM2);
    nonNegative('maxPeople', input.maxPeople);
    const unitTotalW = positive('unitTotalW', input.unitTotalW);
    const shr = fraction('shr', input.shr);
    const spareUnits = integerAtLeast('spareUnits', input.spareUnits, 0);
    if (input.upsEff !== undefined) fraction('upsEff', input.upsEff);
    if (itLoadW > upsRatingW) warnings.push(`itLoadW ${itLoadW} W is above the UPS rating ${upsRatingW} W`);
    if (shr < 0.9) warnings.push(`shr ${shr} is below precision-cooling units (0.90–0.98): comfort units waste capacity on latent heat`);

    const sources = heatSources(input);
    const unitSensibleW = unitTotalW * shr;
    const nUnits = Math.ceil(sources.heatW / unitSensibleW);
    const installed = nUnits + spareUnits;
    const capacityAfterWorstFailureW = Math.max(0, installed - 1) * unitSensibleW;
    if (spareUnits === 0) warnings.push('no spare cooling unit: one failure leaves less than the heat load');
    return {
      ...sources,
      heatBtuPerH: wattsToBtuPerH(sources.heatW),
      heatTons: wattsToTons(sources.heatW),
      unitSensibleW,
      nUnits,
      installed,
      capacityAfterWorstFailureW,
      loadFracAfterWorstFailure: capacityAfterWorstFailureW > 0 ? sources.heatW / capacityAfterWorstFailureW : null,
    };
  });
}

export interface PueOutput {
  pue: number;
  dcie: number;
}

/** PUE = facility / IT (energy over 12 months preferred) [TGG49]; < 1 refused. */
export function computePue(input: { facilityW: number; itW: number }): CalcResult<PueOutput> {
  return guard(() => {
    const facilityW = positive('facilityW', input.facilityW);
    const itW = positive('itW', input.itW);
    const pue = facilityW / itW;
    if (pue < 1) refuse('facilityW', `facility power below IT power (PUE ${pue.toFixed(3)} < 1)`);
    return { pue, dcie: 1 / pue };
  });
}

/** Facility power estimated from IT power and a PUE (≥ 1). */
export function facilityWFromPue(input: { itW: number; pue: number }): CalcResult<number> {
  return guard(() => {
    const itW = nonNegative('itW', input.itW);
    const pue = positive('pue', input.pue);
    if (pue < 1) refuse('pue', `facility power below IT power (PUE ${pue} < 1)`);
    return itW * pue;
  });
}
