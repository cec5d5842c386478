/**
 * The sizing sheet's numbers (issue 13 item 8): every figure the sheet prints, computed once
 * here from the same inputs and formulas as the site's limits (site-record.ts → site.ts), so the
 * sheet and the limits cannot disagree. Sizing is read at today's peak (itW × peakFactor) like
 * the sizing limits; averages and fuel at today's load like the average and fuel limits.
 */
import { check321, type RuleCheck } from './backup';
import { batteryAge, BATTERY_AGE } from './battery-age';
import { computeBatteryRuntime, requiredRuntimeMin, type BatteryInput } from './battery';
import type { PhaseReport } from './circuits';
import { combineUps, coolingAfterWorstFailureW, upsUnitsAfterWorstFailure, type UpsCombined } from './components';
import { computePue, heatSources, wattsToBtuPerH, wattsToTons, type HeatSources } from './cooling';
import { setDerating, type SetDerating } from './derating';
import { curveLPerH, fallbackLPerH, NFPA_STORAGE_FACTOR } from './fuel';
import { GENERATOR_DEFAULTS, GENSET_PF, LOCKED_ROTOR_KVA_PER_HP } from './generator';
import { LOAD_DEFAULTS } from './load';
import { fallbackCovers } from './plant';
import { guard } from './result';
import { siteCircuitReport } from './site-circuits';
import { batteryBuses, generatorSets, latestReading, rechargeW, upsSystems, type SiteDetail } from './site-record';
import { UPS_DEFAULTS } from './ups';
import { errorLine } from '../errors';

/** The spec's defaults in one place: what a field left empty means (renderer and services read these). */
export const FACILITY_DEFAULTS = {
  peakFactor: LOAD_DEFAULTS.peakFactor,
  nameplateToActualFrac: LOAD_DEFAULTS.nameplateToActualFrac,
  growthMarginFrac: LOAD_DEFAULTS.growthMarginFrac,
  maxUpsLoadFrac: UPS_DEFAULTS.maxUpsLoadFrac,
  upsGenFactor: GENERATOR_DEFAULTS.upsGenFactor,
  espAvgLoadFrac: GENERATOR_DEFAULTS.espAvgLoadFrac,
  batteryTempC: BATTERY_AGE.referenceC,
  designLifeYears: BATTERY_AGE.defaultDesignLifeYears,
} as const;

export interface SheetUps {
  systems: { name: string; units: number; unitsAfterWorstFailure: number; installedW: number; maxLoadFrac: number; upsEff: number; feed: string | null }[];
  combined: UpsCombined;
  /** today's peak over the usable rating after the worst failure */
  loadFrac: number | null;
}

export interface SheetBattery {
  name: string;
  bus: string;
  /** its share of the peak, W (in proportion to what it can carry for the bus's runtime) */
  shareW: number;
  runtimeMin: number | null;
  requiredMin: number;
  maxAcLoadW: number | null;
  tempFactor: number | null;
  agingFactor: number | null;
  rechargeW: number;
  serviceLifeYears: number | null;
  replaceBy: string | null;
  error: string | null;
}

export interface SheetSet {
  name: string;
  ratingW: number;
  derating: SetDerating | null;
  deratedW: number | null;
  tank: string | null;
  performanceClass: string | null;
  maxStepFrac: number | null;
}

export interface SheetGenerators {
  sets: SheetSet[];
  redundancy: string;
  upsEff: number;
  rechargeW: number;
  otherRunningW: number;
  upsGenFactor: number;
  /** (peak / upsEff + recharge) × upsGenFactor + other: the sizing limit's load */
  genSizingW: number;
  /** itW / upsEff + recharge + other: the average and fuel limits' load */
  genAvgW: number;
  /** derated capacity of all sets, and after the worst set fails (N+1) */
  deratedW: number;
  deratedAfterWorstFailureW: number;
  /** max(genSizingW, genAvgW / espAvgLoadFrac) against deratedAfterWorstFailureW */
  requiredW: number;
  largeEnough: boolean;
  /** genAvgW / Σ rating: every set's share (load shared by rating) */
  loadFrac: number;
  motor: { motorHp: number; code: string; startKVA: number; stepKVA: number; capKVA: number | null; withinCapability: boolean | null } | null;
}

