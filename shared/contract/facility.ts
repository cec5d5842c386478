/**
 * facility.*: sites with their equipment, UPS systems, battery strings (with vendor
 * constant-power tables), generators with fuel curves and tanks, cooling units, backup jobs,
 * and dated readings (measured IT load, protected data) that the forecasts fit.
 * Each field's range here is the spec's (specs/facility.md); whatever depends on several
 * fields is checked by the service with the calculators themselves.
 */
import { z } from 'zod';
import { batteryModelSchema } from '../facility/battery-table';
import type { BatteryModel } from '../facility/battery-table';
import type { SiteLimits } from '../facility/site';
import { DERATING_RULE_NAMES, PERFORMANCE_CLASSES, type DeratingRuleName } from '../facility/derating';
import { LOCKED_ROTOR_KVA_PER_HP, type MotorCode } from '../facility/generator';
import {
  BATTERY_METHODS,
  GENERATOR_REDUNDANCIES,
  UPS_FEEDS,
  READING_KINDS,
  UPS_REDUNDANCIES,
  type BackupJobRecord,
  type CircuitRecord,
  type BatteryStringRecord,
  type CoolingUnitRecord,
  type EquipmentRecord,
  type GeneratorRecord,
  type ReadingRecord,
  type SiteDetail,
  type SiteRecord,
  type UpsRecord,
} from '../facility/site-record';
import { circuitFields, PHASES3 } from '../facility/circuits';
import type { PhaseReport } from '../facility/circuits';
import { mutation, query } from './define';
import { isoDay } from './registry';

export type {
  CircuitRecord,
  BackupJobRecord,
  BatteryStringRecord,
  CoolingUnitRecord,
  EquipmentRecord,
  GeneratorRecord,
  ReadingRecord,
  SiteDetail,
  SiteRecord,
  UpsRecord,
} from '../facility/site-record';

export interface SiteSummary {
  id: number;
  name: string;
  description: string;
  equipmentCount: number;
  latestItW: { date: string; value: number } | null;
}

/** `site apply`: the site the document created or replaced, and the warnings it raised. */
export interface SiteApplyResult {
  siteId: number;
  name: string;
  created: boolean;
  warnings: string[];
}

export interface BatteryTableInfo {
  /** Workspace row id, or null for a bundled table not yet used in this workspace. */
  id: number | null;
  key: string;
  model: BatteryModel;
}

export interface SiteLimitsResult {
  siteId: number;
  ok: boolean;
  limits: SiteLimits | null;
  error: { field: string; message: string } | null;
  warnings: string[];
}

// ------------------------------------------------------------------ field ranges (spec §0–§7)

const MOTOR_CODES = Object.keys(LOCKED_ROTOR_KVA_PER_HP) as [MotorCode, ...MotorCode[]];
const num = () => z.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number');
const positive = () => num().refine((v) => v > 0, 'must be greater than 0');
const nonNegative = () => num().refine((v) => v >= 0, 'must not be negative');
const frac = () => num().refine((v) => v > 0 && v <= 1, 'must be a fraction in (0, 1]');
const fracOrZero = () => num().refine((v) => v >= 0 && v <= 1, 'must be a fraction in [0, 1]');
const int = (min: number) => num().refine((v) => Number.isInteger(v) && v >= min, `must be a whole number of at least ${min}`);
const range = (min: number, max: number) => num().refine((v) => v >= min && v <= max, `must be between ${min} and ${max}`);
const ratio = () => num().refine((v) => v >= 1, 'must be at least 1 (a "ratio" below 1 is a units mistake)');
const name = z.string().trim().min(1, 'is required').max(200, 'is longer than 200 characters');
const id = z.number().int().positive();
const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

export const siteFields = {
  name,
  description: z.string().max(2000).optional(),
  loadPf: frac(),
  peakFactor: nullable(range(1, 2)),
  nameplateToActualFrac: nullable(frac()),
  simultaneityFrac: nullable(frac()),
  growthMarginFrac: nullable(range(0, 2)),
  lineVoltageV: nullable(positive()),
  altitudeM: range(-500, 5000).optional(),
  ambientC: range(-40, 60).optional(),
  areaM2: nonNegative().optional(),
  maxPeople: int(0).optional(),
  backupLinkBitsPerS: nullable(positive()),
  backupLinkShareFrac: nullable(frac()),
  dailyChangeFrac: nullable(fracOrZero()),
  compressionRatio: nullable(ratio()),
  dedupRatio: nullable(ratio()),
  rtoH: nullable(positive()),
  incrementalsInChain: nullable(int(0)),
  repoCapacityBytes: nullable(positive()),
  backupCopies: nullable(int(1)),
  fullsRetained: nullable(int(1)),
  incrementalsRetained: nullable(int(0)),
  generatorRedundancy: z.enum(GENERATOR_REDUNDANCIES, { error: () => `must be one of ${GENERATOR_REDUNDANCIES.join(', ')}` }).optional(),
  motorHp: nullable(positive()),
  motorCode: nullable(z.enum(MOTOR_CODES, { error: () => `must be one of ${MOTOR_CODES.join(', ')}` })),
  rideThroughMin: nullable(positive()),
  shutdownMin: nullable(positive()),
  runtimeMarginMin: nullable(nonNegative()),
  mediaKinds: nullable(int(1)),
  offsiteCopies: nullable(int(0)),
  facilityEnergyWh: nullable(positive()),
  itEnergyWh: nullable(positive()),
};

