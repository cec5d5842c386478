/**
 * A site as the workspace stores it (one record per table row) and its translation into the
 * calculators' SiteInput. Pure, so the service (to refuse a change that leaves the site
 * inconsistent) and the Facility screen (to recompute as the planner types) use the same map.
 *
 * One of each component feeds the limits: the first UPS, battery string, generator and
 * cooling group (lowest id); every backup job is one window limit.
 */
import type { BatteryModel, TablePoint } from './battery-table';
import { tableRow } from './battery-table';
import type { FuelCurvePoint } from './fuel';
import type { CircuitPhase, CircuitRule, PhaseName } from './circuits';
import type { SiteInput } from './site';

export const UPS_REDUNDANCIES = ['N', 'N+1', '2N'] as const;
export type UpsRedundancy = (typeof UPS_REDUNDANCIES)[number];
export const BATTERY_METHODS = ['table', 'peukert', 'energy'] as const;
export type BatteryMethodName = (typeof BATTERY_METHODS)[number];
export const READING_KINDS = ['itW', 'dataBytes'] as const;
export type ReadingKind = (typeof READING_KINDS)[number];

export interface SiteFields {
  name: string;
  description: string;
  loadPf: number;
  peakFactor: number | null;
  nameplateToActualFrac: number | null;
  simultaneityFrac: number | null;
  growthMarginFrac: number | null;
  lineVoltageV: number | null;
  altitudeM: number;
  ambientC: number;
  areaM2: number;
  maxPeople: number;
  /** Backup side of the site: the link the jobs share and the data's behaviour. */
  backupLinkBitsPerS: number | null;
  backupLinkShareFrac: number | null;
  dailyChangeFrac: number | null;
  compressionRatio: number | null;
  dedupRatio: number | null;
  rtoH: number | null;
  incrementalsInChain: number | null;
  repoCapacityBytes: number | null;
  backupCopies: number | null;
  fullsRetained: number | null;
  incrementalsRetained: number | null;
}

export interface EquipmentFields {
  name: string;
  qty: number;
  nameplateW: number;
  measuredW: number | null;
  /** The line a single-phase item sits on; null: spread evenly over L1–L3 (shared/facility/circuits.ts). */
  phase: PhaseName | null;
  /** The circuit (by name) that feeds it; null: not assigned. */
  circuit: string | null;
}

export interface CircuitFields {
  name: string;
  breakerA: number;
  rule: CircuitRule;
  phase: CircuitPhase;
  voltageV: number;
  deratingFrac: number | null;
}

export interface UpsFields {
  name: string;
  /** One unit (or module) of the system. */
  ratedVA: number;
  ratedW: number;
  units: number;
  redundancy: UpsRedundancy;
  maxLoadFrac: number | null;
  upsEff: number;
}

export interface BatteryStringFields {
  name: string;
  method: BatteryMethodName;
  /** facility_battery_tables row (table method). */
  tableId: number | null;
  endVoltsPerCell: number | null;
  strings: number;
  blocksPerString: number;
  blockV: number;
  cellsPerBlock: number;
  ratedAh: number | null;
  ratedHours: number | null;
  dodFrac: number | null;
  k: number | null;
  inverterEff: number;
  batteryTempC: number | null;
  agingFactor: number | null;
  requiredMin: number;
  chargeCurrentA: number;
  floatVoltsPerCell: number;
  chargerEff: number;
}

export interface GeneratorFields {
  name: string;
  ratingW: number;
  upsGenFactor: number | null;
  espAvgLoadFrac: number | null;
  otherRunningW: number;
  curve: FuelCurvePoint[] | null;
  tankL: number | null;
  usableFrac: number | null;
  reserveL: number | null;
  requiredAutonomyH: number | null;
  classH: number | null;
}

export interface CoolingUnitFields {
  name: string;
  unitTotalW: number;
  shr: number;
  installedUnits: number;
}

export interface BackupJobFields {
  name: string;
  job: 'full' | 'incremental' | 'differential';
  windowH: number;
  intervalH: number;
  days: number | null;
  fixedOverheadH: number | null;
}

