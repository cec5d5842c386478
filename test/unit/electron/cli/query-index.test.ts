/**
 * The query index beside a workspace (query-index.ts): written with every snapshot, used by a
 * read-only query only while it describes exactly what a full open would load, and giving the
 * same answers as the database. Real workspaces on temp files throughout.
 */
import { copyFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addPrefix } from '../../../../electron/core/services/registry';
import { freeSpace } from '../../../../electron/core/services/registry-space';
import { Session } from '../../../../electron/core/services/session';
import { DatabaseBlocks, QueryIndex, queryIndexPathFor, type BlockFilter } from '../../../../electron/core/workspace/query-index';
import { SCHEMA_VERSION } from '../../../../electron/core/workspace/schema';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { HeadroomError } from '../../../../shared/errors';
import { formatPrefix, prefixEnd, type Prefix } from '../../../../shared/ip/prefix';
import { ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-query-index-');
beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => tmp.cleanup());
const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});
let n = 0;

async function fresh(): Promise<Workspace> {
  const ws = await Workspace.create(tmp.path(`ws-${++n}.headroom`), { who: 'tester' });
  open.push(ws);
  return ws;
}

function addAll(ws: Workspace, blocks: [string, 'aggregate' | 'assigned' | 'reserved', string?][]): void {
  for (const [prefix, status, space] of blocks) addPrefix(ws, { prefix, status, ...(space ? { space } : {}) });
}

const PLAN: [string, 'aggregate' | 'assigned' | 'reserved', string?][] = [
  ['10.0.0.0/16', 'aggregate'],
  ['10.0.1.0/24', 'assigned'],
  ['10.0.2.0/25', 'reserved'],
  ['10.0.200.0/21', 'assigned'],
  ['2001:db8::/32', 'aggregate'],
  ['2001:db8:1::/48', 'assigned'],
  ['2001:db8:ff00::/40', 'reserved'],
  ['10.0.0.0/24', 'assigned', 'customer-a'],
];

