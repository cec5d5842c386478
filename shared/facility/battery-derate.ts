/**
 * Battery derating (specs/facility.md §3.1): IEEE 485 temperature factor × aging factor.
 * The battery must act as if the load were larger by this factor [IEEE485]. The design
 * margin (1.10–1.15) is for sizing new strings and is deliberately not here.
 */
import { between, finite, refuse } from './result';

/** IEEE 485 Table 1 (vented lead-acid, curves at 25 °C, 5 °F steps) [IEEE485][ETAP]. */
export const IEEE485_TEMP_TABLE: ReadonlyArray<readonly [tempC: number, tempFactor: number]> = [
  [-3.9, 1.52],
  [-1.1, 1.43],
  [1.7, 1.35],
  [4.4, 1.3],
  [7.2, 1.25],
  [10.0, 1.19],
  [12.8, 1.15],
  [15.6, 1.11],
  [18.3, 1.08],
  [21.1, 1.04],
  [23.9, 1.02],
  [25.0, 1.0],
];

/** Aging factor of a battery replaced at 80 % of rated capacity (1 / 0.8) [IEEE485][IEEE1188]. */
export const DEFAULT_AGING_FACTOR = 1.25;

export const BATTERY_CHEMISTRIES = ['lead-acid', 'lithium'] as const;
export type BatteryChemistry = (typeof BATTERY_CHEMISTRIES)[number];

/**
 * Lead-acid temperature factor at batteryTempC: linear between table rows, 1.00 above 25 °C
 * (no credit for heat, which shortens VRLA life instead [EIT]); below −3.9 °C refused.
 */
export function temperatureFactor(batteryTempC: number, field = 'batteryTempC'): number {
  finite(field, batteryTempC);
  const first = IEEE485_TEMP_TABLE[0]!;
  if (batteryTempC < first[0]) refuse(field, `battery temperature below table (${batteryTempC} °C < ${first[0]} °C)`);
  for (let i = 1; i < IEEE485_TEMP_TABLE.length; i++) {
    const [t1, f1] = IEEE485_TEMP_TABLE[i - 1]!;
    const [t2, f2] = IEEE485_TEMP_TABLE[i]!;
    if (batteryTempC <= t2) return f1 + ((batteryTempC - t1) / (t2 - t1)) * (f2 - f1);
  }
  return 1.0;
}

/** ETAP's published cubic for the same table (x = °C / 100); within ±0.015 of every row [ETAP]. */
export function etapTemperatureFactor(batteryTempC: number): number {
  const x = batteryTempC / 100;
  return 1.405 - 2.4941 * x + 4.1916 * x * x - 2.8117 * x * x * x;
}

export interface DerateInput {
  batteryTempC?: number | undefined;
  agingFactor?: number | undefined;
  chemistry?: BatteryChemistry | undefined;
}

export interface Derating {
  tempFactor: number;
  agingFactor: number;
  derateFactor: number;
}

/**
 * Derating applies only when batteryTempC or agingFactor is given (CLI.md); then an absent
 * agingFactor takes the spec default 1.25 and an absent temperature counts as 25 °C (1.00).
 * Lithium: IEEE 485 is lead-acid only, so the temperature factor is 1.00 with a warning.
 */
export function derating(input: DerateInput, warnings: string[]): Derating {
  if (input.batteryTempC === undefined && input.agingFactor === undefined) {
    return { tempFactor: 1, agingFactor: 1, derateFactor: 1 };
  }
  const agingFactor = between('agingFactor', input.agingFactor ?? DEFAULT_AGING_FACTOR, 1, 2);
  let tempFactor = 1;
  if (input.batteryTempC !== undefined) {
    if (input.chemistry === 'lithium') {
      finite('batteryTempC', input.batteryTempC);
      warnings.push('IEEE 485 temperature factors are for lead-acid; lithium uses 1.00 here: use vendor data');
    } else {
      tempFactor = temperatureFactor(input.batteryTempC);
    }
  }
  return { tempFactor, agingFactor, derateFactor: tempFactor * agingFactor };
}
