/**
 * Unit-aware inputs: every quantity is stored in its base unit (W, L, bytes, bit/s, h, min,
 * fraction) and typed in the unit the planner picks. Bits and bytes are different units with
 * different names (Mbit/s vs MB/s), never a silent ×8; TB is 10^12 bytes and TiB 2^40 (NIST).
 */
export interface Unit {
  id: string;
  label: string;
  /** base = typed × factor (+ offset) */
  factor: number;
}

export const LITRES_PER_US_GAL = 3.785411784;

export const UNIT_KINDS = {
  power: [
    { id: 'W', label: 'W', factor: 1 },
    { id: 'kW', label: 'kW', factor: 1e3 },
  ],
  apparent: [
    { id: 'VA', label: 'VA', factor: 1 },
    { id: 'kVA', label: 'kVA', factor: 1e3 },
  ],
  volume: [
    { id: 'L', label: 'L', factor: 1 },
    { id: 'gal', label: 'US gal', factor: LITRES_PER_US_GAL },
  ],
  data: [
    { id: 'GB', label: 'GB', factor: 1e9 },
    { id: 'TB', label: 'TB', factor: 1e12 },
    { id: 'TiB', label: 'TiB', factor: 2 ** 40 },
  ],
  rate: [
    { id: 'Mbit/s', label: 'Mbit/s', factor: 1e6 },
    { id: 'Gbit/s', label: 'Gbit/s', factor: 1e9 },
    // Bytes per second typed in a bits-per-second field: converted explicitly, ×8.
    { id: 'MB/s', label: 'MB/s (bytes)', factor: 8e6 },
  ],
  percent: [{ id: '%', label: '%', factor: 0.01 }],
  temperature: [{ id: '°C', label: '°C', factor: 1 }],
  hours: [{ id: 'h', label: 'h', factor: 1 }],
  minutes: [{ id: 'min', label: 'min', factor: 1 }],
  length: [{ id: 'm', label: 'm', factor: 1 }],
  area: [{ id: 'm²', label: 'm²', factor: 1 }],
  count: [{ id: '', label: '', factor: 1 }],
  number: [{ id: '', label: '', factor: 1 }],
  voltage: [{ id: 'V', label: 'V', factor: 1 }],
  current: [{ id: 'A', label: 'A', factor: 1 }],
} as const satisfies Record<string, readonly Unit[]>;

export type UnitKind = keyof typeof UNIT_KINDS;

export function unitsOf(kind: UnitKind): readonly Unit[] {
  return UNIT_KINDS[kind];
}

export function findUnit(kind: UnitKind, id: string): Unit {
  return unitsOf(kind).find((u) => u.id === id) ?? unitsOf(kind)[0]!;
}

/** What the planner typed → base units; null when empty; NaN when it is not a number. */
export function parseQuantity(text: string, unit: Unit): number | null {
  const t = text.trim().replace(/\s+/g, '').replace(',', '.');
  if (t === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return NaN;
  return Number(t) * unit.factor;
}

/** Base value → text in a unit, without float noise (≤ 6 significant figures). */
export function formatQuantity(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(Number((value / unit.factor).toPrecision(6)));
}

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
