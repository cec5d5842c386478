/**
 * The result shape of every facility calculator, and the range checks they share.
 *
 * A calculator never returns a partial result: either every number, or the first bad
 * field as `{ code: 'invalid', field, message }` (specs/facility.md §0). Inside a
 * calculator the checks throw our `invalid()` error to stop at the first bad field;
 * `guard` turns that into the returned union at the calculator's edge, so callers never
 * need a try/catch.
 */
import { HeadroomError, invalid } from '../errors';

export interface CalcError {
  code: 'invalid';
  field: string;
  message: string;
}

export type CalcResult<T> = { ok: true; value: T; warnings: string[] } | { ok: false; error: CalcError };

/** Collects the warnings of one calculation (valid but unusual input). */
export type Warnings = string[];

/**
 * Runs `compute` and returns its value with the warnings it pushed, or the first refusal.
 * Anything other than an `invalid` HeadroomError is a bug and is rethrown.
 */
export function guard<T>(compute: (warnings: Warnings) => T): CalcResult<T> {
  const warnings: Warnings = [];
  try {
    const value = compute(warnings);
    return { ok: true, value, warnings };
  } catch (error) {
    if (error instanceof HeadroomError && error.code === 'invalid') {
      return { ok: false, error: { code: 'invalid', field: error.field ?? 'input', message: error.message } };
    }
    throw error;
  }
}

/**
 * Unwraps a nested calculator's result inside another calculator: warnings are kept and a
 * refusal propagates, its field placed under `prefix` when given (`ups` + `ratedW` → `ups.ratedW`).
 */
export function unwrap<T>(result: CalcResult<T>, warnings: Warnings, prefix?: string): T {
  if (!result.ok) {
    if (prefix === undefined) throw new HeadroomError('invalid', result.error.message, result.error.field);
    refuse(`${prefix}.${result.error.field}`, result.error.message);
  }
  warnings.push(...result.warnings);
  return result.value;
}

/** Refuses a field: throws the `invalid` error that `guard` catches. */
export function refuse(field: string, message: string): never {
  throw invalid(field, message);
}

export function finite(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) refuse(field, `must be a finite number (got ${String(value)})`);
  return value;
}

/** > 0 */
export function positive(field: string, value: number): number {
  if (finite(field, value) <= 0) refuse(field, `must be greater than 0 (got ${value})`);
  return value;
}

/** ≥ 0 */
export function nonNegative(field: string, value: number): number {
  if (finite(field, value) < 0) refuse(field, `must not be negative (got ${value})`);
  return value;
}

/** A fraction in (0, 1]. */
export function fraction(field: string, value: number): number {
  if (finite(field, value) <= 0 || value > 1) refuse(field, `must be a fraction in (0, 1] (got ${value})`);
  return value;
}

/** A fraction in [0, 1]. */
export function fractionOrZero(field: string, value: number): number {
  if (finite(field, value) < 0 || value > 1) refuse(field, `must be a fraction in [0, 1] (got ${value})`);
  return value;
}

/** Inside [min, max] (closed). */
export function between(field: string, value: number, min: number, max: number): number {
  if (finite(field, value) < min || value > max) refuse(field, `must be between ${min} and ${max} (got ${value})`);
  return value;
}

/** An integer ≥ min. */
export function integerAtLeast(field: string, value: number, min: number): number {
  if (!Number.isInteger(finite(field, value)) || value < min) {
    refuse(field, `must be a whole number of at least ${min} (got ${value})`);
  }
  return value;
}

/** A required value that may be absent from an input object (refused by name when absent). */
export function required<T>(field: string, value: T | undefined | null): T {
  if (value === undefined || value === null) refuse(field, 'is required (the spec gives no default)');
  return value;
}
