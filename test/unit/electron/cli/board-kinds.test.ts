/**
 * The board carries every kind of limit (issue 12 §8): address pools, ASN blocks, UPS, battery,
 * generator, fuel, cooling, backup window, DHCP scopes and links, each in `headroom limits`
 * (JSON and text) and in the PDF report's board (read back by pdftotext). A link also shows its
 * order-by date (§9) in both. The Forecasts screen's rows are checked against the same JSON in
 * test/e2e/forecast.test.ts. Runs the real CLI bundle on the demo workspace.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForecastLimits, LimitForecast } from '../../../../shared/contract';
import { ensureBuilt, headroom } from '../../../support/cli';
import { BOARD_KINDS } from '../../../support/board-kinds';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-board-');
const ws = tmp.path('demo.headroom');
const AS_OF = '2026-12-01';
let board: LimitForecast[] = [];

beforeAll(() => {
  ensureBuilt();
  expect(headroom(['init', ws, '--demo']).code).toBe(0);
  const r = headroom(['limits', ws, '--as-of', AS_OF, '--json']);
  expect(r.code, r.stderr).toBe(0);
  board = (JSON.parse(r.stdout) as ForecastLimits).limits;
}, 300_000);
afterAll(() => tmp.cleanup());

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
/** Text as pdftotext gives a table: cells wrap, and a wrapped hyphen may vanish. */
const squash = (s: string) => s.replace(/[\s\u00ad‐-]/g, '');

describe('every kind of limit is on the board', () => {
  for (const kind of BOARD_KINDS) {
    it(`${kind.label}: in limits --json and on its own line of limits`, () => {
      const mine = board.filter(kind.is);
      expect(mine.length, kind.label).toBeGreaterThan(0);
      const text = headroom(['limits', ws, '--as-of', AS_OF]);
      expect(text.code).toBe(0);
      for (const l of mine) expect(text.stdout.split('\n').filter((line) => line.includes(l.name)).length, l.name).toBeGreaterThan(0);
    });
  }

  it('limits prints a link with its order-by date (the crossing minus its lead time)', () => {
    const link = board.find((l) => l.kind === 'link' && l.orderBy !== null)!;
    expect(link).toBeDefined();
    const text = headroom(['limits', ws, '--as-of', AS_OF]).stdout.split('\n');
    expect(text[0]).toMatch(/order by\s*$/);
    expect(text.find((line) => line.includes(link.name))).toMatch(new RegExp(`${link.orderBy}\\s*$`));
  });

  it.runIf(existsSync('/usr/bin/chromium') && has('pdftotext'))(
    'the PDF report carries the same board: a row for every kind, a link with its order-by date',
    () => {
      const out = tmp.path('report.pdf');
      const r = headroom(['export', ws, '--format', 'pdf', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const t = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' });
      expect(t.status, t.stderr).toBe(0);
      const text = squash(t.stdout);
      expect(text).toContain(squash('Limits, soonest first'));
      // The report is as of the workspace's today: its board's names are the same whatever the day.
      for (const kind of BOARD_KINDS) for (const l of board.filter(kind.is)) expect(text, `${kind.label}: ${l.name}`).toContain(squash(l.name));
      expect(text).toMatch(/orderby\d{4}\d{2}\d{2}/);
    },
    240_000,
  );
});
