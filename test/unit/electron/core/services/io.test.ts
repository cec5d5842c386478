/**
 * Import (CSV, NetBox CSV, RIR delegated files — the real ones in test/fixtures/rir-stats)
 * and export through the services over real temp workspaces: all or nothing with every bad row
 * as `line N: field: problem`, dry runs that change nothing, undo of an import, round trips.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rirStats } from '../../../../support/fixtures';
import { addPrefix, listPrefixes } from '../../../../../electron/core/services/registry';
import { addAsn, listAsns } from '../../../../../electron/core/services/asns';
import { exportPrefixes, ImportRefused, importPrefixes, importPrefixesFrom, setImportProgress } from '../../../../../electron/core/services/registry-io';
import { blockHistory } from '../../../../../electron/core/services/registry-space';
import { parseDelegated } from '../../../../../shared/rir/delegated';
import { add, dump, fresh, python } from '../../../../support/registry-workspace';

const DATA = rirStats();
const readData = (name: string) => readFileSync(join(DATA, name), 'utf8');

/** The problems of a refused import as `line N: field: problem` lines; fails when it was not refused. */
function refusal(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportRefused) return e.problems.map((p) => `line ${p.line}: ${p.field}: ${p.problem}`);
    throw e;
  }
  throw new Error('the import was not refused');
}

const rowsOf = (ws: Parameters<typeof listPrefixes>[0]) =>
  listPrefixes(ws, {}).rows.map((r) => ({ prefix: r.prefix, status: r.status, description: r.description, space: r.space, date: r.date }));

const GOOD_CSV = [
  'prefix,status,description,space,date',
  '192.0.2.0/24,aggregate,TEST-NET-1,,2024-01-31',
  '192.0.2.0/26,assigned,"Acme, Ltd",,',
  '2001:DB8::/32,allocated,"two',
  'lines",,2025-02-28',
  '10.0.0.0/8,reserved,lab,cust-a,',
  '',
].join('\r\n');

