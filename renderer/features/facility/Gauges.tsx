/**
 * Each limit as a gauge: how much of it today's load uses, the margin left, and what sets it.
 * Power limits are read against the IT load now (the latest measured reading, or the equipment
 * list when there is none); data limits against the latest protected-data reading.
 */
import type { SiteLimit, SiteLimits } from '../../../shared/facility/site';
import { latestReading, rechargeW, upsUnitsAfterWorstFailure, type SiteDetail } from '../../../shared/facility/site-record';
import { show } from './units';

export interface LoadNow {
  itW: number;
  source: string;
}

/** 'measured': the latest IT-load reading when there is one; 'equipment': the equipment list (what if). */
export type LoadBasis = 'measured' | 'equipment';

export function loadNow(detail: SiteDetail, limits: SiteLimits, basis: LoadBasis = 'measured'): LoadNow {
  const r = basis === 'measured' ? latestReading(detail.readings, 'itW') : null;
  return r ? { itW: r.value, source: `measured ${r.date}` } : { itW: limits.currentItW, source: 'from the equipment list' };
}

/** What sets a limit, in the planner's words, from the components that make it. */
export function whatSetsIt(limit: SiteLimit, d: SiteDetail): string {
  const ups = d.ups[0];
  const bat = d.batteryStrings[0];
  const gen = d.generators[0];
  const cool = d.coolingUnits[0];
  const peak = d.site.peakFactor ?? 1.05;
  switch (limit.key) {
    case 'ups':
      return ups
        ? `${ups.name}: ${upsUnitsAfterWorstFailure(ups)} of ${ups.units} units carry the load after the worst failure (${ups.redundancy}), ${show.pct(ups.maxLoadFrac ?? 0.8, 0)} max loading, ÷ peak ${peak}`
        : '';
    case 'battery': {
      if (!bat) return '';
      const derate = bat.batteryTempC !== null || bat.agingFactor !== null ? `, derated at ${bat.batteryTempC ?? 25} °C × aging ${bat.agingFactor ?? 1.25}` : '';
      return `${bat.name}: ${bat.requiredMin} min required by the ${bat.method} method${derate}`;
    }
    case 'generator-sizing':
      return gen ? `${gen.name}: UPS input × ${gen.upsGenFactor ?? 1.5} + ${show.w(gen.otherRunningW)} other load, derated for ${d.site.altitudeM} m and ${d.site.ambientC} °C` : '';
    case 'generator-average':
      return gen ? `${gen.name}: ESP average ≤ ${show.pct(gen.espAvgLoadFrac ?? 0.7, 0)} of the derated rating, with ${show.w(bat ? rechargeW(bat) : 0)} recharge` : '';
    case 'fuel':
      return gen ? `${gen.name}: ${show.l(gen.tankL)} tank, ${show.pct(gen.usableFrac ?? 1, 0)} usable, must last ${gen.requiredAutonomyH} h${gen.curve ? ' (datasheet curve)' : ' (estimated: no datasheet curve)'}` : '';
    case 'cooling':
      return cool ? `${cool.name}: ${cool.installedUnits} × ${show.w(cool.unitTotalW * cool.shr)} sensible, one failed` : '';
    case 'restore':
      return `restore of a full and ${d.site.incrementalsInChain ?? 0} incrementals within ${d.site.rtoH} h`;
    case 'storage':
      return `${show.bytes(d.site.repoCapacityBytes)} repository, ${d.site.fullsRetained ?? 1} fulls + ${d.site.incrementalsRetained ?? 0} incrementals × ${d.site.backupCopies ?? 1} copies`;
    default: {
      const job = d.backupJobs.find((j) => limit.key === `backup-window:${j.name}`);
      return job ? `${job.job} every ${show.h(job.intervalH)} in a ${show.h(job.windowH)} window over ${show.bitsPerS(d.site.backupLinkBitsPerS)}` : '';
    }
  }
}

function level(frac: number | null): 'ok' | 'warn' | 'over' {
  if (frac === null) return 'ok';
  return frac > 1 ? 'over' : frac >= 0.8 ? 'warn' : 'ok';
}

export function LimitGauges({ limits, detail, compact = false, basis = 'measured' }: { limits: SiteLimits; detail: SiteDetail; compact?: boolean; basis?: LoadBasis }) {
  const now = loadNow(detail, limits, basis);
  const data = latestReading(detail.readings, 'dataBytes');
  return (
    <ul className={`fac-gauges${compact ? ' compact' : ''}`} aria-label="Limits">
      {limits.limits.map((l) => {
        const isIt = l.variable === 'itW';
        const current = isIt ? now.itW : (data?.value ?? l.current);
        const frac = l.max === null || l.max === 0 ? null : current / l.max;
        const fmt = isIt ? show.w : show.bytes;
        const lv = level(frac);
        return (
          <li key={l.key} className={`fac-gauge level-${lv}`} data-limit={l.key}>
            <div className="fac-gauge-head">
              <span className="fac-gauge-label">{l.label}</span>
              <span className="fac-gauge-pct">{frac === null ? 'never binds' : show.pct(frac, 0)}</span>
            </div>
            <div
              className="fac-meter"
              role="meter"
              aria-label={l.label}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={frac === null ? 0 : Math.round(frac * 100)}
              aria-valuetext={frac === null ? 'never binds' : `${Math.round(frac * 100)} % used`}
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
