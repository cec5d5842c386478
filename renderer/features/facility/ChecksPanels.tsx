/**
 * Small panels for the checks that were built but unreachable in the app (issue 13, item 7),
 * each on the tab where it belongs: required runtime and the UPS end voltage with the battery,
 * the motor-start step and the WP-3 worksheet with the generator, PUE with cooling, 3-2-1 with
 * backup. Each answers as the planner types, through the same calculator `headroom calc NAME`
 * runs (shared/facility/calculators.ts); nothing here computes a number of its own.
 */
import { useState } from 'react';
import { calculators, type CalculatorName } from '../../../shared/facility/calculators';
import { computeLoad } from '../../../shared/facility/load';
import { siteInputFromDetail, type SiteDetail } from '../../../shared/facility/site-record';
import { errorLine } from '../../../shared/errors';

/** Today's connected IT load as the limits count it (shared/facility/load.ts), for a default. */
function connectedItW(d: SiteDetail): string {
  const r = computeLoad(siteInputFromDetail(d).load);
  return r.ok ? String(Math.round(r.value.connectedItW)) : '';
}

interface Field {
  key: string;
  label: string;
  choices?: readonly string[];
}

interface CheckSpec {
  name: CalculatorName;
  title: string;
  fields: Field[];
  defaults: (d: SiteDetail) => Record<string, string>;
}

const CHECKS: Record<string, CheckSpec[]> = {
  power: [
    {
      name: 'required-runtime',
      title: 'Required runtime',
      fields: [
        { key: 'businessRideThroughMin', label: 'Ride-through (min)' },
        { key: 'orderlyShutdownMin', label: 'Orderly shutdown (min)' },
        { key: 'safetyMarginMin', label: 'Safety margin (min)' },
      ],
      // The site's own minutes when it has them (the sheet checks those); else Eaton's example.
      defaults: (d) => ({
        businessRideThroughMin: String(d.site.rideThroughMin ?? 5),
        orderlyShutdownMin: String(d.site.shutdownMin ?? 3),
        safetyMarginMin: String(d.site.runtimeMarginMin ?? (d.site.rideThroughMin != null ? 0 : 2)),
      }),
    },
    {
      name: 'end-voltage',
      title: 'UPS end voltage',
      fields: [
        { key: 'cells', label: 'Cells in series' },
        { key: 'endVoltsPerCell', label: 'End voltage (V/cell)' },
        { key: 'upsMinDcV', label: 'UPS DC cut-off (V)' },
      ],
      defaults: (d) => {
        const b = d.batteryStrings[0];
        return {
          cells: b ? String(b.blocksPerString * b.cellsPerBlock) : '',
          endVoltsPerCell: b?.endVoltsPerCell ? String(b.endVoltsPerCell) : '1.67',
          upsMinDcV: '',
        };
      },
    },
  ],
  generator: [
    {
      name: 'motor-start',
      title: 'Motor start (largest motor last)',
      fields: [
        { key: 'motorHp', label: 'Motor (hp)' },
        { key: 'codeLetter', label: 'NEC code letter', choices: ['F', 'G', 'H', 'J', 'K', 'L'] },
        { key: 'runningKVA', label: 'Already running (kVA)' },
        { key: 'genMaxStepKVA', label: 'Generator step (kVA)' },
      ],
      defaults: (d) => ({
        motorHp: d.site.motorHp === null ? '' : String(d.site.motorHp),
        codeLetter: d.site.motorCode ?? 'G',
        runningKVA: '',
        genMaxStepKVA: '',
      }),
    },
    {
      name: 'wp3',
      title: 'WP-3 worksheet cross-check',
      fields: [
        { key: 'actualItW', label: 'IT load today (W)' },
        { key: 'futureItW', label: 'IT load to add (W)' },
        { key: 'areaM2', label: 'Floor area (m²)' },
        { key: 'cooling', label: 'Cooling', choices: ['dx', 'chilled-water'] },
        { key: 'lineVoltageV', label: 'Line voltage (V)' },
      ],
      defaults: (d) => ({
        actualItW: connectedItW(d),
        futureItW: '0',
        areaM2: String(d.site.areaM2),
        cooling: 'dx',
        lineVoltageV: d.site.lineVoltageV === null ? '' : String(d.site.lineVoltageV),
      }),
    },
  ],
  cooling: [
    {
      name: 'pue',
      title: 'PUE from energy readings',
      fields: [
        { key: 'facilityWh', label: 'Facility energy (Wh)' },
        { key: 'itWh', label: 'IT energy, same period (Wh)' },
      ],
      defaults: (d) => ({
        facilityWh: d.site.facilityEnergyWh === null ? '' : String(d.site.facilityEnergyWh),
        itWh: d.site.itEnergyWh === null ? '' : String(d.site.itEnergyWh),
      }),
    },
  ],
  backup: [
    {
      name: 'backup-321',
      title: '3-2-1 rule',
      fields: [
        { key: 'backupCopies', label: 'Backup copies' },
        { key: 'mediaKinds', label: 'Kinds of media' },
        { key: 'offsiteCopies', label: 'Copies off site' },
      ],
      defaults: (d) => ({
        backupCopies: String(d.site.backupCopies ?? 1),
        mediaKinds: String(d.site.mediaKinds ?? 1),
        offsiteCopies: String(d.site.offsiteCopies ?? 0),
      }),
    },
  ],
};

