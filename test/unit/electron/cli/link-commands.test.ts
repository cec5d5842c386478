/**
 * The link commands of CLI.md ("Links") through the real built CLI on real temp workspaces:
 * add, list (with the crossing and its order-by date), reading, import (a bad row imports
 * nothing and is reported as `line N: field: problem`), rm and undo, the lead time setting and
 * a link's own; each link is a limit of `limits --json`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-link-cli-');
beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => tmp.cleanup());
let n = 0;
const fresh = () => {
  const ws = tmp.path(`ln-${++n}.headroom`);
  expect(headroom(['init', ws]).code).toBe(0);
  return ws;
};
const ok = (args: string[]) => {
  const r = headroom(args);
  if (r.code !== 0) throw new Error(`headroom ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r;
};
const json = (args: string[]) => JSON.parse(ok([...args, '--json']).stdout) as unknown;
const state = (ws: string) => ({
  bytes: readFileSync(ws).toString('base64'),
  journal: existsSync(`${ws}.journal`) ? readFileSync(`${ws}.journal`).toString('base64') : null,
});

const AS_OF = '2026-12-01';
const dayMs = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / dayMs;
const iso = (d: number) => new Date(d * dayMs).toISOString().slice(0, 10);

/** 40 weekly p95 readings ending 2026-11-29: 4 Gbit/s rising 50 Mbit/s a week, with a little noise. */
function weeklyCsv(): string {
  const end = day('2026-11-29');
  const rows = ['date,value'];
  for (let k = 0; k < 40; k++) rows.push(`${iso(end - 7 * (39 - k))},${4e9 + 50e6 * k + ((k * 37) % 7) * 5e6}`);
  return `${rows.join('\n')}\n`;
}

interface LinkJson {
  name: string;
  capacityBps: number;
  limitBps: number;
  leadDays: number;
  ownLeadDays: number | null;
  readings: number;
  status: string | null;
  date: string | null;
  orderBy: string | null;
}