export interface ReadingFields {
  kind: ReadingKind;
  date: string;
  value: number;
  note: string;
}

type Row<F> = F & { id: number };
type Child<F> = Row<F> & { siteId: number };

export type SiteRecord = Row<SiteFields> & { createdAt: string; updatedAt: string };
export type EquipmentRecord = Child<EquipmentFields>;
export type UpsRecord = Child<UpsFields>;
export type BatteryStringRecord = Child<BatteryStringFields>;
export type GeneratorRecord = Child<GeneratorFields>;
export type CoolingUnitRecord = Child<CoolingUnitFields>;
export type BackupJobRecord = Child<BackupJobFields>;
export type CircuitRecord = Child<CircuitFields>;
export type ReadingRecord = Child<ReadingFields>;

export interface BatteryTableRecord {
  id: number;
  model: BatteryModel;
}

export interface SiteDetail {
  site: SiteRecord;
  equipment: EquipmentRecord[];
  ups: UpsRecord[];
  batteryStrings: BatteryStringRecord[];
  generators: GeneratorRecord[];
  coolingUnits: CoolingUnitRecord[];
  backupJobs: BackupJobRecord[];
  /** Branch circuits and PDUs (shared/facility/circuits.ts). */
  circuits: CircuitRecord[];
  /** By kind, then date ascending. */
  readings: ReadingRecord[];
  /** The vendor tables the site's strings use. */
  batteryTables: BatteryTableRecord[];
}

/** Units left carrying the load after the worst single failure. */
export function upsUnitsAfterWorstFailure(ups: Pick<UpsFields, 'units' | 'redundancy'>): number {
  switch (ups.redundancy) {
    case 'N':
      return ups.units;
    case 'N+1':
      return ups.units - 1;
    case '2N':
      return Math.floor(ups.units / 2);
  }
}

export function rechargeW(b: Pick<BatteryStringFields, 'chargeCurrentA' | 'floatVoltsPerCell' | 'chargerEff' | 'blocksPerString' | 'cellsPerBlock'>): number {
  return (b.chargeCurrentA * b.floatVoltsPerCell * b.blocksPerString * b.cellsPerBlock) / b.chargerEff;
}