describe('import --format csv', () => {
  it('adds every row as one undoable action, canonical prefixes, empty space = global, empty date = today', async () => {
    const ws = await fresh();
    const r = importPrefixes(ws, { format: 'csv', text: GOOD_CSV });
    expect(r).toEqual({ format: 'csv', dryRun: false, added: 4, skipped: 0, preview: ['192.0.2.0/24', '192.0.2.0/26', '2001:db8::/32', '10.0.0.0/8'] });
    expect(rowsOf(ws)).toEqual([
      { prefix: '10.0.0.0/8', status: 'reserved', description: 'lab', space: 'cust-a', date: '2026-03-15' },
      { prefix: '192.0.2.0/24', status: 'aggregate', description: 'TEST-NET-1', space: 'global', date: '2024-01-31' },
      { prefix: '192.0.2.0/26', status: 'assigned', description: 'Acme, Ltd', space: 'global', date: '2026-03-15' },
      { prefix: '2001:db8::/32', status: 'allocated', description: 'two\r\nlines', space: 'global', date: '2025-02-28' },
    ]);
    expect(ws.history(5).map((h) => h.summary)).toContain('Import 4 blocks (csv)');
    expect(blockHistory(ws, { prefix: '192.0.2.0/26' }).map((e) => [e.change, e.op])).toEqual([['added', 'registry.import']]);
    // Undone, the imported block is gone but not its history (the app's detail pane may still ask).
    ws.undo();
    expect(rowsOf(ws)).toEqual([]);
    expect(blockHistory(ws, { prefix: '192.0.2.0/26' }).length).toBeGreaterThan(0);
  });

  it('refuses a file with bad rows, reporting every one as line N: field: problem, and changes nothing', async () => {
    const ws = await fresh();
    add(ws, ['198.51.100.0/24']);
    const text = [
      'prefix,status,description,space,date', // 1
      '192.0.2.0/24,aggregate,fine,,', // 2
      '10.0.0.0/8x,assigned,,,', // 3 malformed
      '10.0.0.1/8,assigned,,,', // 4 host bits
      '10.0.0.0/33,assigned,,,', // 5 length
      '172.16.0.0/12,used,,,', // 6 unknown status
      '"172.16.0.0/16",assigned,"a quoted', // 7
      'description",,2026-02-30', // 8 (bad date, row starts on 7)
      '192.0.2.0/24,assigned,again,,', // 9 twice in the file
      '198.51.100.0/24,assigned,,,', // 10 already in the workspace
      '203.0.113.0/24,assigned', // 11 too few fields
      ',assigned,,,', // 12 no prefix
      '2001:db8::/32,,,,2026-1-1', // 13 no status, bad date
    ].join('\n');
    const before = dump(ws);
    expect(refusal(() => importPrefixes(ws, { format: 'csv', text }))).toEqual([
      'line 3: prefix: "10.0.0.0/8x": prefix length must be a whole number from 0 to 32',
      'line 4: prefix: "10.0.0.1/8" has host bits set (did you mean 10.0.0.0/8?)',
      'line 5: prefix: "10.0.0.0/33": prefix length must be a whole number from 0 to 32',
      'line 6: status: unknown status "used" (one of aggregate, allocated, assigned, reserved, cooldown, planned)',
      'line 7: date: "2026-02-30" is not a date as YYYY-MM-DD',
      'line 9: prefix: 192.0.2.0/24 appears twice in space "global" (first on line 2)',
      'line 10: prefix: 198.51.100.0/24 is already in space "global"',
      'line 11: row: expected 5 fields, found 2',
      'line 12: prefix: is required',
      'line 13: status: is required (one of aggregate, allocated, assigned, reserved, cooldown, planned)',
      'line 13: date: "2026-1-1" is not a date as YYYY-MM-DD',
    ]);
    expect(dump(ws)).toEqual(before);
    // The message itself carries the same lines.
    try {
      importPrefixes(ws, { format: 'csv', text });
    } catch (e) {
      expect((e as Error).message).toMatch(/^the file was not imported \(nothing changed\): 11 bad rows\nline 3: prefix: /);
    }
  });

  it('refuses a wrong or missing header, and an empty file', async () => {
    const ws = await fresh();
    expect(refusal(() => importPrefixes(ws, { format: 'csv', text: 'prefix,status,notes\n10.0.0.0/8,assigned,x\n' }))).toEqual([
      'line 1: header: expected the header prefix,status,description,space,date; missing description, space, date; unknown notes',
    ]);
    expect(refusal(() => importPrefixes(ws, { format: 'csv', text: '' }))[0]).toMatch(/^line 1: header: the file is empty/);
  });

  it('--dry-run checks everything and reports what it would add, changing nothing', async () => {
    const ws = await fresh();
    const before = dump(ws);
    const r = importPrefixes(ws, { format: 'csv', text: GOOD_CSV, dryRun: true });
    expect(r).toMatchObject({ dryRun: true, added: 4 });
    expect(dump(ws)).toEqual(before);
    expect(refusal(() => importPrefixes(ws, { format: 'csv', text: 'prefix,status,description,space,date\nx,y,,,\n', dryRun: true }))).toHaveLength(2);
    expect(dump(ws)).toEqual(before);
  });

  it('undo of an import restores the previous state exactly; redo brings it back', async () => {
    const ws = await fresh();
    add(ws, ['198.51.100.0/24']);
    addAsn(ws, { asn: '64496' });
    const before = ws.dumpUserTables();
    importPrefixes(ws, { format: 'csv', text: GOOD_CSV });
    const after = ws.dumpUserTables();
    expect(after.prefixes!.length).toBe(before.prefixes!.length + 4);
    expect(ws.undo()?.summary).toBe('Import 4 blocks (csv)');
    expect(ws.dumpUserTables()).toEqual(before);
    expect(ws.redo()?.summary).toBe('Import 4 blocks (csv)');
    expect(ws.dumpUserTables()).toEqual(after);
  });

  it('an export re-imports to the same registry', async () => {
    const ws = await fresh();
    importPrefixes(ws, { format: 'csv', text: GOOD_CSV });
    addPrefix(ws, { prefix: '2001:db8:1::/48', description: 'quote " and ; and ,', date: '2020-02-29' });
    const csv = exportPrefixes(ws, { format: 'csv' });
    expect(csv.rows).toBe(5);
    expect(csv.text.split('\r\n')[0]).toBe('prefix,status,description,space,date');
    const other = await fresh();
    expect(importPrefixes(other, { format: 'csv', text: csv.text }).added).toBe(5);
    expect(rowsOf(other)).toEqual(rowsOf(ws));
    expect(exportPrefixes(other, { format: 'csv' }).text).toBe(csv.text);
  });

  it('reports progress on a big file (100,000 rows) and still writes it as one action', async () => {
    const ws = await fresh();
    const lines = ['prefix,status,description,space,date'];
    for (let i = 0; i < 100_000; i++) lines.push(`10.${i >> 14}.${(i >> 6) & 255}.${(i & 63) * 4}/30,assigned,c${i},,2025-01-01`);
    const seen: string[] = [];
    setImportProgress((m) => seen.push(m));
    try {
      expect(importPrefixes(ws, { format: 'csv', text: lines.join('\n') }).added).toBe(100_000);
    } finally {
      setImportProgress(null);
    }
    expect(seen).toContain('import: 100,000 rows checked');
    expect(seen.some((m) => /100,000 of 100,000 rows written/.test(m))).toBe(true);
    expect(listPrefixes(ws, { limit: 1 }).total).toBe(100_000);
    expect(ws.history(10).filter((h) => h.op === 'registry.import')).toHaveLength(1);
  }, 300_000);

  it('a replayed import (crash before the snapshot) equals the live one: rows, ids and events', async () => {
    const ws = await fresh();
    add(ws, ['198.51.100.0/24']);
    importPrefixes(ws, { format: 'csv', text: GOOD_CSV });
    // Out of address order, so the import sorts; a description needing JSON escapes.
    importPrefixes(ws, {
      format: 'csv',
      text: 'prefix,status,description,space,date\n203.0.113.0/24,assigned,"tab\tand ""quote"" and é",,\n192.0.2.128/25,assigned,x,,\n',
    });
    const events = (w: typeof ws) =>
      w
        .all('SELECT id, action_id, at, who, what, tbl, row_id, before, after FROM events ORDER BY id')
        .map((e) => ({ ...e, after: JSON.parse(String(e.after)) }));
    const live = { tables: ws.dumpUserTables(), events: events(ws) };
    const path = ws.path;
    ws.abandon();
    const { Workspace } = await import('../../../../../electron/core/workspace/workspace');
    const again = await Workspace.open(path);
    try {
      expect({ tables: again.dumpUserTables(), events: events(again) }).toEqual(live);
      again.undo();
      again.undo();
      expect(listPrefixes(again, {}).rows.map((r) => r.prefix)).toEqual(['198.51.100.0/24']);
    } finally {
      again.close();
    }
  });
});

