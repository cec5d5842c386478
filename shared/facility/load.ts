/**
 * Load inventory (specs/facility.md §1): from a list of equipment to the design IT load,
 * its VA and the feeder currents. Measured power always wins over nameplate [WP3].
 */
import { fieldWords } from '../errors';
import { z } from 'zod';
import { between, fraction, guard, integerAtLeast, nonNegative, positive, type CalcResult } from './result';

/** Spec §1 defaults. */
export const LOAD_DEFAULTS = {
  nameplateToActualFrac: 0.67,
  peakFactor: 1.05,
  simultaneityFrac: 1.0,
  growthMarginFrac: 0.25,
} as const;

export const SQRT3 = Math.sqrt(3);

export const PHASES = ['L1', 'L2', 'L3'] as const;
export type Phase = (typeof PHASES)[number];

export const loadItemSchema = z.object({
  qty: z.number().describe('count of identical items, integer ≥ 0'),
  nameplateW: z.number().describe('nameplate power of one item, W, > 0'),
  measuredW: z.number().optional().describe('measured power of one item, W, ≥ 0; wins over nameplate'),
  name: z.string().optional(),
  phase: z.enum(PHASES).optional().describe('single-phase item on this leg; items without a phase are spread evenly over L1–L3'),
});

export const loadInputSchema = z.object({
  items: z.array(loadItemSchema),
  loadPf: z.number().describe('power factor of the IT load, (0, 1]'),
  nameplateToActualFrac: z.number().optional().meta({ default: LOAD_DEFAULTS.nameplateToActualFrac }),
  peakFactor: z.number().optional().meta({ default: LOAD_DEFAULTS.peakFactor }),
  simultaneityFrac: z.number().optional().meta({ default: LOAD_DEFAULTS.simultaneityFrac }),
  growthMarginFrac: z.number().optional().meta({ default: LOAD_DEFAULTS.growthMarginFrac }),
  lineVoltageV: z.number().optional().describe('line-to-line voltage for current3phA, V'),
  phaseVoltageV: z.number().optional().describe('line-to-neutral voltage for current1phA, V'),
});

export type LoadItem = z.infer<typeof loadItemSchema>;
export type LoadInput = z.infer<typeof loadInputSchema>;

export interface LoadOutput {
  connectedItW: number;
  peakItW: number;
  coincidentItW: number;
  designItW: number;
  designVA: number;
  /** null when no lineVoltageV was given. */
  current3phA: number | null;
  /** The whole design load on one phase; null when no phaseVoltageV was given. */
  current1phA: number | null;
  /** Design W per leg, when any item names a phase (unphased items spread evenly). */
  phaseDesignW: Record<Phase, number> | null;
  /** current1phA of each leg on its own load; null without a phase split or phaseVoltageV. */
  phaseCurrentA: Record<Phase, number> | null;
  /** The largest leg current: a balanced total can hide one overloaded leg. */
  maxPhaseCurrentA: number | null;
}

/** Estimated draw of one line of the inventory (W): qty × (measured ?? nameplate × frac). */
export function itemW(item: Pick<LoadItem, 'qty' | 'nameplateW' | 'measuredW'>, nameplateToActualFrac: number): number {
  return item.qty * (item.measuredW ?? item.nameplateW * nameplateToActualFrac);
}

/** 3-phase line current (A) of a load given in W at line-to-line voltage and power factor. */
export function current3phA(loadW: number, lineVoltageV: number, loadPf: number): number {
  return loadW / (SQRT3 * lineVoltageV * loadPf);
}

/** Single-phase current (A) of a load given in W at phase voltage and power factor. */
export function current1phA(loadW: number, phaseVoltageV: number, loadPf: number): number {
  return loadW / (phaseVoltageV * loadPf);
}

export function computeLoad(input: LoadInput): CalcResult<LoadOutput> {
  return guard((warnings) => {
    const frac = fraction('nameplateToActualFrac', input.nameplateToActualFrac ?? LOAD_DEFAULTS.nameplateToActualFrac);
    const peakFactor = between('peakFactor', input.peakFactor ?? LOAD_DEFAULTS.peakFactor, 1, 2);
    const ks = fraction('simultaneityFrac', input.simultaneityFrac ?? LOAD_DEFAULTS.simultaneityFrac);
    const growth = between('growthMarginFrac', input.growthMarginFrac ?? LOAD_DEFAULTS.growthMarginFrac, 0, 2);
    const loadPf = fraction('loadPf', input.loadPf);
    if (input.lineVoltageV !== undefined) positive('lineVoltageV', input.lineVoltageV);
    if (input.phaseVoltageV !== undefined) positive('phaseVoltageV', input.phaseVoltageV);

    let connectedItW = 0;
    const phaseW: Record<Phase, number> = { L1: 0, L2: 0, L3: 0 };
    let phased = false;
    input.items.forEach((item, i) => {
      integerAtLeast(`items.${i}.qty`, item.qty, 0);
      positive(`items.${i}.nameplateW`, item.nameplateW);
      if (item.measuredW !== undefined) {
        nonNegative(`items.${i}.measuredW`, item.measuredW);
        if (item.measuredW > item.nameplateW) {
          warnings.push(
            `${fieldWords(`items.${i}.measuredW`)}: the measured ${item.measuredW} W is above its nameplate (${item.nameplateW} W): check the reading`,
          );
        }
      }
      const w = itemW(item, frac);
      connectedItW += w;
      if (item.phase) {
        phased = true;
        phaseW[item.phase] += w;
      } else {
        for (const p of PHASES) phaseW[p] += w / 3;
      }
    });

    const chain = peakFactor * ks * (1 + growth);
    const peakItW = connectedItW * peakFactor;
    const coincidentItW = peakItW * ks;
    const designItW = coincidentItW * (1 + growth);
    const phaseDesignW = phased ? { L1: phaseW.L1 * chain, L2: phaseW.L2 * chain, L3: phaseW.L3 * chain } : null;
    const phaseCurrentA =
      phaseDesignW && input.phaseVoltageV !== undefined
        ? {
            L1: current1phA(phaseDesignW.L1, input.phaseVoltageV, loadPf),
            L2: current1phA(phaseDesignW.L2, input.phaseVoltageV, loadPf),
            L3: current1phA(phaseDesignW.L3, input.phaseVoltageV, loadPf),
          }
        : null;
    return {
      connectedItW,
      peakItW,
      coincidentItW,
      designItW,
      designVA: designItW / loadPf,
      current3phA: input.lineVoltageV === undefined ? null : current3phA(designItW, input.lineVoltageV, loadPf),
      current1phA: input.phaseVoltageV === undefined ? null : current1phA(designItW, input.phaseVoltageV, loadPf),
      phaseDesignW,
      phaseCurrentA,
      maxPhaseCurrentA: phaseCurrentA ? Math.max(phaseCurrentA.L1, phaseCurrentA.L2, phaseCurrentA.L3) : null,
    };
  });
}
