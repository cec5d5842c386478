/**
 * Facility commands: `calc` (no workspace) and the sites of a workspace. SITE is a site's
 * name or its id.
 */
import { readFileSync } from 'node:fs';
import type { SiteSummary } from '../../../shared/contract';
import { HeadroomError } from '../../../shared/errors';
import { alignRows, jsonOut, type Caller, type Command } from '../command';
import { calcCommands } from './calc';

async function siteId(call: Caller, site: string): Promise<number> {
  const sites: SiteSummary[] = await call('facility.listSites', {});
  const found = sites.find((s) => s.name === site) ?? (/^\d+$/.test(site) ? sites.find((s) => s.id === Number(site)) : undefined);
  if (!found) throw new HeadroomError('not-found', `there is no site "${site}"`, 'site');
  return found.id;
}

function number(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (String(value).trim() === '' || !Number.isFinite(n)) throw new HeadroomError('invalid', `"${String(value)}" is not a number`, field);
  return n;
}

const si = (v: number | null, unit: string) => (v === null ? '—' : `${v.toPrecision(4)} ${unit}`);

const siteCommands: Command[] = [
  {
    name: 'site list',
    usage: 'site list WS [--json]',
    summary: 'sites with their equipment count and latest measured IT load',
    options: { json: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      const sites = await withWorkspace(args[0]!, 'read', (call) => call('facility.listSites', {}));
      if (opts.json) return jsonOut(io, sites);
      for (const l of alignRows(
        sites.map((s) => [s.name, `${s.equipmentCount} items`, s.latestItW ? `${s.latestItW.value} W on ${s.latestItW.date}` : 'no reading']),
      )) {
        io.out(l);
      }
    },
  },
  {
    name: 'site add',
    usage: 'site add WS NAME --load-pf PF [--description TEXT] [--json]',
    summary: 'add a site (equipment, UPS, … are added in the app or through the contract)',
    options: { 'load-pf': { type: 'string' }, description: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const input = { name: args[1]!, loadPf: number(opts['load-pf'], 'loadPf'), description: opts.description };
      const row = await withWorkspace(args[0]!, 'write', (call) => call('facility.addSite', input));
      if (opts.json) jsonOut(io, row);
      else io.out(row.name);
    },
  },
  {
    name: 'site limits',
    usage: 'site limits WS SITE [--json]',
    summary: 'every limit of a site (spec §8): its threshold, today’s value and how much is used',
    options: { json: { type: 'boolean' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const r = await withWorkspace(args[0]!, 'read', async (call) => call('facility.siteLimits', { siteId: await siteId(call, args[1]!) }));
      if (opts.json) return jsonOut(io, r);
      if (!r.ok || !r.limits) throw new HeadroomError('invalid', r.error?.message ?? 'the site cannot be computed', r.error?.field);
      const rows = r.limits.limits.map((l) => [
        l.label,
        l.variable === 'itW' ? si(l.max, 'W') : si(l.max === null ? null : l.max / 1e12, 'TB'),
        l.usedFrac === null ? '—' : `${(l.usedFrac * 100).toFixed(1)} %`,
        l.exceededNow ? 'EXCEEDED' : '',
      ]);
      for (const l of alignRows([['limit', 'max', 'used', ''], ...rows])) io.out(l);
      for (const w of r.warnings) io.err(`warning: ${w}`);
    },
  },
  {
    name: 'site circuits',
    usage: 'site circuits WS SITE [--third-harmonic FRAC] [--json]',
    summary: 'each circuit against its breaker (NEC 80 % or IEC In × derating), the phase split and the neutral current',
    options: { json: { type: 'boolean' }, 'third-harmonic': { type: 'string' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const h3 = number(opts['third-harmonic'], 'thirdHarmonicFrac');
      const r = await withWorkspace(args[0]!, 'read', async (call) =>
        call('facility.siteCircuits', { siteId: await siteId(call, args[1]!), ...(h3 === undefined ? {} : { thirdHarmonicFrac: h3 }) }),
      );
      if (opts.json) return jsonOut(io, r);
      const rows = r.circuits.map((c) => [
        c.name,
        c.phase,
        `${c.currentA.toFixed(1)} A`,
        `of ${c.allowedA.toFixed(1)} A`,
        `${(c.usedFrac * 100).toFixed(0)} %`,
        c.rule,
        c.over ? 'OVER' : '',
      ]);
      for (const l of alignRows([['circuit', 'phase', 'current', 'allowed', 'used', 'rule', ''], ...rows])) io.out(l);
      const a = r.phaseA;
      io.out(
        `phases: L1 ${r.phaseW.L1.toFixed(0)} W, L2 ${r.phaseW.L2.toFixed(0)} W, L3 ${r.phaseW.L3.toFixed(0)} W; imbalance ${(r.imbalanceFrac * 100).toFixed(1)} %`,
      );
      if (a) io.out(`currents: L1 ${a.L1.toFixed(1)} A, L2 ${a.L2.toFixed(1)} A, L3 ${a.L3.toFixed(1)} A, neutral ${r.neutralA!.toFixed(1)} A`);
      for (const w of r.warnings) io.err(`warning: ${w}`);
    },
  },
  {
    name: 'site show',
    usage: 'site show WS SITE [--json]',
    summary: 'the whole site as one JSON document (what site apply takes)',
    options: { json: { type: 'boolean' } },
    positionals: [2, 2],
    async run({ args, io, withWorkspace }) {
      // The document is JSON with or without --json (CLI.md names the flag; it is the only form).
      const doc = await withWorkspace(args[0]!, 'read', async (call) => call('facility.siteDocument', { siteId: await siteId(call, args[1]!) }));
      jsonOut(io, doc);
    },
  },
  {
    name: 'site apply',
    usage: 'site apply WS FILE   (FILE: a site document as site show prints it; - for stdin)',
    summary: 'create or replace the site a document names, in one undoable change',
    options: { json: { type: 'boolean' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const file = args[1]!;
      let text: string;
      try {
        text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
      } catch (e) {
        throw new HeadroomError('invalid', `cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'file');
      }
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch (e) {
        throw new HeadroomError('invalid', `${file} is not valid JSON (${(e as Error).message})`, 'file');
      }
      const r = await withWorkspace(args[0]!, 'write', (call) => call('facility.applySite', { document }));
      if (opts.json) return jsonOut(io, r);
      io.out(`${r.created ? 'created' : 'replaced'} site ${r.name}`);
      for (const w of r.warnings) io.err(`warning: ${w}`);
    },
  },
  {
    name: 'reading add',
    usage: 'reading add WS SITE --kind itW|dataBytes --date YYYY-MM-DD --value N [--note TEXT]',
    summary: 'record a dated reading (measured IT load in W, protected data in bytes); replaces that day’s',
    options: { kind: { type: 'string' }, date: { type: 'string' }, value: { type: 'string' }, note: { type: 'string' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const row = await withWorkspace(args[0]!, 'write', async (call) =>
        call('facility.recordReading', {
          siteId: await siteId(call, args[1]!),
          kind: opts.kind,
          date: opts.date,
          value: number(opts.value, 'value'),
          note: opts.note,
        }),
      );
      io.out(`${row.date} ${row.kind} ${row.value}`);
    },
  },
  {
    name: 'reading list',
    usage: 'reading list WS SITE [--kind itW|dataBytes] [--json]',
    summary: 'the readings of a site, oldest first: date kind value',
    options: { kind: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const site = await withWorkspace(args[0]!, 'read', async (call) => call('facility.getSite', { siteId: await siteId(call, args[1]!) }));
      const rows = site.readings
        .filter((r) => !opts.kind || r.kind === opts.kind)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind < b.kind ? -1 : 1));
      if (opts.json)
        return jsonOut(
          io,
          rows.map(({ date, kind, value, note }) => ({ date, kind, value, note })),
        );
      for (const l of alignRows(rows.map((r) => [r.date, r.kind, String(r.value), r.note]))) io.out(l);
    },
  },
];

export const facilityCommands: Command[] = [...calcCommands, ...siteCommands];
