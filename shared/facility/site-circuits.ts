/**
 * A stored site's circuits and phases (shared/facility/circuits.ts applied to a SiteDetail):
 * each item's load is its connected load at the site's peak factor (the continuous load a
 * breaker carries), the phase voltage is the site's line voltage over √3 (a 3-phase 4-wire
 * supply), and each circuit becomes a limit on the site's IT load for the forecast board.
 */
import { checkCircuits, circuitMaxItW, type PhaseReport } from './circuits';
import { itemW, LOAD_DEFAULTS } from './load';
import type { SiteDetail } from './site-record';
import type { SiteLimit, SiteLimits } from './site';

export function siteCircuitReport(d: Pick<SiteDetail, 'site' | 'equipment' | 'circuits'>, thirdHarmonicFrac?: number): PhaseReport {
  const s = d.site;
  const frac = s.nameplateToActualFrac ?? LOAD_DEFAULTS.nameplateToActualFrac;
  const peak = s.peakFactor ?? LOAD_DEFAULTS.peakFactor;
  return checkCircuits({
    loads: d.equipment.map((e) => ({
      name: e.name,
      loadW: itemW({ qty: e.qty, nameplateW: e.nameplateW, ...(e.measuredW === null ? {} : { measuredW: e.measuredW }) }, frac) * peak,
      circuit: e.circuit ?? null,
      phase: e.phase ?? null,
    })),
    circuits: d.circuits,
    loadPf: s.loadPf,
    phaseVoltageV: s.lineVoltageV === null ? null : s.lineVoltageV / Math.sqrt(3),
    ...(thirdHarmonicFrac === undefined ? {} : { thirdHarmonicFrac }),
  });
}

/** Each circuit as a limit on the site's IT load (today's connected load `currentItW`). */
export function circuitLimits(report: PhaseReport, currentItW: number): SiteLimit[] {
  return report.circuits.map((c) => {
    const max = circuitMaxItW(c, currentItW);
    return {
      key: `circuit:${c.name}`,
      label: `circuit ${c.name} (${c.rule}, ${c.allowedA.toFixed(1)} A)`,
      variable: 'itW' as const,
      max,
      current: currentItW,
      exceededNow: max !== null && currentItW > max,
      usedFrac: max === null || max === 0 ? null : currentItW / max,
      needs: null,
      failed: null,
    };
  });
}

/**
 * A site's limits with its circuits merged in, in the order computeSiteLimits sorts them (IT
 * limits first, smallest max first), and the circuit warnings. The service, the forecast board
 * and the Facility screen all take the site's limits from here.
 */
export function withCircuitLimits(d: Pick<SiteDetail, 'site' | 'equipment' | 'circuits'>, value: SiteLimits): { limits: SiteLimits; warnings: string[] } {
  if (d.circuits.length === 0 && !d.equipment.some((e) => e.phase)) return { limits: value, warnings: [] };
  const report = siteCircuitReport(d);
  const all = [...value.limits, ...circuitLimits(report, value.currentItW)].sort(
    (a, b) =>
      (a.variable === b.variable ? 0 : a.variable === 'itW' ? -1 : 1) ||
      (a.max ?? Number.POSITIVE_INFINITY) - (b.max ?? Number.POSITIVE_INFINITY) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return { limits: { ...value, limits: all }, warnings: report.warnings };
}