/** The newest reading of a kind, or null. */
export function latestReading(readings: readonly ReadingRecord[], kind: ReadingKind): ReadingRecord | null {
  let best: ReadingRecord | null = null;
  for (const r of readings) if (r.kind === kind && (!best || r.date > best.date)) best = r;
  return best;
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** The table points of a string, from its vendor table at its end voltage (null without one). */
export function stringTable(b: BatteryStringFields, tables: readonly BatteryTableRecord[]): TablePoint[] | null {
  const t = tables.find((x) => x.id === b.tableId);
  if (!t) return null;
  try {
    return tableRow(t.model, b.endVoltsPerCell ?? t.model.rows[0]!.endVoltsPerCell);
  } catch {
    return null; // no row at that end voltage: the battery limit refuses the empty table by name
  }
}

/** The site as the calculators take it. Fields the site lacks are left out (that limit is not computed). */
export function siteInputFromDetail(d: SiteDetail): SiteInput {
  const s = d.site;
  const input: SiteInput = {
    load: {
      items: d.equipment.map((e) => ({ name: e.name, qty: e.qty, nameplateW: e.nameplateW, ...(e.measuredW === null ? {} : { measuredW: e.measuredW }) })),
      loadPf: s.loadPf,
      nameplateToActualFrac: opt(s.nameplateToActualFrac),
      peakFactor: opt(s.peakFactor),
      simultaneityFrac: opt(s.simultaneityFrac),
      growthMarginFrac: opt(s.growthMarginFrac),
      lineVoltageV: opt(s.lineVoltageV),
    },
  };
  const ups = d.ups[0];
  if (ups) {
    const n = upsUnitsAfterWorstFailure(ups);
    input.ups = { ratedW: n * ups.ratedW, ratedVA: n * ups.ratedVA, maxUpsLoadFrac: opt(ups.maxLoadFrac) as number | undefined };
  }
  const bat = d.batteryStrings[0];
  if (bat) {
    const common = {
      inverterEff: bat.inverterEff,
      strings: bat.strings,
      blocksPerString: bat.blocksPerString,
      blockV: bat.blockV,
      cellsPerBlock: bat.cellsPerBlock,
      requiredMin: bat.requiredMin,
      ...(bat.batteryTempC === null ? {} : { batteryTempC: bat.batteryTempC }),
      ...(bat.agingFactor === null ? {} : { agingFactor: bat.agingFactor }),
    };
    if (bat.method === 'table') {
      input.battery = { method: 'table', ...common, table: stringTable(bat, d.batteryTables) ?? [] };
    } else if (bat.method === 'peukert') {
      input.battery = { method: 'peukert', ...common, ratedAh: bat.ratedAh ?? NaN, ratedHours: bat.ratedHours ?? NaN, k: bat.k ?? NaN };
    } else {
      input.battery = { method: 'energy', ...common, ratedAh: bat.ratedAh ?? NaN, ratedHours: bat.ratedHours ?? NaN, dodFrac: bat.dodFrac ?? 1 };
    }
  }
  const gen = d.generators[0];
  if (gen) {
    input.generator = {
      ratingW: gen.ratingW,
      upsEff: ups?.upsEff ?? 1,
      rechargeW: bat ? rechargeW(bat) : 0,
      otherRunningW: gen.otherRunningW,
      upsGenFactor: opt(gen.upsGenFactor),
      espAvgLoadFrac: opt(gen.espAvgLoadFrac),
      altitudeM: s.altitudeM,
      ambientC: s.ambientC,
    };
    if (gen.tankL !== null && gen.requiredAutonomyH !== null) {
      input.fuel = {
        usableL: gen.tankL * (gen.usableFrac ?? 1) - (gen.reserveL ?? 0),
        requiredAutonomyH: gen.requiredAutonomyH,
        ...(gen.curve ? { curve: gen.curve } : {}),
      };
    }
  }
  const cool = d.coolingUnits[0];
  if (cool) {
    input.cooling = {
      unitTotalW: cool.unitTotalW,
      shr: cool.shr,
      installedUnits: cool.installedUnits,
      upsRatingW: ups ? ups.units * ups.ratedW : 0,
      areaM2: s.areaM2,
      maxPeople: s.maxPeople,
    };
  }
  const data = latestReading(d.readings, 'dataBytes');
  if (s.backupLinkBitsPerS !== null && (d.backupJobs.length > 0 || s.rtoH !== null || s.repoCapacityBytes !== null)) {
    const change = s.dailyChangeFrac ?? 0;
    input.backup = {
      dataBytes: data?.value ?? 0,
      dailyChangeFrac: change,
      throughput: { linkBitsPerS: s.backupLinkBitsPerS, linkShareFrac: opt(s.backupLinkShareFrac) },
      compressionRatio: opt(s.compressionRatio) as number | undefined,
      dedupRatio: opt(s.dedupRatio) as number | undefined,
      windows: d.backupJobs.map((j) => ({
        name: j.name,
        job: j.job,
        windowH: j.windowH,
        ...(j.days === null ? (j.job === 'full' ? {} : { days: j.intervalH / 24 }) : { days: j.days }),
        ...(j.fixedOverheadH === null ? {} : { fixedOverheadH: j.fixedOverheadH }),
      })),
      ...(s.rtoH === null ? {} : { restore: { rtoH: s.rtoH, incrementalsInChain: s.incrementalsInChain ?? 0 } }),
      ...(s.repoCapacityBytes === null
        ? {}
        : {
            storage: {
              capacityBytes: s.repoCapacityBytes,
              backupCopies: s.backupCopies ?? 1,
              fullsRetained: s.fullsRetained ?? 1,
              incrementalsRetained: s.incrementalsRetained ?? 0,
            },
          }),
    };
  }
  return input;
}