function fmt(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v === null) return '—';
  return String(v);
}

/** `stepKVA` → `step kVA`, `utilityCurrentA` → `utility current A`: the result's own names, readable. */
function words(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/ ([A-Z])([a-z])/g, (_, a: string, b: string) => ` ${a.toLowerCase()}${b}`)
    .replace(/KVA$/, 'kVA')
    .replace(/^Pue$/, 'PUE')
    .replace(/^Dcie$/, 'DCiE');
}

function CheckPanel({ spec, detail }: { spec: CheckSpec; detail: SiteDetail }) {
  const [values, setValues] = useState<Record<string, string>>(() => spec.defaults(detail));
  const input: Record<string, unknown> = {};
  for (const f of spec.fields) {
    const v = values[f.key] ?? '';
    if (v.trim() === '') continue;
    input[f.key] = f.choices ? v : Number(v);
  }
  const missing = spec.fields.filter((f) => f.key !== 'lineVoltageV' && (values[f.key] ?? '').trim() === '');
  const result = missing.length === 0 ? calculators[spec.name].run(input) : null;
  const value = result?.ok ? (result.value as Record<string, unknown>) : null;
  return (
    <section className="fac-check" aria-label={spec.title} data-check={spec.name}>
      <h3>{spec.title}</h3>
      <div className="fac-check-fields">
        {spec.fields.map((f) => (
          <label key={f.key}>
            {f.label}{' '}
            {f.choices ? (
              <select value={values[f.key] ?? ''} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}>
                {f.choices.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            ) : (
              <input inputMode="decimal" value={values[f.key] ?? ''} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
            )}
          </label>
        ))}
      </div>
      <div className="fac-check-result" role="status">
        {missing.length > 0 && <p className="muted">To check, fill in: {missing.map((f) => f.label).join(', ')}.</p>}
        {result && !result.ok && <p className="form-error">{errorLine(result.error)}</p>}
        {value && (
          <dl className="fac-facts">
            {Object.entries(value)
              .filter(([, v]) => !Array.isArray(v))
              .map(([k, v]) => (
                <div key={k}>
                  <dt>{words(k)}</dt>
                  <dd data-result={k} className={v === false ? 'fac-over' : undefined}>
                    {fmt(v)}
                  </dd>
                </div>
              ))}
          </dl>
        )}
        {value && Array.isArray(value.rules) && (
          <ul className="fac-check-rules">
            {(value.rules as { rule: string; ok: boolean; message: string }[]).map((r) => (
              <li key={r.rule} className={r.ok ? '' : 'fac-over'}>
                {r.ok ? '✓' : '✗'} {r.rule}: {r.message}
              </li>
            ))}
          </ul>
        )}
        {result?.ok &&
          result.warnings.map((w) => (
            <p key={w} className="badge warn fac-warning">
              {w}
            </p>
          ))}
      </div>
    </section>
  );
}

/** The check panels of a Facility tab (none for a tab without checks). */
export function ChecksPanels({ tab, detail }: { tab: string; detail: SiteDetail }) {
  const specs = CHECKS[tab];
  if (!specs) return null;
  return (
    <div className="fac-checks no-print">
      {specs.map((s) => (
        // Started again when the site fields it starts from change (a save on another tab).
        <CheckPanel key={`${s.name}-${detail.site.id}-${JSON.stringify(s.defaults(detail))}`} spec={s} detail={detail} />
      ))}
    </div>
  );
}
