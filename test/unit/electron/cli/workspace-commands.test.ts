import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../../electron/core/workspace/schema';
import { ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir();
beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => tmp.cleanup());
let n = 0;
const fresh = () => tmp.path(`cli-${++n}.headroom`);

describe('headroom init', () => {
  it('creates a workspace and prints its path', () => {
    const ws = fresh();
    const r = headroom(['init', ws]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trim()).toBe(ws);
  });

  it('refuses (exit 1) a path that exists, leaving it as it was', () => {
    const ws = fresh();
    writeFileSync(ws, 'mine');
    const r = headroom(['init', ws]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists/);
    expect(readFileSync(ws, 'utf8')).toBe('mine');
  });

  it('--demo loads the documentation-space ISP', () => {
    const ws = fresh();
    expect(headroom(['init', ws, '--demo']).code).toBe(0);
    const list = headroom(['prefix', 'list', ws, '--json']);
    const rows = JSON.parse(list.stdout) as { prefix: string }[];
    const prefixes = rows.map((r) => r.prefix);
    for (const p of ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '2001:db8::/32']) expect(prefixes).toContain(p);
    const info = JSON.parse(headroom(['info', ws, '--json']).stdout) as { counts: { asns: number } };
    expect(info.counts.asns).toBeGreaterThan(0);
  });
});

describe('headroom info', () => {
  it('--json prints one document with schema version, counts, size and last saved', () => {
    const ws = fresh();
    headroom(['init', ws]);
    headroom(['prefix', 'add', ws, '192.0.2.0/24', '--status', 'aggregate']);
    const r = headroom(['info', ws, '--json']);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({ schemaVersion: SCHEMA_VERSION, counts: { prefixes: 1, spaces: 1 } });
    expect(info.fileBytes).toBeGreaterThan(0);
    expect(info.lastSaved).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('says which file is missing (exit 1)', () => {
    const r = headroom(['info', tmp.path('missing.headroom')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.headroom: no such workspace file/);
  });
});

describe('headroom prefix add / rm / list', () => {
  const ws = fresh();
  beforeAll(() => {
    headroom(['init', ws]);
  });

  it('adds blocks and lists them IPv4 first, by address, then length', () => {
    for (const p of ['2001:db8::/32', '198.51.100.0/24', '192.0.2.0/24', '192.0.2.0/25', '2001:DB8:0:0::/48']) {
      expect(headroom(['prefix', 'add', ws, p, '--description', `block ${p}`]).code).toBe(0);
    }
    const r = headroom(['prefix', 'list', ws]);
    expect(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(['192.0.2.0/24', '192.0.2.0/25', '198.51.100.0/24', '2001:db8::/32', '2001:db8::/48']);
    expect(r.stdout).toMatch(/^192\.0\.2\.0\/24\s+assigned\s+block 192\.0\.2\.0\/24$/m);
  });

  it.each([
    [['10.0.0.1/8'], /prefix: "10\.0\.0\.1\/8" has host bits set \(did you mean 10\.0\.0\.0\/8\?\)/],
    [['10.0.0.0/33'], /prefix: .*length must be a whole number from 0 to 32/],
    [['300.0.0.0/8'], /prefix: "300\.0\.0\.0" is not a valid IPv4 address/],
    [['banana'], /prefix: "banana" is not in CIDR form/],
    [['192.0.2.0/24'], /already in space "global"/],
    [['10.0.0.0/8', '--status', 'used'], /status: must be one of aggregate, allocated, assigned, reserved/],
    [['10.0.0.0/8', '--date', '2026-13-01'], /date: is not a real calendar day/],
    [['10.0.0.0/8', '--date', 'yesterday'], /date: must be a date as YYYY-MM-DD/],
    [['10.0.0.0/8', '--unit', '56'], /unit: only IPv6 pools have an assignment unit/],
    [['2001:db8:1::/48', '--unit', '40'], /unit: \/40 is shorter than the block itself/],
  ])('refuses %j with exit 1, naming the field, and changes nothing', (extra, message) => {
    const before = readFileSync(ws);
    const r = headroom(['prefix', 'add', ws, ...(extra as string[])]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stdout).toBe('');
    expect(readFileSync(ws).equals(before)).toBe(true);
  });

  it('refuses to remove a block that holds others', () => {
    const r = headroom(['prefix', 'rm', ws, '192.0.2.0/24']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/holds 1 block; remove it first/);
  });

  it('removes a leaf, and --within filters the list', () => {
    expect(headroom(['prefix', 'rm', ws, '192.0.2.0/25']).code).toBe(0);
    const r = headroom(['prefix', 'list', ws, '--within', '2001:db8::/32', '--json']);
    expect((JSON.parse(r.stdout) as { prefix: string }[]).map((x) => x.prefix)).toEqual(['2001:db8::/32', '2001:db8::/48']);
  });

  it('keeps private ranges apart per address space', () => {
    expect(headroom(['prefix', 'add', ws, '10.0.0.0/8', '--space', 'cust-a']).code).toBe(0);
    expect(headroom(['prefix', 'add', ws, '10.0.0.0/8', '--space', 'cust-b']).code).toBe(0);
    const r = headroom(['prefix', 'list', ws, '--space', 'cust-b', '--json']);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ prefix: '10.0.0.0/8', space: 'cust-b' })]);
  });
});

