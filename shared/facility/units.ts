/**
 * Quantities as a planner types them (docs/facility-units.md): a number, optionally followed by
 * one of the field's units ("1.8 kW", "2400 VA", "95 %"), read into the base unit every record
 * keeps (W, VA, L, bytes, bit/s, h, min, fraction). And the "1000× off" rule: a value about a
 * thousand times its nameplate or its neighbours is most often a W/kW (or VA/kVA) slip, so it
 * gets a warning. Decimal prefixes are SI (kW = 10^3 W, TB = 10^12 B); TiB = 2^40 B [NISTBIN];
 * a US gallon is 3.785411784 L [NIST811]. Bits and bytes are different units, never a silent ×8.
 */

export interface Unit {
  id: string;
  label: string;
  /** base = typed × factor */
  factor: number;
  /** Other spellings accepted after a typed number (matched exactly, as written here). */
  aliases?: readonly string[];
}

export const LITRES_PER_US_GAL = 3.785411784;

export const UNIT_KINDS = {
  power: [
    { id: 'W', label: 'W', factor: 1 },
    { id: 'kW', label: 'kW', factor: 1e3, aliases: ['KW'] },
    { id: 'MW', label: 'MW', factor: 1e6 },
  ],
  apparent: [
    { id: 'VA', label: 'VA', factor: 1 },
    { id: 'kVA', label: 'kVA', factor: 1e3, aliases: ['KVA'] },
    { id: 'MVA', label: 'MVA', factor: 1e6 },
  ],
  volume: [
    { id: 'L', label: 'L', factor: 1, aliases: ['l'] },
    { id: 'gal', label: 'US gal', factor: LITRES_PER_US_GAL },
  ],
  data: [
    { id: 'GB', label: 'GB', factor: 1e9 },
    { id: 'TB', label: 'TB', factor: 1e12 },
    { id: 'TiB', label: 'TiB', factor: 2 ** 40 },
  ],
  rate: [
    { id: 'Mbit/s', label: 'Mbit/s', factor: 1e6, aliases: ['Mbps'] },
    { id: 'Gbit/s', label: 'Gbit/s', factor: 1e9, aliases: ['Gbps'] },
    // Bytes per second typed in a bits-per-second field: converted explicitly, ×8.
    { id: 'MB/s', label: 'MB/s (bytes)', factor: 8e6 },
  ],
  energy: [
    { id: 'kWh', label: 'kWh', factor: 1e3 },
    { id: 'MWh', label: 'MWh', factor: 1e6 },
    { id: 'Wh', label: 'Wh', factor: 1 },
  ],
  percent: [{ id: '%', label: '%', factor: 0.01 }],
  temperature: [{ id: '°C', label: '°C', factor: 1, aliases: ['C'] }],
  hours: [{ id: 'h', label: 'h', factor: 1 }],
  minutes: [{ id: 'min', label: 'min', factor: 1 }],
  length: [{ id: 'm', label: 'm', factor: 1 }],
  area: [{ id: 'm²', label: 'm²', factor: 1, aliases: ['m2'] }],
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

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
/** "1,800": a thousands comma or a decimal comma? Three digits after it cannot tell them apart. */
const THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+$/;

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, '');
}

/** A bare number typed in `unit` → base units; null when empty; NaN when it is not a number. */
export function parseQuantity(text: string, unit: Unit): number | null {
  let t = normalise(text);
  if (t === '') return null;
  if (THOUSANDS.test(t)) return NaN;
  t = t.replace(',', '.');
  if (!NUMBER.test(t)) return NaN;
  // A percent is divided by 100 (95 / 100 = 0.95 exactly; 95 × 0.01 = 0.9500000000000001).
  return unit.factor < 1 ? Number(t) / Math.round(1 / unit.factor) : Number(t) * unit.factor;
}

export type QuantityText =
  | {
      ok: true;
      value: number | null;
      /** the unit typed after the number, if any */ unit: Unit | null;
      /** the number as typed, without the unit */ number: string;
    }
  | { ok: false; message: string };

/** Which of the field's units a typed suffix names, or null. */
export function unitOfSuffix(kind: UnitKind, suffix: string): Unit | null {
  return unitsOf(kind).find((u) => u.id !== '' && (u.id === suffix || u.label === suffix || (u.aliases ?? []).includes(suffix))) ?? null;
}

function unitList(kind: UnitKind): string {
  const ids = unitsOf(kind)
    .map((u) => u.label || u.id)
    .filter(Boolean);
  return ids.length === 0 ? 'a plain number' : ids.length === 1 ? ids[0]! : `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}`;
}