describe('the query index', () => {
  it('is current after a save, behind while a change is only in the journal, and current again after the next save', async () => {
    const ws = await fresh();
    addAll(ws, PLAN);
    ws.save();
    const index = QueryIndex.open(ws.path, SCHEMA_VERSION);
    expect(index).not.toBeNull();
    const db = new DatabaseBlocks(ws.database);
    const sid = index!.spaceId('global')!;
    expect(sid).toBe(db.spaceId('global'));
    expect(index!.spaceId('customer-a')).toBe(db.spaceId('customer-a'));
    expect(index!.spaceId('nowhere')).toBeNull();
    expect([...index!.pairsV4(sid, 0x0a000000, 0x0a00ffff)]).toEqual([...db.pairsV4(sid, 0x0a000000, 0x0a00ffff)]);

    addPrefix(ws, { prefix: '10.0.3.0/24', status: 'assigned' });
    // Acknowledged (in the journal) but not in the snapshot the index describes.
    expect(QueryIndex.open(ws.path, SCHEMA_VERSION)).toBeNull();
    ws.save();
    const again = QueryIndex.open(ws.path, SCHEMA_VERSION)!;
    expect(freeSpace(again, { prefix: '10.0.0.0/16' })).toEqual(freeSpace(ws, { prefix: '10.0.0.0/16' }));
    expect(freeSpace(again, { prefix: '10.0.0.0/16' }).free).not.toContain('10.0.3.0/24');
  });

  it('is not used when it or the workspace was changed behind its back', async () => {
    const ws = await fresh();
    addAll(ws, PLAN);
    ws.save();
    const path = ws.path;
    const indexPath = queryIndexPathFor(path);
    const good = readFileSync(indexPath);
    expect(QueryIndex.open(path, SCHEMA_VERSION)).not.toBeNull();

    // A byte of the index flipped: its checksum no longer matches.
    const flipped = Buffer.from(good);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 100) ^ 1, flipped.length - 100);
    writeFileSync(indexPath, flipped);
    expect(QueryIndex.open(path, SCHEMA_VERSION)).toBeNull();
    writeFileSync(indexPath, good);
    expect(QueryIndex.open(path, SCHEMA_VERSION)).not.toBeNull();

    // The workspace touched (another program wrote it, or a copy was put in its place).
    const later = new Date(Date.now() + 60_000);
    utimesSync(path, later, later);
    expect(QueryIndex.open(path, SCHEMA_VERSION)).toBeNull();

    // An index built by a newer Headroom's schema is not read by this one.
    ws.save();
    expect(QueryIndex.open(path, SCHEMA_VERSION)).not.toBeNull();
    expect(QueryIndex.open(path, SCHEMA_VERSION - 1)).toBeNull();

    // Another workspace's index beside this file.
    const other = await fresh();
    addAll(other, [['192.0.2.0/24', 'aggregate']]);
    other.save();
    copyFileSync(queryIndexPathFor(other.path), indexPath);
    expect(QueryIndex.open(path, SCHEMA_VERSION)).toBeNull();
  });

  it('gives the same blocks and free space as the database for random plans (property)', async () => {
    const v4 = fc.record({ offset: fc.integer({ min: 0, max: 0xffff }), length: fc.integer({ min: 17, max: 30 }), reserved: fc.boolean() });
    const v6 = fc.record({ offset: fc.bigInt({ min: 0n, max: (1n << 24n) - 1n }), length: fc.integer({ min: 33, max: 56 }), reserved: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(v4, { maxLength: 40 }), fc.array(v6, { maxLength: 15 }), async (fours, sixes) => {
        const ws = await fresh();
        addAll(ws, [
          ['10.9.0.0/16', 'aggregate'],
          ['2001:db8::/32', 'aggregate'],
        ]);
        const blocks: Prefix[] = [];
        for (const b of fours) {
          const size = 2 ** (32 - b.length);
          blocks.push({ family: 4, start: Math.floor((0x0a090000 + b.offset) / size) * size, length: b.length });
        }
        for (const b of sixes) {
          const host = BigInt(128 - b.length);
          blocks.push({ family: 6, start: (((0x20010db8n << 96n) + (b.offset << 80n)) >> host) << host, length: b.length });
        }
        blocks.forEach((p, i) => {
          try {
            addPrefix(ws, { prefix: formatPrefix(p), status: (i % 3 === 0) === true ? 'reserved' : 'assigned' });
          } catch (e) {
            if (!(e instanceof HeadroomError) || e.code !== 'conflict') throw e;
          }
        });
        ws.save();
        const index = QueryIndex.open(ws.path, SCHEMA_VERSION)!;
        expect(index).not.toBeNull();
        const db = new DatabaseBlocks(ws.database);
        const sid = db.spaceId('global')!;
        for (const parent of ['10.9.0.0/16', '10.9.128.0/17', '2001:db8::/32', '2001:db8:80::/41', ...blocks.slice(0, 5).map(formatPrefix)]) {
          expect(freeSpace(index, { prefix: parent })).toEqual(freeSpace(ws, { prefix: parent }));
          expect(freeSpace(index, { prefix: parent, asText: true })).toEqual(freeSpace(ws, { prefix: parent, asText: true }));
        }
        for (const filter of ['all', 'reserved', 'not-reserved'] as BlockFilter[]) {
          expect([...index.pairsV4(sid, 0x0a090000, 0x0a09ffff, filter)]).toEqual([...db.pairsV4(sid, 0x0a090000, 0x0a09ffff, filter)]);
          const p6: Prefix = { family: 6, start: 0x20010db8n << 96n, length: 32 };
          expect(index.intervalsV6(sid, p6.start as bigint, prefixEnd(p6) as bigint, filter)).toEqual(
            db.intervalsV6(sid, p6.start as bigint, prefixEnd(p6) as bigint, filter),
          );
        }
        ws.close();
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('a read-only query session', () => {
  it('answers free space from a current index without loading the database, and loads it for anything else', async () => {
    const ws = await fresh();
    addAll(ws, PLAN);
    const expected = freeSpace(ws, { prefix: '10.0.0.0/16' });
    ws.close();
    // A full open (as `headroom util` makes) checks this snapshot once; the index is used after it.
    (await Workspace.open(ws.path, { readOnly: true })).close();

    const session = new Session();
    await session.openForQuery(ws.path);
    expect(session.queryIndex()).not.toBeNull();
    expect(freeSpace(session.queryIndex()!, { prefix: '10.0.0.0/16' })).toEqual(expected);
    expect(session.workspace).toBeNull();
    // Anything the index does not hold opens the workspace (read-only) on first use.
    const loaded = session.require();
    expect(loaded.readOnly).toBe(true);
    expect(session.workspace).toBe(loaded);
    session.close();
  });

  it('opens the workspace as usual when a change is only in the journal (after a crash)', async () => {
    const ws = await fresh();
    addAll(ws, PLAN);
    ws.save();
    addPrefix(ws, { prefix: '10.0.3.0/24', status: 'assigned' });
    ws.abandon(); // kill -9: the change is in the journal only
    open.splice(open.indexOf(ws), 1);

    const session = new Session();
    await session.openForQuery(ws.path);
    expect(session.queryIndex()).toBeNull();
    expect(session.workspace).not.toBeNull();
    session.close();
    // Through the real CLI: the acknowledged block is not free.
    const r = headroom(['free', ws.path, '10.0.0.0/22']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('10.0.0.0/24\n10.0.2.128/25\n');
  });
});