export const equipmentFields = {
  name,
  qty: int(0),
  nameplateW: positive(),
  measuredW: nullable(nonNegative()),
  phase: nullable(z.enum(PHASES3, { error: () => `must be one of ${PHASES3.join(', ')}` })),
  circuit: nullable(z.string().trim().min(1, 'is required').max(200, 'is longer than 200 characters')),
};

export const upsFields = {
  name,
  ratedVA: positive(),
  ratedW: positive(),
  units: int(1).optional(),
  redundancy: z.enum(UPS_REDUNDANCIES, { error: () => `must be one of ${UPS_REDUNDANCIES.join(', ')}` }).optional(),
  maxLoadFrac: nullable(frac()),
  upsEff: frac(),
  feed: nullable(z.enum(UPS_FEEDS, { error: () => `must be one of ${UPS_FEEDS.join(', ')}` })),
};

export const batteryStringFields = {
  name,
  method: z.enum(BATTERY_METHODS, { error: () => `must be one of ${BATTERY_METHODS.join(', ')}` }),
  /** A workspace table id, or a bundled table's key (copied into the workspace on first use). */
  tableId: nullable(id),
  tableKey: z.string().min(1).optional(),
  endVoltsPerCell: nullable(positive()),
  strings: int(1),
  blocksPerString: int(1),
  blockV: positive(),
  cellsPerBlock: int(1),
  ratedAh: nullable(positive()),
  ratedHours: nullable(positive()),
  dodFrac: nullable(frac()),
  k: nullable(range(1, 1.6)),
  inverterEff: frac(),
  batteryTempC: nullable(num().refine((v) => v >= -3.9, 'is below the IEEE 485 table (−3.9 °C)')),
  agingFactor: nullable(range(1, 2)),
  requiredMin: positive(),
  chargeCurrentA: nonNegative(),
  floatVoltsPerCell: positive(),
  chargerEff: frac(),
  upsId: nullable(id),
  installDate: nullable(isoDay),
  designLifeYears: nullable(range(0.5, 30)),
};

const curvePoint = z.object({ loadFrac: frac(), lPerH: positive() });

export const generatorFields = {
  name,
  ratingW: positive(),
  upsGenFactor: nullable(range(1, 3)),
  espAvgLoadFrac: nullable(frac()),
  otherRunningW: nonNegative().optional(),
  curve: nullable(z.array(curvePoint)),
  tankL: nullable(positive()),
  usableFrac: nullable(frac()),
  reserveL: nullable(nonNegative()),
  requiredAutonomyH: nullable(positive()),
  classH: nullable(positive()),
  tank: nullable(z.string().trim().min(1, 'is required').max(200, 'is longer than 200 characters')),
  deratingRule: nullable(
    z.enum(DERATING_RULE_NAMES as [DeratingRuleName, ...DeratingRuleName[]], { error: () => `must be one of ${DERATING_RULE_NAMES.join(', ')}` }),
  ),
  deratingTable: nullable(z.array(z.object({ altitudeM: range(-500, 5000), ambientC: range(-40, 60), factor: frac() })).min(1, 'needs at least one row')),
  performanceClass: nullable(z.enum(PERFORMANCE_CLASSES, { error: () => `must be one of ${PERFORMANCE_CLASSES.join(', ')}` })),
  maxStepFrac: nullable(frac()),
};

export const coolingUnitFields = {
  name,
  unitTotalW: positive(),
  shr: frac(),
  installedUnits: int(1),
};

export const backupJobFields = {
  name,
  job: z.enum(['full', 'incremental', 'differential'], { error: () => 'must be one of full, incremental, differential' }),
  windowH: positive(),
  intervalH: positive(),
  days: nullable(nonNegative()),
  fixedOverheadH: nullable(nonNegative()),
};

/** A shape with every field optional: what an update may change. */
function partial<S extends z.ZodRawShape>(shape: S) {
  return z.object(shape).partial();
}

const siteRef = { siteId: id };
const rowRef = { id };

export const addSiteInput = z.object(siteFields);
export const addEquipmentInput = z.object({ ...siteRef, ...equipmentFields });
export const addUpsInput = z.object({ ...siteRef, ...upsFields });
export const addBatteryStringInput = z.object({ ...siteRef, ...batteryStringFields });
export const addGeneratorInput = z.object({ ...siteRef, ...generatorFields });
export const addCoolingUnitInput = z.object({ ...siteRef, ...coolingUnitFields });
export const addBackupJobInput = z.object({ ...siteRef, ...backupJobFields });
export const addCircuitInput = z.object({ ...siteRef, ...circuitFields });

/** `site circuits`: each circuit's breaker check, the phase split and the neutral current. */
export interface SiteCircuitsResult extends PhaseReport {
  siteId: number;
}

