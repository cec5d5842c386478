/**
 * `headroom fit` and `headroom limits` through the real CLI bundle (../shared/CLI.md): the
 * spec's test vectors through a CSV, the Result object key for key, every bad row reported as
 * `line N: field: problem` with exit 1, and a workspace's limits soonest first.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForecastLimits } from '../../../../shared/contract';
import { ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-fit-');
beforeAll(() => ensureBuilt(), 300_000);
afterAll(() => tmp.cleanup());

let n = 0;
function csv(rows: string[]): string {
  const path = tmp.path(`series-${++n}.csv`);
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

const weekly = (start: string, ys: number[]) =>
  ys.map((y, k) => `${new Date(Date.parse(`${start}T00:00:00Z`) + k * 7 * 86_400_000).toISOString().slice(0, 10)},${y}`);

const TV1 = ['date,value', ...weekly('2024-01-07', [412, 431, 445, 470, 478, 502, 519, 530, 551, 569])];
const TV9 = ['date,value', ...weekly('2024-01-07', [5000, 5104, 5199, 5301, 5398, 5502, 5597, 7745, 7851, 7948, 8052, 8149])];
const TV3 = ['date,value', ...weekly('2024-01-01', [41.0, 41.6, 42.5, 43.1, 44.2, 45.0, 46.1, 46.9, 48.2, 49.1, 50.3, 51.6])];

function fitJson(args: string[]): Record<string, unknown> {
  const r = headroom(['fit', ...args, '--json']);
  if (r.code !== 0) throw new Error(`fit exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('headroom fit', () => {
  it('gives TV1 (OLS) its date and interval: 2024-09-11 (2024-09-01 – 2024-09-22)', () => {
    const r = fitJson(['--csv', csv(TV1), '--capacity', '1024', '--method', 'linear']);
    expect(r).toMatchObject({ status: 'ok', model: 'linear', date: '2024-09-11', earliest: '2024-09-01', latest: '2024-09-22' });
  });

  it('prints exactly the Result object of forecast.md §0', () => {
    const r = fitJson(['--csv', csv(TV1), '--capacity', '1024']);
    expect(Object.keys(r).sort()).toEqual(['date', 'earliest', 'holdoutMae', 'latest', 'model', 'params', 'runoutByMonth', 'stale', 'status', 'warnings']);
  });

  it('adds stale and runoutByMonth (CLI.md "Forecast result, extended")', () => {
    const r = fitJson(['--csv', csv(TV1), '--capacity', '1024', '--method', 'linear']);
    expect(r.stale).toBe(false);
    const months = r.runoutByMonth as { month: string; p: number }[];
    expect(months.length).toBe(24);
    expect(months[0]).toEqual({ month: '2024-03', p: 0 });
    // The date is 2024-09-11, its interval 2024-09-01 – 2024-09-22: less than even odds by the
    // end of August, nearly sure by the end of September.
    expect(months.find((m) => m.month === '2024-08')!.p).toBeLessThan(0.5);
    expect(months.find((m) => m.month === '2024-09')!.p).toBeGreaterThan(0.9);
    const late = fitJson(['--csv', csv(TV1), '--capacity', '1024', '--method', 'linear', '--as-of', '2024-04-14']);
    expect(late.stale).toBe(true);
    expect((late.warnings as string[]).join(' ')).toMatch(/stale: the newest reading \(2024-03-10\)/);
  });

  it('says "may run out" with the earliest date when only the interval reaches the limit', () => {
    // Damped flattens towards ≈ 351; its band still reaches 400 within the horizon, 1000 never.
    const sat = ['date,value', ...weekly('2024-01-07', [100, 130, 155, 175, 190, 201, 209, 214, 217, 219, 220, 221])];
    const file = csv(sat);
    const args = ['--csv', file, '--capacity', '400', '--method', 'damped'];
    const j = headroom(['fit', ...args, '--json']);
    expect(j.code).toBe(0);
    const r = JSON.parse(j.stdout) as Record<string, unknown>;
    expect(r).toMatchObject({ status: 'mayRunOut', date: null, latest: null });
    expect(typeof r.earliest).toBe('string');
    const text = headroom(['fit', ...args]);
    expect(text.stdout).toMatch(new RegExp(`mayRunOut: may run out from ${String(r.earliest)}`));
    expect(fitJson(['--csv', file, '--capacity', '1000', '--method', 'damped'])).toMatchObject({ status: 'never', earliest: null });
  });

  it('warns about TV9’s one-off step and, with --one-off, fits without it: 2024-09-01 raw, 2025-10-20 treated', () => {
    const raw = fitJson(['--csv', csv(TV9), '--capacity', '16384', '--method', 'linear']);
    expect(raw).toMatchObject({ status: 'ok', date: '2024-09-01' });
    expect((raw.warnings as string[]).some((w) => w.includes('2024-02-25') && w.includes('consider treating it as a one-off'))).toBe(true);
    const treated = fitJson(['--csv', csv(TV9), '--capacity', '16384', '--method', 'linear', '--one-off']);
    // The early edge allows for another step like it, the late one for the error of its estimated
    // size (issue 12; docs/forecasts.md "One-off steps").
    expect(treated).toMatchObject({ status: 'ok', date: '2025-10-20', earliest: '2024-05-01', latest: '2025-10-27' });
    expect((treated.warnings as string[]).some((w) => w.includes('treated as one-off'))).toBe(true);
  });

  it('chooses TV3’s model by rolling-origin cross-validation, prints the runner-up and why it lost', () => {
    const r = fitJson(['--csv', csv(TV3), '--capacity', '80']);
    expect(r).toMatchObject({ status: 'ok' });
    expect(r.model).not.toBe('damped');
    const p = r.params as Record<string, unknown>;
    expect(String(p.runnerUpReason)).toContain(String(p.runnerUp));
    const text = headroom(['fit', '--csv', csv(TV3), '--capacity', '80']);
    expect(text.stdout).toMatch(/runner-up\s+\w+: /);
    expect(text.stdout).toMatch(/why not\s+\w+/);
  });

  it('uses drift when asked: TV1 drift crosses on 2024-09-09', () => {
    expect(fitJson(['--csv', csv(TV1), '--capacity', '1024', '--method', 'drift'])).toMatchObject({ model: 'drift', date: '2024-09-09' });
  });

  it('prints null for a date that does not exist', () => {
    const flat = ['date,value', ...weekly('2024-01-07', [500, 500, 500, 500, 500, 500])];
    expect(fitJson(['--csv', csv(flat), '--capacity', '1024'])).toMatchObject({ status: 'never', date: null, earliest: null, latest: null });
  });

  it('says insufficientData for too few points rather than drawing a line', () => {
    const short = ['date,value', ...weekly('2024-01-07', [1, 2, 3, 4, 5])];
    expect(fitJson(['--csv', csv(short), '--capacity', '10'])).toMatchObject({ status: 'insufficientData', date: null });
  });

  it('fits up to --as-of only', () => {
    const r = fitJson(['--csv', csv(TV1), '--capacity', '1024', '--method', 'linear', '--as-of', '2024-03-03']);
    expect((r.warnings as string[]).join(' ')).toMatch(/after the as-of date/);
  });

  it('prints a readable summary without --json', () => {
    const r = headroom(['fit', '--csv', csv(TV1), '--capacity', '1024', '--method', 'linear']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/runs out ≈ 2024-09-11/);
    expect(r.stdout).toMatch(/likely between\s+2024-09-01 – 2024-09-22/);
  });

  it('reports every bad row as line N: field: problem and exits 1', () => {
    const bad = csv(['date,value', '2024-01-07,412', '2024-13-01,431', '2024-01-21,abc', '2024-01-14,470', '2024-01-28,478']);
    const r = headroom(['fit', '--csv', bad, '--capacity', '1024', '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines).toContain('line 3: date: "2024-13-01" is not a date (YYYY-MM-DD)');
    expect(lines).toContain('line 4: value: "abc" is not a finite number');
    expect(lines).toContain('line 5: date: 2024-01-14 is before 2024-01-21 on line 4 (rows must be in date order)');
  });

  it('refuses negative usage and a repeated date, line by line, and exits 1 (issue 12 §10)', () => {
    const bad = csv(['date,value', '2024-01-07,412', '2024-01-14,-20', '2024-01-14,431', '2024-01-21,445']);
    const r = headroom(['fit', '--csv', bad, '--capacity', '1024', '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines).toContain('line 3: value: -20 is negative (usage cannot be below zero)');
    expect(lines).toContain('line 4: date: 2024-01-14 repeats the date on line 3 (one reading per date)');
  });

  it('refuses a negative capacity, naming it, with exit 1', () => {
    const r = headroom(['fit', '--csv', csv(TV1), '--capacity=-5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/capacity: must be a positive number/);
  });

  it('refuses an unknown method with exit 1 and a missing --capacity with exit 2', () => {
    expect(headroom(['fit', '--csv', csv(TV1), '--capacity', '10', '--method', 'magic'])).toMatchObject({ code: 1 });
    expect(headroom(['fit', '--csv', csv(TV1)]).code).toBe(2);
  });

  it('refuses a bad --as-of and a missing file with exit 1', () => {
    expect(headroom(['fit', '--csv', csv(TV1), '--capacity', '10', '--as-of', '2024-02-30']).stderr).toMatch(/asOf/);
    expect(headroom(['fit', '--csv', tmp.path('nope.csv'), '--capacity', '10']).code).toBe(1);
  });
});

describe('headroom limits', () => {
  const ws = tmp.path('demo.headroom');
  beforeAll(() => {
    expect(headroom(['init', ws, '--demo']).code).toBe(0);
  });

  it('--json lists every pool and facility limit, soonest first', () => {
    const r = headroom(['limits', ws, '--as-of', '2026-11-25', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ForecastLimits;
    expect(out.asOf).toBe('2026-11-25');
    const names = out.limits.map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(['198.51.100.0/24', '2001:db8:200::/44', 'UPS at max loading', 'Backup repository']));
    expect(out.limits[0]!.status).toBe('exceeded');
    const dated = out.limits.filter((l) => l.status === 'ok').map((l) => l.date!);
    expect(dated).toEqual([...dated].sort());
  });

  it('prints one aligned line per limit with its date', () => {
    const r = headroom(['limits', ws, '--as-of', '2026-11-25']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^date\s+status\s+limit/);
    // Assigned space only (docs/rir.md §1): the core /26 is full since 2024-04-02.
    expect(lines.find((l) => l.includes('198.51.100.0/26'))).toMatch(/2024-04-02\s+over capacity since 2024-04-02/);
    expect(lines.find((l) => l.includes('2001:db8:200::/44'))).toMatch(/^\d{4}-\d{2}-\d{2}\s+runs out ≈/);
  });

  it('exits 1 for a workspace that does not exist', () => {
    expect(headroom(['limits', tmp.path('missing.headroom')]).code).toBe(1);
  });
});
