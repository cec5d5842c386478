/** `asn-range add|list|rm`: blocks of AS numbers, which `limits` forecasts like address pools. */
import { alignRows, jsonOut, type Command } from '../command';

export const asnRangeCommands: Command[] = [
  {
    name: 'asn-range add',
    usage: 'asn-range add WS NAME FIRST LAST [--description TEXT] [--date YYYY-MM-DD] [--json]',
    summary: 'record a block of AS numbers (bounds inclusive, asplain or asdot); refused: bad bounds, overlap, duplicate name',
    options: { description: { type: 'string' }, date: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [4, 4],
    async run({ args, opts, io, withWorkspace }) {
      const row = await withWorkspace(args[0]!, 'write', (call) =>
        call('registry.addAsnRange', { name: args[1]!, first: args[2]!, last: args[3]!, description: opts.description, date: opts.date }),
      );
      if (opts.json) return jsonOut(io, row);
      io.out(`${row.name}: AS${row.first}–AS${row.last} (${row.size} ASNs, ${row.used} recorded)`);
    },
  },
  {
    name: 'asn-range list',
    usage: 'asn-range list WS [--json]',
    summary: 'ASN blocks with how many of their ASNs are recorded',
    options: { json: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      const rows = await withWorkspace(args[0]!, 'read', (call) => call('registry.listAsnRanges', {}));
      if (opts.json) return jsonOut(io, rows);
      for (const l of alignRows(rows.map((r) => [r.name, `AS${r.first}–AS${r.last}`, `${r.used}/${r.size} used`, r.description]))) io.out(l);
    },
  },
  {
    name: 'asn-range rm',
    usage: 'asn-range rm WS NAME',
    summary: 'remove an ASN block (the ASNs in it stay recorded)',
    positionals: [2, 2],
    async run({ args, withWorkspace }) {
      await withWorkspace(args[0]!, 'write', (call) => call('registry.removeAsnRange', { name: args[1]! }));
    },
  },
];
