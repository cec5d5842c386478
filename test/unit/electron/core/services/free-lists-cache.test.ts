/**
 * The allocator's kept free lists (free-lists-cache.ts) after a change elsewhere (issue 17): a
 * change that touches no block inside the pool keeps them (no rebuild of a million blocks while
 * the planner waits); a change inside the pool, or in the same range of the same space, drops
 * them. Every answer is compared with the reference allocator over the blocks as they are.
 */
import { describe, expect, it } from 'vitest';
import { freeListBuilds } from '../../../../../electron/core/services/free-lists-cache';
import { addPrefix, listPrefixes, removePrefix } from '../../../../../electron/core/services/registry';
import { allocate } from '../../../../../electron/core/services/registry-space';
import { importPrefixes } from '../../../../../electron/core/services/registry-io';
import { allocatePrefix } from '../../../../../shared/ip/allocate-prefix';
import { formatPrefix, parsePrefix } from '../../../../../shared/ip/prefix';
import { add, fresh } from '../../../../support/registry-workspace';

const POOL = '10.0.0.0/16';

/** The reference answer: first fit over the blocks inside the pool as they are now. */
function expected(ws: Awaited<ReturnType<typeof fresh>>, length: number): string | null {
  const children = listPrefixes(ws, { within: POOL, space: 'global' })
    .rows.map((r) => parsePrefix(r.prefix))
    .filter((p) => formatPrefix(p) !== POOL);
  const r = allocatePrefix(parsePrefix(POOL), children, length, { strategy: 'first-fit' });
  return r && formatPrefix(r.prefix);
}

const ask = (ws: Awaited<ReturnType<typeof fresh>>, length = 24) => allocate(ws, { from: POOL, length, dryRun: true }).prefix;

describe('the free lists after a change elsewhere', () => {
  it('are kept across changes outside the pool or in another space, and rebuilt after one inside it', async () => {
    const ws = await fresh();
    add(ws, [POOL], 'aggregate');
    add(ws, ['10.0.0.0/24', '10.0.2.0/24']);
    expect(ask(ws)).toBe(expected(ws, 24));
    const built = freeListBuilds.count;

    // Outside the pool, in the same space: a new block, its removal, undo and redo of them.
    addPrefix(ws, { prefix: '192.0.2.0/24' });
    addPrefix(ws, { prefix: '10.1.0.0/16' });
    removePrefix(ws, { prefix: '192.0.2.0/24' });
    ws.undo();
    ws.redo();
    // The same range, another space.
    addPrefix(ws, { prefix: '10.0.1.0/24', space: 'lab' });
    expect(ask(ws)).toBe('10.0.1.0/24');
    expect(ask(ws)).toBe(expected(ws, 24));
    expect(freeListBuilds.count).toBe(built);

    // Inside the pool: the lists are rebuilt and the answer moves on.
    addPrefix(ws, { prefix: '10.0.1.0/24' });
    expect(ask(ws)).toBe('10.0.3.0/24');
    expect(ask(ws)).toBe(expected(ws, 24));
    expect(freeListBuilds.count).toBe(built + 1);
    // An undo inside the pool too.
    ws.undo();
    expect(ask(ws)).toBe('10.0.1.0/24');
    expect(freeListBuilds.count).toBe(built + 2);
  });

  it('are rebuilt after a bulk import, whose blocks are not listed one by one', async () => {
    const ws = await fresh();
    add(ws, [POOL], 'aggregate');
    expect(ask(ws)).toBe('10.0.0.0/24');
    const built = freeListBuilds.count;
    importPrefixes(ws, { format: 'csv', text: 'prefix,status,description,space,date\n10.0.0.0/24,assigned,,,\n' });
    expect(ask(ws)).toBe('10.0.1.0/24');
    expect(freeListBuilds.count).toBe(built + 1);
  });
});
