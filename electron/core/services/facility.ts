/**
 * Facility use-cases over the workspace: sites and their components, dated readings, vendor
 * battery tables. Every change is one undoable action; after it, the whole site is run through
 * the calculators (computeSiteLimits) inside the same transaction, so a change that leaves the
 * site impossible (a UPS rated below its VA, a table row that does not exist, a backup window
 * longer than its interval) is refused by field and nothing is saved.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type {
  BatteryTableInfo,
  MutatingChannel,
  ReadingRecord,
  SiteDetail,
  SiteCircuitsResult,
  SiteLimitsResult,
  SiteRecord,
  SiteSummary,
} from '../../../shared/contract';
import { HeadroomError, invalid } from '../../../shared/errors';
import { batteryModelSchema, checkTable, tableRow, type BatteryModel } from '../../../shared/facility/battery-table';
import { checkFuelCurve } from '../../../shared/facility/fuel';
import { guard } from '../../../shared/facility/result';
import { computeSiteLimits } from '../../../shared/facility/site';
import { storedSiteWarnings } from '../../../shared/facility/sanity';
import { siteCircuitReport, withCircuitLimits } from '../../../shared/facility/site-circuits';
import { siteInputFromDetail, upsUnitsAfterWorstFailure, type BatteryTableRecord, type ReadingKind } from '../../../shared/facility/site-record';
import { checkUpsModel } from '../../../shared/facility/ups';
import type { Tx } from '../workspace/tx';
import type { Workspace } from '../workspace/workspace';
import { operation, writeAs } from './operation';
import {
  BACKUP_JOBS,
  BATTERY_STRINGS,
  CIRCUITS,
  COOLING_UNITS,
  EQUIPMENT,
  fromRow,
  GENERATORS,
  READINGS,
  SITE_CHILDREN,
  SITES,
  toColumns,
  UPS,
  type TableSpec,
} from './facility-tables';
import { resourcePath } from './paths';

type Reader = Pick<Workspace, 'all' | 'get'> | Tx;

export const COMPONENTS = {
  equipment: EQUIPMENT,
  ups: UPS,
  batteryString: BATTERY_STRINGS,
  generator: GENERATORS,
  coolingUnit: COOLING_UNITS,
  backupJob: BACKUP_JOBS,
  circuit: CIRCUITS,
} as const;
export type ComponentKind = keyof typeof COMPONENTS;

type ComponentVerb = 'add' | 'update' | 'remove';
/**
 * The contract channel of each component's add, update and remove: the compiler checks each
 * entry is the channel named for its kind, and that the contract declares it as a mutation.
 */
const COMPONENT_CHANNELS: { [K in ComponentKind]: { [V in ComponentVerb]: `facility.${V}${Capitalize<K>}` & MutatingChannel } } = {
  equipment: { add: 'facility.addEquipment', update: 'facility.updateEquipment', remove: 'facility.removeEquipment' },
  ups: { add: 'facility.addUps', update: 'facility.updateUps', remove: 'facility.removeUps' },
  batteryString: { add: 'facility.addBatteryString', update: 'facility.updateBatteryString', remove: 'facility.removeBatteryString' },
  generator: { add: 'facility.addGenerator', update: 'facility.updateGenerator', remove: 'facility.removeGenerator' },
  coolingUnit: { add: 'facility.addCoolingUnit', update: 'facility.updateCoolingUnit', remove: 'facility.removeCoolingUnit' },
  backupJob: { add: 'facility.addBackupJob', update: 'facility.updateBackupJob', remove: 'facility.removeBackupJob' },
  circuit: { add: 'facility.addCircuit', update: 'facility.updateCircuit', remove: 'facility.removeCircuit' },
};

// ------------------------------------------------------------------ battery tables

const bundledCache: { tables: { key: string; model: BatteryModel }[] | null } = { tables: null };

