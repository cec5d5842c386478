/**
 * The sizing sheet of a site: every input and every result on one page, from the same pure
 * calculators as the rest of the screen. Reads on screen; `Print` gives a clean page (the
 * shell, the tabs and the buttons are hidden by facility.css's print rules).
 */
import type { ReactNode } from 'react';
import { computeBatteryRuntime, type BatteryInput } from '../../../shared/facility/battery';
import { computeBackup } from '../../../shared/facility/backup';
import { computeCooling } from '../../../shared/facility/cooling';
import { computeFuel } from '../../../shared/facility/fuel';
import { sizeGenerator } from '../../../shared/facility/generator';
import { computeLoad } from '../../../shared/facility/load';
import type { CalcResult } from '../../../shared/facility/result';
import type { SiteLimits } from '../../../shared/facility/site';
import { latestReading, rechargeW, siteInputFromDetail, upsUnitsAfterWorstFailure, type SiteDetail } from '../../../shared/facility/site-record';
import { loadNow, whatSetsIt } from './Gauges';
import { show } from './units';
import { SavePdfButton } from '../reports/SavePdfButton';

type Rows = [string, ReactNode][];

function value<T>(r: CalcResult<T>): T | null {
  return r.ok ? r.value : null;
}

function Section({ title, rows, note }: { title: string; rows: Rows; note?: string | null }) {
  return (
    <section className="sheet-section">
      <h3>{title}</h3>
      <table className="sheet-kv">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {note && <p className="sheet-note">{note}</p>}
    </section>
  );
}

