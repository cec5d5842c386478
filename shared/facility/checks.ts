/**
 * The checks that were built and tested but reachable from neither the CLI nor the app (issue
 * 13, item 7), given an input schema each so `calc NAME` and the Facility screen's panels take
 * them like every other calculator. Each wraps the one formula where it lives; none re-derives it.
 *
 * A check that is not met is an answer (`ok: false` with the reason), not a refused input.
 */
import { z } from 'zod';
import { check321, type RuleCheck } from './backup';
import { requiredRuntimeMin } from './battery';
import { checkEndVoltage } from './battery-table';
import { checkCircuits, CIRCUIT_PHASES, circuitFields, PHASES3, type PhaseReport } from './circuits';
import { computePue, type PueOutput } from './cooling';
import { checkMotorStart, LOCKED_ROTOR_KVA_PER_HP, wp3Worksheet, type MotorCode, type Wp3WorksheetOutput } from './generator';
import { fraction, guard, nonNegative, positive, unwrap, type CalcResult } from './result';

const n = (describe: string) => z.number().describe(describe);

export const motorStartInputSchema = z.object({
  motorHp: n('the largest motor, started last, hp'),
  codeLetter: z.enum(Object.keys(LOCKED_ROTOR_KVA_PER_HP) as [MotorCode, ...MotorCode[]]).describe('NEC Table 430.7(B) code letter'),
  runningKVA: n('running kVA of the loads already on when it starts'),
  genMaxStepKVA: n('the genset step capability at the allowed voltage dip (datasheet), kVA'),
});

export interface MotorStartCheck {
  startKVA: number;
  stepKVA: number;
  genMaxStepKVA: number;
  withinStepCapability: boolean;
  message: string;
}

/** Motor start against the genset's step (generator.ts checkMotorStart), as a check. */
export function motorStartCheck(input: z.infer<typeof motorStartInputSchema>): CalcResult<MotorStartCheck> {
  return guard((warnings) => {
    // The step itself, without the comparison (any step fits an unbounded genset).
    const step = unwrap(checkMotorStart({ ...input, genMaxStepKVA: Number.MAX_VALUE }), warnings);
    positive('genMaxStepKVA', input.genMaxStepKVA);
    const r = checkMotorStart(input);
    const ok = r.ok;
    return {
      startKVA: step.startKVA,
      stepKVA: step.stepKVA,
      genMaxStepKVA: input.genMaxStepKVA,
      withinStepCapability: ok,
      message: ok ? `${step.stepKVA.toFixed(1)} kVA step within the generator's ${input.genMaxStepKVA} kVA` : r.error.message,
    };
  });
}

export const pueInputSchema = z.object({
  facilityWh: n('facility energy over the period (12 months preferred), Wh'),
  itWh: n('IT energy over the same period, Wh'),
});

/** PUE from energy readings (The Green Grid WP-49: energy over 12 months, not power). */
export function pueFromEnergy(input: z.infer<typeof pueInputSchema>): CalcResult<PueOutput> {
  // Energies over one period: their ratio is the ratio of average powers.
  const r = computePue({ facilityW: input.facilityWh, itW: input.itWh });
  return r.ok
    ? r
    : {
        ok: false,
        error: {
          ...r.error,
          field: r.error.field === 'facilityW' ? 'facilityWh' : 'itWh',
        },
      };
}

export const wp3InputSchema = z.object({
  actualItW: n('actual IT load today, W'),
  futureItW: n('IT load to add, W'),
  areaM2: n('floor area, m²'),
  cooling: z.enum(['dx', 'chilled-water']),
  lineVoltageV: z.number().optional(),
});

export function wp3(input: z.infer<typeof wp3InputSchema>): CalcResult<Wp3WorksheetOutput> {
  const { lineVoltageV, ...rest } = input;
  return wp3Worksheet(lineVoltageV === undefined ? rest : { ...rest, lineVoltageV });
}

export const backup321InputSchema = z.object({
  backupCopies: n('backup copies besides the original'),
  mediaKinds: n('kinds of media holding them'),
  offsiteCopies: n('copies kept off site'),
});

export function backup321(input: z.infer<typeof backup321InputSchema>): CalcResult<{ ok: boolean; rules: RuleCheck[] }> {
  return guard((warnings) => {
    const rules = unwrap(check321(input), warnings);
    return { ok: rules.every((r) => r.ok), rules };
  });
}

export const endVoltageInputSchema = z.object({
  cells: n('cells in series in the string (blocks × cells per block)'),
  endVoltsPerCell: n('the end voltage of the vendor table row used, V per cell'),
  upsMinDcV: n('the UPS minimum DC (cut-off) voltage, V'),
});

export function endVoltage(input: z.infer<typeof endVoltageInputSchema>): CalcResult<{ ok: boolean; message: string }> {
  const r = guard(() => checkEndVoltage(input.cells, input.endVoltsPerCell, input.upsMinDcV));
  if (r.ok) return { ok: true, value: { ok: true, message: 'the string stays above the UPS cut-off at this end voltage' }, warnings: [] };
  if (r.error.field === 'endVoltsPerCell' && /below the UPS minimum/.test(r.error.message)) {
    return { ok: true, value: { ok: false, message: r.error.message }, warnings: [] };
  }
  return r as CalcResult<never>;
}

export const requiredRuntimeInputSchema = z.object({
  businessRideThroughMin: n('minutes the business needs to ride through'),
  orderlyShutdownMin: n('minutes an orderly shutdown takes'),
  safetyMarginMin: n('safety margin, minutes'),
});

export function requiredRuntime(input: z.infer<typeof requiredRuntimeInputSchema>): CalcResult<{ requiredMin: number }> {
  const r = requiredRuntimeMin(input);
  return r.ok ? { ...r, value: { requiredMin: r.value } } : r;
}

export const circuitsInputSchema = z.object({
  loads: z.array(
    z.object({
      name: z.string(),
      loadW: n('the item’s load, W'),
      circuit: z.string().nullable().optional(),
      phase: z.enum(PHASES3).nullable().optional(),
    }),
  ),
  circuits: z.array(z.object({ ...circuitFields, phase: z.enum(CIRCUIT_PHASES).optional() })),
  loadPf: n('IT power factor'),
  phaseVoltageV: z.number().optional().describe('line-to-neutral voltage for the phase and neutral currents'),
  thirdHarmonicFrac: z.number().min(0).max(1).optional(),
});

export function circuitsCheck(input: z.infer<typeof circuitsInputSchema>): CalcResult<PhaseReport> {
  return guard(() => {
    fraction('loadPf', input.loadPf);
    input.circuits.forEach((c, i) => {
      positive(`circuits.${i}.breakerA`, c.breakerA);
      positive(`circuits.${i}.voltageV`, c.voltageV);
    });
    input.loads.forEach((l, i) => nonNegative(`loads.${i}.loadW`, l.loadW));
    const r = checkCircuits({
      ...input,
      loads: input.loads.map((l) => ({ name: l.name, loadW: l.loadW, circuit: l.circuit ?? null, phase: l.phase ?? null })),
    });
    return r;
  });
}
