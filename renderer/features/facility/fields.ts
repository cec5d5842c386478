/** What each facility form shows: its fields, their units, and which may be left empty. */
import { DERATING_RULE_NAMES, PERFORMANCE_CLASSES } from '../../../shared/facility/derating';
import { LOCKED_ROTOR_KVA_PER_HP } from '../../../shared/facility/generator';
import { FACILITY_DEFAULTS } from '../../../shared/facility/sheet';
import { BATTERY_METHODS, GENERATOR_REDUNDANCIES, UPS_FEEDS, UPS_REDUNDANCIES } from '../../../shared/facility/site-record';

const pctText = (f: number) => `${Math.round(f * 100)} %`;
import type { UnitKind } from './units';

export interface FieldSpec {
  key: string;
  label: string;
  kind: UnitKind | 'text' | 'choice' | 'table';
  optional?: boolean;
  choices?: readonly string[];
  hint?: string;
}

export type FormKind = 'site' | 'backupSettings' | 'equipment' | 'ups' | 'batteryString' | 'generator' | 'coolingUnit' | 'backupJob';

export const FORMS: Record<FormKind, { title: string; fields: FieldSpec[] }> = {
  site: {
    title: 'Site',
    fields: [
      { key: 'name', label: 'Name', kind: 'text' },
      { key: 'description', label: 'Description', kind: 'text', optional: true },
      { key: 'loadPf', label: 'IT power factor', kind: 'number', hint: '0.95–0.99 with active PFC' },
      { key: 'peakFactor', label: 'Peak factor', kind: 'number', optional: true, hint: `default ${FACILITY_DEFAULTS.peakFactor}` },
      { key: 'growthMarginFrac', label: 'Growth margin', kind: 'percent', optional: true, hint: `default ${pctText(FACILITY_DEFAULTS.growthMarginFrac)}` },
      { key: 'lineVoltageV', label: 'Line voltage', kind: 'voltage', optional: true },
      { key: 'altitudeM', label: 'Altitude', kind: 'length' },
      { key: 'ambientC', label: 'Ambient (generator)', kind: 'temperature' },
      { key: 'areaM2', label: 'Floor area', kind: 'area' },
      { key: 'maxPeople', label: 'People in the room', kind: 'count' },
      { key: 'generatorRedundancy', label: 'Generator sets', kind: 'choice', choices: GENERATOR_REDUNDANCIES, hint: 'N+1: the limits fail the largest set' },
      { key: 'motorHp', label: 'Largest motor (hp)', kind: 'number', optional: true, hint: 'started last on the generators' },
      { key: 'motorCode', label: 'Its NEC code letter', kind: 'choice', choices: Object.keys(LOCKED_ROTOR_KVA_PER_HP), optional: true },
      {
        key: 'rideThroughMin',
        label: 'Business ride-through',
        kind: 'minutes',
        optional: true,
        hint: 'required runtime = ride-through + 2 × shutdown + margin',
      },
      { key: 'shutdownMin', label: 'Orderly shutdown', kind: 'minutes', optional: true },
      { key: 'runtimeMarginMin', label: 'Runtime safety margin', kind: 'minutes', optional: true, hint: 'default 0' },
      { key: 'facilityEnergyWh', label: 'Facility energy (12 months)', kind: 'energy', optional: true, hint: 'for PUE, from the meters' },
      { key: 'itEnergyWh', label: 'IT energy (same period)', kind: 'energy', optional: true },
    ],
  },
  backupSettings: {
    title: 'Backup link and data',
    fields: [
      { key: 'backupLinkBitsPerS', label: 'Backup link', kind: 'rate', optional: true, hint: 'a link rate is in bits per second' },
      { key: 'backupLinkShareFrac', label: 'Share of the link for backup', kind: 'percent', optional: true },
      { key: 'dailyChangeFrac', label: 'Daily change', kind: 'percent', optional: true },
      { key: 'compressionRatio', label: 'Compression ratio', kind: 'number', optional: true, hint: '≥ 1 (2 means 2:1)' },
      { key: 'dedupRatio', label: 'Dedup ratio', kind: 'number', optional: true },
      { key: 'rtoH', label: 'RTO', kind: 'hours', optional: true },
      { key: 'incrementalsInChain', label: 'Incrementals in a restore chain', kind: 'count', optional: true },
      { key: 'repoCapacityBytes', label: 'Repository capacity', kind: 'data', optional: true },
      { key: 'backupCopies', label: 'Backup copies', kind: 'count', optional: true },
      { key: 'mediaKinds', label: 'Kinds of media', kind: 'count', optional: true, hint: '3-2-1: 2 needed' },
      { key: 'offsiteCopies', label: 'Copies off site', kind: 'count', optional: true, hint: '3-2-1: 1 needed' },
      { key: 'fullsRetained', label: 'Fulls retained', kind: 'count', optional: true },
      { key: 'incrementalsRetained', label: 'Incrementals retained', kind: 'count', optional: true },
    ],
  },
  equipment: {
    title: 'Equipment',
    fields: [
      { key: 'name', label: 'Name', kind: 'text' },
      { key: 'qty', label: 'Quantity', kind: 'count' },
      { key: 'nameplateW', label: 'Nameplate (each)', kind: 'power' },
      { key: 'measuredW', label: 'Measured (each)', kind: 'power', optional: true, hint: 'wins over nameplate' },
    ],
  },
  ups: {
    title: 'UPS system',
    fields: [
      { key: 'name', label: 'Name', kind: 'text' },
      { key: 'ratedVA', label: 'Unit rating (VA)', kind: 'apparent' },
      { key: 'ratedW', label: 'Unit rating (W)', kind: 'power' },
      { key: 'units', label: 'Units installed', kind: 'count' },
      { key: 'redundancy', label: 'Redundancy', kind: 'choice', choices: UPS_REDUNDANCIES },
      { key: 'maxLoadFrac', label: 'Max loading', kind: 'percent', optional: true, hint: `default ${pctText(FACILITY_DEFAULTS.maxUpsLoadFrac)}` },
      { key: 'upsEff', label: 'Efficiency', kind: 'percent', hint: 'its heat is load × (1/eff − 1)' },
      { key: 'feed', label: 'Feed', kind: 'choice', choices: UPS_FEEDS, optional: true, hint: 'A and B: 2N, each carries the load alone' },
    ],
  },
  batteryString: {
    title: 'Battery string',
    fields: [
      { key: 'name', label: 'Name', kind: 'text' },
      { key: 'method', label: 'Runtime method', kind: 'choice', choices: BATTERY_METHODS },
      { key: 'tableId', label: 'Vendor table', kind: 'table', optional: true },
      { key: 'endVoltsPerCell', label: 'End voltage per cell', kind: 'voltage', optional: true },
      { key: 'strings', label: 'Strings', kind: 'count' },
      { key: 'blocksPerString', label: 'Blocks per string', kind: 'count' },
      { key: 'blockV', label: 'Block voltage', kind: 'voltage' },
      { key: 'cellsPerBlock', label: 'Cells per block', kind: 'count' },
      { key: 'ratedAh', label: 'Rated capacity (Ah)', kind: 'number', optional: true },
      { key: 'ratedHours', label: 'Rated over', kind: 'hours', optional: true },
      { key: 'k', label: 'Peukert k', kind: 'number', optional: true },
      { key: 'dodFrac', label: 'Depth of discharge', kind: 'percent', optional: true },
      { key: 'inverterEff', label: 'Inverter efficiency', kind: 'percent' },
      { key: 'batteryTempC', label: 'Battery temperature', kind: 'temperature', optional: true },
      { key: 'agingFactor', label: 'Aging factor', kind: 'number', optional: true, hint: '1.25 = replace at 80 %' },
      { key: 'requiredMin', label: 'Required runtime', kind: 'minutes' },
      { key: 'chargeCurrentA', label: 'Charge current', kind: 'current' },
      { key: 'floatVoltsPerCell', label: 'Float voltage per cell', kind: 'voltage' },
      { key: 'chargerEff', label: 'Charger efficiency', kind: 'percent' },
      { key: 'installDate', label: 'Installed on', kind: 'text', optional: true, hint: 'YYYY-MM-DD: gives its replacement date' },
      { key: 'designLifeYears', label: 'Design life (years)', kind: 'number', optional: true, hint: `VRLA 3–5; default ${FACILITY_DEFAULTS.designLifeYears}` },
    ],
  },
  generator: {
    title: 'Generator and fuel',
    fields: [
      { key: 'name', label: 'Name', kind: 'text' },
      { key: 'ratingW', label: 'Rating (ESP)', kind: 'power' },
      { key: 'upsGenFactor', label: 'UPS-to-generator factor', kind: 'number', optional: true, hint: `default ${FACILITY_DEFAULTS.upsGenFactor}` },
      { key: 'espAvgLoadFrac', label: 'ESP average limit', kind: 'percent', optional: true, hint: `default ${pctText(FACILITY_DEFAULTS.espAvgLoadFrac)}` },
      { key: 'otherRunningW', label: 'Other running load', kind: 'power', hint: 'cooling, lighting, pumps' },
      { key: 'tankL', label: 'Tank', kind: 'volume', optional: true },
      { key: 'usableFrac', label: 'Usable part of the tank', kind: 'percent', optional: true },
      { key: 'reserveL', label: 'Reserve kept', kind: 'volume', optional: true },
      { key: 'requiredAutonomyH', label: 'Required autonomy', kind: 'hours', optional: true },
      { key: 'classH', label: 'NFPA 110 class', kind: 'hours', optional: true },
      { key: 'tank', label: 'Shared tank', kind: 'text', optional: true, hint: 'sets naming the same tank draw from it together' },
      {
        key: 'deratingRule',
        label: 'Derating rule',
        kind: 'choice',
        choices: DERATING_RULE_NAMES,
        optional: true,
        hint: 'empty: conservative (engine and alternator)',
      },
      { key: 'performanceClass', label: 'ISO 8528-5 class', kind: 'choice', choices: PERFORMANCE_CLASSES, optional: true },
      { key: 'maxStepFrac', label: 'Load step accepted', kind: 'percent', optional: true, hint: 'datasheet, at its class' },
    ],
  },
  coolingUnit: {
    title: 'Cooling units',
    fields: [
      { key: 'name', label: 'Name', kind: 'text' },
      { key: 'unitTotalW', label: 'Unit capacity (total)', kind: 'power' },
      { key: 'shr', label: 'Sensible heat ratio', kind: 'number', hint: 'precision units 0.90–0.98' },
      { key: 'installedUnits', label: 'Units installed', kind: 'count' },
    ],
  },
  backupJob: {
    title: 'Backup job',
    fields: [
      { key: 'name', label: 'Name', kind: 'text' },
      { key: 'job', label: 'Kind', kind: 'choice', choices: ['full', 'incremental', 'differential'] },
      { key: 'windowH', label: 'Window', kind: 'hours' },
      { key: 'intervalH', label: 'Every', kind: 'hours' },
      { key: 'days', label: 'Days of changes', kind: 'number', optional: true, hint: 'incremental: since the last backup' },
      { key: 'fixedOverheadH', label: 'Fixed overhead', kind: 'hours', optional: true },
    ],
  },
};