describe('import/export --format netbox', () => {
  const NETBOX = [
    'prefix,status,vrf,tenant,site,description,is_pool',
    '192.0.2.0/24,container,,Acme,AMS1,Customer block,false',
    '192.0.2.0/26,active,,Acme,AMS1,"Acme, LAN",false',
    '192.0.2.64/26,reserved,,,,future,false',
    '10.0.0.0/8,container,cust-a,,,private,false',
    '10.1.0.0/16,active,cust-a,,,,true',
    '2001:db8::/32,Active,,,,v6,false',
  ].join('\n');

  it('maps container/active/reserved to allocated/assigned/reserved and vrf to the space', async () => {
    const ws = await fresh();
    expect(importPrefixes(ws, { format: 'netbox', text: NETBOX }).added).toBe(6);
    expect(listPrefixes(ws, {}).rows.map((r) => [r.prefix, r.status, r.space, r.description])).toEqual([
      ['10.0.0.0/8', 'allocated', 'cust-a', 'private'],
      ['10.1.0.0/16', 'assigned', 'cust-a', ''],
      ['192.0.2.0/24', 'allocated', 'global', 'Customer block'],
      ['192.0.2.0/26', 'assigned', 'global', 'Acme, LAN'],
      ['192.0.2.64/26', 'reserved', 'global', 'future'],
      ['2001:db8::/32', 'assigned', 'global', 'v6'],
    ]);
  });

  it('round trip: NetBox CSV → import → export → import again gives the same registry and the same file', async () => {
    const ws = await fresh();
    importPrefixes(ws, { format: 'netbox', text: NETBOX });
    const out = exportPrefixes(ws, { format: 'netbox' });
    expect(out.text.split('\r\n').slice(0, 3)).toEqual(['prefix,status,vrf,description', '10.0.0.0/8,container,cust-a,private', '10.1.0.0/16,active,cust-a,']);
    const again = await fresh();
    importPrefixes(again, { format: 'netbox', text: out.text });
    expect(rowsOf(again).map(({ date: _d, ...r }) => r)).toEqual(rowsOf(ws).map(({ date: _d, ...r }) => r));
    expect(exportPrefixes(again, { format: 'netbox' }).text).toBe(out.text);
  });

  it('refuses a NetBox status with no Headroom equivalent and a file without a prefix column', async () => {
    const ws = await fresh();
    expect(refusal(() => importPrefixes(ws, { format: 'netbox', text: 'prefix,status\n192.0.2.0/24,deprecated\n192.0.2.1/24,active\n' }))).toEqual([
      'line 2: status: NetBox status "deprecated" has no Headroom equivalent (container, active or reserved)',
      'line 3: prefix: "192.0.2.1/24" has host bits set (did you mean 192.0.2.0/24?)',
    ]);
    expect(refusal(() => importPrefixes(ws, { format: 'netbox', text: 'network,status\n' }))).toEqual([
      'line 1: header: a NetBox prefix CSV needs a "prefix" column',
    ]);
  });
});

