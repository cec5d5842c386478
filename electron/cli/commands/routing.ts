/**
 * The routing plan (../shared/CLI.md "Routing plan"): `route add|rm|list`, `roa plan [--as0]`,
 * `roa check --vrps FILE`, `roa export --format slurm|csv|lacnic|arin|ripe --out FILE`, `aspa plan`.
 * `roa check` reports invalid states with exit 0: it reports, it does not refuse.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROA_EXPORT_FORMAT_NAMES } from '../../../shared/contract';
import { HeadroomError, invalid } from '../../../shared/errors';
import { atomicWriteFile } from '../../core/workspace/fsutil';
import { alignRows, jsonOut, UsageError, type Command } from '../command';
import { checkOut } from './export-formats';

export const routingCommands: Command[] = [
  {
    name: 'route add',
    usage: 'route add WS CIDR --origin ASN [--description TEXT] [--json]',
    summary: "record a route: a prefix of our aggregates and its origin AS (ours or a customer's)",
    options: { origin: { type: 'string' }, description: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      if (opts.origin === undefined) throw new UsageError('--origin ASN is required');
      const row = await withWorkspace(args[0]!, 'write', (call) =>
        call('routing.addRoute', { prefix: args[1]!, origin: String(opts.origin), description: opts.description }),
      );
      if (opts.json) return jsonOut(io, { prefix: row.prefix, origin: row.origin, description: row.description });
      io.out(`${row.prefix} AS${row.origin}`);
    },
  },
  {
    name: 'route rm',
    usage: 'route rm WS CIDR --origin ASN',
    summary: 'remove a route',
    options: { origin: { type: 'string' } },
    positionals: [2, 2],
    async run({ args, opts, withWorkspace }) {
      if (opts.origin === undefined) throw new UsageError('--origin ASN is required');
      await withWorkspace(args[0]!, 'write', (call) => call('routing.removeRoute', { prefix: args[1]!, origin: String(opts.origin) }));
    },
  },
  {
    name: 'route list',
    usage: 'route list WS [--within CIDR] [--json]',
    summary: 'the routes, one per line: CIDR ORIGIN DESCRIPTION',
    options: { within: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      const rows = await withWorkspace(args[0]!, 'read', (call) => call('routing.listRoutes', { within: opts.within }));
      if (opts.json)
        return jsonOut(
          io,
          rows.map((r) => ({ prefix: r.prefix, origin: r.origin, description: r.description })),
        );
      for (const l of alignRows(rows.map((r) => [r.prefix, `AS${r.origin}`, r.description]))) io.out(l);
    },
  },
  {
    name: 'roa plan',
    usage: 'roa plan WS [--as0] [--json]',
    summary: 'the ROAs the routes need (RFC 9319), each with its reason; --as0: AS0 ROAs for unrouted space of our aggregates',
    options: { as0: { type: 'boolean' }, json: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      const plan = await withWorkspace(args[0]!, 'read', (call) => call('routing.planRoas', { as0: Boolean(opts.as0) }));
      for (const w of plan.warnings) io.err(`warning: ${w}`);
      if (opts.json)
        return jsonOut(
          io,
          plan.roas.map((r) => ({ prefix: r.prefix, maxLength: r.maxLength, asn: r.asn, reason: r.reason })),
        );
      for (const l of alignRows(plan.roas.map((r) => [r.prefix, `max /${r.maxLength}`, `AS${r.asn}`, r.reason]))) io.out(l);
    },
  },
  {
    name: 'roa check',
    usage: 'roa check WS --vrps FILE [--json]',
    summary: "each route's RPKI state against a Routinator/rpki-client JSON export, and our VRPs that are too permissive or redundant",
    options: { vrps: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      if (opts.vrps === undefined) throw new UsageError('--vrps FILE is required');
      const path = resolve(String(opts.vrps));
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        throw invalid('vrps', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
      }
      const r = await withWorkspace(args[0]!, 'read', (call) => call('routing.checkRoas', { vrps: text }));
      if (opts.json) {
        return jsonOut(io, {
          routes: r.routes.map((x) => ({ prefix: x.prefix, origin: x.origin, state: x.state })),
          vrps: r.vrps.map((x) => ({ prefix: x.prefix, maxLength: x.maxLength, asn: x.asn, finding: x.finding })),
          total: r.total,
          considered: r.considered,
          ignored: r.ignored,
          warnings: r.warnings,
        });
      }
      for (const l of alignRows(r.routes.map((x) => [x.prefix, `AS${x.origin}`, x.state, x.reason]))) io.out(l);
      if (r.vrps.length > 0) {
        io.out('');
        for (const l of alignRows(r.vrps.map((x) => [`${x.prefix}-${x.maxLength}`, `AS${x.asn}`, x.finding, x.reason]))) io.out(l);
      }
      io.out('');
      io.out(`${r.total} VRPs read, ${r.considered} on our space, ${r.ignored} for space that is not ours ignored`);
      for (const w of r.warnings) io.err(`warning: ${w}`);
    },
  },
  {
    name: 'aspa plan',
    usage: 'aspa plan WS [--json]',
    summary: 'ASPA drafts: for each AS of ours, the recorded upstreams as its providers (draft-ietf-sidrops-aspa-profile)',
    options: { json: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      const plan = await withWorkspace(args[0]!, 'read', (call) => call('routing.planAspas', {}));
      for (const w of plan.warnings) io.err(`warning: ${w}`);
      if (opts.json) return jsonOut(io, plan.aspas);
      for (const l of alignRows(plan.aspas.map((a) => [`AS${a.customer}`, a.providers.map((p) => `AS${p}`).join(', '), a.reason]))) io.out(l);
    },
  },
  {
    name: 'roa export',
    usage: `roa export WS --format ${ROA_EXPORT_FORMAT_NAMES.join('|')} --out FILE [--as0]`,
    summary: 'the planned ROAs as an RFC 8416 SLURM file, CSV (asn,prefix,maxLength), or the bulk form of LACNIC, ARIN or the RIPE NCC API',
    options: { format: { type: 'string' }, out: { type: 'string' }, as0: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      if (opts.format === undefined) throw new UsageError('--format is required');
      if (opts.out === undefined) throw new UsageError('--out FILE is required');
      const format = String(opts.format);
      if (!(ROA_EXPORT_FORMAT_NAMES as readonly string[]).includes(format)) {
        throw invalid('format', `unknown format "${format}" (one of ${ROA_EXPORT_FORMAT_NAMES.join(', ')})`);
      }
      // The workspace and the files kept beside it are refused before anything is produced.
      const out = checkOut(args[0]!, String(opts.out));
      const r = await withWorkspace(args[0]!, 'read', (call) => call('routing.exportRoas', { format, as0: Boolean(opts.as0) }));
      for (const w of r.warnings) io.err(`warning: ${w}`);
      try {
        atomicWriteFile(out, Buffer.from(r.text, 'utf8'));
      } catch (e) {
        throw new HeadroomError('io', `could not write ${out}: ${(e as Error).message}`, 'out');
      }
    },
  },
];
