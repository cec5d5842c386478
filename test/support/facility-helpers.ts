/** Shared helpers and arbitraries for the facility tests. */
import { expect } from 'vitest';
import type { CalcResult } from '../../shared/facility/result';

/** 4 significant figures in the spec → rel 1e-3; 3 figures → 2e-3. */
export const FIG4 = 1e-3;
export const FIG3 = 2e-3;

export function expectClose(actual: number | null | undefined, expected: number, rel = FIG4): void {
  expect(actual).toBeTypeOf('number');
  const a = actual as number;
  if (Math.abs(a - expected) > rel * Math.abs(expected)) {
    expect.fail(`expected ${a} to be within rel ${rel} of ${expected}`);
  }
}

/** The value of a successful result (fails the test with the error otherwise). */
export function valueOf<T>(result: CalcResult<T>): T {
  if (!result.ok) expect.fail(`expected a result, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The refusal of a failed result (fails the test when it succeeded). */
export function refusalOf(result: CalcResult<unknown>): { field: string; message: string; code: string } {
  if (result.ok) expect.fail(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** CSB CB12-115 to 1.67 V/cell, W/block at 25 °C [CSB115] (spec §3.4). */
export const CB12_115 = [
  { minutes: 5, wattsPerBlock: 4067 },
  { minutes: 10, wattsPerBlock: 3019 },
  { minutes: 15, wattsPerBlock: 2326 },
  { minutes: 30, wattsPerBlock: 1414 },
  { minutes: 60, wattsPerBlock: 824.2 },
  { minutes: 120, wattsPerBlock: 516.1 },
  { minutes: 180, wattsPerBlock: 348.3 },
  { minutes: 240, wattsPerBlock: 291.2 },
  { minutes: 300, wattsPerBlock: 231.8 },
  { minutes: 480, wattsPerBlock: 167.1 },
  { minutes: 600, wattsPerBlock: 136.5 },
  { minutes: 1200, wattsPerBlock: 71.73 },
];

/** Example 1A's POP room (spec §1). */
export const POP_ITEMS = [
  { name: 'core router', qty: 2, nameplateW: 3000, measuredW: 1650 },
  { name: 'aggregation switch', qty: 4, nameplateW: 800, measuredW: 420 },
  { name: 'server (not measured)', qty: 10, nameplateW: 750 },
  { name: 'OLT chassis', qty: 2, nameplateW: 2400, measuredW: 1300 },
  { name: 'DWDM shelf', qty: 2, nameplateW: 600, measuredW: 350 },
];

/** The illustrative UPS catalog of spec §2 (kVA/kW), deliberately not in order. */
export const UPS_CATALOG = [
  [100, 90],
  [10, 9],
  [30, 27],
  [15, 13.5],
  [20, 18],
  [60, 54],
  [40, 36],
  [80, 72],
].map(([kva, kw]) => ({ name: `UPS ${kva} kVA`, ratedVA: kva! * 1000, ratedW: kw! * 1000 }));
