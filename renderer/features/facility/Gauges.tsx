/**
 * Each limit as a gauge: how much of it today's load uses, the margin left, and what sets it.
 * Power limits are read against the IT load now (the latest measured reading, or the equipment
 * list when there is none); data limits against the latest protected-data reading.
 */
import type { SiteLimit, SiteLimits } from '../../../shared/facility/site';
import { combineUps } from '../../../shared/facility/components';
import { guard } from '../../../shared/facility/result';
import { FACILITY_DEFAULTS, sheetItW } from '../../../shared/facility/sheet';
import { latestReading, rechargeW, tankOf, upsSystems, upsUnitsAfterWorstFailure, type SiteDetail } from '../../../shared/facility/site-record';
import { show } from './units';

export interface LoadNow {
  itW: number;
  source: string;
}

/** 'measured': the latest IT-load reading when there is one; 'equipment': the equipment list (what if). */
export type LoadBasis = 'measured' | 'equipment';

export function loadNow(detail: SiteDetail, limits: SiteLimits, basis: LoadBasis = 'measured'): LoadNow {
  return basis === 'measured' ? sheetItW(detail, limits.currentItW) : { itW: limits.currentItW, source: 'from the equipment list' };
}

const names = (rows: readonly { name: string }[]) => rows.map((r) => r.name).join(', ');

/** What sets a limit, in the planner's words, from the components that make it. */
export function whatSetsIt(limit: SiteLimit, d: SiteDetail): string {
  const peak = d.site.peakFactor ?? FACILITY_DEFAULTS.peakFactor;
  const failed = limit.failed ? `, with ${limit.failed} failed` : '';
  const n = (rows: readonly unknown[], one: string, many: string) => (rows.length === 1 ? one : `${rows.length} ${many}`);
  if (limit.needs) return `needs ${limit.needs}`;
  switch (limit.key) {
    case 'ups': {
      if (d.ups.length === 0) return '';
      const c = guard(() => combineUps(upsSystems(d)));
      const one = d.ups[0]!;
      const detail =
        d.ups.length === 1
          ? `${one.name}: ${upsUnitsAfterWorstFailure(one)} of ${one.units} units carry the load after the worst failure (${one.redundancy}), ${show.pct(one.maxLoadFrac ?? FACILITY_DEFAULTS.maxUpsLoadFrac, 0)} max loading`
          : `${n(d.ups, '', 'UPS systems')} (${names(d.ups)}): ${c.ok ? `${show.w(c.value.usableW)} usable after ${c.value.worstFailure}` : ''}`;
      return `${detail}, ÷ peak ${peak}`;
    }
    case 'battery': {
      const bat = d.batteryStrings;
      if (bat.length === 0) return '';
      if (bat.length === 1) {
        const b = bat[0]!;
        const derate = b.batteryTempC !== null || b.agingFactor !== null ? `, derated at ${b.batteryTempC ?? 25} °C × aging ${b.agingFactor ?? 1.25}` : '';
        return `${b.name}: ${b.requiredMin} min required by the ${b.method} method${derate}`;
      }
      return `${bat.length} strings (${names(bat)}) sharing the load${failed}`;
    }
    case 'generator-sizing':
    case 'generator-average': {
      const gens = d.generators;
      if (gens.length === 0) return '';
      const what = gens.length === 1 ? gens[0]!.name : `${gens.length} sets (${names(gens)}) sharing load, ${d.site.generatorRedundancy}`;
      return limit.key === 'generator-sizing'
        ? `${what}: UPS input × ${gens[0]!.upsGenFactor ?? FACILITY_DEFAULTS.upsGenFactor} + other load, derated for ${d.site.altitudeM} m and ${d.site.ambientC} °C${failed}`
        : `${what}: ESP average ≤ ${show.pct(gens[0]!.espAvgLoadFrac ?? FACILITY_DEFAULTS.espAvgLoadFrac, 0)} of the derated rating, with ${show.w(d.batteryStrings.reduce((a, b) => a + rechargeW(b), 0))} recharge${failed}`;
    }
    case 'generator-step':
      return `${d.site.motorHp} hp code ${d.site.motorCode} motor started last, against the sets’ step capability${failed}`;
    case 'cooling':
      return d.coolingUnits.length === 1
        ? `${d.coolingUnits[0]!.name}: ${d.coolingUnits[0]!.installedUnits} × ${show.w(d.coolingUnits[0]!.unitTotalW * d.coolingUnits[0]!.shr)} sensible, one failed`
        : `${d.coolingUnits.length} groups (${names(d.coolingUnits)}), the largest unit failed`;
    case 'restore':
      return `restore of a full and ${d.site.incrementalsInChain ?? 0} incrementals within ${d.site.rtoH} h`;
    case 'storage':
      return `${show.bytes(d.site.repoCapacityBytes)} repository, ${d.site.fullsRetained ?? 1} fulls + ${d.site.incrementalsRetained ?? 0} incrementals × ${d.site.backupCopies ?? 1} copies`;
    default: {
      if (limit.key === 'fuel' || limit.key.startsWith('fuel:')) {
        const tank = limit.key === 'fuel' ? null : limit.key.slice(5);
        const gens = d.generators.filter((g) => tank === null || tankOf(g) === tank);
        const g = gens.find((x) => x.tankL !== null) ?? gens[0];
        if (!g) return '';
        return `${names(gens)}: ${show.l(g.tankL)} tank, ${show.pct(g.usableFrac ?? 1, 0)} usable, must last ${g.requiredAutonomyH} h${gens.every((x) => x.curve) ? ' (datasheet curve)' : ' (estimated: no datasheet curve)'}${failed}`;
      }
      const job = d.backupJobs.find((j) => limit.key === `backup-window:${j.name}`);
      return job ? `${job.job} every ${show.h(job.intervalH)} in a ${show.h(job.windowH)} window over ${show.bitsPerS(d.site.backupLinkBitsPerS)}` : '';
    }
  }
}