describe('headroom history / undo / redo', () => {
  it('lists changes newest first and undoes and redoes them', () => {
    const ws = fresh();
    headroom(['init', ws]);
    headroom(['prefix', 'add', ws, '192.0.2.0/24']);
    headroom(['prefix', 'add', ws, '198.51.100.0/24']);
    const h = JSON.parse(headroom(['history', ws, '--json']).stdout) as { summary: string; state: string }[];
    expect(h.map((e) => e.summary)).toEqual(['Add 198.51.100.0/24 (assigned) to global', 'Add 192.0.2.0/24 (assigned) to global']);
    expect(headroom(['undo', ws]).stdout).toMatch(/undone: Add 198\.51\.100\.0\/24/);
    expect(headroom(['prefix', 'list', ws]).stdout).not.toMatch(/198\.51\.100/);
    expect(headroom(['redo', ws]).stdout).toMatch(/redone: Add 198\.51\.100\.0\/24/);
    expect(headroom(['prefix', 'list', ws]).stdout).toMatch(/198\.51\.100/);
    expect(JSON.parse(headroom(['history', ws, '--limit', '1', '--json']).stdout)).toHaveLength(1);
  });

  it('treats loading the demo as part of creating it: recorded, not undoable', () => {
    const ws = fresh();
    headroom(['init', ws, '--demo']);
    const h = JSON.parse(headroom(['history', ws, '--json']).stdout) as { summary: string; state: string }[];
    expect(h).toEqual([expect.objectContaining({ summary: expect.stringMatching(/Load the demo ISP/), state: 'applied' })]);
    expect(headroom(['undo', ws]).code).toBe(1);
    expect(headroom(['prefix', 'list', ws]).stdout).toMatch(/198\.51\.100\.0\/24/);
  });

  it('says when there is nothing to undo (exit 1)', () => {
    const ws = fresh();
    headroom(['init', ws]);
    const r = headroom(['undo', ws]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing to undo/);
  });
});

describe('headroom check', () => {
  it('prints ok for a sound file', () => {
    const ws = fresh();
    headroom(['init', ws, '--demo']);
    expect(headroom(['check', ws])).toMatchObject({ code: 0, stdout: 'ok\n' });
  });

  it('exits 1 with a message for a damaged file and leaves it as it was', () => {
    const ws = fresh();
    headroom(['init', ws, '--demo']);
    const bytes = readFileSync(ws);
    const mid = Math.floor(bytes.length / 2);
    bytes[mid] = bytes[mid]! ^ 0x01;
    writeFileSync(ws, bytes);
    const r = headroom(['check', ws]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/damaged/);
    expect(readFileSync(ws).equals(bytes)).toBe(true);
  });
});

describe('usage errors', () => {
  it.each([[['frobnicate']], [['prefix', 'add']], [['info', 'a', 'b']], [['info', 'x.headroom', '--bogus']], [[]]])('%j exits 2', (args) => {
    const r = headroom(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});

describe('a locked workspace', () => {
  it('refuses a change from a second process while a writer holds it (exit 1)', async () => {
    const ws = fresh();
    headroom(['init', ws]);
    const { Workspace } = await import('../../../../electron/core/workspace/workspace');
    const writer = await Workspace.open(ws);
    try {
      const r = headroom(['prefix', 'add', ws, '192.0.2.0/24']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/locked by process \d+ .*the change was not made/);
      expect(headroom(['prefix', 'list', ws]).code).toBe(0);
    } finally {
      writer.close();
    }
  });
});
