/**
 * Readings in bulk (issue 14 §9) in Chromium: a pasted `date,value` CSV for a site's IT load shows
 * its bad rows as `line N: field: problem` as it is typed, then a preview of the new days and the
 * days whose reading it replaces, and records them all as one change that Undo takes back. What
 * was recorded is read back with `headroom reading list`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp, fontsSettled, headroom, openSession, type Session, shotsDir } from './support/app';

const SITE = 'POP Northgate';
const SHOTS = shotsDir('reports');

const app = useApp();
let s: Session | undefined;

function itReadings(ws: string): { date: string; value: number }[] {
  const r = headroom(['reading', 'list', ws, SITE, '--kind', 'itW', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { date: string; value: number }[]).map(({ date, value }) => ({ date, value }));
}

async function shots(page: Session['page'], name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), scheme);
    for (const [w, h] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await fontsSettled(page);
      await page.screenshot({ path: join(SHOTS, `bulk-readings-${name}-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
    }
  }
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
}

describe('readings in bulk', () => {
  it('pastes a CSV, names its bad rows, previews what it adds and replaces, records it in one change, and undoes it', async () => {
    s = await openSession(app);
    const { page } = s;
    await page.goto(`${s.bridge.url}#/facility`);
    await page.locator('[data-limit]').first().waitFor({ state: 'visible' });
    const before = itReadings(s.ws);
    expect(before.length).toBeGreaterThan(0);
    const last = before[before.length - 1]!;

    await page.getByRole('button', { name: 'Readings in bulk…' }).click();
    const dialog = page.getByRole('dialog', { name: `Readings in bulk — ${SITE}` });
    await dialog.getByLabel('Series').selectOption({ label: 'Measured IT load (W)' });
    const box = dialog.getByLabel('Readings', { exact: true });
    await box.fill(`date,value\n2030-01-01,abc\n2030-02-30,5\n${last.date},${last.value + 100}\n2030-03-01,-4\n`);
    const bad = dialog.getByRole('alert', { name: 'Bad rows' });
    await expect
      .poll(() => bad.locator('li').allTextContents())
      .toEqual(['line 2: value: "abc" is not a number', 'line 3: date: 2030-02-30 is not a day (YYYY-MM-DD)', 'line 5: value: must not be negative']);
    expect(await dialog.getByRole('button', { name: 'Preview' }).isDisabled()).toBe(true);
    await shots(page, 'errors');

    await box.fill(`date,value\n2030-01-01,20000\n2030-02-01,21000\n${last.date},${last.value + 100}\n`);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.getByLabel('What will be recorded');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/2 new days, 1 replacing the day’s reading/);
    expect(await preview.locator('tr.bulk-replaces td').first().textContent()).toBe(last.date);
    await shots(page, 'preview');
    expect(itReadings(s.ws)).toEqual(before);

    await dialog.getByRole('button', { name: 'Record 3 readings' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => itReadings(s!.ws).length).toBe(before.length + 2);
    const after = itReadings(s.ws);
    expect(after.find((r) => r.date === last.date)!.value).toBe(last.value + 100);
    expect(after.filter((r) => r.date.startsWith('2030-')).map((r) => r.value)).toEqual([20000, 21000]);

    await page.getByRole('button', { name: '↶ Undo' }).click();
    await expect.poll(() => itReadings(s!.ws)).toEqual(before);
    expect(s.browser.problems).toEqual([]);
  }, 240_000);
});
