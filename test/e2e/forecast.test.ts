/**
 * The Forecasts screen in Debian Chromium through the web bridge, on the demo workspace: every
 * limit in one list, soonest first, as `headroom limits` gives it; a limit's chart with the
 * limit line and the crossing marker at the computed date; model, scenario and as-of changes
 * redraw it; keyboard use. Screenshots of each view go to test-results/screens/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ForecastLimits } from '../../shared/contract';
import { MODEL_LABEL } from '../../renderer/features/forecast/format';
import { BOARD_KINDS } from '../support/board-kinds';
import { useApp, fontsSettled, headroom, openSession, ROOT, type Session, shotsDir } from './support/app';
import { walkTabPastCharts } from './support/tab-walk';

const SCREENS = join(ROOT, 'test-results', 'screens');
const BNG2 = '2001:db8:200::/44';

const app = useApp();
let s: Session | undefined;

beforeAll(() => {
  mkdirSync(SCREENS, { recursive: true });
}, 300_000);

type Page = Session['page'];

async function shoot(page: Page, name: string): Promise<void> {
  await fontsSettled(page);
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    return main.scrollHeight + main.getBoundingClientRect().top;
  });
  await page.setViewportSize({ width: size.width, height: Math.min(3200, Math.max(size.height, Math.ceil(height))) });
  await page.screenshot({ path: join(SCREENS, `forecast-${name}.png`), animations: 'disabled', caret: 'hide' });
  // The selected limit's panel on its own, chart included, whatever the window scrolls.
  const panel = page.locator('.fc-panel');
  if ((await panel.count()) > 0) await panel.screenshot({ path: join(SCREENS, `forecast-${name}-panel.png`), animations: 'disabled', caret: 'hide' });
  await page.setViewportSize(size);
}

async function openForecasts(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  s = await openSession(app, options);
  await s.page.goto(`${s.bridge.url}#/forecasts`);
  await s.page.locator('tr[data-limit]').first().waitFor({ state: 'visible' });
  return s.page;
}

function cliLimits(ws: string, asOf: string): ForecastLimits {
  const r = headroom(['limits', ws, '--as-of', asOf, '--json']);
  if (r.code !== 0) throw new Error(`limits failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as ForecastLimits;
}

async function asOfOnScreen(page: Page): Promise<string> {
  return page.getByLabel('As of').inputValue();
}

async function pick(page: Page, name: string): Promise<void> {
  await page.locator('tr[data-limit]', { hasText: name }).first().click();
  await expect.poll(() => page.locator('#fc-panel-title').textContent()).toContain(name);
  await page.locator('.fc-chart .recharts-surface').first().waitFor({ state: 'visible' });
}

/** Where the chart puts a day on its x axis: the limit line spans the plot area's width. */
async function chartGeometry(page: Page) {
  const fig = page.locator('figure.fc-chart');
  const [xMin, xMax] = (await fig.getAttribute('data-x-domain'))!.split(',').map(Number) as [number, number];
  const line = fig.locator('.fc-limit-line line').first();
  const x1 = Number(await line.getAttribute('x1'));
  const x2 = Number(await line.getAttribute('x2'));
  const y = Number(await line.getAttribute('y1'));
  const xOf = (date: string) => x1 + ((Date.parse(`${date}T00:00:00Z`) / 86_400_000 - xMin) / (xMax - xMin)) * (x2 - x1);
  return { xOf, limitY: y, fig };
}

