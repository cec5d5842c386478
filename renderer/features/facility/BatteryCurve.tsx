/**
 * The battery runtime curve: minutes against AC load on log-log axes. For the table method the
 * points are the vendor's table itself, moved to AC load through the inverter and the derating,
 * so the straight segments between them are exactly the spec's log-log interpolation (§3.4).
 * Other methods are sampled through the calculator. Marked: today's peak load and its runtime,
 * the required runtime, and the largest load that still gets it.
 */
import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../../components/ChartFigure';
import { computeBatteryRuntime, type BatteryInput } from '../../../shared/facility/battery';
import { derating } from '../../../shared/facility/battery-derate';
import type { SiteInput } from '../../../shared/facility/site';
import { show } from './units';
import { errorLine } from '../../../shared/errors';

export interface CurvePoint {
  loadKW: number;
  minutes: number;
}

/** The curve of a site's battery (null when the site has none or its string is incomplete). */
export function batteryCurve(battery: NonNullable<SiteInput['battery']>): CurvePoint[] {
  try {
    const d = derating(battery, []);
    if (battery.method === 'table') {
      return battery.table
        .map((p) => ({
          loadKW: (p.wattsPerBlock * battery.blocksPerString * battery.strings * battery.inverterEff) / d.derateFactor / 1000,
          minutes: p.minutes,
        }))
        .reverse();
    }
    const out: CurvePoint[] = [];
    const nominalW = battery.strings * battery.blocksPerString * battery.blockV * (battery.ratedAh ?? 0);
    for (let i = 0; i <= 40; i++) {
      const acLoadW = nominalW * 0.02 * 1.12 ** i;
      const r = computeBatteryRuntime({ ...battery, acLoadW } as BatteryInput);
      if (r.ok && r.value.runtimeMin >= 1 && r.value.runtimeMin <= 2000) out.push({ loadKW: acLoadW / 1000, minutes: r.value.runtimeMin });
    }
    return out;
  } catch {
    return [];
  }
}

export function runtimeAt(
  battery: NonNullable<SiteInput['battery']>,
  acLoadW: number,
): { runtimeMin: number | null; maxAcLoadW: number | null; error: string | null } {
  const r = computeBatteryRuntime({ ...battery, acLoadW } as BatteryInput);
  return r.ok
    ? { runtimeMin: r.value.runtimeMin, maxAcLoadW: r.value.maxAcLoadW, error: null }
    : { runtimeMin: null, maxAcLoadW: null, error: errorLine(r.error) };
}

export function BatteryCurve({ battery, loadW }: { battery: NonNullable<SiteInput['battery']>; loadW: number }) {
  const points = batteryCurve(battery);
  if (points.length < 2) return <p className="muted">No runtime curve: the string needs a vendor table (or Ah and its method’s parameters).</p>;
  const at = runtimeAt(battery, loadW);
  const xs = points.map((p) => p.loadKW);
  const ys = points.map((p) => p.minutes);
  return (
    <ChartFigure className="fac-chart" aria-label="Battery runtime curve">
      <figcaption>
        Runtime against AC load ({battery.method} method, log-log).{' '}
        {at.runtimeMin !== null ? (
          <>
            At today’s peak {show.w(loadW)}: <b data-testid="runtime-now">{show.min(at.runtimeMin)}</b>.
          </>
        ) : (
          <span className="fac-over">
            At today’s peak {show.w(loadW)}: {at.error}
          </span>
        )}{' '}
        {at.maxAcLoadW !== null && (
          <>
            Largest AC load for {battery.requiredMin} min: <b>{show.w(at.maxAcLoadW)}</b> (the limit divides it by the peak factor).
          </>
        )}
      </figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={points} margin={{ top: 10, right: 24, bottom: 22, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" />
          <XAxis
            dataKey="loadKW"
            type="number"
            scale="log"
            domain={[Math.min(...xs), Math.max(...xs)]}
            allowDataOverflow
            tickFormatter={(v: number) => `${Number(v.toPrecision(2))}`}
            stroke="var(--muted)"
            label={{ value: 'AC load, kW', position: 'insideBottom', offset: -12, fill: 'var(--muted)' }}
          />
          <YAxis
            dataKey="minutes"
            type="number"
            scale="log"
            domain={[Math.min(...ys), Math.max(...ys)]}
            allowDataOverflow
            tickFormatter={(v: number) => `${Number(v.toPrecision(2))}`}
            stroke="var(--muted)"
            label={{ value: 'min', angle: -90, position: 'insideLeft', fill: 'var(--muted)' }}
          />
          <Tooltip
            formatter={(v) => [`${Number(Number(v).toPrecision(3))} min`, 'runtime']}
            labelFormatter={(v) => `${Number(Number(v).toPrecision(3))} kW`}
            contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)' }}
          />
          {battery.requiredMin !== undefined && (
            <ReferenceLine
              y={battery.requiredMin}
              stroke="var(--warn-text)"
              strokeDasharray="5 4"
              label={{ value: `required ${battery.requiredMin} min`, position: 'insideTopRight', fill: 'var(--warn-text)' }}
            />
          )}
          {at.maxAcLoadW !== null && <ReferenceLine x={at.maxAcLoadW / 1000} stroke="var(--warn-text)" strokeDasharray="5 4" />}
          <Line type="linear" dataKey="minutes" stroke="var(--accent)" strokeWidth={2} dot={{ r: 2.5 }} isAnimationActive={false} />
          {at.runtimeMin !== null && (
            <ReferenceDot
              x={loadW / 1000}
              y={at.runtimeMin}
              r={6}
              fill="var(--danger)"
              stroke="var(--panel)"
              label={{ value: 'now', position: 'top', fill: 'var(--text)' }}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
