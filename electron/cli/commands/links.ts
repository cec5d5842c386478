/**
 * Links (../shared/CLI.md "Links (upstream, transit, satellite)"): `link add|rm|list`,
 * `link reading`, `link import`; added here: `link set` (change a link) and `link lead-time`
 * (the workspace's lead time). Each link is a limit on the forecast board; `link list` shows its
 * projected crossing and order-by date (docs/forecasts.md "Links").
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LimitForecast, LinkRow } from '../../../shared/contract';
import { HeadroomError } from '../../../shared/errors';
import { describeStatus, formatBps, parseLinkCsv } from '../../../shared/forecast';
import { alignRows, jsonOut, UsageError, type Command } from '../command';

function number(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) throw new HeadroomError('invalid', `"${String(value)}" is not a number`, field);
  return n;
}

const linkOptions = {
  'capacity-bps': { type: 'string' },
  'commit-bps': { type: 'string' },
  'threshold-frac': { type: 'string' },
  'lead-days': { type: 'string' },
  description: { type: 'string' },
} as const;

function linkJson(l: LinkRow, f: LimitForecast | undefined) {
  return {
    name: l.name,
    capacityBps: l.capacityBps,
    commitBps: l.commitBps,
    thresholdFrac: l.thresholdFrac,
    limitBps: l.limitBps,
    leadDays: l.effectiveLeadDays,
    ownLeadDays: l.leadDays,
    description: l.description,
    readings: l.readings,
    last: l.last,
    status: f?.status ?? null,
    date: f?.date ?? null,
    earliest: f?.earliest ?? null,
    latest: f?.latest ?? null,
    orderBy: f?.orderBy ?? null,
    stale: f?.stale ?? false,
  };
}

export const linkCommands: Command[] = [
  {
    name: 'link add',
    usage: 'link add WS NAME --capacity-bps N [--commit-bps N] [--threshold-frac F] [--lead-days N] [--description TEXT] [--json]',
    summary: 'an upstream link; its limit is capacity × threshold (default 0.8), ordered lead-days (default: the workspace lead time, 90) before the crossing',
    options: { ...linkOptions, json: { type: 'boolean' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      if (opts['capacity-bps'] === undefined) throw new UsageError('--capacity-bps N is required');
      const input = {
        name: args[1]!,
        capacityBps: number(opts['capacity-bps'], 'capacity-bps'),
        commitBps: number(opts['commit-bps'], 'commit-bps'),
        thresholdFrac: number(opts['threshold-frac'], 'threshold-frac'),
        leadDays: number(opts['lead-days'], 'lead-days'),
        description: opts.description === undefined ? undefined : String(opts.description),
      };
      const row = await withWorkspace(args[0]!, 'write', (call) => call('links.add', input));
      if (opts.json) return jsonOut(io, linkJson(row, undefined));
      io.out(`${row.name}: limit ${formatBps(row.limitBps)} (${Math.round(row.thresholdFrac * 100)} % of ${formatBps(row.capacityBps)})`);
    },
  },
  {
    name: 'link set',
    usage: 'link set WS NAME [--rename NEW] [--capacity-bps N] [--commit-bps N|none] [--threshold-frac F] [--lead-days N|default] [--description TEXT]',
    summary: 'change a link; --commit-bps none clears the commit, --lead-days default uses the workspace lead time',
    options: { ...linkOptions, rename: { type: 'string' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const input = {
        name: args[1]!,
        newName: opts.rename === undefined ? undefined : String(opts.rename),
        capacityBps: number(opts['capacity-bps'], 'capacity-bps'),
        commitBps: opts['commit-bps'] === 'none' ? null : number(opts['commit-bps'], 'commit-bps'),
        thresholdFrac: number(opts['threshold-frac'], 'threshold-frac'),
        leadDays: opts['lead-days'] === 'default' ? null : number(opts['lead-days'], 'lead-days'),
        description: opts.description === undefined ? undefined : String(opts.description),
      };
      const row = await withWorkspace(args[0]!, 'write', (call) => call('links.update', input));
      io.out(`${row.name}: limit ${formatBps(row.limitBps)}, lead time ${row.effectiveLeadDays} days`);
    },
  },
  {
    name: 'link rm',
    usage: 'link rm WS NAME',
    summary: 'remove a link and its readings (undoable)',
    positionals: [2, 2],
    async run({ args, withWorkspace }) {
      await withWorkspace(args[0]!, 'write', (call) => call('links.remove', { name: args[1]! }));
    },
  },
  {
    name: 'link list',
    usage: 'link list WS [--as-of YYYY-MM-DD] [--json]',
    summary: 'the links with their limit, newest reading, projected crossing and order-by date',
    options: { 'as-of': { type: 'string' }, json: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      const asOf = typeof opts['as-of'] === 'string' ? { asOf: opts['as-of'] } : {};
      const { list, board } = await withWorkspace(args[0]!, 'read', async (call) => ({
        list: await call('links.list', {}),
        board: await call('forecast.limits', asOf),
      }));
      const byId = new Map(board.limits.filter((l) => l.kind === 'link').map((l) => [l.id, l]));
      if (opts.json)
        return jsonOut(
          io,
          list.links.map((l) => linkJson(l, byId.get(l.limitId))),
        );
      const header = ['link', 'limit', 'commit', 'last p95', 'status', 'order by', 'lead'];
      const rows = list.links.map((l) => {
        const f = byId.get(l.limitId);
        return [
          l.name,
          `${formatBps(l.limitBps)} (${Math.round(l.thresholdFrac * 100)} % of ${formatBps(l.capacityBps)})`,
          l.commitBps === null ? '—' : formatBps(l.commitBps),
          l.last ? `${formatBps(l.last.p95Bps)} on ${l.last.date}` : '—',
          f ? describeStatus(f) : '—',
          f?.orderBy ?? '—',
          `${l.effectiveLeadDays} d${l.leadDays === null ? '' : ' (own)'}`,
        ];
      });
      for (const l of alignRows([header, ...rows])) io.out(l);
    },
  },
  {
    name: 'link reading',
    usage: 'link reading WS NAME --date YYYY-MM-DD --p95-bps N',
    summary: 'the 95th-percentile traffic of a day (or a month); replaces the reading of that date',
    options: { date: { type: 'string' }, 'p95-bps': { type: 'string' } },
    positionals: [2, 2],
    async run({ args, opts, withWorkspace }) {
      if (opts.date === undefined) throw new UsageError('--date YYYY-MM-DD is required');
      if (opts['p95-bps'] === undefined) throw new UsageError('--p95-bps N is required');
      const input = { name: args[1]!, date: String(opts.date), p95Bps: number(opts['p95-bps'], 'p95-bps') };
      await withWorkspace(args[0]!, 'write', (call) => call('links.addReading', input));
    },
  },
  {
    name: 'link import',
    usage: 'link import WS NAME FILE [--json]',
    summary: 'readings from a date,value CSV (bit/s); a bad row is reported as line N: field: problem and nothing is imported',
    options: { json: { type: 'boolean' } },
    positionals: [3, 3],
    async run({ args, opts, io, withWorkspace }) {
      const file = resolve(args[2]!);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new HeadroomError('not-found', `cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'file');
      }
      const { problems } = parseLinkCsv(text);
      if (problems.length > 0) {
        for (const p of problems) io.err(p);
        throw new HeadroomError('invalid', `${problems.length} bad row${problems.length === 1 ? '' : 's'} in ${file}: nothing imported`, 'file', '');
      }
      const r = await withWorkspace(args[0]!, 'write', (call) => call('links.import', { name: args[1]!, csv: text }));
      if (opts.json) return jsonOut(io, r);
      io.out(`imported ${r.added} reading${r.added === 1 ? '' : 's'}${r.replaced ? `, replaced ${r.replaced}` : ''}`);
    },
  },
  {
    name: 'link lead-time',
    usage: 'link lead-time WS [DAYS]',
    summary: 'the lead time (days before the crossing to order an upgrade) of every link without its own; default 90',
    positionals: [1, 2],
    async run({ args, io, withWorkspace }) {
      if (args[1] === undefined) {
        const list = await withWorkspace(args[0]!, 'read', (call) => call('links.list', {}));
        io.out(`${list.leadDays} days`);
        return;
      }
      const r = await withWorkspace(args[0]!, 'write', (call) => call('links.setLeadDays', { leadDays: number(args[1], 'days') }));
      io.out(`${r.leadDays} days`);
    },
  },
];