describe('the list of limits', () => {
  it('shows every limit soonest first, in the order and with the dates `headroom limits` gives', async () => {
    const page = await openForecasts();
    expect(await page.locator('main h1').textContent()).toBe('Forecasts');
    const asOf = await asOfOnScreen(page);
    const cli = cliLimits(s!.ws, asOf);
    const ids = await page.locator('tr[data-limit]').evaluateAll((els) => els.map((e) => e.getAttribute('data-limit')));
    expect(ids).toEqual(cli.limits.map((l) => l.id));
    // Every kind of limit (issue 12 §8) has its row: pools, ASN blocks, each facility limit, DHCP scopes, links.
    for (const kind of BOARD_KINDS) expect(cli.limits.filter(kind.is).length, kind.label).toBeGreaterThan(0);
    const link = cli.limits.find((l) => l.kind === 'link' && l.orderBy !== null)!;
    expect(await page.locator(`tr[data-limit="${link.id}"] .fc-orderby`).textContent()).toBe(`order by ${link.orderBy}`);
    const bng2 = cli.limits.find((l) => l.name === BNG2)!;
    const row = page.locator('tr[data-limit]', { hasText: BNG2 });
    if (bng2.status === 'ok') {
      expect(await row.textContent()).toContain(`≈ ${bng2.date}`);
      expect(await row.textContent()).toContain(`${bng2.earliest}`);
    }
    // Each row names its model with its holdout error, and the runner-up model with its date.
    for (const l of cli.limits) {
      const cells = page.locator(`tr[data-limit="${l.id}"] td`);
      // Columns: runs out, limit, used, likely between, ≤ 12 months, model, runner-up.
      const model = (await cells.nth(5).textContent()) ?? '';
      const runner = (await cells.nth(6).textContent()) ?? '';
      if (l.model) expect(model).toContain(MODEL_LABEL[l.model]!);
      if (l.holdoutMae !== null) expect(model).toContain('MAE');
      if (l.runnerUp) {
        expect(runner).toContain(MODEL_LABEL[l.runnerUp.model] ?? l.runnerUp.model);
        if (l.runnerUp.date) expect(runner).toContain(l.runnerUp.date);
      } else expect(runner.trim()).toBe('—');
    }
    expect(cli.limits.some((l) => l.holdoutMae !== null && l.runnerUp !== null)).toBe(true);
    await shoot(page, 'list');
  });
});