export function SizingSheet({ detail, limits, workspace }: { detail: SiteDetail; limits: SiteLimits; workspace: string }) {
  const s = detail.site;
  const input = siteInputFromDetail(detail);
  const load = value(computeLoad(input.load));
  const now = loadNow(detail, limits);
  const peakW = load ? now.itW * (s.peakFactor ?? 1.05) : 0;
  const ups = detail.ups[0];
  const bat = detail.batteryStrings[0];
  const gen = detail.generators[0];
  const cool = detail.coolingUnits[0];
  const data = latestReading(detail.readings, 'dataBytes');
  const today = new Date().toISOString().slice(0, 10);

  const battery = input.battery ? value(computeBatteryRuntime({ ...input.battery, acLoadW: peakW } as BatteryInput)) : null;
  const genOut =
    gen && ups && bat
      ? computeGenerator(detail, now.itW)
      : null;
  const fuel =
    gen && gen.tankL !== null && genOut?.ok
      ? value(
          computeFuel({
            ratingW: gen.ratingW,
            genAvgW: genOut.value.genAvgW,
            tankL: gen.tankL,
            usableFrac: gen.usableFrac ?? 1,
            ...(gen.curve ? { curve: gen.curve } : {}),
            ...(gen.reserveL !== null ? { reserveL: gen.reserveL } : {}),
            ...(gen.classH !== null ? { classH: gen.classH } : {}),
          }),
        )
      : null;
  const cooling =
    cool && load
      ? value(
          computeCooling({
            itLoadW: peakW,
            upsRatingW: ups ? ups.units * ups.ratedW : 0,
            areaM2: s.areaM2,
            maxPeople: s.maxPeople,
            unitTotalW: cool.unitTotalW,
            shr: cool.shr,
            spareUnits: 1,
          }),
        )
      : null;

  return (
    <article className="sizing-sheet" aria-label="Sizing sheet">
      <header className="sheet-header">
        <div>
          <h2>Sizing sheet — {s.name}</h2>
          <p className="muted">{s.description}</p>
        </div>
        <div className="sheet-meta">
          <div>{today}</div>
          <div className="muted">{workspace}</div>
          <SavePdfButton className="primary no-print" request={{ format: 'sizing-pdf', site: s.name }} />
        </div>
      </header>

      <section className="sheet-section sheet-wide">
        <h3>Limits (spec §8), tightest first</h3>
        <table className="sheet-table">
          <thead>
            <tr>
              <th>Limit</th>
              <th className="num">Max</th>
              <th className="num">Now</th>
              <th className="num">Used</th>
              <th>What sets it</th>
            </tr>
          </thead>
          <tbody>
            {limits.limits.map((l) => {
              const cur = l.variable === 'itW' ? now.itW : (data?.value ?? l.current);
              const f = l.variable === 'itW' ? show.w : show.bytes;
              return (
                <tr key={l.key} className={l.max !== null && cur > l.max ? 'sheet-over' : ''}>
                  <td>{l.label}</td>
                  <td className="num">{l.max === null ? '—' : f(l.max)}</td>
                  <td className="num">{f(cur)}</td>
                  <td className="num">{l.max ? show.pct(cur / l.max, 0) : '—'}</td>
                  <td className="sheet-why">{whatSetsIt(l, detail)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <div className="sheet-grid">
        <Section
          title="Load (§1)"
          rows={[
            ['IT load now', `${show.w(now.itW)} (${now.source})`],
            ['Connected (equipment list)', show.w(load?.connectedItW)],
            ['Peak (× peak factor)', show.w(load?.peakItW)],
            ['Design (+ growth margin)', show.w(load?.designItW)],
            ['Design apparent', show.va(load?.designVA)],
            ['Three-phase current', load?.current3phA != null ? `${show.n(load.current3phA, 3)} A at ${s.lineVoltageV} V` : '—'],
            ['Power factor', show.n(s.loadPf, 3)],
          ]}
        />
        {ups && (
          <Section
            title="UPS (§2)"
            rows={[
              ['System', ups.name],
              ['Units', `${ups.units} × ${show.va(ups.ratedVA)} / ${show.w(ups.ratedW)}, ${ups.redundancy}`],
              ['After the worst failure', `${upsUnitsAfterWorstFailure(ups)} units: ${show.w(upsUnitsAfterWorstFailure(ups) * ups.ratedW)}`],
              ['Load now / after failure', show.pct(peakW / (upsUnitsAfterWorstFailure(ups) * ups.ratedW))],
              ['Max loading', show.pct(ups.maxLoadFrac ?? 0.8, 0)],
              ['Efficiency', show.pct(ups.upsEff, 1)],
            ]}
          />
        )}
        {bat && (
          <Section
            title="Battery (§3)"
            rows={[
              ['String', `${bat.name}: ${bat.strings} × ${bat.blocksPerString} × ${bat.blockV} V`],
              ['Method', `${bat.method}${bat.method === 'table' ? ` to ${bat.endVoltsPerCell} V/cell` : ''}`],
              ['Derating', battery ? `temperature × ${show.n(battery.tempFactor, 3)}, aging × ${show.n(battery.agingFactor, 3)}` : '—'],
              ['Runtime at today’s peak', show.min(battery?.runtimeMin)],
              ['Required', show.min(bat.requiredMin)],
              ['Largest AC load for it', show.w(battery?.maxAcLoadW)],
              ['Recharge power', show.w(rechargeW(bat))],
            ]}
          />
        )}
        {gen && (
          <Section
            title="Generator (§4) and fuel (§5)"
            rows={[
              ['Set', `${gen.name} (rated ${show.w(gen.ratingW)})`],
              ['Site derating', genOut?.ok ? `${show.pct(genOut.value.siteDerateFrac)} (${s.altitudeM} m, ${s.ambientC} °C)` : '—'],
              ['Sizing load (× UPS factor)', show.w(genOut?.ok ? genOut.value.genSizingW : null)],
              ['Average load', show.w(genOut?.ok ? genOut.value.genAvgW : null)],
              ['Required rating', genOut?.ok ? `${show.w(genOut.value.requiredRatingW)}${genOut.value.pick.ratingW === gen.ratingW ? ' — the set is large enough' : ' — a larger set is needed'}` : '—'],
              ['Fuel burn', fuel ? `${show.n(fuel.fuelLPerH, 3)} L/h${fuel.estimated ? ' (estimated)' : ''}` : '—'],
              ['Tank autonomy', fuel ? `${show.h(fuel.autonomyH)} from ${show.l(gen.tankL)} (${show.n((gen.tankL ?? 0) / 3.785411784, 3)} US gal)` : '—'],
              ['NFPA 110 storage', fuel?.nfpaStoredL != null ? `${show.l(fuel.nfpaStoredL)} for class ${gen.classH} h` : '—'],
            ]}
            note={genOut && !genOut.ok ? genOut.error.message : null}
          />
        )}
        {cool && (
          <Section
            title="Cooling (§6)"
            rows={[
              ['Units', `${cool.installedUnits} × ${show.w(cool.unitTotalW)} total, SHR ${cool.shr}`],
              ['Heat load at peak', cooling ? `${show.w(cooling.heatW)} = ${show.n(cooling.heatBtuPerH, 4)} BTU/h = ${show.n(cooling.heatTons, 3)} tons` : '—'],
              ['Units needed (N)', cooling ? String(cooling.nUnits) : '—'],
              ['N+1 needs', cooling ? `${cooling.installed} (installed ${cool.installedUnits})` : '—'],
              ['Capacity with one failed', show.w((cool.installedUnits - 1) * cool.unitTotalW * cool.shr)],
            ]}
          />
        )}
        {detail.backupJobs.length > 0 && s.backupLinkBitsPerS !== null && (
          <Section
            title="Backup (§7)"
            rows={[
              ['Protected data', data ? `${show.bytes(data.value)} (${data.date})` : 'no reading'],
              ['Link', `${show.bitsPerS(s.backupLinkBitsPerS)}, ${show.pct(s.backupLinkShareFrac ?? 1, 0)} for backup`],
              ['Daily change', show.pct(s.dailyChangeFrac ?? 0)],
              ...detail.backupJobs.map((j): [string, ReactNode] => {
                const r = computeBackup({
                  job: j.job,
                  dataBytes: data?.value ?? 0,
                  dailyChangeFrac: s.dailyChangeFrac ?? 0,
                  linkBitsPerS: s.backupLinkBitsPerS!,
                  ...(s.backupLinkShareFrac !== null ? { linkShareFrac: s.backupLinkShareFrac } : {}),
                  windowH: j.windowH,
                  backupIntervalH: j.intervalH,
                  ...(j.days !== null ? { days: j.days } : {}),
                  ...(s.compressionRatio !== null ? { compressionRatio: s.compressionRatio } : {}),
                  ...(s.dedupRatio !== null ? { dedupRatio: s.dedupRatio } : {}),
                  ...(j.fixedOverheadH !== null ? { fixedOverheadH: j.fixedOverheadH } : {}),
                });
                return [j.name, r.ok ? `${show.h(r.value.durationH)} in a ${show.h(j.windowH)} window — ${r.value.fitsWindow ? 'fits' : 'MISSES'}` : r.error.message];
              }),
            ]}
          />
        )}
      </div>

      <section className="sheet-section sheet-wide">
        <h3>Equipment ({detail.equipment.length})</h3>
        <table className="sheet-table">
          <thead>
            <tr>
              <th>Item</th>
              <th className="num">Qty</th>
              <th className="num">Nameplate</th>
              <th className="num">Measured</th>
              <th className="num">Counted</th>
            </tr>
          </thead>
          <tbody>
            {detail.equipment.map((e) => (
              <tr key={e.id}>
                <td>{e.name}</td>
                <td className="num">{e.qty}</td>
                <td className="num">{show.w(e.nameplateW)}</td>
                <td className="num">{e.measuredW === null ? '—' : show.w(e.measuredW)}</td>
                <td className="num">{show.w(e.qty * (e.measuredW ?? e.nameplateW * (s.nameplateToActualFrac ?? 0.67)))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="sheet-note">Formulas, constants and sources: specs/facility.md. Measured power wins over nameplate; unmeasured items count at {show.pct(s.nameplateToActualFrac ?? 0.67, 0)} of nameplate.</p>
      </section>
    </article>
  );
}

/** §4.2 for the site's own set (catalog = the set, or a marker that a larger one is needed). */
export function computeGenerator(detail: SiteDetail, itW: number) {
  const ups = detail.ups[0]!;
  const bat = detail.batteryStrings[0]!;
  const gen = detail.generators[0]!;
  return sizeGenerator({
    itLoadW: itW,
    upsEff: ups.upsEff,
    chargeCurrentA: bat.chargeCurrentA,
    floatVoltsPerCell: bat.floatVoltsPerCell,
    cells: bat.blocksPerString * bat.cellsPerBlock,
    chargerEff: bat.chargerEff,
    otherRunningW: gen.otherRunningW,
    altitudeM: detail.site.altitudeM,
    ambientC: detail.site.ambientC,
    catalog: [
      { name: gen.name, ratingW: gen.ratingW },
      { name: 'a larger set', ratingW: Number.MAX_SAFE_INTEGER },
    ],
    ...(gen.upsGenFactor !== null ? { upsGenFactor: gen.upsGenFactor } : {}),
    ...(gen.espAvgLoadFrac !== null ? { espAvgLoadFrac: gen.espAvgLoadFrac } : {}),
  });
}
