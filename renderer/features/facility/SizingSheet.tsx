/**
 * The sizing sheet of a site: every input and every result on one page, from the same pure
 * calculators as the rest of the screen. Reads on screen; `Print` gives a clean page (the
 * shell, the tabs and the buttons are hidden by facility.css's print rules).
 */
import type { ReactNode } from 'react';
import { computeBackup } from '../../../shared/facility/backup';
import { LITRES_PER_US_GAL } from '../../../shared/facility/fuel';
import { computeLoad } from '../../../shared/facility/load';
import type { CalcResult } from '../../../shared/facility/result';
import { computeSheet } from '../../../shared/facility/sheet';
import type { SiteLimits } from '../../../shared/facility/site';
import { latestReading, siteInputFromDetail, type SiteDetail } from '../../../shared/facility/site-record';
import { loadNow, whatSetsIt } from './Gauges';
import { show } from './units';
import { SavePdfButton } from '../reports/SavePdfButton';
import { errorLine } from '../../../shared/errors';

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
  // Every figure below comes from shared/facility/sheet.ts: the limits' own inputs and formulas.
  const sheet = computeSheet(detail, now.itW);
  const g = sheet.generators;
  const c = sheet.cooling;
  const data = latestReading(detail.readings, 'dataBytes');
  const today = new Date().toISOString().slice(0, 10);

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
        <h3>Limits, tightest first</h3>
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

      {sheet.findings.length > 0 && (
        <section className="sheet-section sheet-wide" aria-label="Findings">
          <h3>To look at</h3>
          <ul className="sheet-findings">
            {sheet.findings.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </section>
      )}

      <div className="sheet-grid">
        <Section
          title="Load"
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
        {sheet.ups && (
          <Section
            title="UPS"
            rows={[
              ...sheet.ups.systems.map((u): [string, ReactNode] => [
                u.name,
                `${u.units} unit${u.units === 1 ? '' : 's'}, ${show.w(u.installedW)}${u.feed ? `, feed ${u.feed}` : ''}, ${show.pct(u.maxLoadFrac, 0)} max loading, ${show.pct(u.upsEff, 1)} efficient`,
              ]),
              ['Usable after the worst failure', `${show.w(sheet.ups.combined.usableW)} (${sheet.ups.combined.worstFailure})`],
              ['Peak load / usable', show.pct(sheet.ups.loadFrac)],
            ]}
          />
        )}
        {sheet.batteries.length > 0 && (
          <Section
            title="Battery"
            rows={sheet.batteries.flatMap((b): [string, ReactNode][] => [
              [b.name, b.error ?? `${show.min(b.runtimeMin)} at its ${show.w(b.shareW)} share of the peak (required ${show.min(b.requiredMin)}; ${b.bus})`],
              [
                `${b.name}: derating`,
                b.tempFactor === null ? '—' : `temperature × ${show.n(b.tempFactor, 3)}, aging × ${show.n(b.agingFactor, 3)}; recharge ${show.w(b.rechargeW)}`,
              ],
              ...(b.replaceBy
                ? ([[`${b.name}: replace by`, `${b.replaceBy} (80 % capacity after ${show.n(b.serviceLifeYears, 3)} years)`]] as [string, ReactNode][])
                : []),
            ])}
          />
        )}
        {g && (
          <Section
            title="Generators and fuel"
            rows={[
              ...g.sets.map((x): [string, ReactNode] => [
                x.name,
                x.derating
                  ? `${show.w(x.ratingW)} × ${show.pct(x.derating.siteDerateFrac)} = ${show.w(x.deratedW)} (${x.derating.rule}${x.derating.engineFrac !== null ? `: engine ${show.pct(x.derating.engineFrac)}, alternator ${show.pct(x.derating.alternatorFrac)}` : ''}; ${s.altitudeM} m, ${s.ambientC} °C)`
                  : `${show.w(x.ratingW)}: the derating cannot be read`,
              ]),
              [
                'Derated capacity',
                `${show.w(g.deratedW)}${g.redundancy === 'N+1' && g.sets.length > 1 ? `; ${show.w(g.deratedAfterWorstFailureW)} with the largest set failed (N+1)` : ''}`,
              ],
              [
                'Sizing load at today’s peak (× UPS factor)',
                `${show.w(g.genSizingW)} = (${show.w(sheet.peakW)} ÷ ${show.pct(g.upsEff, 1)} + ${show.w(g.rechargeW)} recharge) × ${g.upsGenFactor} + ${show.w(g.otherRunningW)}`,
              ],
              ['Average load', `${show.w(g.genAvgW)} (${show.pct(g.loadFrac)} of the rating)`],
              ['Required', `${show.w(g.requiredW)} — ${g.largeEnough ? 'the sets are large enough' : 'larger sets are needed'}`],
              ...(g.motor
                ? ([
                    [
                      'Motor start (ISO 8528-5 step)',
                      `${g.motor.motorHp} hp code ${g.motor.code}: ${show.n(g.motor.startKVA, 3)} kVA start, ${show.n(g.motor.stepKVA, 3)} kVA step against ${g.motor.capKVA === null ? 'an unknown capability' : `${show.n(g.motor.capKVA, 3)} kVA`}${g.motor.withinCapability === false ? ' — EXCEEDS it' : ''}`,
                    ],
                  ] as [string, ReactNode][])
                : []),
              ...sheet.tanks.flatMap((t): [string, ReactNode][] => [
                [
                  `Tank ${t.name} (${t.sets.join(', ')})`,
                  t.needs
                    ? `no autonomy figure: enter ${t.needs}`
                    : `${show.n(t.fuelLPerH, 3)} L/h${t.estimated ? ' (estimated)' : ''}; ${show.h(t.autonomyH)} from ${show.l(t.usableL)} usable (${show.n(t.usableL / LITRES_PER_US_GAL, 3)} US gal), ${t.requiredAutonomyH} h required`,
                ],
                ...(t.nfpaStoredL !== null
                  ? ([
                      [
                        `Tank ${t.name}: NFPA 110 class ${t.classH} h`,
                        `${show.l(t.nfpaStoredL)} to store — ${t.meetsNfpaClass ? 'the usable tank meets it' : 'the usable tank FAILS it'}`,
                      ],
                    ] as [string, ReactNode][])
                  : []),
              ]),
            ]}
          />
        )}
        {c && (
          <Section
            title="Cooling"
            rows={[
              ...c.groups.map((x): [string, ReactNode] => [x.name, `${x.installedUnits} × ${show.w(x.unitSensibleW)} sensible`]),
              ['Heat load at peak', `${show.w(c.heat.heatW)} = ${show.n(c.heat.btuPerH, 4)} BTU/h = ${show.n(c.heat.tons, 3)} tons`],
              ['UPS heat', `${show.w(c.heat.upsHeatW)} ${c.upsHeatFromEfficiency ? '(from the UPS efficiency)' : '(WP-25 rule: no UPS efficiency)'}`],
              ['Units of the largest size needed (N / N+1)', `${c.unitsNeeded} / ${c.unitsNeeded + 1}`],
              [
                'Capacity with the largest unit failed',
                `${show.w(c.afterWorstFailureW)} of ${show.w(c.totalSensibleW)} (${show.pct(c.loadFracAfterWorstFailure)} used)`,
              ],
            ]}
          />
        )}
        {detail.backupJobs.length > 0 && s.backupLinkBitsPerS !== null && (
          <Section
            title="Backup"
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
                return [
                  j.name,
                  r.ok ? `${show.h(r.value.durationH)} in a ${show.h(j.windowH)} window — ${r.value.fitsWindow ? 'fits' : 'MISSES'}` : errorLine(r.error),
                ];
              }),
            ]}
          />
        )}
        <Section
          title="Checks"
          rows={[
            [
              'Required runtime',
              sheet.checks.requiredRuntime
                ? `${show.min(sheet.checks.requiredRuntime.requiredMin)} = ${show.min(sheet.checks.requiredRuntime.rideThroughMin)} + 2 × ${show.min(sheet.checks.requiredRuntime.shutdownMin)} + ${show.min(sheet.checks.requiredRuntime.marginMin)}`
                : 'enter the ride-through and shutdown minutes on the site',
            ],
            ...(sheet.checks.requiredRuntime?.strings ?? []).map((b): [string, ReactNode] => [
              `Battery ${b.name}`,
              b.runtimeMin === null ? 'no runtime figure' : `${show.min(b.runtimeMin)} at the peak — ${b.meets ? 'meets it' : 'SHORT of it'}`,
            ]),
            [
              '3-2-1 rule',
              sheet.checks.backup321
                ? `${sheet.checks.backup321.ok ? 'met' : 'NOT met'}: ${sheet.checks.backup321.rules.map((r) => `${r.ok ? '✓' : '✗'} ${r.message}`).join('; ')}`
                : 'enter the kinds of media and the copies off site',
            ],
            [
              'PUE from energy',
              sheet.checks.pue
                ? `${show.n(sheet.checks.pue.pue, 3)} (DCiE ${show.pct(sheet.checks.pue.dcie)})`
                : 'enter the facility’s and the IT’s energy over the same period',
            ],
            [
              'Phase split at the peak',
              sheet.checks.phases
                ? `L1 ${show.w(sheet.checks.phases.phaseW.L1)}, L2 ${show.w(sheet.checks.phases.phaseW.L2)}, L3 ${show.w(sheet.checks.phases.phaseW.L3)}; ${show.pct(sheet.checks.phases.imbalanceFrac)} imbalance${sheet.checks.phases.neutralA === null ? '' : `, neutral ${show.n(sheet.checks.phases.neutralA, 3)} A`}`
                : 'no item has a line or a circuit yet',
            ],
            ...sheet.checks.problems.map((p): [string, ReactNode] => ['Cannot check', p]),
          ]}
        />
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
                <td className="num">{show.w(e.qty * (e.measuredW ?? e.nameplateW * sheet.nameplateToActualFrac))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="sheet-note">
          Formulas, constants and sources: docs/facility.md. Measured power wins over nameplate; unmeasured items count at{' '}
          {show.pct(sheet.nameplateToActualFrac, 0)} of nameplate.
        </p>
      </section>
    </article>
  );
}
