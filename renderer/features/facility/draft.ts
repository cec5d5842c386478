/**
 * A form's draft: the text the planner typed and the unit beside each field. From it come the
 * values (in base units), the same field errors the service would give (the contract's own
 * schema, run here as you type), and the site as it would be if saved, so every limit can be
 * recomputed on each keystroke with the pure calculators.
 */
import { contract, type Channel } from '../../../shared/contract';
import { computeLoad } from '../../../shared/facility/load';
import { computeSiteLimits, type SiteLimits } from '../../../shared/facility/site';
import { storedSiteWarnings } from '../../../shared/facility/sanity';
import { withCircuitLimits } from '../../../shared/facility/site-circuits';
import { siteInputFromDetail, type SiteDetail } from '../../../shared/facility/site-record';
import { FORMS, type FieldSpec, type FormKind } from './fields';
import { equipmentMagnitudeWarnings, magnitudeMessage, median, pairMagnitudeWarning, type MagnitudeWarning } from '../../../shared/facility/units';
import { findUnit, formatQuantity, parseQuantity, parseQuantityText, preferredUnit, show, type UnitKind } from './units';

export interface Draft {
  text: Record<string, string>;
  unit: Record<string, string>;
  /** Fields whose number the planner typed (not the stored value shown as it was opened). */
  typed?: Record<string, boolean>;
}

export const CHANNELS: Record<FormKind, { add: Channel | null; update: Channel; remove: Channel | null }> = {
  site: { add: 'facility.addSite', update: 'facility.updateSite', remove: 'facility.removeSite' },
  backupSettings: { add: null, update: 'facility.updateSite', remove: null },
  equipment: { add: 'facility.addEquipment', update: 'facility.updateEquipment', remove: 'facility.removeEquipment' },
  ups: { add: 'facility.addUps', update: 'facility.updateUps', remove: 'facility.removeUps' },
  batteryString: { add: 'facility.addBatteryString', update: 'facility.updateBatteryString', remove: 'facility.removeBatteryString' },
  generator: { add: 'facility.addGenerator', update: 'facility.updateGenerator', remove: 'facility.removeGenerator' },
  coolingUnit: { add: 'facility.addCoolingUnit', update: 'facility.updateCoolingUnit', remove: 'facility.removeCoolingUnit' },
  backupJob: { add: 'facility.addBackupJob', update: 'facility.updateBackupJob', remove: 'facility.removeBackupJob' },
};

const isUnitKind = (k: FieldSpec['kind']): k is UnitKind => k !== 'text' && k !== 'choice' && k !== 'table';

export function draftFrom(kind: FormKind, record: Record<string, unknown> | null, defaults: Record<string, unknown> = {}): Draft {
  const text: Record<string, string> = {};
  const unit: Record<string, string> = {};
  for (const f of FORMS[kind].fields) {
    const v = (record ?? defaults)[f.key];
    if (isUnitKind(f.kind)) {
      const u = preferredUnit(f.kind, typeof v === 'number' ? v : null);
      unit[f.key] = u.id;
      text[f.key] = formatQuantity(typeof v === 'number' ? v : null, u);
    } else {
      text[f.key] = v === null || v === undefined ? (f.kind === 'choice' && !f.optional ? f.choices![0]! : '') : String(v);
    }
  }
  return { text, unit };
}

/** The draft with the planner's own text in a field (from then on, the number is theirs). */
export function typeText(draft: Draft, key: string, text: string): Draft {
  return { ...draft, text: { ...draft.text, [key]: text }, typed: { ...draft.typed, [key]: true } };
}

/**
 * The unit picked beside a field. A number the planner typed keeps its digits and takes the new
 * unit ("1.8", then kW, is 1.8 kW); a stored value they have not typed over is re-expressed in
 * the new unit, so looking at it in MB/s never changes the link rate (docs/facility-units.md).
 */