/**
 * What the planner typed in a field of this kind, with the unit chosen beside it: a bare number
 * is in the chosen unit; a number followed by one of the field's units ("1.8 kW") is in that
 * unit, whatever is chosen. Messages name the problem in plain words.
 */
export function parseQuantityText(text: string, kind: UnitKind, chosen: string): QuantityText {
  const t = normalise(text);
  if (t === '') return { ok: true, value: null, unit: null, number: '' };
  const m = /^([-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:e[-+]?\d+)?)(.*)$/i.exec(t);
  if (!m) return { ok: false, message: 'must be a number' };
  const [, num, suffix] = m as unknown as [string, string, string];
  const unit = suffix === '' ? null : unitOfSuffix(kind, suffix);
  if (suffix !== '' && !unit) {
    return { ok: false, message: `“${suffix}” is not a unit of this field (use ${unitList(kind)})` };
  }
  if (THOUSANDS.test(num)) {
    const whole = num.replace(/,/g, '');
    return { ok: false, message: `is ambiguous: write ${whole} or ${num.replace(',', '.')} (a point for decimals, no thousands comma)` };
  }
  const v = parseQuantity(num, unit ?? findUnit(kind, chosen));
  if (v === null || Number.isNaN(v)) return { ok: false, message: 'must be a number' };
  return { ok: true, value: v, unit, number: num };
}

/** Base value → text in a unit, without float noise (≤ 6 significant figures). */
export function formatQuantity(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(Number((value / unit.factor).toPrecision(6)));
}

// ------------------------------------------------------------------ the 1000× rule

/**
 * A value is "about 1000× off" a reference when the ratio between them (either way) is at least
 * 10^2.5 ≈ 316: on a log scale, nearer a thousandfold than a match. That is the mark of a
 * number typed in W where kW was meant (or the reverse): a real ratio of measured to nameplate
 * power is 0.3–1, and of one item to the median of its neighbours rarely beyond 100.
 */
export const THOUSANDFOLD_RATIO = 10 ** 2.5;

export type Off = 'above' | 'below';

/** Whether `value` is about 1000× above or below `reference`; null when it is not, or when either is not a positive finite number. */
export function thousandfoldOff(value: number | null | undefined, reference: number | null | undefined): Off | null {
  if (value == null || reference == null || !(value > 0) || !(reference > 0) || !Number.isFinite(value) || !Number.isFinite(reference)) return null;
  if (value >= reference * THOUSANDFOLD_RATIO) return 'above';
  if (reference >= value * THOUSANDFOLD_RATIO) return 'below';
  return null;
}

/** The median of the positive finite values, or null when there is none. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

export interface MagnitudeWarning {
  /** The field whose value looks off. */
  field: string;
  off: Off;
  value: number;
  reference: number;
  /** What it was compared with, in words ("the nameplate", "the median of the other lines"). */
  against: string;
}

/**
 * Equipment: a measured power about 1000× its nameplate, or a nameplate (or measured power)
 * about 1000× the median of the same field over the site's other lines.
 */
export function equipmentMagnitudeWarnings(
  item: { nameplateW?: number | null; measuredW?: number | null },
  others: readonly { nameplateW?: number | null; measuredW?: number | null }[],
): MagnitudeWarning[] {
  const out: MagnitudeWarning[] = [];
  const check = (field: string, value: number | null | undefined, reference: number | null, against: string) => {
    const off = thousandfoldOff(value, reference);
    if (off) out.push({ field, off, value: value!, reference: reference!, against });
  };
  check('measuredW', item.measuredW, item.nameplateW ?? null, 'the nameplate');
  check('nameplateW', item.nameplateW, median(others.map((o) => o.nameplateW)), 'the median nameplate of the other lines');
  if (!out.some((w) => w.field === 'measuredW'))
    check('measuredW', item.measuredW, median(others.map((o) => o.measuredW)), 'the median measured power of the other lines');
  return out;
}

/** A pair of fields of one record that should be of the same size (a UPS's W and VA ratings). */
export function pairMagnitudeWarning(
  field: string,
  value: number | null | undefined,
  reference: number | null | undefined,
  against: string,
): MagnitudeWarning | null {
  const off = thousandfoldOff(value, reference);
  return off ? { field, off, value: value!, reference: reference!, against } : null;
}

/** The warning in plain words, with the two values shown by `show` (e.g. "1.65 MW"). */
export function magnitudeMessage(w: MagnitudeWarning, label: string, show: (v: number) => string, showReference: (v: number) => string = show): string {
  const times = w.off === 'above' ? 'about 1000 times' : 'about 1/1000 of';
  return `${label} is ${times} ${w.against} (${show(w.value)} against ${showReference(w.reference)}): check its unit.`;
}
