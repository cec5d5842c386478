/**
 * The calculator registry behind `headroom calc NAME --in JSON [--schema]` (CLI.md): one
 * entry per calculator, its zod input schema (JSON-Schema-representable: no transforms, no
 * zod defaults, defaults listed as `default` metadata and applied by the calculator) and a
 * `run` that parses an unknown input (shape first, then the spec's value ranges) and
 * returns a CalcResult naming the first bad field (`items.0.nameplateW`).
 */
import { z } from 'zod';
import { issuesToError } from '../errors';
import { batteryInputSchema, computeBatteryRuntime } from './battery';
import { backupInputSchema, computeBackup } from './backup';
import { computeCooling, coolingInputSchema } from './cooling';
import { computeFuel, fuelInputSchema } from './fuel';
import { generatorInputSchema, sizeGenerator } from './generator';
import { computeLoad, loadInputSchema } from './load';
import type { CalcResult } from './result';
import { calculatorWarnings } from './sanity';
import {
  backup321,
  backup321InputSchema,
  circuitsCheck,
  circuitsInputSchema,
  endVoltage,
  endVoltageInputSchema,
  motorStartCheck,
  motorStartInputSchema,
  pueFromEnergy,
  pueInputSchema,
  requiredRuntime,
  requiredRuntimeInputSchema,
  wp3,
  wp3InputSchema,
} from './checks';
import { unknownFieldProblem, unknownFields } from '../strict-input';
import { sizeUps, upsInputSchema } from './ups';

export const CALCULATOR_NAMES = [
  'load',
  'ups',
  'battery',
  'generator',
  'fuel',
  'cooling',
  'backup',
  // Added (issue 13 item 7): checks that were built but unreachable; shared/facility/checks.ts.
  'motor-start',
  'pue',
  'wp3',
  'backup-321',
  'end-voltage',
  'required-runtime',
  'circuits',
] as const;
export type CalculatorName = (typeof CALCULATOR_NAMES)[number];

export interface Calculator {
  readonly input: z.ZodType;
  readonly summary: string;
  run(input: unknown): CalcResult<unknown>;
}

/** The value an issue points at in the raw input (zod does not report inputs by default). */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function issueMessage(issue: z.core.$ZodIssue, raw: unknown): string {
  if (issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined) {
    return 'is required (the spec gives no default)';
  }
  return issue.message;
}

function calculator<S extends z.ZodType>(name: string, input: S, summary: string, compute: (parsed: z.output<S>) => CalcResult<unknown>): Calculator {
  return {
    input,
    summary,
    run(raw: unknown): CalcResult<unknown> {
      // Strict input (CLI.md): an unknown field is refused by name, never replaced by a default.
      const unknown = unknownFields(input, raw)[0];
      if (unknown) {
        const field = unknown.path.join('.'); // the calculators' own form: items.0.nameplateW
        return { ok: false, error: { code: 'invalid', field, message: unknownFieldProblem(unknown, `the ${name} calculator`) } };
      }
      const parsed = input.safeParse(raw);
      if (!parsed.success) {
        // The first issue, its path joined as the spec names fields (`items.0.nameplateW`).
        const issue = parsed.error.issues[0]!;
        const error = issuesToError([{ path: issue.path, message: issueMessage(issue, raw) }]);
        return { ok: false, error: { code: 'invalid', field: error.field ?? 'input', message: error.message } };
      }
      const result = compute(parsed.data);
      return result.ok ? { ...result, warnings: [...calculatorWarnings(name, raw), ...result.warnings] } : result;
    },
  };
}

export const calculators: Record<CalculatorName, Calculator> = {
  load: calculator('load', loadInputSchema, 'load inventory → design IT load, VA and currents (§1)', computeLoad),
  ups: calculator('ups', upsInputSchema, 'UPS sizing against W and VA, catalog pick, redundancy (§2)', sizeUps),
  battery: calculator('battery', batteryInputSchema, 'battery runtime by energy, Peukert or vendor table, and its inverse (§3)', computeBatteryRuntime),
  generator: calculator('generator', generatorInputSchema, 'generator sizing: UPS input, recharge, ESP 70 %, derating (§4)', sizeGenerator),
  fuel: calculator('fuel', fuelInputSchema, 'fuel consumption, autonomy and NFPA 110 storage (§5)', computeFuel),
  cooling: calculator('cooling', coolingInputSchema, 'WP-25 heat load, BTU/h, tons, N+1 units (§6)', computeCooling),
  backup: calculator('backup', backupInputSchema, 'backup job throughput, duration and window (§7)', computeBackup),
  'motor-start': calculator('motor-start', motorStartInputSchema, 'largest motor start against the genset step (NEC 430.7(B) code letters)', motorStartCheck),
  pue: calculator('pue', pueInputSchema, 'PUE and DCiE from facility and IT energy over one period (TGG WP-49)', pueFromEnergy),
  wp3: calculator('wp3', wp3InputSchema, 'the WP-3 worksheet shortcut: utility and generator size (Example 4B)', wp3),
  'backup-321': calculator('backup-321', backup321InputSchema, 'the 3-2-1 backup rule (CISA)', backup321),
  'end-voltage': calculator('end-voltage', endVoltageInputSchema, 'battery end voltage against the UPS DC cut-off', endVoltage),
  'required-runtime': calculator(
    'required-runtime',
    requiredRuntimeInputSchema,
    'required battery runtime: ride-through + 2 × shutdown + margin (§3.5)',
    requiredRuntime,
  ),
  circuits: calculator(
    'circuits',
    circuitsInputSchema,
    'circuits against their breakers (NEC 80 % / IEC), phase split, imbalance and neutral current',
    circuitsCheck,
  ),
};

export function isCalculatorName(name: string): name is CalculatorName {
  return (CALCULATOR_NAMES as readonly string[]).includes(name);
}

/** The JSON Schema of a calculator's input, as `--schema` prints it. */
export function calculatorJsonSchema(name: CalculatorName): unknown {
  return z.toJSONSchema(calculators[name].input, { io: 'input' });
}