export function changeUnit(draft: Draft, spec: FieldSpec, unitId: string): Draft {
  if (!isUnitKind(spec.kind)) return draft;
  const to = findUnit(spec.kind, unitId);
  const unit = { ...draft.unit, [spec.key]: to.id };
  if (draft.typed?.[spec.key]) {
    // "1.8 kW" typed whole, then W picked: the picked unit is the last word.
    const r = parseQuantityText(draft.text[spec.key] ?? '', spec.kind, to.id);
    return r.ok && r.unit ? { ...draft, text: { ...draft.text, [spec.key]: r.number }, unit } : { ...draft, unit };
  }
  const from = findUnit(spec.kind, draft.unit[spec.key] ?? '');
  const v = parseQuantity(draft.text[spec.key] ?? '', from);
  const text = v === null || Number.isNaN(v) ? (draft.text[spec.key] ?? '') : formatQuantity(v, to);
  return { ...draft, text: { ...draft.text, [spec.key]: text }, unit };
}

/** "1.8 kW" typed whole: once the planner leaves the field, the unit moves into its picker. */
export function settleUnit(draft: Draft, spec: FieldSpec): Draft {
  if (!isUnitKind(spec.kind)) return draft;
  const r = parseQuantityText(draft.text[spec.key] ?? '', spec.kind, draft.unit[spec.key] ?? '');
  if (!r.ok || !r.unit || r.value === null) return draft;
  return { ...draft, text: { ...draft.text, [spec.key]: r.number }, unit: { ...draft.unit, [spec.key]: r.unit.id } };
}

export interface Parsed {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

/** Typed text → values in base units; unparsable numbers and missing required fields are errors. */
export function parseDraft(kind: FormKind, draft: Draft): Parsed {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const f of FORMS[kind].fields) {
    const t = (draft.text[f.key] ?? '').trim();
    if (f.kind === 'text' || f.kind === 'choice') {
      values[f.key] = t === '' && f.optional && f.key !== 'description' ? null : t;
      continue;
    }
    if (f.kind === 'table') {
      values[f.key] = t === '' ? null : Number(t);
      continue;
    }
    const r = parseQuantityText(t, f.kind, draft.unit[f.key] ?? '');
    if (!r.ok) {
      errors[f.key] = r.message;
    } else if (r.value === null) {
      if (f.optional) values[f.key] = null;
      else errors[f.key] = 'is required';
    } else {
      values[f.key] = r.value;
    }
  }
  return { values, errors };
}

/** The operation's input for these values (an update carries the row id; an add, the site's). */
export function callInput(kind: FormKind, values: Record<string, unknown>, ids: { id: number | null; siteId: number | null }): Record<string, unknown> {
  const input: Record<string, unknown> = { ...values };
  if (kind === 'site' || kind === 'backupSettings') {
    if (ids.id !== null) input.id = ids.id;
    if (ids.id === null) for (const [k, v] of Object.entries(input)) if (v === null) delete input[k];
  } else if (ids.id !== null) input.id = ids.id;
  else input.siteId = ids.siteId;
  if (kind === 'batteryString' && input.method !== 'table' && input.tableId === null) delete input.tableId;
  return input;
}

/**
 * The values that differ from the row as it was opened: what a save of that row sends. Both
 * sides come from the same parse of the same kind of draft, so a stored value shown rounded
 * (6 significant figures) and left alone compares equal and is not written back rounded.
 */
export function changedFields(values: Record<string, unknown>, opened: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (!(k in opened) || opened[k] !== v) out[k] = v;
  return out;
}

