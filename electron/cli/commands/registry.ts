import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BigCount } from '../../../shared/contract';
import { contract } from '../../../shared/contract';
import { HeadroomError, invalid, issuesToError } from '../../../shared/errors';
import { readImportFile, setImportProgress } from '../../core/services/registry-formats';
import { importPrefixesFrom } from '../../core/services/registry-import';
import { atomicWriteFile } from '../../core/workspace/fsutil';
import { alignRows, jsonOut, UsageError, type Command } from '../command';
import { checkOut, exportFormats } from './export-formats';

function wholeNumber(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,3}$/.test(String(value))) throw new HeadroomError('invalid', `"${String(value)}" is not a whole number`, field);
  return Number(value);
}

function lengthArg(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  const t = String(value).replace(/^\//, '');
  if (!/^\d{1,3}$/.test(t)) throw invalid(field, `"${String(value)}" is not a prefix length (a whole number)`);
  return Number(t);
}

function countArg(value: unknown): number {
  if (!/^\d{1,6}$/.test(String(value))) throw invalid('count', `"${String(value)}" is not a whole number`);
  return Number(value);
}

const count = (n: BigCount) => (typeof n === 'number' ? n.toLocaleString('en') : n);

export const registryCommands: Command[] = [
  {
    name: 'prefix add',
    usage: 'prefix add WS CIDR [--space NAME] [--status STATUS] [--description TEXT] [--unit LEN] [--date YYYY-MM-DD] [--rir RIR] [--json]',
    summary: 'add a block (default status assigned)',
    options: {
      space: { type: 'string' },
      status: { type: 'string' },
      description: { type: 'string' },
      unit: { type: 'string' },
      date: { type: 'string' },
      rir: { type: 'string' },
      json: { type: 'boolean' },
    },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const input = {
        prefix: args[1]!,
        space: opts.space,
        status: opts.status,
        description: opts.description,
        unit: wholeNumber(opts.unit, 'unit'),
        date: opts.date,
        rir: opts.rir,
      };
      const row = await withWorkspace(args[0]!, 'write', (call) => call('registry.addPrefix', input));
      if (opts.json) jsonOut(io, row);
      else io.out(row.prefix);
      for (const w of row.warnings ?? []) io.err(`note: ${w}`);
    },
  },
  {
    name: 'prefix set',
    usage: 'prefix set WS CIDR [--space NAME] [--status STATUS] [--description TEXT] [--date YYYY-MM-DD] [--unit LEN] [--rir RIR] [--json]',
    summary: 'change a recorded block in place (only the fields given), one undoable change',
    options: {
      space: { type: 'string' },
      status: { type: 'string' },
      description: { type: 'string' },
      date: { type: 'string' },
      unit: { type: 'string' },
      rir: { type: 'string' },
      json: { type: 'boolean' },
    },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const input = {
        prefix: args[1]!,
        space: opts.space,
        status: opts.status,
        description: opts.description,
        date: opts.date,
        unit: wholeNumber(opts.unit, 'unit'),
        rir: opts.rir,
      };
      const row = await withWorkspace(args[0]!, 'write', (call) => call('registry.setPrefix', input));
      if (opts.json) jsonOut(io, row);
      else io.out(`${row.prefix} ${row.status}${row.date ? ` ${row.date}` : ''}${row.description ? ` ${row.description}` : ''}`);
      for (const w of row.warnings ?? []) io.err(`note: ${w}`);
    },
  },
  {
    name: 'prefix release',
    usage: 'prefix release WS CIDR [--space NAME] [--cooldown-days N]',
    summary: 'end an assignment: cooldown until today + N days (default 180); 0 frees it at once',
    options: { space: { type: 'string' }, 'cooldown-days': { type: 'string' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const days = opts['cooldown-days'];
      if (days !== undefined && !/^\d{1,4}$/.test(String(days))) throw invalid('cooldown-days', `"${String(days)}" is not a whole number of days`);
      const input = { prefix: args[1]!, space: opts.space, cooldownDays: days === undefined ? undefined : Number(days) };
      const row = await withWorkspace(args[0]!, 'write', (call) => call('registry.releasePrefix', input));
      io.out(input.cooldownDays === 0 ? `${row.prefix} freed` : `${row.prefix} cooldown until ${row.date}`);
    },
  },
  {
    name: 'prefix rm',
    usage: 'prefix rm WS CIDR [--space NAME]',
    summary: 'remove a block that has no children',
    options: { space: { type: 'string' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const row = await withWorkspace(args[0]!, 'write', (call) => call('registry.removePrefix', { prefix: args[1]!, space: opts.space }));
      io.out(row.prefix);
    },
  },
  {
    name: 'prefix list',
    usage: 'prefix list WS [--within CIDR] [--space NAME] [--json]',
    summary: 'blocks, one per line: CIDR STATUS DESCRIPTION',
    options: { within: { type: 'string' }, space: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      const page = await withWorkspace(args[0]!, 'read', (call) => call('registry.listPrefixes', { within: opts.within, space: opts.space ?? 'global' }));
      if (opts.json) return jsonOut(io, page.rows);
      for (const l of alignRows(page.rows.map((r) => [r.prefix, r.status, r.description]))) io.out(l);
    },
  },
  {
    name: 'free',
    usage: 'free WS CIDR [--space NAME] [--json]',
    summary: 'the free space inside CIDR as the minimal CIDR list, ascending',
    options: { space: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      // Asked as text in both forms: a million CIDRs as one string, not a million strings.
      const r = await withWorkspace(args[0]!, 'read', (call) => call('registry.freeSpace', { prefix: args[1]!, space: opts.space, asText: true }));
      const text = r.freeText ?? '';
      if (!opts.json) {
        // One text, no trailing newline of its own: io.out adds it after the last line.
        if (text) io.out(text.slice(0, -1));
        return;
      }
      // Written by hand rather than JSON.stringify(…, 2): the same document, each CIDR line quoted
      // in place (a CIDR holds nothing JSON must escape).
      const head = `{\n  "parent": ${JSON.stringify(r.parent)},\n  "free": [`;
      if (!text) io.out(`${head}]\n}`);
      else io.out(`${head}\n    "${text.slice(0, -1).replaceAll('\n', '",\n    "')}"\n  ]\n}`);
    },
  },
  {
    name: 'util',
    usage: 'util WS CIDR [--space NAME] [--unit LEN] [--json]',
    summary: 'utilization: addresses for IPv4, the pool assignment unit for IPv6 (with the HD-ratio)',
    options: { space: { type: 'string' }, unit: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const u = await withWorkspace(args[0]!, 'read', (call) =>
        call('registry.utilization', { prefix: args[1]!, space: opts.space, unit: lengthArg(opts.unit, 'unit') }),
      );
      if (opts.json) {
        const { prefix, unit, totalUnits, usedUnits, freeUnits, utilizationPct, reservedUnits, hdRatio, hdThresholdUnits, meetsHd } = u;
        return jsonOut(io, { prefix, unit, totalUnits, usedUnits, freeUnits, utilizationPct, reservedUnits, hdRatio, hdThresholdUnits, meetsHd });
      }
      const what =
        u.unit === 32 && !u.prefix.includes(':')
          ? 'addresses'
          : `/${u.unit} units${u.unitSource === 'default' ? ' (no unit set on the pool: /64 assumed; set one with prefix add --unit)' : ''}`;
      const rows = [
        ['prefix', u.prefix],
        ['counted in', what],
        ['used', `${count(u.usedUnits)} of ${count(u.totalUnits)} (${u.utilizationPct.toFixed(2)} %)`],
        ['free', count(u.freeUnits)],
        ['reserved', count(u.reservedUnits)],
      ];
      if (u.hdRatio !== null || u.hdThresholdUnits !== null) {
        rows.push([
          'HD-ratio',
          `${u.hdRatio === null ? '—' : u.hdRatio.toFixed(4)} (0.94 reached at ${count(u.hdThresholdUnits ?? 0)} units: ${u.meetsHd ? 'met' : 'not met'})`,
        ]);
      }
      for (const l of alignRows(rows)) io.out(l);
    },
  },
  {
    name: 'allocate',
    usage:
      'allocate WS --from CIDR --length LEN [--strategy first-fit|best-fit|sparse|last-fit] [--growth BITS] [--status STATUS] [--description TEXT] [--space NAME] [--count N] [--dry-run] [--json]',
    summary: 'pick free blocks of that length by the strategy (one, or --count N in one change) and record them',
    options: {
      from: { type: 'string' },
      length: { type: 'string' },
      strategy: { type: 'string' },
      growth: { type: 'string' },
      status: { type: 'string' },
      description: { type: 'string' },
      space: { type: 'string' },
      count: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      if (opts.from === undefined) throw new UsageError('--from CIDR is required');
      const many = opts.count !== undefined;
      if (opts.length === undefined) throw new UsageError('--length LEN is required');
      const input = {
        from: opts.from,
        length: lengthArg(opts.length, 'length'),
        strategy: opts.strategy,
        growth: wholeNumber(opts.growth, 'growth'),
        status: opts.status,
        description: opts.description,
        space: opts.space,
        dryRun: opts['dry-run'] === true,
        ...(many ? { count: countArg(opts.count) } : {}),
      };
      const r = await withWorkspace(args[0]!, opts['dry-run'] ? 'read' : 'write', (call) => call('registry.allocate', input));
      // Without --count the output is exactly CLI.md's; with it, every block taken, one per line.
      if (opts.json) return jsonOut(io, { prefix: r.prefix, strategy: r.strategy, reserved: r.reserved, ...(many ? { prefixes: r.prefixes } : {}) });
      for (const p of many ? r.prefixes : [r.prefix]) io.out(p);
    },
  },
  {
    name: 'asn add',
    usage: 'asn add WS ASN [--description TEXT] [--date YYYY-MM-DD] [--json]',
    summary: 'record an AS number (asplain or asdot); refused: out of range, malformed, duplicate',
    options: { description: { type: 'string' }, date: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const row = await withWorkspace(args[0]!, 'write', (call) => call('registry.addAsn', { asn: args[1]!, description: opts.description, date: opts.date }));
      if (opts.json) return jsonOut(io, row);
      io.out(`AS${row.asn}`);
      if (row.warning) io.err(`note: ${row.warning}`);
    },
  },
  {
    name: 'asn set',
    usage: 'asn set WS ASN [--description TEXT] [--date YYYY-MM-DD] [--json]',
    summary: 'change a recorded AS number (only the fields given)',
    options: { description: { type: 'string' }, date: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const row = await withWorkspace(args[0]!, 'write', (call) => call('registry.setAsn', { asn: args[1]!, description: opts.description, date: opts.date }));
      if (opts.json) return jsonOut(io, row);
      io.out(`AS${row.asn} ${row.date}${row.description ? ` ${row.description}` : ''}`);
    },
  },
  {
    name: 'asn list',
    usage: 'asn list WS [--json]',
    summary: 'AS numbers with their special-purpose flags',
    options: { json: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      const rows = await withWorkspace(args[0]!, 'read', (call) => call('registry.listAsns', {}));
      if (opts.json) return jsonOut(io, rows);
      for (const l of alignRows(rows.map((r) => [`AS${r.asn}`, r.asdot, r.special?.kind ?? '-', r.description]))) io.out(l);
    },
  },
  {
    name: 'import',
    usage: 'import WS FILE --format csv|netbox|delegated [--dry-run] [--opaque-id ID] [--cc CC] [--space NAME] [--json]',
    summary: 'import blocks, all or nothing; each bad row reported as line N: field: problem',
    options: {
      format: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'opaque-id': { type: 'string' },
      cc: { type: 'string' },
      space: { type: 'string' },
      json: { type: 'boolean' },
    },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      if (opts.format === undefined) throw new UsageError('--format csv|netbox|delegated is required');
      const file = resolve(args[1]!);
      if (!existsSync(file) || statSync(file).isDirectory()) throw new HeadroomError('not-found', `${file}: no such file`, 'file');
      const big = statSync(file).size > 4 * 1024 * 1024;
      // The options are checked as the contract checks them; the file itself is streamed to the
      // service (readImportFile) rather than read whole into one string.
      const parsed = contract['registry.import'].input.safeParse({
        format: opts.format,
        text: '',
        dryRun: opts['dry-run'] === true,
        opaqueId: opts['opaque-id'],
        cc: opts.cc,
        space: opts.space,
      });
      if (!parsed.success) throw issuesToError(parsed.error.issues);
      const { text: _none, ...input } = parsed.data;
      if (big) io.err(`import: reading ${file}`);
      setImportProgress(big ? (m) => io.err(m) : null);
      try {
        const dryRun = input.dryRun === true;
        const r = await withWorkspace(args[0]!, dryRun ? 'read' : 'write', async (_call, workspace) =>
          importPrefixesFrom(workspace(), input, readImportFile(file)),
        );
        if (opts.json) return jsonOut(io, r);
        const asns = r.asns ? ` and ${r.asns.toLocaleString('en')} ASN${r.asns === 1 ? '' : 's'}` : '';
        const n = `${r.added.toLocaleString('en')} block${r.added === 1 ? '' : 's'}${asns}`;
        const skipped = r.skipped ? ` (${r.skipped.toLocaleString('en')} record${r.skipped === 1 ? '' : 's'} skipped)` : '';
        if (dryRun) {
          io.out(`dry run: would import ${n}${skipped}; nothing changed`);
          for (const p of r.preview) io.out(`  ${p}`);
          if (r.added > r.preview.length) io.out(`  … and ${(r.added - r.preview.length).toLocaleString('en')} more`);
        } else io.out(`imported ${n}${skipped}`);
      } finally {
        setImportProgress(null);
      }
    },
  },
  {
    name: 'export',
    usage: 'export WS --format FORMAT --out FILE [--within CIDR] [--space NAME] [--ns HOST[,HOST...]] [--zone NAME] [--site NAME]',
    summary: `write the registry to FILE atomically (${Object.keys(exportFormats).join(', ')}); --ns: the reverse zones' name servers`,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      within: { type: 'string' },
      space: { type: 'string' },
      ns: { type: 'string' },
      zone: { type: 'string' },
      site: { type: 'string' },
    },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      if (opts.format === undefined) throw new UsageError('--format is required');
      if (opts.out === undefined) throw new UsageError('--out FILE is required');
      const spec = exportFormats[String(opts.format)];
      if (!spec) throw invalid('format', `unknown format "${String(opts.format)}" (one of ${Object.keys(exportFormats).join(', ')})`);
      const within = opts.within as string | undefined;
      const space = opts.space as string | undefined;
      const ns = opts.ns as string | undefined;
      const zone = opts.zone as string | undefined;
      const out = checkOut(args[0]!, String(opts.out));
      const site = opts.site as string | undefined;
      const warn = (w: string) => io.err(`headroom: note: ${w}`);
      const content = await withWorkspace(args[0]!, 'read', (call) => spec.produce(call, { within, space, ns, zone, site, warn }));
      try {
        atomicWriteFile(out, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      } catch (e) {
        throw new HeadroomError('io', `could not write ${out}: ${(e as Error).message}`, 'out');
      }
    },
  },
  {
    name: 'search',
    usage: 'search WS QUERY [--space NAME] [--json]',
    summary: 'who holds an address or block (containment), or blocks whose description matches',
    options: { space: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const r = await withWorkspace(args[0]!, 'read', (call) => call('registry.search', { query: args[1]!, space: opts.space }));
      if (opts.json) return jsonOut(io, r);
      for (const l of alignRows(r.rows.map((x) => [x.prefix, x.status, x.space, x.description]))) io.out(l);
    },
  },
  {
    name: 'prefix history',
    usage: 'prefix history WS CIDR [--space NAME] [--json]',
    summary: 'every recorded change of one block, newest first',
    options: { space: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const r = await withWorkspace(args[0]!, 'read', (call) => call('registry.blockHistory', { prefix: args[1]!, space: opts.space }));
      if (opts.json) return jsonOut(io, r);
      for (const l of alignRows(r.map((e) => [e.at.slice(0, 19).replace('T', ' '), e.change, e.state, e.summary]))) io.out(l);
    },
  },
];
