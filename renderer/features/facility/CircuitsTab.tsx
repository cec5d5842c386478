/**
 * The Circuits tab: each PDU or branch circuit against its breaker (NEC 210.20(A) 80 %, or
 * IEC 60364-4-43 In × the maker's derating), the line each item sits on and the circuit that
 * feeds it, the phase split, the imbalance and the neutral current. Every number comes from
 * shared/facility/site-circuits.ts; this screen only shows them and saves through the contract.
 */
import { useState, type FormEvent } from 'react';
import { CIRCUIT_PHASES, CIRCUIT_RULES, PHASES3 } from '../../../shared/facility/circuits';
import { siteCircuitReport } from '../../../shared/facility/site-circuits';
import type { SiteDetail } from '../../../shared/facility/site-record';
import { useChange } from '../../data/query';
import { errorText, useWorkspace } from '../../state';
import { show } from './units';

const RULE_LABEL: Record<(typeof CIRCUIT_RULES)[number], string> = {
  nec: 'NEC 80 % (210.20(A))',
  nec100: 'NEC 100 %-rated assembly',
  iec: 'IEC In × derating',
};

function amps(a: number | null | undefined): string {
  return a === null || a === undefined ? '—' : `${a.toFixed(1)} A`;
}

export function CircuitsTab({ detail, readOnly }: { detail: SiteDetail; readOnly: boolean }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const report = siteCircuitReport(detail);
  const [form, setForm] = useState({ name: '', breakerA: '', rule: 'nec', phase: 'L1', voltageV: '', deratingFrac: '' });
  const [error, setError] = useState<string | null>(null);

  const save = async (channel: 'facility.updateEquipment' | 'facility.removeCircuit', input: Record<string, unknown>) => {
    try {
      await change(channel, input as never);
    } catch (e) {
      notify('error', errorText(e));
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
    try {
      await change('facility.addCircuit', {
        siteId: detail.site.id,
        name: form.name,
        breakerA: num(form.breakerA) as number,
        rule: form.rule as (typeof CIRCUIT_RULES)[number],
        phase: form.phase as (typeof CIRCUIT_PHASES)[number],
        voltageV: num(form.voltageV) as number,
        ...(form.rule === 'iec' && form.deratingFrac.trim() !== '' ? { deratingFrac: Number(form.deratingFrac) } : {}),
      });
      setForm({ ...form, name: '' });
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <div className="fac-circuits">
      <section aria-labelledby="fac-circuits-title">
        <h2 id="fac-circuits-title">Circuits</h2>
        {report.circuits.length === 0 ? (
          <p className="muted">No circuits yet. Add each PDU or branch circuit with its breaker, then put each item on one.</p>
        ) : (
          <table className="grid" aria-label="Circuits">
            <thead>
              <tr>
                <th>Circuit</th>
                <th>Line</th>
                <th>Breaker</th>
                <th>Rule</th>
                <th>Load</th>
                <th>Current</th>
                <th>Allowed</th>
                <th>Used</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {report.circuits.map((c) => {
                const rec = detail.circuits.find((r) => r.name === c.name)!;
                return (
                  <tr key={c.name} data-circuit={c.name} className={c.over ? 'fac-over' : undefined}>
                    <td>{c.name}</td>
                    <td>{c.phase === '3ph' ? 'L1–L3' : c.phase}</td>
                    <td>{rec.breakerA} A</td>
                    <td>{c.rule}</td>
                    <td>{show.w(c.loadW)}</td>
                    <td>{amps(c.currentA)}</td>
                    <td>{amps(c.allowedA)}</td>
                    <td data-used={c.name}>{`${(c.usedFrac * 100).toFixed(0)} %${c.over ? ' — over' : ''}`}</td>
                    <td>
                      <button
                        type="button"
                        className="link"
                        disabled={readOnly}
                        onClick={() => void save('facility.removeCircuit', { id: rec.id })}
                        aria-label={`Remove circuit ${c.name}`}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {!readOnly && (
          <form className="fac-circuit-form" onSubmit={(e) => void add(e)} aria-label="Add a circuit">
            <label>
              Name <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required />
            </label>
            <label>
              Breaker (A) <input inputMode="decimal" value={form.breakerA} onChange={(e) => setForm({ ...form, breakerA: e.target.value })} required />
            </label>
            <label>
              Rule{' '}
              <select value={form.rule} onChange={(e) => setForm({ ...form, rule: e.target.value })}>
                {CIRCUIT_RULES.map((r) => (
                  <option key={r} value={r}>
                    {RULE_LABEL[r]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Line{' '}
              <select value={form.phase} onChange={(e) => setForm({ ...form, phase: e.target.value })}>
                {CIRCUIT_PHASES.map((p) => (
                  <option key={p} value={p}>
                    {p === '3ph' ? 'three-phase' : p}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Voltage (V){' '}
              <input
                inputMode="decimal"
                value={form.voltageV}
                onChange={(e) => setForm({ ...form, voltageV: e.target.value })}
                required
                placeholder={form.phase === '3ph' ? 'line-to-line' : 'line-to-neutral'}
              />
            </label>
            {form.rule === 'iec' && (
              <label>
                Derating{' '}
                <input inputMode="decimal" value={form.deratingFrac} onChange={(e) => setForm({ ...form, deratingFrac: e.target.value })} placeholder="1" />
              </label>
            )}
            <button type="submit">Add circuit</button>
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
          </form>
        )}
      </section>

      <section aria-labelledby="fac-phases-title">
        <h2 id="fac-phases-title">Phases</h2>
        <dl className="fac-facts" aria-label="Phase split">
          {PHASES3.map((p) => (
            <div key={p}>
              <dt>{p}</dt>
              <dd data-fact={p}>
                {show.w(report.phaseW[p])}
                {report.phaseA ? ` · ${amps(report.phaseA[p])}` : ''}
              </dd>
            </div>
          ))}
          <div>
            <dt>Neutral</dt>
            <dd data-fact="Neutral">
              {report.neutralA === null ? 'needs the site’s line voltage' : `${amps(report.neutralA)} (linear loads; triplen harmonics add)`}
            </dd>
          </div>
          <div>
            <dt>Imbalance</dt>
            <dd data-fact="Imbalance">{`${(report.imbalanceFrac * 100).toFixed(0)} %`}</dd>
          </div>
        </dl>
        {report.warnings.map((w) => (
          <p key={w} className="badge warn fac-warning">
            {w}
          </p>
        ))}
        <table className="grid" aria-label="Equipment lines and circuits">
          <thead>
            <tr>
              <th>Item</th>
              <th>Line</th>
              <th>Circuit</th>
            </tr>
          </thead>
          <tbody>
            {detail.equipment.map((e) => (
              <tr key={e.id}>
                <td>{e.name}</td>
                <td>
                  <select
                    aria-label={`Line of ${e.name}`}
                    disabled={readOnly}
                    value={e.phase ?? ''}
                    onChange={(ev) => void save('facility.updateEquipment', { id: e.id, phase: ev.target.value === '' ? null : ev.target.value })}
                  >
                    <option value="">{e.circuit ? 'its circuit’s line' : 'spread over L1–L3'}</option>
                    {PHASES3.map((p) => (
                      <option key={p} value={p}>
                        {p}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`Circuit of ${e.name}`}
                    disabled={readOnly}
                    value={e.circuit ?? ''}
                    onChange={(ev) => void save('facility.updateEquipment', { id: e.id, circuit: ev.target.value === '' ? null : ev.target.value })}
                  >
                    <option value="">none</option>
                    {detail.circuits.map((c) => (
                      <option key={c.id} value={c.name}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
