/**
 * What a forecast's status says has one home, shared/forecast/status-text.ts (issue 12, the
 * status words): the CLI, the PDF report's board and the Forecasts screen call it. A phrase or a
 * probability formula written again elsewhere fails here; the phrases themselves are pinned below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chartNote,
  describeStatus,
  likelyBetween,
  likelyPhrase,
  percentText,
  STATUS_TEXT,
  statusHeadline,
  warningLevelText,
  within12Months,
} from '../../../../shared/forecast/status-text';
import type { ForecastStatus } from '../../../../shared/forecast';

const ROOT = join(__dirname, '..', '..', '..', '..');
const HOME = join('shared', 'forecast', 'status-text.ts');
const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
// Where forecasts are shown: the shared report and forecast code, the CLI and services, the screen.
const FORECAST_DIRS = ['shared/forecast', 'shared/report', 'electron/cli', 'electron/core/services', 'renderer/features/forecast'];
const matching = (re: RegExp) => FORECAST_DIRS.flatMap(sources).filter((f) => f !== HOME && re.test(readFileSync(join(ROOT, f), 'utf8')));

const months = (ps: number[]) => ps.map((p, i) => ({ month: `2027-${String(i + 1).padStart(2, '0')}`, p }));

describe('status words: one home', () => {
  it('no file but status-text.ts spells a status phrase', () => {
    expect(
      matching(
        /['`"](?:May run out from|may run out from|Not projected to run out|not projected to run out|Over since|over capacity since|runs out ≈|Runs out in more than 10 years)\b|`likely between \$/,
      ),
    ).toEqual([]);
  });
  it('no file but status-text.ts computes the 12-month probability from runoutByMonth[12]', () => {
    expect(matching(/runoutByMonth\[12\]/)).toEqual([]);
  });
  it('no file but status-text.ts writes a probability as ">99 %" / "<1 %"', () => {
    expect(matching(/'>99 %'/)).toEqual([]);
  });
});

describe('the phrases', () => {
  const ok = { status: 'ok' as ForecastStatus, date: '2027-10-04', earliest: '2027-08-01', latest: '2027-12-24' };
  it('say each status in words', () => {
    expect(describeStatus(ok)).toBe('runs out ≈ 2027-10-04');
    expect(statusHeadline(ok)).toBe('≈ 2027-10-04');
    expect(describeStatus({ status: 'mayRunOut', date: null, earliest: '2028-01-02' })).toBe('may run out from 2028-01-02');
    expect(statusHeadline({ status: 'exceeded', date: '2024-04-02', earliest: null })).toBe('Over since 2024-04-02');
    expect(STATUS_TEXT.never).toBe('Not projected to run out');
  });
  it('give the interval as a phrase, with "no later bound" when the lower band never reaches the limit', () => {
    expect(likelyBetween(ok)).toBe('2027-08-01 – 2027-12-24');
    expect(likelyPhrase(ok)).toBe('likely between 2027-08-01 – 2027-12-24');
    expect(likelyPhrase({ ...ok, latest: null })).toBe('likely from 2027-08-01 on (no later bound within 10 years)');
    expect(likelyPhrase({ status: 'never', earliest: null, latest: null })).toBe('');
  });
  it('note on a chart what it shows instead of a crossing marker', () => {
    expect(chartNote(ok)).toBeNull();
    expect(chartNote({ status: 'mayRunOut', date: null, earliest: '2028-01-02' })).toBe(
      'May run out from 2028-01-02: the line stays below, the interval reaches the limit',
    );
    expect(chartNote({ status: 'exceeded', date: '2024-04-02', earliest: null })).toBe('Over since 2024-04-02');
    expect(chartNote({ status: 'never', date: null, earliest: null })).toBe('Not projected to run out');
    expect(chartNote({ status: 'beyondHorizon', date: null, earliest: null })).toBe('Runs out in more than 10 years');
    expect(chartNote({ status: 'insufficientData', date: null, earliest: null })).toBe('Need ≥ 6 points over ≥ 4 weeks: no line drawn');
  });
  it('take the 12-month probability from the 13th month (the as-of month is the first), 1 when over', () => {
    const r = months([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99]);
    expect(within12Months({ status: 'ok', runoutByMonth: r })).toBe(0.97);
    expect(within12Months({ status: 'exceeded', runoutByMonth: [] })).toBe(1);
    expect(within12Months({ status: 'insufficientData', runoutByMonth: [] })).toBeNull();
  });
  it('say when the warning level is reached', () => {
    expect(warningLevelText(ok)).toBe('≈ 2027-10-04');
    expect(warningLevelText({ status: 'exceeded', date: '2026-01-10', earliest: null })).toBe('since 2026-01-10');
    expect(warningLevelText({ status: 'never', date: null, earliest: null })).toBe('Not projected to run out');
  });
  it('write a probability in whole percent, never 0 % or 100 % for what is only nearly so', () => {
    expect([0, 0.001, 0.2349, 0.994, 0.996, 1].map(percentText)).toEqual(['0 %', '<1 %', '23 %', '99 %', '>99 %', '>99 %']);
  });
});