/** What the delegated import must add, computed independently with Python's ipaddress. */
const EXPECTED_PY = `
import json, sys, ipaddress
a = json.load(sys.stdin)
out = []
for line in open(a['file']):
    f = line.rstrip('\\n').split('|')
    if len(f) < 7 or f[5] == 'summary' or line.startswith('#') or f[6] not in ('allocated', 'assigned'): continue
    if a.get('cc') and f[1] != a['cc']: continue
    if a.get('id') and (len(f) < 8 or f[7] != a['id']): continue
    if f[2] == 'ipv4':
        s = ipaddress.IPv4Address(f[3])
        out += [str(n) for n in ipaddress.summarize_address_range(s, s + int(f[4]) - 1)]
    elif f[2] == 'ipv6':
        out.append(str(ipaddress.IPv6Network(f[3] + '/' + f[4])))
print(json.dumps(out))
`;

/** The ASNs a delegated import must add, computed independently. */
const ASNS_PY = `
import json, sys
a = json.load(sys.stdin)
out = []
for line in open(a['file']):
    f = line.rstrip('\\n').split('|')
    if len(f) < 7 or f[5] == 'summary' or line.startswith('#') or f[2] != 'asn' or f[6] not in ('allocated', 'assigned'): continue
    out += range(int(f[3]), int(f[3]) + int(f[4]))
print(json.dumps(sorted(out)))
`;
import { refusalLine } from '../../../../support/refusal';