/** The contract's schema on the draft: the service's own range messages, by field, as you type. */
export function schemaErrors(channel: Channel, input: Record<string, unknown>): Record<string, string> {
  const r = contract[channel].input.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

const CHILD_LIST: Partial<Record<FormKind, keyof SiteDetail>> = {
  equipment: 'equipment',
  ups: 'ups',
  batteryString: 'batteryStrings',
  generator: 'generators',
  coolingUnit: 'coolingUnits',
  backupJob: 'backupJobs',
};

/** The site as it would be with this draft saved (replacing the row, or added after the others). */
export function siteWithDraft(detail: SiteDetail, kind: FormKind, id: number | null, values: Record<string, unknown>): SiteDetail {
  if (kind === 'site' || kind === 'backupSettings') return { ...detail, site: { ...detail.site, ...values } };
  const list = CHILD_LIST[kind]!;
  const rows = detail[list] as unknown as Array<Record<string, unknown>>;
  const next = id === null ? [...rows, { id: -1, siteId: detail.site.id, ...values }] : rows.map((r) => (r.id === id ? { ...r, ...values } : r));
  return { ...detail, [list]: next };
}

export type LiveLimits = { ok: true; limits: SiteLimits; warnings: string[] } | { ok: false; field: string; message: string };

export function liveLimits(detail: SiteDetail): LiveLimits {
  try {
    const r = computeSiteLimits(siteInputFromDetail(detail));
    if (!r.ok) return { ok: false, field: r.error.field, message: r.error.message };
    const c = withCircuitLimits(detail, r.value); // each circuit is a limit too
    return { ok: true, limits: c.limits, warnings: [...storedSiteWarnings(detail), ...r.warnings, ...c.warnings] };
  } catch (e) {
    return { ok: false, field: 'input', message: (e as Error).message };
  }
}

/** A site-level refusal's field as this form names it (`ups.ratedW` → `ratedW`), or null. */
export function formFieldOf(kind: FormKind, field: string): string | null {
  const keys = FORMS[kind].fields.map((f) => f.key);
  const segs = field.split('.');
  for (let i = 0; i < segs.length; i++) if (keys.includes(segs[i]!)) return segs.slice(i).join('.');
  return null;
}

/**
 * Plain-words warnings for a value about 1000× off its nameplate or its neighbours (the rule is
 * shared/facility/units.ts's), by the form's field: a W/kW slip is caught before it is saved.
 */
export function magnitudeWarnings(kind: FormKind, id: number | null, values: Record<string, unknown>, detail: SiteDetail): Record<string, string> {
  const label = (key: string) => FORMS[kind].fields.find((f) => f.key === key)?.label ?? key;
  const out: Record<string, string> = {};
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const add = (w: MagnitudeWarning | null, fmt: (v: number) => string, fmtReference = fmt) => {
    if (w && !(w.field in out)) out[w.field] = magnitudeMessage(w, label(w.field), fmt, fmtReference);
  };
  let itW: number | null = null;
  if (kind !== 'equipment') {
    try {
      const load = computeLoad(siteInputFromDetail(detail).load);
      if (load.ok) itW = load.value.connectedItW;
    } catch {
      // A site the calculators cannot read yet: its own error shows; no comparison with its load.
    }
  }
  const againstLoad = (field: string) => add(pairMagnitudeWarning(field, num(values[field]), itW, "the site's IT load"), show.w);
  if (kind === 'equipment') {
    const others = detail.equipment.filter((e) => e.id !== id);
    for (const w of equipmentMagnitudeWarnings({ nameplateW: num(values.nameplateW), measuredW: num(values.measuredW) }, others)) add(w, show.w);
  } else if (kind === 'ups') {
    add(pairMagnitudeWarning('ratedW', num(values.ratedW), num(values.ratedVA), 'the unit rating in VA'), show.w, show.va);
    againstLoad('ratedW');
    const others = detail.ups.filter((u) => u.id !== id);
    add(pairMagnitudeWarning('ratedVA', num(values.ratedVA), median(others.map((u) => u.ratedVA)), 'the median rating of the other UPS systems'), show.va);
  } else if (kind === 'generator') {
    const others = detail.generators.filter((g) => g.id !== id);
    add(pairMagnitudeWarning('ratingW', num(values.ratingW), median(others.map((g) => g.ratingW)), 'the median rating of the other generators'), show.w);
    againstLoad('ratingW');
  } else if (kind === 'coolingUnit') {
    const others = detail.coolingUnits.filter((c) => c.id !== id);
    add(
      pairMagnitudeWarning('unitTotalW', num(values.unitTotalW), median(others.map((c) => c.unitTotalW)), 'the median capacity of the other cooling units'),
      show.w,
    );
    againstLoad('unitTotalW');
  }
  return out;
}
