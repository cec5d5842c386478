/**
 * Sanity warnings (docs/facility-circuits.md, "Strict input"): values that are valid by type
 * but physically absurd, most often a units slip (volts for kilovolts, W for mW). They do not
 * stop a calculation (a planner may be sketching) but each warning names its field.
 *
 * Bounds and their sources:
 * - line voltage: IEC 60038 low-voltage a.c. systems run from 100 V to 1000 V;
 * - one item's nameplate: above 200 kW no single IT device exists (the densest racks sold
 *   draw about 130 kW as a whole rack);
 * - battery temperature: VRLA makers' operating range is −20 °C to +50 °C (e.g. EnerSys
 *   PowerSafe SBS / CSB GP datasheets; IEEE 1188 assumes 25 °C);
 * - an empty load list meets every limit at 0 W, which is never what a site means.
 */

export const SANITY = {
  lineVoltageMinV: 100,
  lineVoltageMaxV: 1000,
  itemNameplateMaxW: 200_000,
  batteryTempMinC: -20,
  batteryTempMaxC: 50,
} as const;

type Item = { nameplateW?: unknown; name?: unknown };

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function lineVoltageWarning(field: string, v: unknown): string[] {
  const x = num(v);
  if (x === null || (x >= SANITY.lineVoltageMinV && x <= SANITY.lineVoltageMaxV)) return [];
  return [`${field}: ${x} V is not a supply voltage (IEC 60038 low-voltage systems are ${SANITY.lineVoltageMinV}–${SANITY.lineVoltageMaxV} V); check the unit`];
}

export function itemsWarnings(field: string, items: unknown, what = 'the load list'): string[] {
  if (!Array.isArray(items)) return [];
  if (items.length === 0) return [`${field}: ${what} is empty, so every limit is met at 0 W`];
  const out: string[] = [];
  (items as Item[]).forEach((it, i) => out.push(...nameplateWarning(`${field}[${i}].nameplateW`, it?.nameplateW)));
  return out;
}

function nameplateWarning(field: string, v: unknown): string[] {
  const w = num(v);
  if (w === null || w <= SANITY.itemNameplateMaxW) return [];
  return [`${field}: ${w} W for one item is more than any IT device draws (over ${SANITY.itemNameplateMaxW / 1000} kW); check the unit`];
}

export function batteryTempWarning(field: string, v: unknown): string[] {
  const x = num(v);
  if (x === null || (x >= SANITY.batteryTempMinC && x <= SANITY.batteryTempMaxC)) return [];
  return [`${field}: ${x} °C is outside the VRLA operating range (${SANITY.batteryTempMinC} to +${SANITY.batteryTempMaxC} °C)`];
}

/** The warnings for a calculator's raw input (`calc NAME`). */
export function calculatorWarnings(name: string, input: unknown): string[] {
  if (input === null || typeof input !== 'object') return [];
  const i = input as Record<string, unknown>;
  switch (name) {
    case 'load':
      return [...itemsWarnings('items', i.items), ...lineVoltageWarning('lineVoltageV', i.lineVoltageV)];
    case 'battery':
      return batteryTempWarning('batteryTempC', i.batteryTempC);
    case 'phases':
    case 'circuits':
      return lineVoltageWarning('lineVoltageV', i.lineVoltageV);
    default:
      return [];
  }
}

/** The warnings for a site document (`site apply`), paths as the document spells them. */
export function siteDocumentWarnings(doc: {
  lineVoltageV?: number | null;
  equipment?: readonly Item[] | undefined;
  batteryStrings?: ReadonlyArray<{ batteryTempC?: number | null }> | undefined;
}): string[] {
  return [
    ...itemsWarnings('equipment', doc.equipment ?? [], 'the equipment list'),
    ...lineVoltageWarning('lineVoltageV', doc.lineVoltageV),
    ...(doc.batteryStrings ?? []).flatMap((b, i) => batteryTempWarning(`batteryStrings[${i}].batteryTempC`, b.batteryTempC)),
  ];
}

/**
 * The warnings for a stored site (the Facility screen's forms and `site limits`), each naming
 * its field in the planner's words: the app's forms and the contract take these values, so the
 * site says what looks like a units slip wherever its limits are shown. An empty equipment list
 * is not repeated here: the screen already says a site has no limits yet.
 */
export function storedSiteWarnings(d: {
  site: { lineVoltageV: number | null };
  equipment: ReadonlyArray<{ name: string; nameplateW: number }>;
  batteryStrings: ReadonlyArray<{ name: string; batteryTempC: number | null }>;
}): string[] {
  return [
    ...lineVoltageWarning('Line voltage', d.site.lineVoltageV),
    ...d.equipment.flatMap((e) => nameplateWarning(`Equipment “${e.name}”, nameplate`, e.nameplateW)),
    ...d.batteryStrings.flatMap((b) => batteryTempWarning(`Battery string “${b.name}”, temperature`, b.batteryTempC)),
  ];
}
