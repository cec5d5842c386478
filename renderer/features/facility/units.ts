/**
 * Unit-aware inputs: every quantity is stored in its base unit (W, L, bytes, bit/s, h, min,
 * fraction) and typed in the unit the planner picks, or with its unit typed after the number.
 * The units, their factors and the parsing live in shared/facility/units.ts (one formula each);
 * this file adds only how the screen shows them.
 */
import { unitsOf, type Unit, type UnitKind } from '../../../shared/facility/units';

export { findUnit, formatQuantity, LITRES_PER_US_GAL, parseQuantity, parseQuantityText, UNIT_KINDS, unitsOf } from '../../../shared/facility/units';
export type { Unit, UnitKind } from '../../../shared/facility/units';

/** A sensible unit to show a stored value in (kW from 5 kW, TB for data, Gbit/s from 1 Gbit/s). */
export function preferredUnit(kind: UnitKind, value: number | null | undefined): Unit {
  const units = unitsOf(kind);
  if (value === null || value === undefined || units.length === 1) return units[0]!;
  switch (kind) {
    case 'power':
    case 'apparent':
      return Math.abs(value) >= 5_000 ? units[1]! : units[0]!;
    case 'data':
      return units[1]!;
    case 'rate':
      return value >= 1e9 ? units[1]! : units[0]!;
    default:
      return units[0]!;
  }
}

const fmt = (v: number, digits = 3) => Number(v.toPrecision(digits)).toLocaleString('en');

/** Human readings for results: W/kW, bytes in TB, bit/s in Mbit/s or Gbit/s, fractions as %. */
export const show = {
  w: (w: number | null | undefined) => (w == null || !Number.isFinite(w) ? '—' : Math.abs(w) >= 1000 ? `${fmt(w / 1000)} kW` : `${fmt(w)} W`),
  va: (va: number | null | undefined) => (va == null ? '—' : Math.abs(va) >= 1000 ? `${fmt(va / 1000)} kVA` : `${fmt(va)} VA`),
  bytes: (b: number | null | undefined) => (b == null || !Number.isFinite(b) ? '—' : b >= 1e12 ? `${fmt(b / 1e12)} TB` : `${fmt(b / 1e9)} GB`),
  bytesPerS: (b: number | null | undefined) => (b == null ? '—' : `${fmt(b / 1e6)} MB/s`),
  bitsPerS: (b: number | null | undefined) => (b == null ? '—' : b >= 1e9 ? `${fmt(b / 1e9)} Gbit/s` : `${fmt(b / 1e6)} Mbit/s`),
  pct: (f: number | null | undefined, digits = 1) => (f == null || !Number.isFinite(f) ? '—' : `${(f * 100).toFixed(digits)} %`),
  h: (h: number | null | undefined) => (h == null || !Number.isFinite(h) ? '—' : h < 1 ? `${fmt(h * 60)} min` : `${fmt(h)} h`),
  min: (m: number | null | undefined) => (m == null || !Number.isFinite(m) ? '—' : `${fmt(m)} min`),
  l: (l: number | null | undefined) => (l == null || !Number.isFinite(l) ? '—' : `${fmt(l)} L`),
  n: (v: number | null | undefined, digits = 4) => (v == null || !Number.isFinite(v) ? '—' : fmt(v, digits)),
};
