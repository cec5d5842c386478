/**
 * A site as the workspace stores it (one record per table row) and its translation into the
 * calculators' SiteInput. Pure, so the service (to refuse a change that leaves the site
 * inconsistent) and the Facility screen (to recompute as the planner types) use the same map.
 *
 * Every component counts (components.ts says how they combine and what the worst single
 * failure leaves); every backup job is one window limit.
 */
import type { BatteryModel, TablePoint } from './battery-table';
import { tableRow } from './battery-table';
import { combineUps, type GeneratorRedundancy, type UpsFeed, type UpsRedundancy, type UpsSystemInput } from './components';
import type { DeratingRuleName, DeratingTablePoint, PerformanceClass } from './derating';
import type { FuelCurvePoint } from './fuel';
import type { MotorCode } from './generator';
import type { GeneratorSetInput, NamedBatteryString, SiteInput, TankInput } from './site';
import { UPS_DEFAULTS } from './ups';
import type { CircuitPhase, CircuitRule, PhaseName } from './circuits';

export {
  GENERATOR_REDUNDANCIES,
  UPS_FEEDS,
  UPS_REDUNDANCIES,
  upsUnitsAfterWorstFailure,
  type GeneratorRedundancy,
  type UpsFeed,
  type UpsRedundancy,
} from './components';
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
  /** N+1 among the generator sets (the worst set failed) or N (all needed). */
  generatorRedundancy: GeneratorRedundancy;
  /** The largest motor, started last on the generators, and its NEC 430.7(B) code letter. */
  motorHp: number | null;
  motorCode: MotorCode | null;
  /** Required runtime's parts (battery.ts requiredRuntimeMin): ride-through, orderly shutdown, margin, minutes. */
  rideThroughMin: number | null;
  shutdownMin: number | null;
  runtimeMarginMin: number | null;
  /** The 3-2-1 rule's other two counts, beside backupCopies. */
  mediaKinds: number | null;
  offsiteCopies: number | null;
  /** Energy over one period (12 months preferred), Wh: PUE = facility / IT. */
  facilityEnergyWh: number | null;
  itEnergyWh: number | null;
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
  /** A or B feed (2N across systems), or null: systems in parallel. */
  feed: UpsFeed | null;
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
  /** The UPS system it backs (null: the site's first). */
  upsId: number | null;
  /** ISO date the string went in, and its design life at 25 °C (VRLA 3–5, long-life 10 years). */
  installDate: string | null;
  designLifeYears: number | null;
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
  /** Sets naming the same tank draw from it together; null: the set's own tank (if tankL). */
  tank: string | null;
  /** A maker rule by name, or the planner's own table; neither: the conservative default. */
  deratingRule: DeratingRuleName | null;
  deratingTable: DeratingTablePoint[] | null;
  /** ISO 8528-5 class and the load step the set accepts at it, as a fraction of its rating. */
  performanceClass: PerformanceClass | null;
  maxStepFrac: number | null;
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
  const systems = upsSystems(d);
  const ups = systems.length > 0 ? combineUps(systems) : null;
  if (ups) input.ups = { ratedW: ups.usableW, ratedVA: ups.usableVA, maxUpsLoadFrac: 1, worstFailure: ups.worstFailure, unfed: ups.unfed };
  const buses = batteryBuses(d);
  if (buses.length > 0) input.batteries = buses;
  if (d.generators.length > 0) {
    const { sets, tanks } = generatorSets(d);
    input.generators = {
      sets,
      redundancy: s.generatorRedundancy ?? 'N',
      upsEff: ups?.upsEff ?? 1,
      rechargeW: d.batteryStrings.reduce((a, b) => a + rechargeW(b), 0),
      otherRunningW: Math.max(0, ...d.generators.map((g) => g.otherRunningW)),
      altitudeM: s.altitudeM,
      ambientC: s.ambientC,
    };
    input.tanks = tanks;
    if (s.motorHp !== null && s.motorHp !== undefined && s.motorCode) input.motorStart = { motorHp: s.motorHp, codeLetter: s.motorCode };
  }
  if (d.coolingUnits.length > 0) {
    const first = d.coolingUnits[0]!;
    input.cooling = {
      unitTotalW: first.unitTotalW,
      shr: first.shr,
      installedUnits: first.installedUnits,
      groups: d.coolingUnits.map((c) => ({ name: c.name, unitTotalW: c.unitTotalW, shr: c.shr, installedUnits: c.installedUnits })),
      upsRatingW: ups?.installedW ?? 0,
      areaM2: s.areaM2,
      maxPeople: s.maxPeople,
      ...(ups ? { upsEff: ups.upsEff } : {}),
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

/** The site's UPS systems as components.ts combines them. */
export function upsSystems(d: Pick<SiteDetail, 'ups'>): UpsSystemInput[] {
  return d.ups.map((u) => ({
    name: u.name,
    ratedW: u.ratedW,
    ratedVA: u.ratedVA,
    units: u.units,
    redundancy: u.redundancy,
    maxLoadFrac: u.maxLoadFrac ?? UPS_DEFAULTS.maxUpsLoadFrac,
    upsEff: u.upsEff,
    feed: u.feed ?? null,
  }));
}

/** A string as the battery calculators take it. */
export function batteryStringInput(bat: BatteryStringRecord, tables: readonly BatteryTableRecord[]): NamedBatteryString {
  const common = {
    name: bat.name,
    inverterEff: bat.inverterEff,
    strings: bat.strings,
    blocksPerString: bat.blocksPerString,
    blockV: bat.blockV,
    cellsPerBlock: bat.cellsPerBlock,
    requiredMin: bat.requiredMin,
    ...(bat.batteryTempC === null ? {} : { batteryTempC: bat.batteryTempC }),
    ...(bat.agingFactor === null ? {} : { agingFactor: bat.agingFactor }),
  };
  if (bat.method === 'table') return { method: 'table', ...common, table: stringTable(bat, tables) ?? [] };
  if (bat.method === 'peukert') return { method: 'peukert', ...common, ratedAh: bat.ratedAh ?? NaN, ratedHours: bat.ratedHours ?? NaN, k: bat.k ?? NaN };
  return { method: 'energy', ...common, ratedAh: bat.ratedAh ?? NaN, ratedHours: bat.ratedHours ?? NaN, dodFrac: bat.dodFrac ?? 1 };
}

/**
 * Battery buses: with feeds, one per feed (its UPS systems' strings); without, one bus of every
 * string. A string names its UPS system (upsId); without one, or one no longer there, the first.
 */
export function batteryBuses(d: Pick<SiteDetail, 'ups' | 'batteryStrings' | 'batteryTables'>): { name: string; strings: NamedBatteryString[] }[] {
  if (d.batteryStrings.length === 0) return [];
  const ups = (b: BatteryStringRecord) => d.ups.find((u) => u.id === b.upsId) ?? d.ups[0];
  const feeds = [...new Set(d.ups.map((u) => u.feed ?? null))];
  if (feeds.length > 1 || (feeds.length === 1 && feeds[0] !== null)) {
    return feeds
      .filter((f): f is UpsFeed => f !== null)
      .map((f) => ({ name: `feed ${f}`, strings: d.batteryStrings.filter((b) => ups(b)?.feed === f).map((b) => batteryStringInput(b, d.batteryTables)) }));
  }
  return [{ name: 'battery', strings: d.batteryStrings.map((b) => batteryStringInput(b, d.batteryTables)) }];
}

/** The usable litres of a tank entry: tank × usable part − reserve. */
export function usableLitres(g: Pick<GeneratorFields, 'tankL' | 'usableFrac' | 'reserveL'>): number {
  return (g.tankL ?? 0) * (g.usableFrac ?? 1) - (g.reserveL ?? 0);
}

/** The tank a set draws from: its named tank, else its own (named after it) when it has one. */
export function tankOf(g: Pick<GeneratorFields, 'name' | 'tank' | 'tankL'>): string | null {
  return g.tank ?? (g.tankL !== null ? g.name : null);
}

/**
 * The sets and their tanks. A tank's usable litres add over the sets that enter a volume for it,
 * and it must last the longest autonomy any of them asks for.
 */
export function generatorSets(d: Pick<SiteDetail, 'generators'>): { sets: GeneratorSetInput[]; tanks: TankInput[] } {
  const tanks = new Map<string, TankInput>();
  for (const g of d.generators) {
    const t = tankOf(g);
    if (t === null || g.tankL === null || g.requiredAutonomyH === null) continue;
    const prev = tanks.get(t);
    tanks.set(t, {
      name: t,
      usableL: (prev?.usableL ?? 0) + usableLitres(g),
      requiredAutonomyH: Math.max(prev?.requiredAutonomyH ?? 0, g.requiredAutonomyH),
    });
  }
  const sets = d.generators.map((g): GeneratorSetInput => ({
    name: g.name,
    ratingW: g.ratingW,
    upsGenFactor: opt(g.upsGenFactor),
    espAvgLoadFrac: opt(g.espAvgLoadFrac),
    derating: { rule: opt(g.deratingRule ?? null), table: opt(g.deratingTable ?? null) },
    curve: opt(g.curve),
    tank: ((t) => (t !== null && tanks.has(t) ? t : null))(tankOf(g)),
    maxStepFrac: opt(g.maxStepFrac ?? null),
    performanceClass: opt(g.performanceClass ?? null),
  }));
  return { sets, tanks: [...tanks.values()] };
}