/** The vendor tables shipped in resources/battery-tables (key = file name without .json). */
export function bundledBatteryTables(): { key: string; model: BatteryModel }[] {
  if (bundledCache.tables) return bundledCache.tables;
  const dir = resourcePath('battery-tables');
  const out: { key: string; model: BatteryModel }[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const model = batteryModelSchema.parse(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));
    out.push({ key: file.replace(/\.json$/, ''), model });
  }
  return (bundledCache.tables = out);
}

export function tableKey(model: Pick<BatteryModel, 'vendor' | 'model'>): string {
  return `${model.vendor}-${model.model}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export function workspaceTables(db: Reader): BatteryTableRecord[] {
  return db.all('SELECT id, model_json FROM facility_battery_tables ORDER BY vendor, model').map((r) => ({
    id: Number(r.id),
    model: JSON.parse(String(r.model_json)) as BatteryModel,
  }));
}

export function listBatteryTables(ws: Workspace): BatteryTableInfo[] {
  const own = workspaceTables(ws);
  const out: BatteryTableInfo[] = own.map((t) => ({ id: t.id, key: tableKey(t.model), model: t.model }));
  for (const b of bundledBatteryTables()) {
    if (!own.some((t) => t.model.vendor === b.model.vendor && t.model.model === b.model.model)) out.push({ id: null, key: b.key, model: b.model });
  }
  return out;
}

function checkBatteryModel(model: BatteryModel): void {
  const r = guard(() => model.rows.forEach((row, i) => checkTable(row.points, `model.rows.${i}.points`)));
  if (!r.ok) throw invalid(r.error.field, r.error.message);
}

export function insertBatteryTable(tx: Tx, model: BatteryModel): number {
  const dup = tx.get('SELECT id FROM facility_battery_tables WHERE vendor = ? AND model = ?', [model.vendor, model.model]);
  if (dup) return Number(dup.id);
  return tx.insert('facility_battery_tables', { vendor: model.vendor, model: model.model, model_json: JSON.stringify(model) });
}

export const addBatteryTable = operation('facility.addBatteryTable', (ws, input, write): BatteryTableInfo => {
  checkBatteryModel(input.model);
  const m = input.model;
  if (ws.get('SELECT id FROM facility_battery_tables WHERE vendor = ? AND model = ?', [m.vendor, m.model])) {
    throw new HeadroomError('conflict', `${m.vendor} ${m.model} is already in this workspace`, 'model');
  }
  const id = write(`Add battery table ${m.vendor} ${m.model}`, (tx) => insertBatteryTable(tx, m));
  return { id, key: tableKey(m), model: m };
});

/** A bundled table by key, copied into the workspace (one row per model) inside the action. */
export function useBundledTable(tx: Tx, key: string): number {
  const b = bundledBatteryTables().find((t) => t.key === key);
  if (!b)
    throw invalid(
      'tableKey',
      `no bundled battery table "${key}" (has ${bundledBatteryTables()
        .map((t) => t.key)
        .join(', ')})`,
    );
  return insertBatteryTable(tx, b.model);
}

// ------------------------------------------------------------------ reads

function siteRow(db: Reader, siteId: number): SiteRecord {
  const r = db.get('SELECT * FROM facility_sites WHERE id = ?', [siteId]);
  if (!r) throw new HeadroomError('not-found', `there is no site ${siteId}`, 'siteId');
  return fromRow<SiteRecord>(SITES, r);
}

function children<T>(db: Reader, spec: TableSpec, siteId: number, order = 'id'): T[] {
  return db.all(`SELECT * FROM ${spec.table} WHERE site_id = ? ORDER BY ${order}`, [siteId]).map((r) => fromRow<T>(spec, r));
}

export function siteDetail(db: Reader, siteId: number): SiteDetail {
  const site = siteRow(db, siteId);
  const batteryStrings = children<SiteDetail['batteryStrings'][number]>(db, BATTERY_STRINGS, siteId);
  const used = new Set(batteryStrings.map((b) => b.tableId).filter((x): x is number => x !== null));
  return {
    site,
    equipment: children(db, EQUIPMENT, siteId),
    ups: children(db, UPS, siteId),
    batteryStrings,
    generators: children(db, GENERATORS, siteId),
    coolingUnits: children(db, COOLING_UNITS, siteId),
    backupJobs: children(db, BACKUP_JOBS, siteId),
    circuits: children(db, CIRCUITS, siteId),
    readings: children(db, READINGS, siteId, 'kind, date'),
    batteryTables: workspaceTables(db).filter((t) => used.has(t.id)),
  };
}

export function getSite(ws: Workspace, input: { siteId: number }): SiteDetail {
  return siteDetail(ws, input.siteId);
}

export function listSites(ws: Workspace): SiteSummary[] {
  return ws
    .all(
      `SELECT s.id, s.name, s.description,
              (SELECT COUNT(*) FROM facility_equipment e WHERE e.site_id = s.id) AS n,
              (SELECT date FROM facility_readings r WHERE r.site_id = s.id AND r.kind = 'itW' ORDER BY date DESC LIMIT 1) AS d,
              (SELECT value FROM facility_readings r WHERE r.site_id = s.id AND r.kind = 'itW' ORDER BY date DESC LIMIT 1) AS v
       FROM facility_sites s ORDER BY s.name`,
    )
    .map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      description: String(r.description),
      equipmentCount: Number(r.n),
      latestItW: r.d === null ? null : { date: String(r.d), value: Number(r.v) },
    }));
}

export function siteLimits(ws: Workspace, input: { siteId: number }): SiteLimitsResult {
  const detail = siteDetail(ws, input.siteId);
  const r = computeSiteLimits(siteInputFromDetail(detail));
  if (!r.ok) return { siteId: input.siteId, ok: false, limits: null, error: { field: r.error.field, message: r.error.message }, warnings: [] };
  // Circuits (h/facio, shared/facility/site-circuits.ts): each circuit is one more IT limit.
  const c = withCircuitLimits(detail, r.value);
  return { siteId: input.siteId, ok: true, limits: c.limits, error: null, warnings: [...storedSiteWarnings(detail), ...r.warnings, ...c.warnings] };
}

export function siteCircuits(ws: Workspace, input: { siteId: number; thirdHarmonicFrac?: number | undefined }): SiteCircuitsResult {
  return { siteId: input.siteId, ...siteCircuitReport(siteDetail(ws, input.siteId), input.thirdHarmonicFrac) };
}

// ------------------------------------------------------------------ the site check

/**
 * The field of the caller's input that a site-level refusal points at (`ups.ratedW` → `ratedW`,
 * `load.items.3.nameplateW` → `nameplateW`), or the site-level path when none matches.
 */
function fieldFor(errorField: string, inputKeys: readonly string[]): string {
  const segs = errorField.split('.');
  for (let i = 0; i < segs.length; i++) if (inputKeys.includes(segs[i]!)) return segs.slice(i).join('.');
  return errorField;
}

/** Refuses (and so rolls back) a change after which the calculators cannot run on the site. */
function checkSite(tx: Tx, siteId: number, inputKeys: readonly string[]): void {
  const detail = siteDetail(tx, siteId);
  for (const u of detail.ups) {
    guardField(() => checkUpsModel({ name: u.name, ratedVA: u.ratedVA, ratedW: u.ratedW }, 'ups'), inputKeys);
    if (upsUnitsAfterWorstFailure(u) < 1) throw invalid('units', `${u.redundancy} needs at least 2 units (has ${u.units})`);
  }
  for (const g of detail.generators) {
    if (g.curve) guardField(() => checkFuelCurve(g.curve!), inputKeys);
    if (g.reserveL !== null && g.tankL !== null && g.reserveL >= g.tankL * (g.usableFrac ?? 1)) {
      throw invalid('reserveL', `must be less than the usable volume (${g.tankL * (g.usableFrac ?? 1)} L)`);
    }
  }
  for (const j of detail.backupJobs) {
    if (j.windowH > j.intervalH) throw invalid('windowH', `window longer than interval (${j.windowH} h > ${j.intervalH} h)`);
  }
  const r = computeSiteLimits(siteInputFromDetail(detail));
  if (!r.ok) {
    const field = fieldFor(r.error.field, inputKeys);
    const problem = r.error.message;
    throw invalid(field, problem);
  }
}

function guardField(fn: () => void, inputKeys: readonly string[]): void {
  const r = guard(fn);
  if (!r.ok) throw invalid(fieldFor(r.error.field, inputKeys), r.error.message);
}

// ------------------------------------------------------------------ sites

function quoted(name: unknown): string {
  return `“${String(name)}”`;
}

export const addSite = operation('facility.addSite', (ws, input, write): SiteRecord => {
  const name = input.name.trim();
  if (ws.get('SELECT id FROM facility_sites WHERE name = ?', [name])) {
    throw new HeadroomError('conflict', `there is already a site named ${quoted(name)}`, 'name');
  }
  return write(`Add site ${quoted(name)}`, (tx) => {
    const at = ws.now().toISOString();
    const id = tx.insert(SITES.table, toColumns(SITES, { description: '', ...input, name, createdAt: at, updatedAt: at }));
    checkSite(tx, id, Object.keys(input));
    return siteRow(tx, id);
  });
});

export const updateSite = operation('facility.updateSite', (ws, input, write): SiteRecord => {
  const { id, ...patch } = input;
  const before = siteRow(ws, id);
  if (patch.name !== undefined) {
    patch.name = patch.name.trim();
    const dup = ws.get('SELECT id FROM facility_sites WHERE name = ? AND id <> ?', [patch.name, id]);
    if (dup) throw new HeadroomError('conflict', `there is already a site named ${quoted(patch.name)}`, 'name');
  }
  return write(`Change site ${quoted(before.name)}`, (tx) => {
    tx.update(SITES.table, id, toColumns(SITES, { ...patch, updatedAt: ws.now().toISOString() }));
    checkSite(tx, id, Object.keys(patch));
    return siteRow(tx, id);
  });
});

export const removeSite = operation('facility.removeSite', (ws, input, write): SiteRecord => {
  const site = siteRow(ws, input.id);
  return write(`Remove site ${quoted(site.name)} and everything in it`, (tx) => {
    for (const spec of SITE_CHILDREN) {
      for (const r of tx.all(`SELECT id FROM ${spec.table} WHERE site_id = ? ORDER BY id`, [input.id])) tx.delete(spec.table, Number(r.id));
    }
    tx.delete(SITES.table, input.id);
    return site;
  });
});

// ------------------------------------------------------------------ components

function componentRow<T>(db: Reader, spec: TableSpec, id: number): T & { siteId: number; name: string } {
  const r = db.get(`SELECT * FROM ${spec.table} WHERE id = ?`, [id]);
  if (!r) throw new HeadroomError('not-found', `there is no ${spec.noun} ${id}`, 'id');
  return fromRow(spec, r);
}

/** Battery strings name their vendor table by workspace id or by a bundled key. */
function resolveBatteryTable(tx: Tx, values: Record<string, unknown>): Record<string, unknown> {
  const { tableKey: key, ...rest } = values;
  if (typeof key === 'string') rest.tableId = useBundledTable(tx, key);
  if (typeof rest.tableId === 'number') {
    const t = tx.get('SELECT model_json FROM facility_battery_tables WHERE id = ?', [rest.tableId]);
    if (!t) throw invalid('tableId', `there is no battery table ${rest.tableId}`);
    const model = JSON.parse(String(t.model_json)) as BatteryModel;
    if (rest.endVoltsPerCell === undefined || rest.endVoltsPerCell === null) rest.endVoltsPerCell = model.rows[0]!.endVoltsPerCell;
    guardField(() => tableRow(model, rest.endVoltsPerCell as number), Object.keys(values));
  }
  return rest;
}

function prepare(tx: Tx, kind: ComponentKind, values: Record<string, unknown>): Record<string, unknown> {
  return kind === 'batteryString' ? resolveBatteryTable(tx, values) : values;
}

export function addComponent<T>(ws: Workspace, kind: ComponentKind, input: { siteId: number } & Record<string, unknown>): T {
  const spec = COMPONENTS[kind];
  const site = siteRow(ws, input.siteId);
  const { siteId, ...values } = input;
  return writeAs(ws, COMPONENT_CHANNELS[kind].add)(`Add ${spec.noun} ${quoted(values.name)} to site ${quoted(site.name)}`, (tx) => {
    const fields = prepare(tx, kind, values);
    if (kind === 'batteryString' && fields.method === 'table' && (fields.tableId === undefined || fields.tableId === null)) {
      throw invalid('tableId', 'the table method needs a vendor battery table (tableId or tableKey)');
    }
    const id = tx.insert(spec.table, { site_id: siteId, ...toColumns(spec, fields) });
    checkSite(tx, siteId, Object.keys(values));
    return componentRow<T>(tx, spec, id);
  });
}

export function updateComponent<T>(ws: Workspace, kind: ComponentKind, input: { id: number } & Record<string, unknown>): T {
  const spec = COMPONENTS[kind];
  const { id, ...values } = input;
  const before = componentRow<Record<string, unknown>>(ws, spec, id);
  return writeAs(ws, COMPONENT_CHANNELS[kind].update)(`Change ${spec.noun} ${quoted(before.name)}`, (tx) => {
    const patch = toColumns(spec, prepare(tx, kind, values));
    if (Object.keys(patch).length > 0) tx.update(spec.table, id, patch);
    checkSite(tx, before.siteId, Object.keys(values));
    return componentRow<T>(tx, spec, id);
  });
}

export function removeComponent<T>(ws: Workspace, kind: ComponentKind, input: { id: number }): T {
  const spec = COMPONENTS[kind];
  const before = componentRow<T>(ws, spec, input.id);
  return writeAs(ws, COMPONENT_CHANNELS[kind].remove)(`Remove ${spec.noun} ${quoted(before.name)}`, (tx) => {
    tx.delete(spec.table, input.id);
    return before;
  });
}

// ------------------------------------------------------------------ readings

const KIND_LABEL: Record<ReadingKind, string> = { itW: 'IT load', dataBytes: 'protected data' };

export function insertReading(tx: Tx, siteId: number, r: { kind: ReadingKind; date: string; value: number; note?: string | undefined }): number {
  const existing = tx.get('SELECT id FROM facility_readings WHERE site_id = ? AND kind = ? AND date = ?', [siteId, r.kind, r.date]);
  if (existing) {
    tx.update(READINGS.table, Number(existing.id), { value: r.value, note: r.note ?? '' });
    return Number(existing.id);
  }
  return tx.insert(READINGS.table, { site_id: siteId, kind: r.kind, date: r.date, value: r.value, note: r.note ?? '' });
}

export const recordReading = operation('facility.recordReading', (ws, input, write): ReadingRecord => {
  const site = siteRow(ws, input.siteId);
  return write(`Record ${KIND_LABEL[input.kind]} ${input.value} on ${input.date} at site ${quoted(site.name)}`, (tx) => {
    const id = insertReading(tx, input.siteId, input);
    checkSite(tx, input.siteId, ['value', 'date', 'kind']);
    return componentRow<ReadingRecord>(tx, READINGS, id);
  });
});

export const removeReading = operation('facility.removeReading', (ws, input, write): ReadingRecord => {
  const before = componentRow<ReadingRecord>(ws, READINGS, input.id);
  return write(`Remove the ${KIND_LABEL[before.kind]} reading of ${before.date}`, (tx) => {
    tx.delete(READINGS.table, input.id);
    return before;
  });
});