describe('a limit’s chart', () => {
  it('draws the limit line and the crossing marker at the computed date', async () => {
    const page = await openForecasts();
    const asOf = await asOfOnScreen(page);
    const bng2 = cliLimits(s!.ws, asOf).limits.find((l) => l.name === BNG2)!;
    expect(bng2.status).toBe('ok');
    await pick(page, BNG2);
    const { xOf, limitY, fig } = await chartGeometry(page);
    expect(await fig.getAttribute('data-crossing')).toBe(bng2.date);
    // recharts draws the labels in their own layer: find them in the chart's text.
    const text = await fig.locator('svg.recharts-surface').textContent();
    expect(text).toContain('Capacity 4,096 /56');
    expect(text).toContain('Warning 80 %');
    expect(await fig.locator('.fc-warning-line').count()).toBe(1);
    const dot = fig.locator('.fc-crossing circle');
    expect(Math.abs(Number(await dot.getAttribute('cx')) - xOf(bng2.date!))).toBeLessThan(1.5);
    expect(Math.abs(Number(await dot.getAttribute('cy')) - limitY)).toBeLessThan(1.5);
    expect(text).toContain(`Full ≈ ${bng2.date}`);
    // History solid, projection dashed, the interval as a band.
    expect(await fig.locator('.fc-projection path').first().getAttribute('stroke-dasharray')).toBe('6 4');
    expect(await fig.locator('.recharts-area-area').count()).toBeGreaterThan(0);
    await shoot(page, 'chart');
  });

  it('moves the date earlier as a scenario is typed, and back when it is removed', async () => {
    const page = await openForecasts();
    await pick(page, BNG2);
    const fig = page.locator('figure.fc-chart');
    const before = (await fig.getAttribute('data-crossing'))!;
    await page.getByLabel('Planned demand').fill('+40 /52 a month from 2026-12');
    await expect.poll(() => fig.getAttribute('data-crossing')).not.toBe(before);
    const after = (await fig.getAttribute('data-crossing'))!;
    expect(after < before).toBe(true);
    await page.getByLabel('Planned demand').press('Enter');
    await expect.poll(() => page.getByRole('list', { name: 'Scenarios' }).textContent()).toContain('+40 /52 a month from 2026-12');
    expect(await page.locator('.fc-facts').textContent()).toContain(`Without the scenarios${before}`);
    await shoot(page, 'scenario');
    await page.getByRole('button', { name: /Remove scenario/ }).click();
    await expect.poll(() => fig.getAttribute('data-crossing')).toBe(before);
  });

  it('refuses a scenario it cannot read, at the field', async () => {
    const page = await openForecasts();
    await pick(page, BNG2);
    await page.getByLabel('Planned demand').fill('+40 /56 a month from 2026-14');
    await expect.poll(() => page.locator('.fc-scenario-form .field-error').textContent()).toContain('is not a date');
    expect(await page.getByRole('button', { name: 'Add scenario' }).isDisabled()).toBe(true);
  });

  it('switches the model and redraws', async () => {
    const page = await openForecasts();
    await pick(page, BNG2);
    await page.getByLabel('Model').selectOption('linear');
    await expect.poll(() => page.locator('.fc-facts').textContent()).toContain('Linear (OLS)');
    await page.getByLabel('Model').selectOption('drift');
    await expect.poll(() => page.locator('.fc-facts').textContent()).toContain('Drift');
    expect(await page.locator('.fc-crossing').count()).toBe(1);
  });

  it('offers to treat a flagged one-off step as a one-off, and redraws without it', async () => {
    const page = await openForecasts();
    const pool = '198.51.100.64/26';
    const limit = cliLimits(s!.ws, await asOfOnScreen(page)).limits.find((l) => l.name === pool)!;
    const step = limit.warnings.find((w) => w.startsWith('one-off step'))!;
    expect(step).toBeTruthy();
    const day = /on (\d{4}-\d{2}-\d{2})/.exec(step)![1]!;
    await pick(page, pool);
    const fig = page.locator('figure.fc-chart');
    const before = `${await fig.getAttribute('data-crossing')} ${await page.getByTestId('fc-headline').textContent()}`;
    const toggle = page.getByLabel(new RegExp(`Treat the one-off step on ${day} as a one-off`));
    await toggle.check();
    await expect.poll(() => page.locator('.fc-warnings').textContent()).toContain('treated as one-off');
    await expect.poll(async () => `${await fig.getAttribute('data-crossing')} ${await page.getByTestId('fc-headline').textContent()}`).not.toBe(before);
    await shoot(page, 'one-off');
    await toggle.uncheck();
    await expect.poll(async () => `${await fig.getAttribute('data-crossing')} ${await page.getByTestId('fc-headline').textContent()}`).toBe(before);
  });

  it('recomputes every limit at another as-of date', async () => {
    const page = await openForecasts();
    await page.getByLabel('As of').fill('2026-06-30');
    const cli = cliLimits(s!.ws, '2026-06-30');
    await expect
      .poll(() => page.locator('tr[data-limit]').evaluateAll((els) => els.map((e) => e.getAttribute('data-limit'))))
      .toEqual(cli.limits.map((l) => l.id));
    await pick(page, BNG2);
    const bng2 = cli.limits.find((l) => l.name === BNG2)!;
    await expect.poll(() => page.locator('figure.fc-chart').getAttribute('data-crossing')).toBe(bng2.status === 'ok' ? bng2.date : '');
    await shoot(page, 'as-of');
  });

  it('says what a limit that is over shows instead of a marker', async () => {
    const page = await openForecasts();
    // The core /26 is fully assigned; the /24 holds pools, which are not usage (docs/rir.md §1).
    await pick(page, '198.51.100.0/26');
    expect(await page.locator('.fc-chart-note').textContent()).toBe('Over since 2024-04-02');
    expect(await page.locator('.fc-crossing').count()).toBe(0);
  });
});

describe('keyboard', () => {
  it('walks the list with the arrow keys and reaches the model, scenario and as-of controls with Tab', async () => {
    const page = await openForecasts();
    const table = page.getByRole('table', { name: 'Limits, soonest first' });
    await table.focus();
    await page.keyboard.press('Home');
    const first = await page.locator('tr[data-limit]').first().getAttribute('data-limit');
    await expect.poll(() => page.locator('tr.selected').getAttribute('data-limit')).toBe(first);
    await page.keyboard.press('ArrowDown');
    const second = await page.locator('tr[data-limit]').nth(1).getAttribute('data-limit');
    await expect.poll(() => page.locator('tr.selected').getAttribute('data-limit')).toBe(second);
    // The panel of the newly selected limit, with its controls, follows the list.
    await page.getByLabel('Model').waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('placeholder'))).toContain('a month from');
  });

  it('Tab never stops inside a chart: from the control before it straight to the control after it', async () => {
    const page = await openForecasts();
    await pick(page, BNG2);
    const walk = await walkTabPastCharts(page, page.getByRole('table', { name: 'Limits, soonest first' }), 40);
    expect(walk.backwards, walk.steps.join(' → ')).toBeNull();
    expect(walk.charts.map((c) => c.chart)).toEqual([`${BNG2}: history and projection`]);
    for (const c of walk.charts) {
      // Reached the control before it, then at most the chart's own frame, then the control after.
      expect(c.path, `${c.chart}: ${c.before} never reached; walk: ${walk.steps.join(' → ')}`).not.toBeNull();
      expect(c.between, `${c.chart}: ${c.after} not reached; path: ${c.path?.join(' → ')}`).not.toBeNull();
      expect(
        c.between!.filter((x) => !x.startsWith('frame: ')),
        `${c.chart}: ${c.path!.join(' → ')}`,
      ).toEqual([]);
      expect(new Set(c.between).size, 'a frame is one stop').toBe(c.between!.length);
    }
    expect(s!.browser.problems).toEqual([]);
  }, 240_000);

  it('looks right in the dark theme', async () => {
    const page = await openForecasts({ colorScheme: 'dark' });
    await pick(page, BNG2);
    await shoot(page, 'dark');
  });
});

