/**
 * Battery runtime (specs/facility.md §3) by three methods, each with its inverse (the
 * largest AC load that still gets `requiredMin`):
 * - energy: quick, optimistic at high rates;
 * - Peukert: runtimeH = ratedHours × (ratedAh / (I × ratedHours))^k [FX];
 * - table: the vendor's constant-power table, log-log interpolated (preferred) [PSN][CSB115].
 */
import { z } from 'zod';
import { BATTERY_CHEMISTRIES, derating, type Derating } from './battery-derate';
import { checkTable, tablePointSchema, tableRuntimeMin, tableWattsAtMin } from './battery-table';
import { between, fraction, guard, integerAtLeast, nonNegative, positive, refuse, type CalcResult, type Warnings } from './result';

/** Nominal volts of one lead-acid cell [CSB115][EEP]. */
export const LEAD_ACID_CELL_V = 2.0;

const common = {
  acLoadW: z.number().describe('AC load on the UPS output, W'),
  inverterEff: z.number().describe('inverter efficiency, (0, 1]'),
  strings: z.number().describe('parallel strings, integer ≥ 1'),
  blocksPerString: z.number().describe('blocks in series per string, integer ≥ 1'),
  blockV: z.number().describe('nominal block voltage, V'),
  cellsPerBlock: z.number().describe('cells per block (12 V lead-acid = 6), integer ≥ 1'),
  chemistry: z.enum(BATTERY_CHEMISTRIES).optional().meta({ default: 'lead-acid' }),
  batteryTempC: z.number().optional().describe('battery temperature, °C; derates when given'),
  agingFactor: z.number().optional().describe('aging factor [1, 2]; derates when given (1.25 when only batteryTempC is)'),
  requiredMin: z.number().optional().describe('required runtime, min; adds maxAcLoadW'),
};
const rated = {
  ratedAh: z.number().describe('rated capacity, Ah, quoted with ratedHours'),
  ratedHours: z.number().describe('hours of the rating (C20 → 20)'),
};

export const batteryInputSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('energy'), ...common, ...rated, dodFrac: z.number().describe('usable depth of discharge, (0, 1]') }),
  z.object({ method: z.literal('peukert'), ...common, ...rated, k: z.number().describe('Peukert exponent [1.0, 1.6]') }),
  z.object({
    method: z.literal('table'),
    ...common,
    ratedAh: rated.ratedAh.optional(),
    ratedHours: rated.ratedHours.optional(),
    table: z.array(tablePointSchema).describe('constant-power row at the UPS end voltage, minutes ascending'),
  }),
]);

export type BatteryInput = z.infer<typeof batteryInputSchema>;
export type BatteryMethod = BatteryInput['method'];

export interface BatteryOutput extends Derating {
  method: BatteryMethod;
  dcW: number;
  effDcW: number;
  cells: number;
  stringNominalV: number;
  runtimeMin: number;
  /** Largest AC load (W) that still runs requiredMin, derated alike; null without requiredMin. */
  maxAcLoadW: number | null;
  /** energy method */
  nominalWh: number | null;
  /** Peukert method (current at nominal string voltage, per string) */
  currentA: number | null;
  /** table method */
  wPerBlock: number | null;
  wPerCell: number | null;
}

/** Peukert exponent from two datasheet points (t in h, I in A): k = ln(t2/t1) / ln(I1/I2). */
export function peukertExponent(p1: { hours: number; currentA: number }, p2: { hours: number; currentA: number }): number {
  return Math.log(p2.hours / p1.hours) / Math.log(p1.currentA / p2.currentA);
}

/** Peukert runtime in hours at currentA for a battery of ratedAh over ratedHours. */
export function peukertRuntimeH(ratedAh: number, ratedHours: number, k: number, currentA: number): number {
  return ratedHours * (ratedAh / (currentA * ratedHours)) ** k;
}

/** Inverse of peukertRuntimeH: the current that lasts runtimeH. */
export function peukertCurrentA(ratedAh: number, ratedHours: number, k: number, runtimeH: number): number {
  return (ratedAh / ratedHours) * (ratedHours / runtimeH) ** (1 / k);
}

export interface RequiredRuntimeInput {
  businessRideThroughMin: number;
  orderlyShutdownMin: number;
  safetyMarginMin: number;
}

