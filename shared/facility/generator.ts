/**
 * Generator sizing (specs/facility.md §4): UPS input plus battery recharge, the rectifier
 * factor, the ESP 70 % average-load rule, altitude and temperature derating, a deterministic
 * catalog pick, and the motor-starting step check.
 */
import { z } from 'zod';
import { between, finite, fraction, guard, nonNegative, positive, refuse, type CalcResult, type Warnings } from './result';

export const GENERATOR_DEFAULTS = {
  /** IGBT/PFC or filtered 6-pulse rectifier; 2.0 for 6-pulse without filter [APCFAQ][PCUK]. */
  upsGenFactor: 1.5,
  /** ISO 8528-1: 24 h average ≤ 70 % of the ESP rating [ISO8528]. */
  espAvgLoadFrac: 0.7,
  /** Stamford/Wacker: 3 % per 500 m above 1000 m, 3 % per 5 °C above 40 °C [STAMFORD][WACKER]. */
  altDeratePer500M: 0.03,
  tempDeratePer5C: 0.03,
} as const;

/** Do not run a set below 30 % of its rating for long [C7007]. */
export const MIN_RUNNING_LOAD_FRAC = 0.3;
/** Gensets are rated at 0.8 PF [APCFAQ]. */
export const GENSET_PF = 0.8;

export const deratingRuleSchema = z.object({
  altAboveM: z.number(),
  altStepM: z.number(),
  altFracPerStep: z.number(),
  tempAboveC: z.number(),
  tempStepC: z.number(),
  tempFracPerStep: z.number(),
});

export const generatorModelSchema = z.object({ name: z.string(), ratingW: z.number().describe('rating, W') });

export const generatorInputSchema = z.object({
  itLoadW: z.number().describe('IT load on the UPS, W'),
  upsEff: z.number().describe('UPS efficiency, (0, 1]'),
  chargeCurrentA: z.number().describe('battery charge current, A (≤ the datasheet maximum)'),
  floatVoltsPerCell: z.number().describe('charger float voltage per cell, V (VRLA 2.27–2.30)'),
  cells: z.number().describe('cells in the battery string'),
  chargerEff: z.number().describe('charger efficiency, (0, 1]'),
  upsGenFactor: z.number().optional().meta({ default: GENERATOR_DEFAULTS.upsGenFactor }),
  otherRunningW: z.number().describe('Σ other running load: mechanical, lighting, pumps, W'),
  altitudeM: z.number().describe('site altitude, m [−500, 5000]'),
  ambientC: z.number().describe('ambient temperature, °C [−40, 60]'),
  catalog: z.array(generatorModelSchema),
  espAvgLoadFrac: z.number().optional().meta({ default: GENERATOR_DEFAULTS.espAvgLoadFrac }),
  altDeratePer500M: z.number().optional().meta({ default: GENERATOR_DEFAULTS.altDeratePer500M }),
  tempDeratePer5C: z.number().optional().meta({ default: GENERATOR_DEFAULTS.tempDeratePer5C }),
  maxChargeCurrentA: z.number().optional().describe('datasheet maximum charge current, A'),
  derating: deratingRuleSchema.optional().describe('maker derating rule; replaces altDeratePer500M/tempDeratePer5C'),
});

export type GeneratorModel = z.infer<typeof generatorModelSchema>;
export type GeneratorInput = z.infer<typeof generatorInputSchema>;

export interface GeneratorOutput {
  rechargeW: number;
  upsInputW: number;
  genSizingW: number;
  genAvgW: number;
  altFrac: number;
  tempFrac: number;
  siteDerateFrac: number;
  requiredRatingW: number;
  pick: GeneratorModel;
  /** Derated capacity of the pick, W. */
  deratedRatingW: number;
  genLoadFrac: number;
  /** genKVA = genKW / 0.8 */
  pickKVA: number;
}

export interface SiteDerating {
  altFrac: number;
  tempFrac: number;
  siteDerateFrac: number;
}

/** An alternator/engine derating rule: a fraction lost per step above a threshold. */
export interface DeratingRule {
  altAboveM: number;
  altStepM: number;
  altFracPerStep: number;
  tempAboveC: number;
  tempStepC: number;
  tempFracPerStep: number;
}

/** The default: 3 % per 500 m above 1000 m, 3 % per 5 °C above 40 °C [STAMFORD][WACKER]. */
export const STAMFORD_DERATING: DeratingRule = {
  altAboveM: 1000,
  altStepM: 500,
  altFracPerStep: GENERATOR_DEFAULTS.altDeratePer500M,
  tempAboveC: 40,
  tempStepC: 5,
  tempFracPerStep: GENERATOR_DEFAULTS.tempDeratePer5C,
};

/** Cummins engine data as quoted by a packager: 4 % per 300 m above 1525 m, 2 % per 11 °C above 40 °C [CUMALT]. */
export const CUMMINS_ENGINE_DERATING: DeratingRule = {
  altAboveM: 1525,
  altStepM: 300,
  altFracPerStep: 0.04,
  tempAboveC: 40,
  tempStepC: 11,
  tempFracPerStep: 0.02,
};

