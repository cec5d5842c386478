/**
 * Links on the Forecasts screen (issue 12 §9) in Debian Chromium through the web bridge: add a
 * link, import its readings from a CSV (a bad file imports nothing and names its rows), see it
 * on the board and its chart with the order-by date `headroom link list` gives, change its lead
 * time, remove it. Screenshots of the links section and a link chart, light and dark, at
 * 1440×900 and 1024×700, go to $HEADROOM_SHOTS/links (default test-results/screens/links).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp, fontsSettled, headroom, openSession, sentBodies, type Session, shotsDir } from './support/app';

const SHOTS = shotsDir('links');

const app = useApp();
let s: Session | undefined;

type Page = Session['page'];
const dayMs = 86_400_000;
const iso = (d: number) => new Date(d * dayMs).toISOString().slice(0, 10);

/** 40 weekly readings ending two days before today: 4 Gbit/s rising 50 Mbit/s a week. */
function weeklyCsv(): string {
  const end = Math.floor(Date.now() / dayMs) - 2;
  const rows = ['date,value'];
  for (let k = 0; k < 40; k++) rows.push(`${iso(end - 7 * (39 - k))},${4e9 + 50e6 * k + ((k * 37) % 7) * 5e6}`);
  return `${rows.join('\n')}\n`;
}

interface LinkJson {
  name: string;
  readings: number;
  date: string | null;
  orderBy: string | null;
  leadDays: number;
}

function cliLinks(ws: string, asOf: string): LinkJson[] {
  const r = headroom(['link', 'list', ws, '--as-of', asOf, '--json']);
  if (r.code !== 0) throw new Error(`link list failed (${r.code}): ${r.stderr}`);
  // The demo's own links (Transit A, Satellite backup) are not the test's.
  return (JSON.parse(r.stdout) as LinkJson[]).filter((l) => l.name === 'IX port');
}

/** The test link's row on the board (the demo's links come first, so its id is not known). */
const boardRow = (page: Page) => page.locator('tr[data-limit^="link:"]', { hasText: 'IX port' });

async function openForecasts(colorScheme?: 'light' | 'dark'): Promise<Page> {
  s = await openSession(app, colorScheme ? { colorScheme } : {});
  await s.page.goto(`${s.bridge.url}#/forecasts`);
  await s.page.locator('tr[data-limit]').first().waitFor({ state: 'visible' });
  await s.page.locator('section.ln-section:not([aria-busy="true"])').waitFor({ state: 'visible' });
  return s.page;
}

async function addLinkWithReadings(page: Page, dir: string): Promise<void> {
  await page.getByRole('button', { name: 'Add link' }).click();
  const form = page.getByRole('form', { name: 'Add a link' });
  await form.getByLabel('Name').fill('IX port');
  await form.getByLabel('Capacity').fill('10G');
  await form.getByLabel('Commit').fill('2G');
  await form.getByLabel('Description').fill('IX port, 95th percentile billed');
  await form.getByRole('button', { name: 'Add link' }).click();
  const row = page.locator('tr[data-link="IX port"]');
  await row.waitFor({ state: 'visible' });
  expect(await row.textContent()).toContain('8 Gbit/s');
  expect(await row.textContent()).toContain('80 % of 10 Gbit/s');
  await row.click();
  const csv = join(dir, 'ix-port.csv');
  writeFileSync(csv, weeklyCsv());
  await page.getByLabel('Import readings').setInputFiles(csv);
  await expect.poll(() => page.locator('.ln-readings [role="status"]').textContent(), { timeout: 30_000 }).toContain('40 readings imported');
  await boardRow(page).waitFor({ state: 'visible' });
}