describe('import --format delegated (real RIR files)', () => {
  const AFRINIC = 'delegated-afrinic-extended-20260505';

  it('the whole AFRINIC file: allocated/assigned ipv4+ipv6 become aggregates, IPv4 counts split into minimal CIDRs', async () => {
    const ws = await fresh();
    const text = readData(AFRINIC);
    const file = parseDelegated(text);
    const expected = python(EXPECTED_PY, { file: join(DATA, AFRINIC) }) as string[];
    const r = importPrefixes(ws, { format: 'delegated', text });
    expect(r.added).toBe(expected.length);
    const held = file.records.filter((x) => (x.type === 'ipv4' || x.type === 'ipv6') && (x.status === 'allocated' || x.status === 'assigned'));
    const heldAsns = file.records.filter((x) => x.type === 'asn' && (x.status === 'allocated' || x.status === 'assigned'));
    expect(r.skipped).toBe(file.records.length - held.length - heldAsns.length);
    expect(expected.length).toBeGreaterThan(held.length); // some counts are no power of two
    const rows = listPrefixes(ws, {}).rows;
    expect(new Set(rows.map((x) => x.prefix))).toEqual(new Set(expected));
    expect(rows.every((x) => x.status === 'aggregate' && x.rir === 'afrinic' && x.space === 'global')).toBe(true);
    // A record of 1280 addresses from an aligned start is a /22 and a /24, both dated from the record.
    const odd = held.find((x) => x.type === 'ipv4' && x.value === 1280)!;
    const mine = rows.filter(
      (x) =>
        x.description.includes(`${odd.cc} ${odd.opaqueId}`) &&
        x.family === 4 &&
        x.date === `${odd.date.slice(0, 4)}-${odd.date.slice(4, 6)}-${odd.date.slice(6)}`,
    );
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.every((x) => x.description.startsWith('afrinic allocated') || x.description.startsWith('afrinic assigned'))).toBe(true);
  }, 120_000);

  it('--cc keeps one country; --opaque-id keeps one holder', async () => {
    const text = readData(AFRINIC);
    const ws = await fresh();
    const byCc = python(EXPECTED_PY, { file: join(DATA, AFRINIC), cc: 'MU' }) as string[];
    expect(importPrefixes(ws, { format: 'delegated', text, cc: 'mu' }).added).toBe(byCc.length);
    expect(new Set(listPrefixes(ws, {}).rows.map((x) => x.prefix))).toEqual(new Set(byCc));
    const ws2 = await fresh();
    const byId = python(EXPECTED_PY, { file: join(DATA, AFRINIC), id: 'F3619C8C' }) as string[];
    expect(byId.length).toBeGreaterThan(10);
    expect(importPrefixes(ws2, { format: 'delegated', text, opaqueId: 'F3619C8C' }).added).toBe(byId.length);
    expect(new Set(listPrefixes(ws2, {}).rows.map((x) => x.prefix))).toEqual(new Set(byId));
  }, 60_000);

  it.each([
    'nro-samples/delegated-arin-extended-sample-2019',
    'nro-samples/delegated-ripencc-extended-sample-2019',
    'nro-samples/delegated-lacnic-extended-sample-2019',
  ])('%s imports exactly the held blocks', async (name) => {
    const ws = await fresh();
    const expected = python(EXPECTED_PY, { file: join(DATA, name) }) as string[];
    expect(importPrefixes(ws, { format: 'delegated', text: readData(name) }).added).toBe(expected.length);
    expect(new Set(listPrefixes(ws, {}).rows.map((x) => x.prefix))).toEqual(new Set(expected));
  });

  it('refuses a file whose header or summary count does not balance, changing nothing', async () => {
    const ws = await fresh();
    const text = readData('nro-samples/delegated-ripencc-extended-sample-2019');
    const before = dump(ws);
    expect(refusal(() => importPrefixes(ws, { format: 'delegated', text: text.replace('|300|', '|299|') }))).toEqual([
      'line 1: records: header says 299 records, the file has 300',
    ]);
    expect(
      refusal(() => importPrefixes(ws, { format: 'delegated', text: text.replace('ripencc|*|ipv6|*|100|summary', 'ripencc|*|ipv6|*|101|summary') })),
    ).toEqual(['line 1: count: ipv6 summary says 101 records, the file has 100']);
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes('|ipv4|') && !l.endsWith('|summary'));
    lines[i] = lines[i]!.replace(/\|ipv4\|([^|]*)\|/, '|ipv4|300.1.2.3|');
    expect(refusal(() => importPrefixes(ws, { format: 'delegated', text: lines.join('\n') }))).toEqual([
      `line ${i + 1}: start: "300.1.2.3" is not an IPv4 address`,
    ]);
    // The AFRINIC excerpt as published: its header still counts 100 records for 300.
    expect(refusal(() => importPrefixes(ws, { format: 'delegated', text: readData('nro-samples/delegated-afrinic-extended-sample-2019') }))).toEqual([
      'line 1: records: header says 100 records, the file has 300',
    ]);
    expect(dump(ws)).toEqual(before);
  });

  it('refuses a block already in the workspace, and --cc/--opaque-id on a CSV', async () => {
    const ws = await fresh();
    const text = readData('nro-samples/delegated-arin-extended-sample-2019');
    importPrefixes(ws, { format: 'delegated', text });
    const before = dump(ws);
    const again = refusal(() => importPrefixes(ws, { format: 'delegated', text }));
    expect(again.length).toBeGreaterThan(20);
    expect(again.some((p) => /^line \d+: prefix: \S+ is already in space "global"$/.test(p))).toBe(true);
    expect(again.some((p) => /^line \d+: asn: AS\d+ is already recorded$/.test(p))).toBe(true);
    expect(refusalLine(() => importPrefixes(ws, { format: 'csv', text: GOOD_CSV, cc: 'ZA' }))).toMatch(/cc: only a delegated file has holders and countries/);
    expect(dump(ws)).toEqual(before);
  });

  it('imports the ASNs of a delegated file too, as the same undoable action (issue 14)', async () => {
    const name = 'nro-samples/delegated-ripencc-extended-sample-2019';
    const expected = python(ASNS_PY, { file: join(DATA, name) }) as number[];
    expect(expected.length).toBeGreaterThan(50);
    const ws = await fresh();
    addAsn(ws, { asn: '64496' });
    const before = ws.dumpUserTables();
    const dry = importPrefixes(ws, { format: 'delegated', text: readData(name), dryRun: true });
    expect(dry.asns).toBe(expected.length);
    expect(ws.dumpUserTables()).toEqual(before);
    const r = importPrefixes(ws, { format: 'delegated', text: readData(name) });
    expect(r.asns).toBe(expected.length);
    const rows = listAsns(ws);
    expect(rows.map((a) => a.asn)).toEqual([...expected, 64496].sort((a, b) => a - b));
    const one = rows.find((a) => a.asn === expected[0])!;
    expect(one.description).toMatch(/^ripencc (allocated|assigned) [A-Z]{2}/);
    expect(one.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    ws.undo();
    expect(ws.dumpUserTables()).toEqual(before);
  });

  it('streams a delegated file: lines are checked as the chunks arrive, not once the whole text is in', async () => {
    const ws = await fresh();
    const N = 250_000;
    const lines = [`2|ripencc|20240101|${N}|20240101|20240101|+0000`, `ripencc|*|ipv4|*|${N}|summary`];
    for (let i = 0; i < N; i++) lines.push(`ripencc|NL|ipv4|10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}|1|20240101|assigned`);
    const text = `${lines.join('\n')}\n`;
    const messages: string[] = [];
    const seenAtChunk: number[] = [];
    function* chunks(): Generator<string> {
      for (let at = 0; at < text.length; at += 1 << 20) {
        seenAtChunk.push(messages.length);
        yield text.slice(at, at + (1 << 20));
      }
    }
    setImportProgress((m) => messages.push(m));
    try {
      const r = importPrefixesFrom(ws, { format: 'delegated', dryRun: true }, chunks());
      expect(r.added).toBe(N);
    } finally {
      setImportProgress(null);
    }
    // Progress on the lines read was reported before the last chunk was even asked for.
    expect(seenAtChunk.length).toBeGreaterThan(5);
    expect(seenAtChunk[seenAtChunk.length - 1]).toBeGreaterThan(0);
    expect(messages[0]).toMatch(/^import: 100,000 lines checked$/);
  }, 60_000);

  it('undo of a delegated import restores the previous state', async () => {
    const ws = await fresh();
    add(ws, ['10.0.0.0/8']);
    const before = ws.dumpUserTables();
    importPrefixes(ws, { format: 'delegated', text: readData('nro-samples/delegated-lacnic-extended-sample-2019') });
    ws.undo();
    expect(ws.dumpUserTables()).toEqual(before);
  });
});