export interface SheetTank {
  name: string;
  sets: string[];
  usableL: number;
  requiredAutonomyH: number;
  fuelLPerH: number | null;
  autonomyH: number | null;
  estimated: boolean;
  /** What the sheet asks for before it can give the figure. */
  needs: string | null;
  classH: number | null;
  nfpaStoredL: number | null;
  meetsNfpaClass: boolean | null;
}

export interface SheetCooling {
  groups: { name: string; installedUnits: number; unitSensibleW: number }[];
  heat: HeatSources & { btuPerH: number; tons: number };
  /** the UPS heat by the entered efficiency (true) or WP-25's rule (false) */
  upsHeatFromEfficiency: boolean;
  totalSensibleW: number;
  afterWorstFailureW: number;
  /** units of the largest size needed for the heat (N), and with one spare (N+1) */
  unitsNeeded: number;
  loadFracAfterWorstFailure: number | null;
}

/** Required runtime from the business's needs (battery.ts requiredRuntimeMin) against each string. */
export interface SheetRequiredRuntime {
  rideThroughMin: number;
  shutdownMin: number;
  marginMin: number;
  /** ride-through + 2 × orderly shutdown + margin */
  requiredMin: number;
  strings: { name: string; runtimeMin: number | null; enteredMin: number; meets: boolean | null }[];
}

export interface SheetChecks {
  /** null until the site has its ride-through and shutdown minutes */
  requiredRuntime: SheetRequiredRuntime | null;
  /** the 3-2-1 rule on the site's copies, media and off-site copies; null until media and off-site are entered */
  backup321: { backupCopies: number; mediaKinds: number; offsiteCopies: number; ok: boolean; rules: RuleCheck[] } | null;
  /** PUE from the facility's and the IT's energy over one period; null until both are entered */
  pue: { facilityEnergyWh: number; itEnergyWh: number; pue: number; dcie: number } | null;
  /** each item's line, the phase currents, neutral and imbalance (site-circuits.ts); null without a phase or circuit */
  phases: PhaseReport | null;
  /** What a check could not say, in words (an entered value it refuses). */
  problems: string[];
}

export interface SiteSheet {
  itW: number;
  peakFactor: number;
  peakW: number;
  nameplateToActualFrac: number;
  ups: SheetUps | null;
  batteries: SheetBattery[];
  generators: SheetGenerators | null;
  tanks: SheetTank[];
  cooling: SheetCooling | null;
  /** The built checks on the site's own inputs: required runtime, 3-2-1, PUE, phase split (motor start is under generators). */
  checks: SheetChecks;
  /** Plain-words findings: an NFPA 110 class the tank fails, a curve that is missing, a set too small. */
  findings: string[];
}

/** The IT load a sheet is read at: the newest measured reading, else the equipment list's load (`listItW`). */
export function sheetItW(d: SiteDetail, listItW: number): { itW: number; source: string } {
  const r = latestReading(d.readings, 'itW');
  return r ? { itW: r.value, source: `measured ${r.date}` } : { itW: listItW, source: 'from the equipment list' };
}