function level(frac: number | null): 'ok' | 'warn' | 'over' {
  if (frac === null) return 'ok';
  return frac > 1 ? 'over' : frac >= 0.8 ? 'warn' : 'ok';
}

export function LimitGauges({
  limits,
  detail,
  compact = false,
  basis = 'measured',
}: {
  limits: SiteLimits;
  detail: SiteDetail;
  compact?: boolean;
  basis?: LoadBasis;
}) {
  const now = loadNow(detail, limits, basis);
  const data = latestReading(detail.readings, 'dataBytes');
  return (
    <ul className={`fac-gauges${compact ? ' compact' : ''}`} aria-label="Limits">
      {limits.limits.map((l) => {
        const isIt = l.variable === 'itW';
        const current = isIt ? now.itW : (data?.value ?? l.current);
        // A threshold of 0 is crossed by any load at all (shown full, over).
        const frac = l.max === null ? null : l.max === 0 ? (current > 0 ? Number.POSITIVE_INFINITY : 0) : current / l.max;
        const fmt = isIt ? show.w : show.bytes;
        const lv = level(frac);
        return (
          <li key={l.key} className={`fac-gauge level-${lv}`} data-limit={l.key}>
            <div className="fac-gauge-head">
              <span className="fac-gauge-label">{l.label}</span>
              <span className="fac-gauge-pct">
                {l.needs ? 'no figure' : frac === null ? 'never binds' : frac === Number.POSITIVE_INFINITY ? 'over' : show.pct(frac, 0)}
              </span>
            </div>
            <div
              className="fac-meter"
              role="meter"
              aria-label={l.label}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={frac === null ? 0 : Number.isFinite(frac) ? Math.round(frac * 100) : 100}
              aria-valuetext={
                l.needs ? `needs ${l.needs}` : frac === null ? 'never binds' : Number.isFinite(frac) ? `${Math.round(frac * 100)} % used` : 'over: no load fits'
              }
            >
              <div className="fac-meter-fill" style={{ width: `${Math.min(100, (frac ?? 0) * 100)}%` }} />
              <div className="fac-meter-mark" style={{ left: '80%' }} />
            </div>
            {!compact && (
              <div className="fac-gauge-facts">
                <span>
                  now <b>{fmt(current)}</b> <span className="muted">({isIt ? now.source : data ? `measured ${data.date}` : 'no reading'})</span>
                </span>
                <span>
                  max <b>{l.max === null ? '—' : fmt(l.max)}</b>
                </span>
                <span className={lv === 'over' ? 'fac-over' : ''}>
                  {l.max === null ? '' : current > l.max ? `over by ${fmt(current - l.max)}` : `margin ${fmt(l.max - current)}`}
                </span>
                <span className="fac-gauge-why">{whatSetsIt(l, detail)}</span>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
