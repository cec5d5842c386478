/** The dated readings a forecast will fit: the chart against the limits, and a form to add one. */
import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../../components/ChartFigure';
import type { SiteLimits } from '../../../shared/facility/site';
import type { ReadingKind, SiteDetail } from '../../../shared/facility/site-record';
import { useChange } from '../../data/query';
import { Field } from '../../components/Field';
import { errorsFrom, useWorkspace } from '../../state';
import { findUnit, parseQuantity, show, unitsOf } from './units';

/** The nearest limit in red, then amber, then grey. */
const LIMIT_COLOURS = ['var(--danger)', '#d29922', 'var(--muted)'];

export function ReadingsChart({ detail, limits, kind }: { detail: SiteDetail; limits: SiteLimits; kind: ReadingKind }) {
  const it = kind === 'itW';
  const scale = it ? 1e3 : 1e12;
  const data = detail.readings.filter((r) => r.kind === kind).map((r) => ({ date: r.date, value: r.value / scale }));
  const lines = limits.limits.filter((l) => l.variable === kind && l.max !== null);
  if (data.length === 0) return <p className="muted">No {it ? 'IT-load' : 'protected-data'} readings yet.</p>;
  const top = Math.max(...data.map((d) => d.value), ...lines.slice(0, 3).map((l) => l.max! / scale)) * 1.08;
  return (
    <ChartFigure className="fac-chart" aria-label={it ? 'Measured IT load' : 'Protected data'}>
      <figcaption>
        {it ? 'Measured IT load, kW' : 'Protected data, TB'} — {data.length} readings; dashed: the {Math.min(3, lines.length)} nearest limits
      </figcaption>
      <ResponsiveContainer width="100%" height={230}>
        <LineChart data={data} margin={{ top: 10, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" />
          <XAxis dataKey="date" stroke="var(--muted)" tickFormatter={(d: string) => d.slice(0, 7)} minTickGap={24} />
          <YAxis stroke="var(--muted)" domain={[0, Number(top.toPrecision(2))]} tickFormatter={(v: number) => `${Number(v.toPrecision(3))}`} />
          <Tooltip
            formatter={(v) => [`${Number(Number(v).toPrecision(4))} ${it ? 'kW' : 'TB'}`, it ? 'IT load' : 'data']}
            contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)' }}
          />
          {lines.slice(0, 3).map((l, i) => (
            <ReferenceLine key={l.key} y={l.max! / scale} stroke={LIMIT_COLOURS[i]} strokeDasharray="6 4" strokeWidth={1.5} />
          ))}
          <Line type="monotone" dataKey="value" stroke="var(--accent)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <ul className="fac-legend">
        {lines.slice(0, 3).map((l, i) => (
          <li key={l.key}>
            <i style={{ color: LIMIT_COLOURS[i] }} />
            <span>
              {l.label}: {it ? show.w(l.max) : show.bytes(l.max)}
            </span>
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}

export function RecordReadingForm({ siteId, readOnly }: { siteId: number; readOnly: boolean }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const [kind, setKind] = useState<ReadingKind>('itW');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [text, setText] = useState('');
  const [unit, setUnit] = useState('kW');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const unitKind = kind === 'itW' ? 'power' : 'data';
  const value = parseQuantity(text, findUnit(unitKind, unit));
  const live = text && (value === null || Number.isNaN(value)) ? 'must be a number' : value !== null && value < 0 ? 'must not be negative' : undefined;

  const submit = async () => {
    setErrors({});
    if (value === null || Number.isNaN(value)) return setErrors({ value: 'must be a number' });
    try {
      await change('facility.recordReading', { siteId, kind, date, value });
      notify('info', `Recorded ${kind === 'itW' ? show.w(value) : show.bytes(value)} on ${date}. Ctrl+Z undoes it.`);
      setText('');
    } catch (e) {
      setErrors(errorsFrom(e));
    }
  };

  return (
    <form
      className="fac-reading-form"
      aria-label="Record a reading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label="Reading">
        {(p) => (
          <select
            {...p}
            value={kind}
            disabled={readOnly}
            onChange={(e) => {
              const k = e.target.value as ReadingKind;
              setKind(k);
              setUnit(k === 'itW' ? 'kW' : 'TB');
            }}
          >
            <option value="itW">Measured IT load</option>
            <option value="dataBytes">Protected data</option>
          </select>
        )}
      </Field>
      <Field label="Date" error={errors.date}>
        {(p) => (
          <input {...p} type="text" className="num" value={date} placeholder="YYYY-MM-DD" disabled={readOnly} onChange={(e) => setDate(e.target.value)} />
        )}
      </Field>
      <Field label="Value" error={errors.value ?? live}>
        {(p) => (
          <div className="fac-quantity with-unit">
            <input {...p} type="text" inputMode="decimal" className="num" value={text} disabled={readOnly} onChange={(e) => setText(e.target.value)} />
            <select aria-label="Value unit" className="fac-unit" value={unit} disabled={readOnly} onChange={(e) => setUnit(e.target.value)}>
              {unitsOf(unitKind).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </Field>
      <div className="form-submit">
        <button type="submit" className="primary" disabled={readOnly || !text}>
          Record
        </button>
      </div>
      {errors._ && (
        <div className="form-error" role="alert">
          {errors._}
        </div>
      )}
    </form>
  );
}
