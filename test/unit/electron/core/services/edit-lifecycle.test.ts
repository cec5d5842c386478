/**
 * Editing in place and the lifecycle (issue 14, items 3–5; docs/registry.md) over a real sql.js
 * workspace on a temp file: `setPrefix` writes only what it is given, in one undoable change;
 * `releasePrefix` puts a block in cooldown that holds its space until its date; `planned`
 * blocks are never picked; no allocation strategy ever picks a cooldown or planned block
 * (fast-check over the real allocator); and the placement warnings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAsn, setAsn } from '../../../../../electron/core/services/asns';
import { addPrefix, listPrefixes, releasePrefix, removePrefixTree, setPrefix } from '../../../../../electron/core/services/registry';
import { allocate } from '../../../../../electron/core/services/registry-space';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { ALLOCATION_STRATEGIES } from '../../../../../shared/contract';
import { parsePrefix, prefixesOverlap } from '../../../../../shared/ip/prefix';
import { add, expectRefused, fresh, NOW } from '../../../../support/registry-workspace';

const rows = (ws: Workspace) =>
  listPrefixes(ws, {}).rows.map((r) => ({ prefix: r.prefix, status: r.status, description: r.description, date: r.date, rir: r.rir, unit: r.unit }));

describe('setPrefix', () => {
  it('changes only the fields given, in one undoable change', async () => {
    const ws = await fresh();
    addPrefix(ws, { prefix: '2001:db8::/32', status: 'aggregate', description: 'RIPE block', date: '2020-01-02', rir: 'ripencc' });
    addPrefix(ws, { prefix: '2001:db8:1::/48', status: 'assigned', description: 'Acme', date: '2021-05-06' });
    const actions = () => Number(ws.get('SELECT count(*) AS n FROM actions')!.n);
    const n0 = actions();
    const before = rows(ws);
    const r = setPrefix(ws, { prefix: '2001:db8:1::/48', description: 'Acme Ltd' });
    expect(r.description).toBe('Acme Ltd');
    expect(actions()).toBe(n0 + 1);
    const after = rows(ws);
    expect(after[1]).toEqual({ ...before[1], description: 'Acme Ltd' });
    expect(after[0]).toEqual(before[0]);
    setPrefix(ws, { prefix: '2001:db8::/32', unit: 56, rir: 'arin', date: '2019-12-31' });
    expect(rows(ws)[0]).toEqual({ ...before[0], unit: 56, rir: 'arin', date: '2019-12-31' });
    ws.undo();
    ws.undo();
    expect(rows(ws)).toEqual(before);
  });

  it('records nothing when nothing changes', async () => {
    const ws = await fresh();
    addPrefix(ws, { prefix: '10.0.0.0/24', description: 'x' });
    const n0 = Number(ws.get('SELECT count(*) AS n FROM actions')!.n);
    setPrefix(ws, { prefix: '10.0.0.0/24', description: 'x', status: 'assigned' });
    expect(Number(ws.get('SELECT count(*) AS n FROM actions')!.n)).toBe(n0);
  });

  it('refuses an unknown block, a unit on IPv4, and a status the parent or children forbid', async () => {
    const ws = await fresh();
    add(ws, ['10.0.0.0/16'], 'allocated');
    add(ws, ['10.0.1.0/24']);
    expectRefused(ws, () => setPrefix(ws, { prefix: '10.9.0.0/24', description: 'y' }), 'prefix', /10\.9\.0\.0\/24 is not in space "global"/);
    expectRefused(ws, () => setPrefix(ws, { prefix: '10.0.1.0/24', unit: 64 }), 'unit', /only IPv6/);
    expectRefused(ws, () => setPrefix(ws, { prefix: '10.0.0.0/16', status: 'cooldown' }), 'status', /holds 1 block; release or remove it first/);
    expectRefused(ws, () => setPrefix(ws, { prefix: '10.0.0.0/16', status: 'planned' }), 'status', /holds 1 block in use/);
    setPrefix(ws, { prefix: '10.0.1.0/24', status: 'planned', date: '2027-01-01' });
    setPrefix(ws, { prefix: '10.0.0.0/16', status: 'planned', date: '2027-01-01' });
    expectRefused(ws, () => setPrefix(ws, { prefix: '10.0.1.0/24', status: 'assigned' }), 'status', /around it is only planned/);
    expectRefused(ws, () => addPrefix(ws, { prefix: '10.0.2.0/24', status: 'assigned' }), 'status', /around it is only planned/);
  });

  it('warns without refusing: assigned 10/8 in global, aggregate in aggregate, allocated under assigned', async () => {
    const ws = await fresh();
    expect(addPrefix(ws, { prefix: '10.0.0.0/8', status: 'assigned' }).warnings?.[0]).toMatch(/10\.0\.0\.0\/8 is assigned whole in the global space/);
    expect(addPrefix(ws, { prefix: '10.0.0.0/8', status: 'assigned', space: 'vrf-a' }).warnings).toBeUndefined();
    expect(addPrefix(ws, { prefix: '10.1.0.0/16', status: 'allocated' }).warnings?.[0]).toMatch(/allocated inside an assignment/);
    add(ws, ['192.0.2.0/24'], 'aggregate');
    expect(addPrefix(ws, { prefix: '192.0.2.0/25', status: 'aggregate' }).warnings?.[0]).toMatch(/aggregate inside another aggregate/);
    add(ws, ['198.51.100.0/24'], 'aggregate');
    add(ws, ['198.51.100.0/25'], 'allocated');
    expect(setPrefix(ws, { prefix: '198.51.100.0/25', status: 'aggregate' }).warnings[0]).toMatch(/aggregate inside another aggregate/);
  });
});

describe('asn set', () => {
  it('changes description and date only', async () => {
    const ws = await fresh();
    addAsn(ws, { asn: '64500', description: 'core', date: '2020-01-01' });
    expect(setAsn(ws, { asn: '64500', date: '2021-02-03' })).toMatchObject({ asn: 64500, description: 'core', date: '2021-02-03' });
    expectRefused(ws, () => setAsn(ws, { asn: '64501', description: 'x' }), 'asn', /AS64501 is not recorded/);
    ws.undo();
    expect(setAsn(ws, { asn: 'AS64500' })).toMatchObject({ date: '2020-01-01' });
  });
});

describe('releasePrefix', () => {
  it('puts the block in cooldown until today + 180 days, still used; 0 days frees it at once', async () => {
    const ws = await fresh();
    add(ws, ['10.0.0.0/24'], 'allocated');
    add(ws, ['10.0.0.0/26', '10.0.0.64/26']);
    const r = releasePrefix(ws, { prefix: '10.0.0.0/26' });
    expect(r.status).toBe('cooldown');
    expect(r.date).toBe('2026-09-11'); // 2026-03-15 + 180 days
    const parent = listPrefixes(ws, {}).rows.find((x) => x.prefix === '10.0.0.0/24')!;
    expect(parent.usage.usedPct).toBe(50);
    const freed = releasePrefix(ws, { prefix: '10.0.0.64/26', cooldownDays: 0 });
    expect(freed.prefix).toBe('10.0.0.64/26');
    expect(listPrefixes(ws, {}).rows.map((x) => x.prefix)).toEqual(['10.0.0.0/24', '10.0.0.0/26']);
    ws.undo();
    expect(listPrefixes(ws, {}).rows.map((x) => x.prefix)).toEqual(['10.0.0.0/24', '10.0.0.0/26', '10.0.0.64/26']);
    expectRefused(ws, () => releasePrefix(ws, { prefix: '10.0.0.0/24' }), 'prefix', /holds 2 blocks/);
    expectRefused(ws, () => releasePrefix(ws, { prefix: '10.0.0.0/26' }), 'prefix', /already in cooldown until 2026-09-11/);
  });

  it('a cooldown block is not picked before its date, and is reused from that day on', async () => {
    let now = NOW;
    const ws = await Workspace.create(`${(await fresh()).path}.b.headroom`, { who: 't', now: () => now });
    add(ws, ['10.0.0.0/24'], 'allocated');
    add(ws, ['10.0.0.0/25']);
    releasePrefix(ws, { prefix: '10.0.0.0/25', cooldownDays: 10 });
    for (const strategy of ALLOCATION_STRATEGIES)
      expect(allocate(ws, { from: '10.0.0.0/24', length: 25, strategy, dryRun: true }).prefix).toBe('10.0.0.128/25');
    now = new Date('2026-03-25T08:00:00Z');
    expect(allocate(ws, { from: '10.0.0.0/24', length: 26, strategy: 'first-fit' }).prefix).toBe('10.0.0.0/26');
    expect(listPrefixes(ws, {}).rows.map((x) => `${x.prefix} ${x.status}`)).toEqual(['10.0.0.0/24 allocated', '10.0.0.0/26 assigned']);
    ws.close();
  });

  it('refuses allocating inside a planned or cooldown block', async () => {
    const ws = await fresh();
    addPrefix(ws, { prefix: '10.0.0.0/24', status: 'planned', date: '2027-01-01' });
    expectRefused(ws, () => allocate(ws, { from: '10.0.0.0/24', length: 26 }), 'from', /10\.0\.0\.0\/24 is planned from 2027-01-01/);
  });
});

describe('removePrefixTree', () => {
  it('removes a block with every block inside it, one undo brings them back', async () => {
    const ws = await fresh();
    add(ws, ['10.0.0.0/16'], 'allocated');
    add(ws, ['10.0.1.0/24', '10.0.2.0/24', '10.1.0.0/24']);
    add(ws, ['10.0.1.0/26'], 'reserved');
    expect(removePrefixTree(ws, { prefix: '10.0.0.0/16' }).removed).toBe(4);
    expect(listPrefixes(ws, {}).rows.map((x) => x.prefix)).toEqual(['10.1.0.0/24']);
    ws.undo();
    expect(listPrefixes(ws, {}).total).toBe(5);
  });
});

const STATUSES = ['assigned', 'reserved', 'cooldown', 'planned'] as const;

describe('no allocation strategy picks a cooldown or planned block (property)', () => {
  it('holds for random plans under a /24 and every strategy', async () => {
    const ws = await fresh();
    add(ws, ['10.0.0.0/24'], 'allocated');
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ index: fc.integer({ min: 0, max: 15 }), status: fc.constantFrom(...STATUSES) }), {
          selector: (b) => b.index,
          maxLength: 14,
        }),
        fc.integer({ min: 26, max: 30 }),
        async (blocks, length) => {
          const added: { prefix: string; status: string }[] = [];
          for (const b of blocks) {
            const prefix = `10.0.0.${b.index * 16}/28`;
            if (b.status === 'cooldown') {
              addPrefix(ws, { prefix, status: 'assigned' });
              releasePrefix(ws, { prefix, cooldownDays: 30 });
            } else addPrefix(ws, { prefix, status: b.status, date: b.status === 'planned' ? '2027-06-01' : undefined });
            added.push({ prefix, status: b.status });
          }
          try {
            for (const strategy of ALLOCATION_STRATEGIES) {
              let picked: string;
              try {
                picked = allocate(ws, { from: '10.0.0.0/24', length, strategy, dryRun: true }).prefix;
              } catch {
                continue; // nothing free of that length
              }
              for (const a of added.filter((x) => x.status === 'cooldown' || x.status === 'planned')) {
                expect(prefixesOverlap(parsePrefix(picked), parsePrefix(a.prefix)), `${strategy} picked ${picked} over ${a.status} ${a.prefix}`).toBe(false);
              }
            }
          } finally {
            for (const a of added) removePrefixTree(ws, { prefix: a.prefix });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('setPrefixes (bulk edit)', () => {
  it('changes every selected block in one undoable change, or none when one is refused', async () => {
    const { setPrefixes } = await import('../../../../../electron/core/services/registry');
    const ws = await fresh();
    add(ws, ['10.0.0.0/16'], 'allocated');
    add(ws, ['10.0.1.0/24', '10.0.2.0/24']);
    const before = rows(ws);
    expect(setPrefixes(ws, { items: ['10.0.1.0/24', '10.0.2.0/24'].map((prefix) => ({ prefix, description: 'Acme' })) }).changed).toBe(2);
    expect(rows(ws).map((r) => r.description)).toEqual(['', 'Acme', 'Acme']);
    ws.undo();
    expect(rows(ws)).toEqual(before);
    expectRefused(
      ws,
      () =>
        setPrefixes(ws, {
          items: [
            { prefix: '10.0.1.0/24', status: 'cooldown' },
            { prefix: '10.0.0.0/16', status: 'cooldown' },
          ],
        }),
      'status',
      /^status: 10\.0\.0\.0\/16: 10\.0\.0\.0\/16 cannot be cooldown/,
    );
  });
});

describe('splitPrefix and addSpace', () => {
  it('splits an empty block into N equal children in one undoable change', async () => {
    const { splitPrefix } = await import('../../../../../electron/core/services/registry');
    const ws = await fresh();
    add(ws, ['10.0.0.0/24'], 'allocated');
    add(ws, ['2001:db8::/32'], 'aggregate');
    expect(splitPrefix(ws, { prefix: '10.0.0.0/24', parts: 4 }).map((r) => r.prefix)).toEqual([
      '10.0.0.0/26',
      '10.0.0.64/26',
      '10.0.0.128/26',
      '10.0.0.192/26',
    ]);
    expect(splitPrefix(ws, { prefix: '2001:db8::/32', parts: 2, status: 'allocated' }).map((r) => r.prefix)).toEqual(['2001:db8::/33', '2001:db8:8000::/33']);
    expect(listPrefixes(ws, {}).rows.find((r) => r.prefix === '10.0.0.0/24')!.usage.usedPct).toBe(100);
    ws.undo();
    ws.undo();
    expect(listPrefixes(ws, {}).total).toBe(2);
    expectRefused(ws, () => splitPrefix(ws, { prefix: '10.0.0.0/24', parts: 3 }), 'parts', /power of two/);
    add(ws, ['10.0.0.0/30']);
    expectRefused(ws, () => splitPrefix(ws, { prefix: '10.0.0.0/24', parts: 2 }), 'parts', /already holds 1 block/);
    expectRefused(ws, () => splitPrefix(ws, { prefix: '10.0.0.0/30', parts: 8 }), 'parts', /too few addresses/);
  });

  it('creates an address space with no blocks, refusing a duplicate', async () => {
    const { addSpace, listSpaces } = await import('../../../../../electron/core/services/registry');
    const ws = await fresh();
    expect(addSpace(ws, { name: 'vrf-customers' })).toEqual(['global', 'vrf-customers']);
    expectRefused(ws, () => addSpace(ws, { name: 'vrf-customers' }), 'name', /already an address space/);
    expectRefused(ws, () => addSpace(ws, { name: '-bad' }), 'name', /must start with a letter or digit/);
    ws.undo();
    expect(listSpaces(ws)).toEqual(['global']);
  });
});