export const facilityOps = {
  'facility.listSites': query<SiteSummary[]>()(z.object({}), 'Sites, by name'),
  'facility.getSite': query<SiteDetail>()(z.object(siteRef), 'One site with everything in it'),
  'facility.siteLimits': query<SiteLimitsResult>()(z.object(siteRef), 'Every limit of a site (spec §8) against today’s load'),
  'facility.addSite': mutation<SiteRecord>()(addSiteInput, 'Add a site'),
  'facility.updateSite': mutation<SiteRecord>()(z.object({ ...rowRef, ...partial(siteFields).shape }), 'Change a site'),
  'facility.removeSite': mutation<SiteRecord>()(z.object(rowRef), 'Remove a site and everything in it'),
  'facility.siteDocument': query<Record<string, unknown>>()(z.object(siteRef), 'A site as one JSON document (site show --json)'),
  // The document is checked by the service (shared/facility/site-document.ts), which reports every bad field at once.
  'facility.applySite': mutation<SiteApplyResult>()(z.object({ document: z.unknown() }), 'Create or replace the site a document names, in one undoable change'),

  'facility.addEquipment': mutation<EquipmentRecord>()(addEquipmentInput, 'Add equipment to a site'),
  'facility.updateEquipment': mutation<EquipmentRecord>()(z.object({ ...rowRef, ...partial(equipmentFields).shape }), 'Change equipment'),
  'facility.removeEquipment': mutation<EquipmentRecord>()(z.object(rowRef), 'Remove equipment'),

  'facility.addUps': mutation<UpsRecord>()(addUpsInput, 'Add a UPS system'),
  'facility.updateUps': mutation<UpsRecord>()(z.object({ ...rowRef, ...partial(upsFields).shape }), 'Change a UPS system'),
  'facility.removeUps': mutation<UpsRecord>()(z.object(rowRef), 'Remove a UPS system'),

  'facility.addBatteryString': mutation<BatteryStringRecord>()(addBatteryStringInput, 'Add a battery string'),
  'facility.updateBatteryString': mutation<BatteryStringRecord>()(z.object({ ...rowRef, ...partial(batteryStringFields).shape }), 'Change a battery string'),
  'facility.removeBatteryString': mutation<BatteryStringRecord>()(z.object(rowRef), 'Remove a battery string'),

  'facility.addGenerator': mutation<GeneratorRecord>()(addGeneratorInput, 'Add a generator with its fuel curve and tank'),
  'facility.updateGenerator': mutation<GeneratorRecord>()(z.object({ ...rowRef, ...partial(generatorFields).shape }), 'Change a generator'),
  'facility.removeGenerator': mutation<GeneratorRecord>()(z.object(rowRef), 'Remove a generator'),

  'facility.addCoolingUnit': mutation<CoolingUnitRecord>()(addCoolingUnitInput, 'Add a group of cooling units'),
  'facility.updateCoolingUnit': mutation<CoolingUnitRecord>()(z.object({ ...rowRef, ...partial(coolingUnitFields).shape }), 'Change a group of cooling units'),
  'facility.removeCoolingUnit': mutation<CoolingUnitRecord>()(z.object(rowRef), 'Remove a group of cooling units'),

  'facility.addBackupJob': mutation<BackupJobRecord>()(addBackupJobInput, 'Add a backup job'),
  'facility.updateBackupJob': mutation<BackupJobRecord>()(z.object({ ...rowRef, ...partial(backupJobFields).shape }), 'Change a backup job'),
  'facility.removeBackupJob': mutation<BackupJobRecord>()(z.object(rowRef), 'Remove a backup job'),

  'facility.addCircuit': mutation<CircuitRecord>()(addCircuitInput, 'Add a branch circuit or PDU'),
  'facility.updateCircuit': mutation<CircuitRecord>()(z.object({ ...rowRef, ...partial(circuitFields).shape }), 'Change a circuit'),
  'facility.removeCircuit': mutation<CircuitRecord>()(z.object(rowRef), 'Remove a circuit'),
  'facility.siteCircuits': query<SiteCircuitsResult>()(
    z.object({ ...siteRef, thirdHarmonicFrac: z.number().min(0).max(1).optional() }),
    'Each circuit against its breaker, the phase split, imbalance and neutral current',
  ),

  'facility.recordReading': mutation<ReadingRecord>()(
    z.object({
      ...siteRef,
      kind: z.enum(READING_KINDS, { error: () => `must be one of ${READING_KINDS.join(', ')}` }),
      date: isoDay,
      value: nonNegative(),
      note: z.string().max(500).optional(),
    }),
    'Record a dated reading (measured IT load W, protected data bytes); replaces that day’s',
  ),
  'facility.removeReading': mutation<ReadingRecord>()(z.object(rowRef), 'Remove a reading'),

  'facility.listBatteryTables': query<BatteryTableInfo[]>()(z.object({}), 'Vendor battery tables: the workspace’s and the bundled ones'),
  'facility.addBatteryTable': mutation<BatteryTableInfo>()(z.object({ model: batteryModelSchema }), 'Add a vendor battery table'),
};
