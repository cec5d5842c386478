/**
 * Addresses, DHCP and DNS (../shared/CLI.md): `host add|rm|list`, `scope add|rm|list` and
 * `leases import`. The exports that carry them are `export --format dhcpd|kea|bind|zone`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ScopeRow } from '../../../shared/contract';
import { invalid } from '../../../shared/errors';
import { alignRows, jsonOut, UsageError, type Command } from '../command';

const list = (v: unknown): string[] =>
  typeof v === 'string'
    ? v
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '')
    : [];

function leaseSeconds(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (String(v).trim() === '' || !Number.isFinite(n)) throw invalid('leaseS', `--lease-s "${String(v)}" is not a number of seconds`);
  return n;
}

export const dhcpCommands: Command[] = [
  {
    name: 'host add',
    usage: 'host add WS IP --name FQDN [--mac MAC] [--role router|server|printer|switch|other] [--space NAME] [--description TEXT] [--json]',
    summary: 'record a fixed host inside an assigned block',
    options: {
      name: { type: 'string' },
      mac: { type: 'string' },
      role: { type: 'string' },
      space: { type: 'string' },
      description: { type: 'string' },
      json: { type: 'boolean' },
    },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      if (opts.name === undefined) throw new UsageError('--name FQDN is required');
      const h = await withWorkspace(args[0]!, 'write', (call) =>
        call('dhcp.addHost', { ip: args[1]!, name: opts.name, mac: opts.mac, role: opts.role, space: opts.space, description: opts.description }),
      );
      if (opts.json) return jsonOut(io, { ip: h.ip, name: h.name, mac: h.mac, role: h.role, description: h.description });
      io.out(`${h.ip} ${h.name}`);
    },
  },
  {
    name: 'host rm',
    usage: 'host rm WS IP [--space NAME]',
    summary: 'remove a fixed host',
    options: { space: { type: 'string' } },
    positionals: [2, 2],
    async run({ args, opts, withWorkspace }) {
      await withWorkspace(args[0]!, 'write', (call) => call('dhcp.removeHost', { ip: args[1]!, space: opts.space }));
    },
  },
  {
    name: 'host list',
    usage: 'host list WS [--within CIDR] [--space NAME] [--json]',
    summary: 'the fixed hosts, one per line: IP NAME MAC ROLE DESCRIPTION',
    options: { within: { type: 'string' }, space: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      const rows = await withWorkspace(args[0]!, 'read', (call) => call('dhcp.listHosts', { within: opts.within, space: opts.space }));
      if (opts.json)
        return jsonOut(
          io,
          rows.map((h) => ({ ip: h.ip, name: h.name, mac: h.mac, role: h.role, description: h.description })),
        );
      for (const l of alignRows(rows.map((h) => [h.ip, h.name, h.mac ?? '-', h.role, h.description]))) io.out(l);
    },
  },
  {
    name: 'scope add',
    usage: 'scope add WS CIDR --range FIRST-LAST [--lease-s N] [--router IP] [--dns IP[,IP]] [--domain NAME] [--space NAME] [--json]',
    summary: 'declare the DHCP scope of an assigned IPv4 block (one per block); lease default 86400 s',
    options: {
      range: { type: 'string' },
      'lease-s': { type: 'string' },
      router: { type: 'string' },
      dns: { type: 'string' },
      domain: { type: 'string' },
      space: { type: 'string' },
      json: { type: 'boolean' },
    },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      if (opts.range === undefined) throw new UsageError('--range FIRST-LAST is required');
      const leaseS = leaseSeconds(opts['lease-s']);
      const s = await withWorkspace(args[0]!, 'write', (call) =>
        call('dhcp.addScope', {
          prefix: args[1]!,
          range: opts.range,
          leaseS,
          router: opts.router,
          dns: list(opts.dns),
          domain: opts.domain,
          space: opts.space,
        }),
      );
      if (opts.json) return jsonOut(io, scopeJson(s));
      io.out(`${s.prefix} ${s.first}-${s.last} (${s.size} addresses)`);
    },
  },
  {
    name: 'scope rm',
    usage: 'scope rm WS CIDR [--space NAME]',
    summary: 'remove the DHCP scope of a block',
    options: { space: { type: 'string' } },
    positionals: [2, 2],
    async run({ args, opts, withWorkspace }) {
      await withWorkspace(args[0]!, 'write', (call) => call('dhcp.removeScope', { prefix: args[1]!, space: opts.space }));
    },
  },
  {
    name: 'scope list',
    usage: 'scope list WS [--space NAME] [--json]',
    summary: 'the DHCP scopes, one per line: CIDR FIRST-LAST SIZE LEASE-S LEASED',
    options: { space: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      const rows = await withWorkspace(args[0]!, 'read', (call) => call('dhcp.listScopes', { space: opts.space }));
      if (opts.json) return jsonOut(io, rows.map(scopeJson));
      for (const l of alignRows(
        rows.map((s) => [s.prefix, `${s.first}-${s.last}`, String(s.size), `${s.leaseS}s`, s.leased === null ? '-' : `${s.leased} leased on ${s.leasedAt}`]),
      ))
        io.out(l);
    },
  },
  {
    name: 'leases import',
    usage: 'leases import WS FILE --format dhcpd|kea [--date YYYY-MM-DD] [--space NAME] [--json]',
    summary: "count each scope's active leases in an ISC dhcpd.leases file or a Kea memfile lease CSV, as that day's reading",
    options: { format: { type: 'string' }, date: { type: 'string' }, space: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      if (opts.format === undefined) throw new UsageError('--format dhcpd|kea is required');
      const path = resolve(args[1]!);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        throw invalid('file', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
      }
      const r = await withWorkspace(args[0]!, 'write', (call) => call('dhcp.importLeases', { text, format: opts.format, date: opts.date, space: opts.space }));
      for (const o of r.outside) io.err(`headroom: note: ${o}`);
      if (opts.json) return jsonOut(io, r);
      for (const l of alignRows(r.scopes.map((s) => [s.prefix, `${s.leased} of ${s.size} leased`]))) io.out(l);
      io.out(`${r.date}: ${r.read} lease${r.read === 1 ? '' : 's'} read, ${r.inactive} not active, ${r.outside.length} outside every scope`);
    },
  },
];

/** The CLI.md JSON of one scope: every field of the contract's row but its space, in that order. */
function scopeJson(s: ScopeRow) {
  return {
    prefix: s.prefix,
    first: s.first,
    last: s.last,
    size: s.size,
    leaseS: s.leaseS,
    router: s.router,
    dns: s.dns,
    domain: s.domain,
    leased: s.leased,
    leasedAt: s.leasedAt,
  };
}