/** The checks of issue 13 item 7 on a stored site, each through its one formula. */
function siteChecks(d: SiteDetail, batteries: readonly SheetBattery[], findings: string[]): SheetChecks {
  const s = d.site;
  const problems: string[] = [];
  let requiredRuntime: SheetRequiredRuntime | null = null;
  if (s.rideThroughMin != null && s.shutdownMin != null) {
    const marginMin = s.runtimeMarginMin ?? 0;
    const r = requiredRuntimeMin({ businessRideThroughMin: s.rideThroughMin, orderlyShutdownMin: s.shutdownMin, safetyMarginMin: marginMin });
    if (r.ok) {
      requiredRuntime = {
        rideThroughMin: s.rideThroughMin,
        shutdownMin: s.shutdownMin,
        marginMin,
        requiredMin: r.value,
        strings: batteries.map((b) => ({
          name: b.name,
          runtimeMin: b.runtimeMin,
          enteredMin: b.requiredMin,
          meets: b.runtimeMin === null ? null : b.runtimeMin >= r.value,
        })),
      };
      for (const b of requiredRuntime.strings) {
        if (b.meets === false)
          findings.push(`Battery “${b.name}”: ${b.runtimeMin!.toFixed(1)} min at the peak, short of the ${r.value} min the business needs.`);
      }
    } else problems.push(`Required runtime: ${r.error.message}`);
  }
  let backup321: SheetChecks['backup321'] = null;
  if (s.mediaKinds != null && s.offsiteCopies != null) {
    const input = { backupCopies: s.backupCopies ?? 1, mediaKinds: s.mediaKinds, offsiteCopies: s.offsiteCopies };
    const r = check321(input);
    if (r.ok) {
      backup321 = { ...input, ok: r.value.every((x) => x.ok), rules: r.value };
      if (!backup321.ok)
        findings.push(
          `3-2-1: ${r.value
            .filter((x) => !x.ok)
            .map((x) => x.message)
            .join('; ')}.`,
        );
    } else problems.push(`3-2-1: ${r.error.message}`);
  }
  let pue: SheetChecks['pue'] = null;
  if (s.facilityEnergyWh != null && s.itEnergyWh != null) {
    // Energies over one period: their ratio is the ratio of average powers (checks.ts pueFromEnergy).
    const r = computePue({ facilityW: s.facilityEnergyWh, itW: s.itEnergyWh });
    if (r.ok) pue = { facilityEnergyWh: s.facilityEnergyWh, itEnergyWh: s.itEnergyWh, ...r.value };
    else problems.push(`PUE: ${r.error.message.replace('facility power below IT power', 'facility energy below IT energy')}`);
  }
  const phases = d.circuits.length > 0 || d.equipment.some((e) => e.phase) ? siteCircuitReport(d) : null;
  return { requiredRuntime, backup321, pue, phases, problems };
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** The sheet at today's IT load itW (a reading, or the equipment list). */
export function computeSheet(d: SiteDetail, itW: number): SiteSheet {
  const s = d.site;
  const peakFactor = s.peakFactor ?? FACILITY_DEFAULTS.peakFactor;
  const peakW = itW * peakFactor;
  const findings: string[] = [];

  const systems = upsSystems(d);
  const combined = systems.length > 0 ? guard(() => combineUps(systems)) : null;
  const ups: SheetUps | null =
    combined && combined.ok
      ? {
          systems: systems.map((u) => ({
            name: u.name,
            units: u.units,
            unitsAfterWorstFailure: upsUnitsAfterWorstFailure(u),
            installedW: u.units * u.ratedW,
            maxLoadFrac: u.maxLoadFrac,
            upsEff: u.upsEff,
            feed: u.feed,
          })),
          combined: combined.value,
          loadFrac: combined.value.usableW > 0 ? peakW / combined.value.usableW : null,
        }
      : null;

  const batteries: SheetBattery[] = [];
  for (const bus of batteryBuses(d)) {
    const requiredMin = Math.max(...bus.strings.map((x) => x.requiredMin));
    const cap = bus.strings.map((x) => {
      const r = computeBatteryRuntime({ ...x, requiredMin, acLoadW: 1 } as BatteryInput);
      return r.ok ? (r.value.maxAcLoadW ?? 0) : 0;
    });
    const total = cap.reduce((a, b) => a + b, 0);
    bus.strings.forEach((x, i) => {
      const rec = d.batteryStrings.find((b) => b.name === x.name)!;
      const shareW = total > 0 ? (peakW * cap[i]!) / total : peakW / bus.strings.length;
      const r = shareW > 0 ? computeBatteryRuntime({ ...x, acLoadW: shareW } as BatteryInput) : null;
      const age = rec.installDate
        ? guard(() =>
            batteryAge({
              installDate: rec.installDate!,
              designLifeYears: rec.designLifeYears ?? FACILITY_DEFAULTS.designLifeYears,
              batteryTempC: rec.batteryTempC ?? undefined,
            }),
          )
        : null;
      batteries.push({
        name: x.name ?? rec.name,
        bus: bus.name,
        shareW,
        runtimeMin: r?.ok ? r.value.runtimeMin : null,
        requiredMin: x.requiredMin,
        maxAcLoadW: r?.ok ? r.value.maxAcLoadW : null,
        tempFactor: r?.ok ? r.value.tempFactor : null,
        agingFactor: r?.ok ? r.value.agingFactor : null,
        rechargeW: rechargeW(rec),
        serviceLifeYears: age?.ok ? age.value.serviceLifeYears : null,
        replaceBy: age?.ok ? age.value.replaceBy : null,
        error: r && !r.ok ? errorLine(r.error) : null,
      });
    });
  }

  let generators: SheetGenerators | null = null;
  const tanks: SheetTank[] = [];
  if (d.generators.length > 0) {
    const { sets, tanks: tankInputs } = generatorSets(d);
    const upsEff = ups?.combined.upsEff ?? 1;
    const recharge = d.batteryStrings.reduce((a, b) => a + rechargeW(b), 0);
    const other = Math.max(0, ...d.generators.map((g) => g.otherRunningW));
    const factor = Math.max(...sets.map((x) => x.upsGenFactor ?? FACILITY_DEFAULTS.upsGenFactor));
    const esp = Math.min(...sets.map((x) => x.espAvgLoadFrac ?? FACILITY_DEFAULTS.espAvgLoadFrac));
    const sheetSets: SheetSet[] = sets.map((x) => {
      const der = guard(() => setDerating(s.altitudeM, s.ambientC, x.derating));
      return {
        name: x.name,
        ratingW: x.ratingW,
        derating: der.ok ? der.value : null,
        deratedW: der.ok ? x.ratingW * der.value.siteDerateFrac : null,
        tank: x.tank ?? null,
        performanceClass: x.performanceClass ?? null,
        maxStepFrac: x.maxStepFrac ?? null,
      };
    });
    const deratedW = sheetSets.reduce((a, x) => a + (x.deratedW ?? 0), 0);
    const nPlus1 = s.generatorRedundancy === 'N+1' && sets.length > 1;
    const largest = Math.max(...sheetSets.map((x) => x.deratedW ?? 0));
    const deratedAfterWorstFailureW = nPlus1 ? deratedW - largest : deratedW;
    const genSizingW = (peakW / upsEff + recharge) * factor + other;
    const genAvgW = itW / upsEff + recharge + other;
    const requiredW = Math.max(genSizingW, genAvgW / esp);
    const ratedW = sets.reduce((a, x) => a + x.ratingW, 0);
    const loadFrac = genAvgW / ratedW;
    let motor: SheetGenerators['motor'] = null;
    if (s.motorHp !== null && s.motorHp !== undefined && s.motorCode) {
      const startKVA = s.motorHp * LOCKED_ROTOR_KVA_PER_HP[s.motorCode][1];
      const stepKVA = startKVA + (peakW / upsEff + recharge + other) / GENSET_PF / 1000;
      const known = sheetSets.every((x) => x.maxStepFrac !== null && x.deratedW !== null);
      const stepCap = (xs: SheetSet[]) => xs.reduce((a, x) => a + x.maxStepFrac! * x.deratedW!, 0) / GENSET_PF / 1000;
      const capKVA = !known ? null : nPlus1 ? Math.min(...sheetSets.map((f) => stepCap(sheetSets.filter((x) => x !== f)))) : stepCap(sheetSets);
      motor = { motorHp: s.motorHp, code: s.motorCode, startKVA, stepKVA, capKVA, withinCapability: capKVA === null ? null : stepKVA <= capKVA };
      if (capKVA === null) findings.push('Motor start: enter the load step each set accepts (datasheet, at its ISO 8528-5 class).');
      else if (stepKVA > capKVA) findings.push(`Motor start: ${stepKVA.toFixed(1)} kVA exceeds the sets’ step capability (${capKVA.toFixed(1)} kVA).`);
    }
    generators = {
      sets: sheetSets,
      redundancy: s.generatorRedundancy ?? 'N',
      upsEff,
      rechargeW: recharge,
      otherRunningW: other,
      upsGenFactor: factor,
      genSizingW,
      genAvgW,
      deratedW,
      deratedAfterWorstFailureW,
      requiredW,
      largeEnough: requiredW <= deratedAfterWorstFailureW,
      loadFrac,
      motor,
    };
    if (!generators.largeEnough)
      findings.push(
        `Generators: ${Math.round(requiredW)} W needed, ${Math.round(deratedAfterWorstFailureW)} W derated${nPlus1 ? ' with the largest set failed' : ''}.`,
      );

    for (const t of tankInputs) {
      const on = sets.filter((x) => x.tank === t.name);
      const recs = d.generators.filter((g) => on.some((x) => x.name === g.name));
      const classH = Math.max(0, ...recs.map((g) => g.classH ?? 0)) || null;
      const blind = on.find((x) => !x.curve && !fallbackCovers(x.ratingW));
      const short = on.find((x) => x.curve && x.curve[x.curve.length - 1]!.loadFrac < Math.min(1, loadFrac) - 1e-12);
      let needs: string | null = null;
      if (blind) needs = `the datasheet fuel curve of “${blind.name}” (the fallback fit covers 100–2250 kW sets)`;
      else if (short)
        needs = `the fuel curve of “${short.name}” up to ${pct(loadFrac)} load (it ends at ${pct(short.curve![short.curve!.length - 1]!.loadFrac)})`;
      else if (loadFrac > 1) needs = `larger sets: the load is ${pct(loadFrac)} of their rating`;
      const burn = (x: number) => on.reduce((a, m) => a + (m.curve ? curveLPerH(m.curve, x) : fallbackLPerH(m.ratingW, x * m.ratingW)), 0);
      const fuelLPerH = needs ? null : burn(loadFrac);
      const full = blind || on.some((x) => x.curve && x.curve[x.curve.length - 1]!.loadFrac < 1) ? null : burn(1);
      const nfpaStoredL = classH !== null && full !== null ? classH * full * NFPA_STORAGE_FACTOR : null;
      const meetsNfpaClass = nfpaStoredL === null ? null : t.usableL >= nfpaStoredL;
      if (needs) findings.push(`Tank “${t.name}”: no autonomy figure — needs ${needs}.`);
      else if (fuelLPerH && t.usableL / fuelLPerH < t.requiredAutonomyH) {
        findings.push(`Tank “${t.name}”: ${(t.usableL / fuelLPerH).toFixed(1)} h at today’s load, short of the ${t.requiredAutonomyH} h required.`);
      }
      if (meetsNfpaClass === false) {
        findings.push(
          `Tank “${t.name}”: the usable ${Math.round(t.usableL)} L is below the ${Math.round(nfpaStoredL!)} L NFPA 110 class ${classH} h needs (class × full-load burn × 1.33).`,
        );
      }
      tanks.push({
        name: t.name,
        sets: on.map((x) => x.name),
        usableL: t.usableL,
        requiredAutonomyH: t.requiredAutonomyH,
        fuelLPerH,
        autonomyH: fuelLPerH && fuelLPerH > 0 ? t.usableL / fuelLPerH : null,
        estimated: on.some((x) => !x.curve),
        needs,
        classH,
        nfpaStoredL,
        meetsNfpaClass,
      });
    }
  }

  let cooling: SheetCooling | null = null;
  if (d.coolingUnits.length > 0) {
    const groups = d.coolingUnits.map((c) => ({ name: c.name, unitTotalW: c.unitTotalW, shr: c.shr, installedUnits: c.installedUnits }));
    const cap = coolingAfterWorstFailureW(groups);
    const upsEff = ups?.combined.upsEff;
    const heat = heatSources({
      itLoadW: peakW,
      upsRatingW: ups?.combined.installedW ?? 0,
      areaM2: s.areaM2,
      maxPeople: s.maxPeople,
      ...(upsEff !== undefined ? { upsEff } : {}),
    });
    cooling = {
      groups: groups.map((g) => ({ name: g.name, installedUnits: g.installedUnits, unitSensibleW: g.unitTotalW * g.shr })),
      heat: { ...heat, btuPerH: wattsToBtuPerH(heat.heatW), tons: wattsToTons(heat.heatW) },
      upsHeatFromEfficiency: upsEff !== undefined,
      totalSensibleW: cap.totalSensibleW,
      afterWorstFailureW: cap.afterWorstFailureW,
      unitsNeeded: cap.largestUnitW > 0 ? Math.ceil(heat.heatW / cap.largestUnitW) : 0,
      loadFracAfterWorstFailure: cap.afterWorstFailureW > 0 ? heat.heatW / cap.afterWorstFailureW : null,
    };
  }

  return {
    itW,
    peakFactor,
    peakW,
    nameplateToActualFrac: s.nameplateToActualFrac ?? FACILITY_DEFAULTS.nameplateToActualFrac,
    ups,
    batteries,
    generators,
    tanks,
    cooling,
    checks: siteChecks(d, batteries, findings),
    findings,
  };
}