describe('link add|list|reading|import|rm', () => {
  it('adds a link, imports its readings and orders the upgrade 90 days before the crossing', () => {
    const ws = fresh();
    expect(ok(['link', 'add', ws, 'Transit A', '--capacity-bps', '10e9', '--commit-bps', '2e9', '--description', 'IX port']).stdout.trim()).toBe(
      'Transit A: limit 8 Gbit/s (80 % of 10 Gbit/s)',
    );
    const csv = tmp.path('weekly.csv');
    writeFileSync(csv, weeklyCsv());
    expect(ok(['link', 'import', ws, 'Transit A', csv]).stdout.trim()).toBe('imported 40 readings');
    const [l] = json(['link', 'list', ws, '--as-of', AS_OF]) as LinkJson[];
    expect(l).toMatchObject({ name: 'Transit A', capacityBps: 10e9, limitBps: 8e9, leadDays: 90, ownLeadDays: null, readings: 40, status: 'ok' });
    // 4 + 0.05 k Gbit/s reaches 8 at k ≈ 80: about 40 weeks after the last reading.
    expect(day(l!.date!) - day('2026-11-29')).toBeGreaterThan(200);
    expect(day(l!.date!) - day('2026-11-29')).toBeLessThan(360);
    expect(l!.orderBy).toBe(iso(day(l!.date!) - 90));
    // The same link on the board, with the same order-by date.
    const board = json(['limits', ws, '--as-of', AS_OF]) as { limits: { kind: string; name: string; orderBy: string | null; leadDays: number | null }[] };
    const onBoard = board.limits.find((x) => x.kind === 'link');
    expect(onBoard).toMatchObject({ name: 'Transit A', orderBy: l!.orderBy, leadDays: 90 });
    expect(ok(['link', 'list', ws, '--as-of', AS_OF]).stdout).toMatch(
      new RegExp(`Transit A\\s+8 Gbit/s \\(80 % of 10 Gbit/s\\)\\s+2 Gbit/s\\s+.*runs out ≈ ${l!.date}\\s+${l!.orderBy}\\s+90 d`),
    );
  });

  it('moves the order-by date with the lead time: the workspace setting and the link own', () => {
    const ws = fresh();
    ok(['link', 'add', ws, 'Sat', '--capacity-bps', '10e9']);
    const csv = tmp.path('weekly2.csv');
    writeFileSync(csv, weeklyCsv());
    ok(['link', 'import', ws, 'Sat', csv]);
    const first = (json(['link', 'list', ws, '--as-of', AS_OF]) as LinkJson[])[0]!;
    expect(ok(['link', 'lead-time', ws, '120']).stdout.trim()).toBe('120 days');
    const second = (json(['link', 'list', ws, '--as-of', AS_OF]) as LinkJson[])[0]!;
    expect(second.date).toBe(first.date);
    expect(second.orderBy).toBe(iso(day(first.date!) - 120));
    ok(['link', 'set', ws, 'Sat', '--lead-days', '30']);
    const third = (json(['link', 'list', ws, '--as-of', AS_OF]) as LinkJson[])[0]!;
    expect(third).toMatchObject({ leadDays: 30, ownLeadDays: 30, orderBy: iso(day(first.date!) - 30) });
    ok(['link', 'set', ws, 'Sat', '--lead-days', 'default']);
    expect((json(['link', 'list', ws, '--as-of', AS_OF]) as LinkJson[])[0]).toMatchObject({ leadDays: 120, ownLeadDays: null });
  });

  it('records single readings, replaces a reading of the same date, removes and undoes a link', () => {
    const ws = fresh();
    ok(['link', 'add', ws, 'Upstream B', '--capacity-bps', '1e9', '--threshold-frac', '0.7']);
    ok(['link', 'reading', ws, 'Upstream B', '--date', '2026-10-01', '--p95-bps', '3e8']);
    ok(['link', 'reading', ws, 'Upstream B', '--date', '2026-11-01', '--p95-bps', '3.5e8']);
    ok(['link', 'reading', ws, 'Upstream B', '--date', '2026-11-01', '--p95-bps', '3.6e8']);
    const [l] = json(['link', 'list', ws]) as (LinkJson & { last: unknown })[];
    expect(l).toMatchObject({ limitBps: 7e8, readings: 2, last: { date: '2026-11-01', p95Bps: 3.6e8 } });
    ok(['link', 'rm', ws, 'Upstream B']);
    expect(json(['link', 'list', ws])).toEqual([]);
    ok(['undo', ws]);
    expect((json(['link', 'list', ws]) as LinkJson[])[0]).toMatchObject({ name: 'Upstream B', readings: 2 });
  });

  it('imports nothing from a file with a bad row, naming each by line and field', () => {
    const ws = fresh();
    ok(['link', 'add', ws, 'Transit A', '--capacity-bps', '10e9']);
    const before = state(ws);
    const bad = tmp.path('bad.csv');
    writeFileSync(bad, 'date,value\n2026-01-01,1e9\n2026-01-08,-3\n2026-02-30,1e9\n');
    const r = headroom(['link', 'import', ws, 'Transit A', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 3: value: -3 is negative (traffic cannot be below zero)');
    expect(r.stderr).toContain('line 4: date: "2026-02-30" is not a date (YYYY-MM-DD)');
    expect(r.stderr).toMatch(/2 bad rows in .*bad\.csv: nothing imported/);
    expect(state(ws)).toEqual(before);
  });

  it('refuses bad links by field, with the workspace unchanged', () => {
    const ws = fresh();
    ok(['link', 'add', ws, 'Transit A', '--capacity-bps', '10e9']);
    const before = state(ws);
    const cases: [string[], RegExp][] = [
      [['link', 'add', ws, 'Transit A', '--capacity-bps', '1e9'], /name: a link named "Transit A" already exists/],
      [['link', 'add', ws, 'X', '--capacity-bps', '0'], /capacityBps: must be more than 0 bit\/s/],
      [['link', 'add', ws, 'X', '--capacity-bps', 'ten'], /capacity-bps: "ten" is not a number/],
      [['link', 'add', ws, 'X', '--capacity-bps', '1e9', '--threshold-frac', '80'], /thresholdFrac: must be a fraction above 0 and at most 1/],
      [
        ['link', 'add', ws, 'X', '--capacity-bps', '1e9', '--commit-bps', '2e9'],
        /commitBps: the commit \(2 Gbit\/s\) cannot be above the capacity \(1 Gbit\/s\)/,
      ],
      [['link', 'reading', ws, 'Nope', '--date', '2026-01-01', '--p95-bps', '1'], /name: there is no link named "Nope"/],
      [['link', 'reading', ws, 'Transit A', '--date', '2026-01-32', '--p95-bps', '1'], /date: is not a real calendar day/],
    ];
    for (const [args, msg] of cases) {
      const r = headroom(args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(msg);
    }
    expect(headroom(['link', 'add', ws, 'X']).code).toBe(2);
    expect(state(ws)).toEqual(before);
  });
});

describe('the demo workspace', () => {
  it('has a transit link with a year of readings and an order-by date on the board', () => {
    const ws = tmp.path('demo.headroom');
    ok(['init', ws, '--demo']);
    const links = json(['link', 'list', ws]) as { name: string; orderBy: string | null }[];
    expect(links.map((l) => l.name)).toEqual(['Satellite backup', 'Transit A']);
    const transit = (json(['limits', ws, '--as-of', AS_OF]) as { limits: { kind: string; name: string; orderBy: string | null }[] }).limits.find(
      (l) => l.name === 'Transit A',
    );
    expect(transit).toMatchObject({ kind: 'link' });
    expect(transit!.orderBy).toMatch(/^2027-\d\d-\d\d$/);
  });
});
