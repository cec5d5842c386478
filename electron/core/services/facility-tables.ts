/**
 * How facility records map to their tables: camelCase fields ↔ snake_case columns
 * (`ratedVA` ↔ `rated_va`), JSON columns ending in `_json`. One spec per table keeps the
 * use-cases in facility.ts generic (add, update, remove are the same for every component).
 */
import type { SqlParam } from '../workspace/journal';
import type { Row } from '../workspace/tx';

export interface TableSpec {
  table: string;
  /** What the audit log calls one row ("UPS system"). */
  noun: string;
  /** Fields stored as columns, camelCase. */
  fields: readonly string[];
  /** Fields stored as JSON text in `<snake>_json`. */
  json?: readonly string[];
}

export function snake(field: string): string {
  return field.replace(/([a-z0-9])([A-Z]+)/g, '$1_$2').toLowerCase();
}

export function column(spec: TableSpec, field: string): string {
  return spec.json?.includes(field) ? `${snake(field)}_json` : snake(field);
}

/** A record's fields → a row patch (only the fields present in `values`). */
export function toColumns(spec: TableSpec, values: Record<string, unknown>): Record<string, SqlParam> {
  const out: Record<string, SqlParam> = {};
  for (const f of [...spec.fields, ...(spec.json ?? [])]) {
    if (!(f in values) || values[f] === undefined) continue;
    const v = values[f];
    out[column(spec, f)] = spec.json?.includes(f) ? (v === null ? null : JSON.stringify(v)) : (v as SqlParam);
  }
  return out;
}

/** A row → the record (`id`, `siteId` and every field). */
export function fromRow<T>(spec: TableSpec, row: Row): T {
  const out: Record<string, unknown> = { id: Number(row.id) };
  if ('site_id' in row) out.siteId = Number(row.site_id);
  for (const f of spec.fields) out[f] = row[snake(f)] ?? null;
  for (const f of spec.json ?? []) {
    const raw = row[`${snake(f)}_json`];
    out[f] = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : null;
  }
  return out as T;
}

export const SITES: TableSpec = {
  table: 'facility_sites',
  noun: 'site',
  fields: [
    'name',
    'description',
    'loadPf',
    'peakFactor',
    'nameplateToActualFrac',
    'simultaneityFrac',
    'growthMarginFrac',
    'lineVoltageV',
    'altitudeM',
    'ambientC',
    'areaM2',
    'maxPeople',
    'backupLinkBitsPerS',
    'backupLinkShareFrac',
    'dailyChangeFrac',
    'compressionRatio',
    'dedupRatio',
    'rtoH',
    'incrementalsInChain',
    'repoCapacityBytes',
    'backupCopies',
    'fullsRetained',
    'incrementalsRetained',
    'generatorRedundancy',
    'motorHp',
    'motorCode',
    'rideThroughMin',
    'shutdownMin',
    'runtimeMarginMin',
    'mediaKinds',
    'offsiteCopies',
    'facilityEnergyWh',
    'itEnergyWh',
    'createdAt',
    'updatedAt',
  ],
};

export const EQUIPMENT: TableSpec = { table: 'facility_equipment', noun: 'equipment', fields: ['name', 'qty', 'nameplateW', 'measuredW', 'phase', 'circuit'] };

export const UPS: TableSpec = {
  table: 'facility_ups',
  noun: 'UPS system',
  fields: ['name', 'ratedVA', 'ratedW', 'units', 'redundancy', 'maxLoadFrac', 'upsEff', 'feed'],
};

export const BATTERY_STRINGS: TableSpec = {
  table: 'facility_battery_strings',
  noun: 'battery string',
  fields: [
    'name',
    'method',
    'tableId',
    'endVoltsPerCell',
    'strings',
    'blocksPerString',
    'blockV',
    'cellsPerBlock',
    'ratedAh',
    'ratedHours',
    'dodFrac',
    'k',
    'inverterEff',
    'batteryTempC',
    'agingFactor',
    'requiredMin',
    'chargeCurrentA',
    'floatVoltsPerCell',
    'chargerEff',
    'upsId',
    'installDate',
    'designLifeYears',
  ],
};

export const GENERATORS: TableSpec = {
  table: 'facility_generators',
  noun: 'generator',
  fields: [
    'name',
    'ratingW',
    'upsGenFactor',
    'espAvgLoadFrac',
    'otherRunningW',
    'tankL',
    'usableFrac',
    'reserveL',
    'requiredAutonomyH',
    'classH',
    'tank',
    'deratingRule',
    'performanceClass',
    'maxStepFrac',
  ],
  json: ['curve', 'deratingTable'],
};

export const COOLING_UNITS: TableSpec = {
  table: 'facility_cooling_units',
  noun: 'cooling units',
  fields: ['name', 'unitTotalW', 'shr', 'installedUnits'],
};

export const BACKUP_JOBS: TableSpec = {
  table: 'facility_backup_jobs',
  noun: 'backup job',
  fields: ['name', 'job', 'windowH', 'intervalH', 'days', 'fixedOverheadH'],
};

export const READINGS: TableSpec = { table: 'facility_readings', noun: 'reading', fields: ['kind', 'date', 'value', 'note'] };

/** The component tables of a site, in the order a site's removal deletes them. */
/** Branch circuits and PDUs (shared/facility/circuits.ts); equipment names its circuit. */
export const CIRCUITS: TableSpec = {
  table: 'facility_circuits',
  noun: 'circuit',
  fields: ['name', 'breakerA', 'rule', 'phase', 'voltageV', 'deratingFrac'],
};

export const SITE_CHILDREN: readonly TableSpec[] = [EQUIPMENT, UPS, BATTERY_STRINGS, GENERATORS, COOLING_UNITS, BACKUP_JOBS, CIRCUITS, READINGS];