/** Spec §3.5 [EATONRT]: ride-through + 2 × orderly shutdown (back-to-back outages) + margin. */
export function requiredRuntimeMin(input: RequiredRuntimeInput): CalcResult<number> {
  return guard(() => {
    const a = positive('businessRideThroughMin', input.businessRideThroughMin);
    const b = positive('orderlyShutdownMin', input.orderlyShutdownMin);
    const c = nonNegative('safetyMarginMin', input.safetyMarginMin);
    return a + 2 * b + c;
  });
}

/** Runtime of a battery string at an AC load, and the largest load for requiredMin. */
export function computeBatteryRuntime(input: BatteryInput): CalcResult<BatteryOutput> {
  return guard((warnings: Warnings) => {
    const acLoadW = positive('acLoadW', input.acLoadW);
    const inverterEff = fraction('inverterEff', input.inverterEff);
    const strings = integerAtLeast('strings', input.strings, 1);
    const blocksPerString = integerAtLeast('blocksPerString', input.blocksPerString, 1);
    const blockV = positive('blockV', input.blockV);
    const cellsPerBlock = integerAtLeast('cellsPerBlock', input.cellsPerBlock, 1);
    if (input.ratedAh !== undefined) positive('ratedAh', input.ratedAh);
    if (input.ratedHours !== undefined) positive('ratedHours', input.ratedHours);
    const lithium = input.chemistry === 'lithium';
    if (!lithium && Math.abs(blockV - cellsPerBlock * LEAD_ACID_CELL_V) > 1e-9) {
      warnings.push(`blockV ${blockV} V is not cellsPerBlock × 2 V (${cellsPerBlock * LEAD_ACID_CELL_V} V) for lead-acid`);
    }
    const derate = derating(input, warnings);
    const requiredMin = input.requiredMin === undefined ? null : positive('requiredMin', input.requiredMin);

    const dcW = acLoadW / inverterEff;
    const effDcW = dcW * derate.derateFactor;
    const cells = blocksPerString * cellsPerBlock;
    const stringNominalV = lithium ? blocksPerString * blockV : cells * LEAD_ACID_CELL_V;
    /** effective DC watts → AC watts, the inverse of the derated path */
    const toAcW = (maxEffDcW: number) => (maxEffDcW * inverterEff) / derate.derateFactor;

    const out: BatteryOutput = {
      method: input.method,
      ...derate,
      dcW,
      effDcW,
      cells,
      stringNominalV,
      runtimeMin: 0,
      maxAcLoadW: null,
      nominalWh: null,
      currentA: null,
      wPerBlock: null,
      wPerCell: null,
    };

    switch (input.method) {
      case 'energy': {
        const dodFrac = fraction('dodFrac', input.dodFrac);
        const nominalWh = strings * blocksPerString * blockV * input.ratedAh;
        out.nominalWh = nominalWh;
        out.runtimeMin = ((nominalWh * dodFrac) / effDcW) * 60;
        if (requiredMin !== null) out.maxAcLoadW = toAcW(((nominalWh * dodFrac) / requiredMin) * 60);
        break;
      }
      case 'peukert': {
        const k = between('k', input.k, 1, 1.6);
        const currentA = effDcW / (stringNominalV * strings);
        out.currentA = currentA;
        out.runtimeMin = peukertRuntimeH(input.ratedAh, input.ratedHours, k, currentA) * 60;
        if (requiredMin !== null) {
          const maxCurrentA = peukertCurrentA(input.ratedAh, input.ratedHours, k, requiredMin / 60);
          out.maxAcLoadW = toAcW(maxCurrentA * stringNominalV * strings);
        }
        break;
      }
      case 'table': {
        checkTable(input.table);
        const blocks = blocksPerString * strings;
        const wPerBlock = effDcW / blocks;
        out.wPerBlock = wPerBlock;
        out.wPerCell = wPerBlock / cellsPerBlock;
        out.runtimeMin = tableRuntimeMin(input.table, wPerBlock);
        if (requiredMin !== null) out.maxAcLoadW = toAcW(tableWattsAtMin(input.table, requiredMin) * blocks);
        break;
      }
      default:
        refuse('method', 'must be energy, peukert or table');
    }
    return out;
  });
}