describe('links on the Forecasts screen', () => {
  it('adds a link, imports its readings, and shows it on the board and its chart with the order-by date of the CLI', async () => {
    const page = await openForecasts();
    await addLinkWithReadings(page, s!.home);
    const asOf = await page.getByLabel('As of').inputValue();
    const [cli] = cliLinks(s!.ws, asOf);
    expect(cli).toMatchObject({ name: 'IX port', readings: 40, leadDays: 90 });
    expect(cli!.orderBy).toBe(iso(Date.parse(`${cli!.date}T00:00:00Z`) / dayMs - 90));
    // The board's row carries it; the links table too.
    expect(await boardRow(page).locator('.fc-orderby').textContent()).toBe(`order by ${cli!.orderBy}`);
    expect(await page.locator('tr[data-link="IX port"] .ln-orderby').textContent()).toContain(cli!.orderBy!);
    // Its chart: the order-by line at the date, the limit line called a limit.
    await page.locator('tr[data-link="IX port"]').getByRole('button', { name: 'Chart' }).click();
    await expect.poll(() => page.locator('#fc-panel-title').textContent(), { timeout: 30_000 }).toContain('IX port');
    const fig = page.locator('figure.fc-chart');
    await expect.poll(() => fig.getAttribute('data-order-by'), { timeout: 30_000 }).toBe(cli!.orderBy);
    expect(await fig.getAttribute('data-crossing')).toBe(cli!.date);
    await fig.locator('.fc-orderby-line').first().waitFor({ state: 'attached' });
    expect(await fig.textContent()).toContain(`Order by ${cli!.orderBy}`);
    expect(await fig.textContent()).toContain('Limit 8 Gbit/s');
    expect(await page.getByTestId('fc-orderby').textContent()).toBe(cli!.orderBy);
  });

  it('imports nothing from a bad file and names its rows; a lead time of its own moves the order-by date; a refused field; remove', async () => {
    const page = await openForecasts();
    await addLinkWithReadings(page, s!.home);
    const bad = join(s!.home, 'bad.csv');
    writeFileSync(bad, 'date,value\n2026-01-01,1e9\n2026-01-08,-3\n');
    await page.getByLabel('Import readings').setInputFiles(bad);
    const error = page.locator('.ln-import-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toContain('line 3: value: -3 is negative (traffic cannot be below zero)');
    const asOf = await page.getByLabel('As of').inputValue();
    expect(cliLinks(s!.ws, asOf)[0]!.readings).toBe(40);

    const before = cliLinks(s!.ws, asOf)[0]!;
    await page.locator('tr[data-link="IX port"]').getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit the link IX port' });
    await form.getByLabel('Lead time, days').fill('30');
    await form.getByRole('button', { name: 'Save link' }).click();
    const want = iso(Date.parse(`${before.date}T00:00:00Z`) / dayMs - 30);
    await expect.poll(() => page.locator('tr[data-link="IX port"] .ln-orderby').textContent(), { timeout: 30_000 }).toContain(want);
    expect(cliLinks(s!.ws, asOf)[0]).toMatchObject({ leadDays: 30, orderBy: want });

    // A refused field is shown at the field, and nothing changes.
    await page.locator('tr[data-link="IX port"]').getByRole('button', { name: 'Edit' }).click();
    const again = page.getByRole('form', { name: 'Edit the link IX port' });
    await again.getByLabel('Commit').fill('20G');
    await again.getByRole('button', { name: 'Save link' }).click();
    await expect.poll(() => again.locator('.field-error').first().textContent(), { timeout: 30_000 }).toContain('cannot be above the capacity');
    await again.getByRole('button', { name: 'Remove link' }).click();
    await page.locator('tr[data-link="IX port"]').waitFor({ state: 'detached' });
    await expect.poll(() => boardRow(page).count(), { timeout: 30_000 }).toBe(0);
    expect(cliLinks(s!.ws, asOf)).toEqual([]);
  });

  it("an edit sends only the fields changed: an E1's exact 2.048 Mbit/s is not rounded to what the form shows", async () => {
    const page = await openForecasts();
    await page.getByRole('button', { name: 'Add link' }).click();
    const add = page.getByRole('form', { name: 'Add a link' });
    await add.getByLabel('Name').fill('IX port');
    await add.getByLabel('Capacity').fill('2048000');
    await add.getByLabel('Commit').fill('1024000');
    await add.getByRole('button', { name: 'Add link' }).click();
    const row = page.locator('tr[data-link="IX port"]');
    await row.waitFor({ state: 'visible' });
    const stored = () => {
      const r = headroom(['link', 'list', s!.ws, '--json']);
      return (JSON.parse(r.stdout) as { name: string; capacityBps: number; commitBps: number | null; description: string }[]).find(
        (l) => l.name === 'IX port',
      )!;
    };
    expect(stored()).toMatchObject({ capacityBps: 2_048_000, commitBps: 1_024_000 });
    const sent = sentBodies(page, 'links.update');
    await row.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit the link IX port' });
    await form.getByLabel('Description').fill('E1 to the IX');
    await form.getByRole('button', { name: 'Save link' }).click();
    await expect.poll(() => stored().description, { timeout: 30_000 }).toBe('E1 to the IX');
    expect(sent).toEqual([{ name: 'IX port', description: 'E1 to the IX' }]);
    expect(stored()).toMatchObject({ capacityBps: 2_048_000, commitBps: 1_024_000 });
    await s!.browser.settled();
    expect(s!.browser.problems).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`screenshots of the links section and a link chart, ${scheme}, at 1440×900 and 1024×700`, async () => {
      mkdirSync(SHOTS, { recursive: true });
      const page = await openForecasts(scheme);
      await addLinkWithReadings(page, s!.home);
      await page.locator('tr[data-link="IX port"]').getByRole('button', { name: 'Chart' }).click();
      await expect.poll(() => page.locator('figure.fc-chart').getAttribute('data-order-by'), { timeout: 30_000 }).not.toBe('');
      for (const [w, h] of [
        [1440, 900],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.mouse.move(0, 0); // no chart tooltip in the shots
        await fontsSettled(page);
        await page.locator('.fc-panel').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `window-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
        const height = await page.evaluate(() => {
          const main = document.querySelector('main')!;
          return Math.ceil(main.scrollHeight + main.getBoundingClientRect().top);
        });
        await page.setViewportSize({ width: w, height: Math.max(h, height) });
        await page.locator('.fc-panel').screenshot({ path: join(SHOTS, `chart-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
        await page.locator('.ln-section').screenshot({ path: join(SHOTS, `links-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
        await page.setViewportSize({ width: w, height: h });
      }
    });
  }
});