describe('run-out probabilities, staleness and the board (issue 12 §5–§8)', () => {
  const COOLING = 'Cooling with the worst unit failed';
  const SHOTS = shotsDir('forecast');

  it('draws the probability strip under the chart, month by month as runoutByMonth gives it', async () => {
    const page = await openForecasts();
    const asOf = await asOfOnScreen(page);
    await pick(page, COOLING);
    const cli = cliLimits(s!.ws, asOf).limits.find((l) => l.name === COOLING)!;
    const cells = page.locator('.fc-strip .fc-strip-cell');
    expect(await cells.count()).toBe(24);
    const shown = await cells.evaluateAll((els) => els.map((e) => ({ month: e.getAttribute('data-month'), p: Number(e.getAttribute('data-p')) })));
    expect(shown).toEqual(cli.runoutByMonth);
    // The board's "within 12 months" is the strip's 13th month (the as-of month is the first).
    const row = page.locator('tr[data-limit]', { hasText: COOLING }).first();
    expect(await row.locator('.fc-p12').textContent()).toMatch(/%|—/);
  });

  it('marks a limit whose newest reading is old as stale, on the board and on the chart', async () => {
    const page = await openForecasts();
    const asOf = await asOfOnScreen(page);
    const later = new Date(Date.parse(`${asOf}T00:00:00Z`) + 120 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('As of').fill(later);
    const row = page.locator('tr[data-limit]', { hasText: COOLING }).first();
    // Every limit is fitted again at the new as-of: wait for the board to settle.
    await expect.poll(() => page.locator('figure.fc-chart').count()).toBe(1);
    await expect.poll(() => row.locator('.fc-stale').count(), { timeout: 30_000 }).toBe(1);
    await pick(page, COOLING);
    await expect.poll(() => page.locator('figure.fc-chart').getAttribute('data-stale')).toBe('true');
    expect(await page.locator('.fc-stale-note').textContent()).toMatch(/newest reading \d{4}-\d{2}-\d{2}/);
    expect(cliLimits(s!.ws, later).limits.find((l) => l.name === COOLING)!.stale).toBe(true);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`screenshots of the board and a chart with its strip, ${scheme}, at 1440×900 and 1024×700`, async () => {
      mkdirSync(SHOTS, { recursive: true });
      const page = await openForecasts({ colorScheme: scheme });
      await pick(page, COOLING);
      for (const [w, h] of [
        [1440, 900],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        // The board from its top (soonest first), whatever row the selection scrolled to.
        await page.evaluate(() => {
          document.querySelector('main')!.scrollTo(0, 0);
          document.querySelector('.fc-list')!.scrollTo(0, 0);
        });
        await fontsSettled(page);
        await page.screenshot({ path: join(SHOTS, `board-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
        // The panel whole, chart and strip included: a window as tall as the page for this shot.
        const height = await page.evaluate(() => {
          const main = document.querySelector('main')!;
          return Math.ceil(main.scrollHeight + main.getBoundingClientRect().top);
        });
        await page.setViewportSize({ width: w, height: Math.max(h, height) });
        await page.locator('.fc-panel').screenshot({ path: join(SHOTS, `chart-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
      }
    });
  }
});