describe('export --format delegated', () => {
  it('writes the aggregates and ASNs as a file whose header and summary counts balance, and it re-imports', async () => {
    const ws = await fresh();
    addPrefix(ws, { prefix: '192.0.2.0/24', status: 'aggregate', date: '2024-05-01', rir: 'ripencc' });
    addPrefix(ws, { prefix: '2001:db8::/32', status: 'aggregate', date: '2024-05-02' });
    addPrefix(ws, { prefix: '192.0.2.0/26', status: 'assigned' });
    addAsn(ws, { asn: '64496' });
    const out = exportPrefixes(ws, { format: 'delegated' });
    const file = parseDelegated(out.text);
    expect(file.header).toMatchObject({ registry: 'ripencc', records: 3, endDate: '20260315' });
    expect(file.summaries.map((s) => [s.type, s.count])).toEqual([
      ['asn', 1],
      ['ipv4', 1],
      ['ipv6', 1],
    ]);
    expect(file.records.map((r) => [r.type, r.start, r.value, r.date])).toEqual([
      ['asn', '64496', 1, '20260315'],
      ['ipv4', '192.0.2.0', 256, '20240501'],
      ['ipv6', '2001:db8::', 32, '20240502'],
    ]);
    const other = await fresh();
    expect(importPrefixes(other, { format: 'delegated', text: out.text }).added).toBe(2);
    expect(listPrefixes(other, {}).rows.map((r) => [r.prefix, r.status, r.date])).toEqual([
      ['192.0.2.0/24', 'aggregate', '2024-05-01'],
      ['2001:db8::/32', 'aggregate', '2024-05-02'],
    ]);
  });
});
