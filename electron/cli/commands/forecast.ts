/**
 * Forecast commands (../shared/CLI.md): `fit` fits a `date,value` CSV without a workspace;
 * `limits` lists every limit of a workspace with its projected crossing date, soonest first.
 */
import { readFileSync } from 'node:fs';
import type { LimitForecast } from '../../../shared/contract';
import { HeadroomError, invalid } from '../../../shared/errors';
import { describeStatus, fitAndProject, formatBps, likelyBetween, METHODS, validateFitCsv, type ForecastMethod } from '../../../shared/forecast';
import { alignRows, jsonOut, UsageError, type Command } from '../command';

function capacityOf(value: unknown): number {
  const text = String(value).trim();
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) throw invalid('capacity', `"${String(value)}" is not a number`);
  if (n <= 0) throw invalid('capacity', `must be a positive number (got ${text})`);
  return n;
}

function methodOf(value: unknown): ForecastMethod {
  if (value === undefined) return 'auto';
  const m = String(value) as ForecastMethod;
  // quadratic is on request only (spec §2.6): accepted, never chosen by auto.
  if (!METHODS.includes(m)) throw invalid('method', `must be one of linear, exponential, drift, holt, damped, auto, quadratic (got "${String(value)}")`);
  return m;
}

const round = (v: number): string => (Number.isInteger(v) ? String(v) : v.toPrecision(4));

function quantity(v: number | null, unit: string): string {
  if (v === null) return '—';
  if (unit === 'bytes') return `${(v / 1e12).toPrecision(4)} TB`;
  if (unit === 'W') return `${(v / 1000).toPrecision(4)} kW`;
  if (unit === 'bit/s') return formatBps(v);
  return `${round(v)} ${unit}`;
}

const fit: Command = {
  name: 'fit',
  usage: 'fit --csv FILE --capacity N [--method linear|exponential|drift|holt|damped|auto] [--as-of YYYY-MM-DD] [--one-off] [--json]',
  summary: 'fits a date,value CSV and projects the date it reaches the capacity (specs/forecast.md)',
  options: {
    csv: { type: 'string' },
    capacity: { type: 'string' },
    method: { type: 'string' },
    'as-of': { type: 'string' },
    'one-off': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: [0, 0],
  async run({ opts, io }) {
    if (typeof opts.csv !== 'string') throw new UsageError('--csv FILE is required');
    if (typeof opts.capacity !== 'string') throw new UsageError('--capacity N is required');
    const capacity = capacityOf(opts.capacity);
    const method = methodOf(opts.method);
    let text: string;
    try {
      text = readFileSync(opts.csv, 'utf8');
    } catch (e) {
      throw new HeadroomError('not-found', `cannot read ${opts.csv} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'csv');
    }
    const { points, problems } = validateFitCsv(text);
    if (problems.length > 0) {
      for (const p of problems) io.err(p);
      throw new HeadroomError('invalid', `${problems.length} bad row${problems.length === 1 ? '' : 's'} in ${opts.csv}: nothing fitted`, 'csv', '');
    }
    const asOf = typeof opts['as-of'] === 'string' ? opts['as-of'] : undefined;
    // --one-off: a step the spec's outlier rule flags is fitted without and added back (§4, TV9).
    const result = fitAndProject(points, { capacity, method, ...(asOf !== undefined ? { asOf } : {}), ...(opts['one-off'] ? { treatOneOffs: true } : {}) });
    if (opts.json) return jsonOut(io, result);
    const rows: string[][] = [
      ['status', `${result.status}: ${describeStatus(result)}`],
      ['model', result.model ?? '—'],
      ['date', result.date ?? '—'],
      ['likely between', likelyBetween(result) || '—'],
      ['cross-validated MAE', result.holdoutMae === null ? '—' : round(result.holdoutMae)],
    ];
    const p = result.params;
    if (typeof p.runnerUp === 'string')
      rows.push(['runner-up', `${p.runnerUp}: ${typeof p.runnerUpDate === 'string' ? p.runnerUpDate : String(p.runnerUpStatus)}`]);
    if (typeof p.runnerUpReason === 'string') rows.push(['why not', p.runnerUpReason]);
    if (result.stale) rows.push(['stale', 'yes: the newest reading is older than 3 typical spacings']);
    if (result.runoutByMonth.length > 0) {
      rows.push([
        'P(full) by',
        result.runoutByMonth
          .filter((_, i) => i % 3 === 2)
          .map((m) => `${m.month} ${Math.round(100 * m.p)} %`)
          .join(', '),
      ]);
    }
    for (const l of alignRows(rows)) io.out(l);
    for (const w of result.warnings) io.err(`warning: ${w}`);
  },
};

function limitRow(l: LimitForecast): string[] {
  return [
    l.status === 'ok' || l.status === 'exceeded' || l.status === 'projectedNow' ? (l.date ?? '') : l.status === 'mayRunOut' ? (l.earliest ?? '') : '',
    describeStatus(l),
    l.name,
    l.detail,
    l.capacity === null ? '—' : `${l.usedFrac === null ? '—' : `${(l.usedFrac * 100).toFixed(0)} %`} of ${quantity(l.capacity, l.unit)}`,
    l.model ?? '—',
    likelyBetween(l),
    l.orderBy ?? '',
  ];
}

const limits: Command = {
  name: 'limits',
  usage: 'limits WS [--as-of YYYY-MM-DD] [--json]',
  summary:
    'every limit in the workspace (pools, ASN blocks, UPS, battery, generator, fuel, cooling, backup, DHCP scopes, links) with its projected crossing date, soonest first',
  options: { 'as-of': { type: 'string' }, json: { type: 'boolean' } },
  positionals: [1, 1],
  async run({ args, opts, io, withWorkspace }) {
    const asOf = typeof opts['as-of'] === 'string' ? opts['as-of'] : undefined;
    const r = await withWorkspace(args[0]!, 'read', (call) => call('forecast.limits', asOf !== undefined ? { asOf } : {}));
    if (opts.json) return jsonOut(io, r);
    // `order by`: the crossing minus the limit's lead time (a link's), empty for a limit without one.
    const header = ['date', 'status', 'limit', 'where', 'used', 'model', 'likely between', 'order by'];
    for (const l of alignRows([header, ...r.limits.map(limitRow)])) io.out(l);
  },
};

export const forecastCommands: Command[] = [fit, limits];
