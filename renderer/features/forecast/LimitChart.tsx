/**
 * One limit's chart (specs/forecast.md §6): history solid, projection dashed, the interval as a
 * shaded band, reference lines at the limit and the warning level, a vertical line at as-of,
 * and a marker with its label at the crossing date (the earliest–latest range shaded).
 */
import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../../components/ChartFigure';
import type { CurvePoint } from '../../../shared/forecast/curve';
import { chartNote, type ForecastResult } from '../../../shared/forecast';
import { axisScale, dateToDay, dayToDate, quantity } from './format';

export interface ChartProps {
  curve: CurvePoint[];
  result: ForecastResult;
  capacity: number | null;
  warningFrac: number;
  unit: string;
  asOf: string;
  title: string;
  /** the day to order the upgrade by (a link's crossing minus its lead time): a vertical line */
  orderBy?: string | null;
  /** what the red line is called: a link's is its threshold, not its capacity */
  capacityLabel?: string;
}

/** Round ticks from 0 to just above v: about five steps of 1, 2, 2.5 or 5 × 10^k. */
function niceTicks(v: number): number[] {
  const top = v > 0 ? v : 1;
  const raw = top / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * p >= raw) ?? 10) * p;
  const n = Math.ceil(top / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

export function LimitChart({ curve, result, capacity, warningFrac, unit, asOf, title, orderBy = null, capacityLabel = 'Capacity' }: ChartProps) {
  const { factor, label } = axisScale(unit, capacity);
  const data = curve.map((p) => ({
    day: p.day,
    history: p.history === null ? null : p.history / factor,
    projection: p.projection === null ? null : p.projection / factor,
    band: p.band === null ? null : [Math.max(0, p.band[0] / factor), p.band[1] / factor],
  }));
  if (data.length === 0) return <p className="muted fc-nochart">No history yet: nothing to draw.</p>;
  const cap = capacity === null ? null : capacity / factor;
  const xMin = data[0]!.day;
  const xMax = data[data.length - 1]!.day;
  const highest = Math.max(...data.map((d) => Math.max(d.history ?? 0, d.projection ?? 0)), cap ?? 0);
  const yTicks = niceTicks(Math.min(highest, (cap ?? highest) * 1.6) * 1.05);
  const yMax = yTicks[yTicks.length - 1]!;
  const asOfDay = dateToDay(asOf);
  const withHistory = data.filter((d) => d.history !== null);
  const lastReading = withHistory.length > 0 ? withHistory[withHistory.length - 1]!.day : null;
  const crossDay = result.status === 'ok' || result.status === 'projectedNow' ? (result.date ? dateToDay(result.date) : null) : null;
  const early = result.earliest ? dateToDay(result.earliest) : null;
  const late = result.latest ? dateToDay(result.latest) : xMax;
  const note = crossDay !== null ? null : chartNote(result);

  return (
    <ChartFigure
      className="fc-chart"
      aria-label={`${title}: history and projection`}
      data-x-domain={`${xMin},${xMax}`}
      data-y-domain={`0,${yMax}`}
      data-crossing={crossDay === null ? '' : dayToDate(crossDay)}
      data-stale={result.stale ? 'true' : 'false'}
      data-order-by={orderBy ?? ''}
    >
      {result.stale && lastReading !== null && (
        <p className="fc-stale-note" role="status">
          <span className="fc-stale">Stale</span> newest reading {dayToDate(lastReading)}, older than three of its usual spacings before {asOf}: add a reading
        </p>
      )}
      <ResponsiveContainer width="100%" height={320}>
        {/* No keyboard layer: its focusable surface held Tab inside the chart (issue 14, item 7).
            What the chart shows is in the panel's text (dates, interval, model), reachable by Tab. */}
        <ComposedChart data={data} margin={{ top: 24, right: 24, bottom: 6, left: 6 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" />
          <XAxis
            dataKey="day"
            type="number"
            domain={[xMin, xMax]}
            allowDataOverflow
            stroke="var(--muted)"
            tickFormatter={(d: number) => dayToDate(d).slice(0, 7)}
            minTickGap={28}
          />
          <YAxis
            stroke="var(--muted)"
            domain={[0, yMax]}
            ticks={yTicks}
            allowDataOverflow
            width={62}
            tickFormatter={(v: number) => `${Number(v.toPrecision(3))}`}
            label={{ value: label, angle: -90, position: 'insideLeft', fill: 'var(--muted)', fontSize: 12 }}
          />
          <Tooltip
            labelFormatter={(d) => dayToDate(Number(d))}
            formatter={(v, name) => {
              const show = (x: number) => quantity(x * factor, unit);
              if (Array.isArray(v)) return [`${show(Number(v[0]))} – ${show(Number(v[1]))}`, 'interval'];
              return [show(Number(v)), String(name)];
            }}
            contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)' }}
          />
          {early !== null && (crossDay !== null || result.status === 'mayRunOut') && (
            <ReferenceArea x1={Math.max(early, xMin)} x2={Math.min(late, xMax)} fill="#d29922" fillOpacity={0.12} ifOverflow="hidden" />
          )}
          {result.stale && lastReading !== null && (
            <ReferenceArea
              x1={lastReading}
              x2={asOfDay}
              fill="var(--muted)"
              fillOpacity={0.12}
              ifOverflow="hidden"
              className="fc-stale-gap"
              label={{ value: 'no readings', position: 'insideTop', fill: 'var(--muted)', fontSize: 11 }}
            />
          )}
          <Area dataKey="band" name="interval" stroke="none" fill="var(--accent)" fillOpacity={0.18} isAnimationActive={false} connectNulls={false} />
          <Line
            dataKey="history"
            name="history"
            type="stepAfter"
            stroke="var(--accent)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            dataKey="projection"
            name="projection"
            type="linear"
            stroke="var(--accent)"
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
            className="fc-projection"
          />
          {cap !== null && (
            <ReferenceLine
              y={cap}
              stroke="var(--danger)"
              strokeWidth={1.5}
              className="fc-limit-line"
              ifOverflow="extendDomain"
              label={{ value: `${capacityLabel} ${quantity(capacity, unit)}`, position: 'insideBottomLeft', fill: 'var(--danger)', fontSize: 12 }}
            />
          )}
          {cap !== null && (
            <ReferenceLine
              y={cap * warningFrac}
              stroke="#d29922"
              strokeDasharray="4 4"
              className="fc-warning-line"
              label={{ value: `Warning ${Math.round(warningFrac * 100)} %`, position: 'insideTopLeft', fill: '#b07d12', fontSize: 12 }}
            />
          )}
          {orderBy !== null && (
            <ReferenceLine
              x={dateToDay(orderBy)}
              stroke="#d29922"
              strokeWidth={1.5}
              className="fc-orderby-line"
              ifOverflow="hidden"
              label={{ value: `Order by ${orderBy}`, position: 'insideTopRight', fill: '#b07d12', fontSize: 12, fontWeight: 600 }}
            />
          )}
          <ReferenceLine
            x={asOfDay}
            stroke="var(--muted)"
            strokeDasharray="2 3"
            label={{ value: `as of ${asOf}`, position: 'top', fill: 'var(--muted)', fontSize: 11 }}
          />
          {crossDay !== null && cap !== null && (
            <ReferenceDot
              x={crossDay}
              y={cap}
              r={6}
              fill="var(--danger)"
              stroke="var(--panel)"
              strokeWidth={2}
              className="fc-crossing"
              ifOverflow="visible"
              label={{ value: `Full ≈ ${dayToDate(crossDay)}`, position: 'top', fill: 'var(--text)', fontSize: 12, fontWeight: 600 }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
      {note && <figcaption className="fc-chart-note">{note}</figcaption>}
    </ChartFigure>
  );
}
