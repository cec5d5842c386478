import { HeadroomError } from '../../../shared/errors';
import { alignRows, jsonOut, type Command } from '../command';

function wholeNumber(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,3}$/.test(String(value))) throw new HeadroomError('invalid', `${field}: "${String(value)}" is not a whole number`, field);
  return Number(value);
}

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
      const page = await withWorkspace(args[0]!, 'read', (call) =>
        call('registry.listPrefixes', { within: opts.within, space: opts.space ?? 'global' }),
      );
      if (opts.json) return jsonOut(io, page.rows);
      for (const l of alignRows(page.rows.map((r) => [r.prefix, r.status, r.description]))) io.out(l);
    },
  },
];
