/**
 * Battery age (docs/facility.md "Battery age"): a VRLA string's design life is the time to 80 %
 * of rated capacity at 25 °C (the makers' and IEEE 1188's replacement point; 3–5 years for
 * standard VRLA, 10 for long-life). Above 25 °C the life halves for about every 8 °C (Arrhenius
 * rule of thumb quoted by Battery University BU-806a and the makers' float-life curves). The
 * replacement date is install date + that service life; the forecast board shows it.
 */
import { addDays, isCalendarDay } from '../dates';
import { between, positive, refuse } from './result';

export const BATTERY_AGE = {
  referenceC: 25,
  /** Life halves for each this many °C above the reference. */
  halvingStepC: 8,
  /** Capacity at end of life (replace): 80 % of rated [IEEE1188][IEEE450]. */
  endOfLifeCapacityFrac: 0.8,
  /** Standard VRLA design life when the planner gives none, years. */
  defaultDesignLifeYears: 5,
} as const;

export interface BatteryAgeInput {
  installDate: string;
  designLifeYears: number;
  /** Average battery temperature, °C (default 25). */
  batteryTempC?: number | undefined;
}

export interface BatteryAge {
  /** Expected service life at its temperature, years. */
  serviceLifeYears: number;
  /** The day it reaches 80 % capacity: replace by then. */
  replaceBy: string;
  /** The day 80 % of that life has passed (the board's warning level). */
  warnFrom: string;
}

function addYears(isoDay: string, years: number): string {
  return addDays(isoDay, Math.round(years * 365.25));
}

/** Service life = design life × 2^(−max(0, T − 25) / 8); replacement = install + service life. */
export function batteryAge(input: BatteryAgeInput): BatteryAge {
  if (!isCalendarDay(input.installDate)) {
    refuse('installDate', 'must be a date YYYY-MM-DD');
  }
  const design = positive('designLifeYears', input.designLifeYears);
  const t = between('batteryTempC', input.batteryTempC ?? BATTERY_AGE.referenceC, -40, 60);
  const serviceLifeYears = design * 2 ** (-Math.max(0, t - BATTERY_AGE.referenceC) / BATTERY_AGE.halvingStepC);
  return { serviceLifeYears, replaceBy: addYears(input.installDate, serviceLifeYears), warnFrom: addYears(input.installDate, 0.8 * serviceLifeYears) };
}