/** altFrac × tempFrac under a rule (maker data overrides the default); refused when not > 0. */
export function siteDeratingByRule(altitudeM: number, ambientC: number, rule: DeratingRule): SiteDerating {
  between('altitudeM', altitudeM, -500, 5000);
  between('ambientC', ambientC, -40, 60);
  finite('derating.altAboveM', rule.altAboveM);
  positive('derating.altStepM', rule.altStepM);
  between('derating.altFracPerStep', rule.altFracPerStep, 0, 1);
  finite('derating.tempAboveC', rule.tempAboveC);
  positive('derating.tempStepC', rule.tempStepC);
  between('derating.tempFracPerStep', rule.tempFracPerStep, 0, 1);
  const altFrac = 1 - rule.altFracPerStep * Math.max(0, (altitudeM - rule.altAboveM) / rule.altStepM);
  const tempFrac = 1 - rule.tempFracPerStep * Math.max(0, (ambientC - rule.tempAboveC) / rule.tempStepC);
  const siteDerateFrac = altFrac * tempFrac;
  if (!(altFrac > 0) || !(tempFrac > 0)) refuse('siteDerateFrac', `site beyond derating range (${siteDerateFrac})`);
  return { altFrac, tempFrac, siteDerateFrac };
}

/** Spec §4.2 with its named defaults: altDeratePer500M above 1000 m, tempDeratePer5C above 40 °C. */
export function siteDerating(
  altitudeM: number,
  ambientC: number,
  altDeratePer500M: number = GENERATOR_DEFAULTS.altDeratePer500M,
  tempDeratePer5C: number = GENERATOR_DEFAULTS.tempDeratePer5C,
): SiteDerating {
  between('altDeratePer500M', altDeratePer500M, 0, 1);
  between('tempDeratePer5C', tempDeratePer5C, 0, 1);
  return siteDeratingByRule(altitudeM, ambientC, {
    ...STAMFORD_DERATING,
    altFracPerStep: altDeratePer500M,
    tempFracPerStep: tempDeratePer5C,
  });
}

