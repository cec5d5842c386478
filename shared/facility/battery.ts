/**
 * Battery runtime (specs/facility.md §3) by three methods, each with its inverse (the
 * largest AC load that still gets `requiredMin`):
 * - energy: quick, optimistic at high rates;
 * - Peukert: runtimeH = ratedHours × (ratedAh / (I × ratedHours))^k [FX];
 * - table: the vendor's constant-power table, log-log interpolated (preferred) [PSN][CSB115].
 */
import { z } from 'zod';
import { BATTERY_CHEMISTRIES, derating, type Derating } from './battery-derate';
import { checkTable, tablePointSchema, tableRuntimeMin, tableWattsAtMin, type TablePoint } from './battery-table';
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

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A battery string without its load: what the inverse (max load for a runtime) needs. */
export type BatteryStringInput = DistributiveOmit<BatteryInput, 'acLoadW'>;

/** The validated string and the method's own parameters (dodFrac, k or table). */
interface StringModel extends Derating {
  inverterEff: number;
  strings: number;
  blocks: number;
  cells: number;
  cellsPerBlock: number;
  stringNominalV: number;
  requiredMin: number | null;
  method:
    | { kind: 'energy'; nominalWh: number; dodFrac: number }
    | { kind: 'peukert'; ratedAh: number; ratedHours: number; k: number }
    | { kind: 'table'; table: TablePoint[] };
}

/** Validates the string fields in the spec's order; throws the first bad one. */
function stringModel(input: BatteryStringInput, warnings: Warnings): StringModel {
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
  const cells = blocksPerString * cellsPerBlock;
  let method: StringModel['method'];
  switch (input.method) {
    case 'energy':
      method = {
        kind: 'energy',
        dodFrac: fraction('dodFrac', input.dodFrac),
        nominalWh: strings * blocksPerString * blockV * input.ratedAh,
      };
      break;
    case 'peukert':
      method = { kind: 'peukert', ratedAh: input.ratedAh, ratedHours: input.ratedHours, k: between('k', input.k, 1, 1.6) };
      break;
    case 'table':
      checkTable(input.table);
      method = { kind: 'table', table: input.table };
      break;
    default:
      refuse('method', 'must be energy, peukert or table');
  }
  return {
    ...derate,
    inverterEff,
    strings,
    blocks: blocksPerString * strings,
    cells,
    cellsPerBlock,
    stringNominalV: lithium ? blocksPerString * blockV : cells * LEAD_ACID_CELL_V,
    requiredMin,
    method,
  };
}

/** Largest AC load (W) the string carries for `minutes`, derated like the forward path. */
function maxAcLoadWFor(m: StringModel, minutes: number): number {
  let maxEffDcW: number;
  switch (m.method.kind) {
    case 'energy':
      maxEffDcW = ((m.method.nominalWh * m.method.dodFrac) / minutes) * 60;
      break;
    case 'peukert':
      maxEffDcW = peukertCurrentA(m.method.ratedAh, m.method.ratedHours, m.method.k, minutes / 60) * m.stringNominalV * m.strings;
      break;
    case 'table':
      maxEffDcW = tableWattsAtMin(m.method.table, minutes) * m.blocks;
      break;
  }
  return (maxEffDcW * m.inverterEff) / m.derateFactor;
}

/** Runtime of a battery string at an AC load, and the largest load for requiredMin. */
export function computeBatteryRuntime(input: BatteryInput): CalcResult<BatteryOutput> {
  return guard((warnings: Warnings) => {
    const acLoadW = positive('acLoadW', input.acLoadW);
    const m = stringModel(input, warnings);
    const dcW = acLoadW / m.inverterEff;
    const effDcW = dcW * m.derateFactor;
    const out: BatteryOutput = {
      method: input.method,
      tempFactor: m.tempFactor,
      agingFactor: m.agingFactor,
      derateFactor: m.derateFactor,
      dcW,
      effDcW,
      cells: m.cells,
      stringNominalV: m.stringNominalV,
      runtimeMin: 0,
      maxAcLoadW: m.requiredMin === null ? null : maxAcLoadWFor(m, m.requiredMin),
      nominalWh: null,
      currentA: null,
      wPerBlock: null,
      wPerCell: null,
    };
    switch (m.method.kind) {
      case 'energy':
        out.nominalWh = m.method.nominalWh;
        out.runtimeMin = ((m.method.nominalWh * m.method.dodFrac) / effDcW) * 60;
        break;
      case 'peukert':
        out.currentA = effDcW / (m.stringNominalV * m.strings);
        out.runtimeMin = peukertRuntimeH(m.method.ratedAh, m.method.ratedHours, m.method.k, out.currentA) * 60;
        break;
      case 'table':
        out.wPerBlock = effDcW / m.blocks;
        out.wPerCell = out.wPerBlock / m.cellsPerBlock;
        out.runtimeMin = tableRuntimeMin(m.method.table, out.wPerBlock);
        break;
    }
    return out;
  });
}

/**
 * The inverse alone (spec §3.4, §8): the largest AC load (W) that still runs requiredMin,
 * with no forward runtime to compute (the present load may lie outside the table).
 */
export function batteryMaxAcLoadW(input: BatteryStringInput & { requiredMin: number }): CalcResult<number> {
  return guard((warnings: Warnings) => {
    const m = stringModel(input, warnings);
    return maxAcLoadWFor(m, positive('requiredMin', input.requiredMin));
  });
}