/** Catalog order: ascending rating, then name (never input order). */
export function sortGeneratorCatalog(catalog: readonly GeneratorModel[]): GeneratorModel[] {
  return [...catalog].sort((a, b) => a.ratingW - b.ratingW || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function sizeGenerator(input: GeneratorInput): CalcResult<GeneratorOutput> {
  return guard((warnings: Warnings) => {
    const itLoadW = nonNegative('itLoadW', input.itLoadW);
    const upsEff = fraction('upsEff', input.upsEff);
    const chargeCurrentA = nonNegative('chargeCurrentA', input.chargeCurrentA);
    const floatVoltsPerCell = positive('floatVoltsPerCell', input.floatVoltsPerCell);
    const cells = positive('cells', input.cells);
    const chargerEff = fraction('chargerEff', input.chargerEff);
    const upsGenFactor = between('upsGenFactor', input.upsGenFactor ?? GENERATOR_DEFAULTS.upsGenFactor, 1, 3);
    const otherRunningW = nonNegative('otherRunningW', input.otherRunningW);
    const derate = input.derating
      ? siteDeratingByRule(input.altitudeM, input.ambientC, input.derating)
      : siteDerating(input.altitudeM, input.ambientC, input.altDeratePer500M, input.tempDeratePer5C);
    const espAvgLoadFrac = fraction('espAvgLoadFrac', input.espAvgLoadFrac ?? GENERATOR_DEFAULTS.espAvgLoadFrac);
    if (input.maxChargeCurrentA !== undefined && chargeCurrentA > positive('maxChargeCurrentA', input.maxChargeCurrentA)) {
      refuse('chargeCurrentA', `exceeds the battery's maximum charge current (${chargeCurrentA} A > ${input.maxChargeCurrentA} A)`);
    }
    if (input.catalog.length === 0) refuse('catalog', 'must list at least one generator');
    input.catalog.forEach((m, i) => positive(`catalog.${i}.ratingW`, m.ratingW));

    const rechargeW = (chargeCurrentA * floatVoltsPerCell * cells) / chargerEff;
    const upsInputW = itLoadW / upsEff + rechargeW;
    const genSizingW = upsInputW * upsGenFactor + otherRunningW;
    const genAvgW = upsInputW + otherRunningW;
    const requiredRatingW = Math.max(genSizingW, genAvgW / espAvgLoadFrac) / derate.siteDerateFrac;
    const pick = sortGeneratorCatalog(input.catalog).find((m) => m.ratingW >= requiredRatingW);
    if (!pick) refuse('catalog', `no model large enough (needs ${requiredRatingW.toFixed(0)} W)`);
    const deratedRatingW = pick.ratingW * derate.siteDerateFrac;
    const genLoadFrac = genAvgW / deratedRatingW;
    if (genLoadFrac < MIN_RUNNING_LOAD_FRAC) {
      warnings.push(`generator load ${(genLoadFrac * 100).toFixed(0)} % is below 30 % of its rating (light-load damage)`);
    }
    return {
      rechargeW,
      upsInputW,
      genSizingW,
      genAvgW,
      ...derate,
      requiredRatingW,
      pick: { name: pick.name, ratingW: pick.ratingW },
      deratedRatingW,
      genLoadFrac,
      pickKVA: pick.ratingW / GENSET_PF,
    };
  });
}

/** NEC Table 430.7(B) locked-rotor kVA per hp, [low, high) of each code band [NEC430]. */
export const LOCKED_ROTOR_KVA_PER_HP = {
  F: [5.0, 5.59],
  G: [5.6, 6.29],
  H: [6.3, 7.09],
  J: [7.1, 7.99],
  K: [8.0, 8.99],
  L: [9.0, 9.99],
} as const;
export type MotorCode = keyof typeof LOCKED_ROTOR_KVA_PER_HP;

export interface MotorStartInput {
  /** The largest motor, started last. */
  motorHp: number;
  codeLetter: MotorCode;
  /** Σ running kVA of the loads already on when it starts. */
  runningKVA: number;
  /** The genset's step capability at the allowed voltage dip (datasheet). */
  genMaxStepKVA: number;
}

export interface MotorStartOutput {
  startKVA: number;
  stepKVA: number;
  withinStepCapability: true;
}

/** Motor starting step (band upper bound); refused when it exceeds the genset's step. */
export function checkMotorStart(input: MotorStartInput): CalcResult<MotorStartOutput> {
  return guard(() => {
    const hp = positive('motorHp', input.motorHp);
    const band = LOCKED_ROTOR_KVA_PER_HP[input.codeLetter];
    if (!band) refuse('codeLetter', `must be one of ${Object.keys(LOCKED_ROTOR_KVA_PER_HP).join(', ')}`);
    const runningKVA = nonNegative('runningKVA', input.runningKVA);
    const genMaxStepKVA = positive('genMaxStepKVA', input.genMaxStepKVA);
    const startKVA = hp * band[1];
    const stepKVA = startKVA + runningKVA;
    if (stepKVA > genMaxStepKVA) {
      refuse('genMaxStepKVA', `motor start exceeds generator step capability (${stepKVA.toFixed(1)} kVA > ${genMaxStepKVA} kVA)`);
    }
    return { startKVA, stepKVA, withinStepCapability: true as const };
  });
}

export interface Wp3WorksheetInput {
  /** #1–3: actual IT load today, W */
  actualItW: number;
  /** future IT load to add, W */
  futureItW: number;
  areaM2: number;
  /** DX cooling (× 1.0 of the electrical total) or chilled water (× 0.7) */
  cooling: 'dx' | 'chilled-water';
  lineVoltageV?: number;
}

export interface Wp3WorksheetOutput {
  peakW: number;
  upsLossAndChargingW: number;
  lightingW: number;
  electricalW: number;
  coolingW: number;
  totalW: number;
  utilityW: number;
  /** null without lineVoltageV; uses WP-3's 1.73 for √3 */
  utilityCurrentA: number | null;
  generatorW: number;
}

/** WP-3's own rounding of √3 (so the worksheet's 84.58 A is reproduced). */
export const WP3_SQRT3 = 1.73;

/**
 * The WP-3 worksheet shortcut (spec Example 4B) [WP3]: a quick cross-check of §4.2, with
 * its own coefficients (0.32 of the IT load for UPS losses and charging, 21.5 W/m² lighting,
 * 1.25 utility margin, generator = 1.3 × electrical + 1.5 × cooling).
 */
export function wp3Worksheet(input: Wp3WorksheetInput): CalcResult<Wp3WorksheetOutput> {
  return guard(() => {
    const actual = nonNegative('actualItW', input.actualItW);
    const future = nonNegative('futureItW', input.futureItW);
    const area = nonNegative('areaM2', input.areaM2);
    if (input.cooling !== 'dx' && input.cooling !== 'chilled-water') refuse('cooling', 'must be dx or chilled-water');
    if (input.lineVoltageV !== undefined) positive('lineVoltageV', input.lineVoltageV);
    const itW = actual + future;
    const peakW = itW * 1.05;
    const upsLossAndChargingW = itW * 0.32;
    const lightingW = 21.5 * area;
    const electricalW = peakW + upsLossAndChargingW + lightingW;
    const coolingW = electricalW * (input.cooling === 'dx' ? 1.0 : 0.7);
    const totalW = electricalW + coolingW;
    const utilityW = totalW * 1.25;
    return {
      peakW,
      upsLossAndChargingW,
      lightingW,
      electricalW,
      coolingW,
      totalW,
      utilityW,
      utilityCurrentA: input.lineVoltageV === undefined ? null : utilityW / (WP3_SQRT3 * input.lineVoltageV),
      generatorW: electricalW * 1.3 + coolingW * 1.5,
    };
  });
}
