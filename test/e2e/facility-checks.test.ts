/**
 * The checks that were built but unreachable (issue 13, item 7), in the Facility screen in
 * Debian Chromium: each panel sits on its tab and answers as the planner types, with the same
 * calculator `headroom calc` runs. Screenshots (light and dark, 1440×900 and 1024×700) go to
 * $HEADROOM_SHOTS/facio (default test-results/screens/facio) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp, fontsSettled, openSession, type Session, shotsDir } from './support/app';

const SHOTS = shotsDir('facio');

const app = useApp();
let s: Session | undefined;

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

type Page = Session['page'];

async function shoot(page: Page, name: string): Promise<void> {
  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.locator('.fac-checks').scrollIntoViewIfNeeded();
    await fontsSettled(page);
    await page.screenshot({ path: join(SHOTS, `${name}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function open(colorScheme: 'light' | 'dark'): Promise<Page> {
  s = await openSession(app, { colorScheme });
  await s.page.setViewportSize({ width: 1440, height: 900 });
  await s.page.goto(`${s.bridge.url}#/facility`);
  await s.page.locator('[data-limit]').first().waitFor({ state: 'visible' });
  return s.page;
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
}

const panel = (page: Page, title: string) => page.getByRole('region', { name: title });

describe('the built checks in the app', { timeout: 300_000 }, () => {
  it('shows each check on its tab and answers as you type', async () => {
    const page = await open('light');
    await tab(page, 'UPS and battery');
    const rt = panel(page, 'Required runtime');
    await expect.poll(() => rt.locator('[data-result="requiredMin"]').textContent()).toBe('13');
    const ev = panel(page, 'UPS end voltage');
    await ev.getByLabel('UPS DC cut-off (V)').fill('420');
    await expect.poll(() => ev.locator('[data-result="ok"]').textContent()).toBe('no');
    await shoot(page, 'checks-power-light');

    await tab(page, 'Generator and fuel');
    const ms = panel(page, 'Motor start (largest motor last)');
    await ms.getByLabel('Motor (hp)').fill('25');
    await ms.getByLabel('Already running (kVA)').fill('40');
    await ms.getByLabel('Generator step (kVA)').fill('150');
    await expect.poll(() => ms.locator('[data-result="withinStepCapability"]').textContent()).toBe('no');
    expect(await ms.locator('[data-result="stepKVA"]').textContent()).toBe('197.3');
    await expect.poll(() => panel(page, 'WP-3 worksheet cross-check').locator('[data-result="generatorW"]').count()).toBe(1);
    await shoot(page, 'checks-generator-light');

    await tab(page, 'Cooling');
    const pue = panel(page, 'PUE from energy readings');
    await pue.getByLabel('Facility energy (Wh)').fill('175200000');
    await pue.getByLabel('IT energy, same period (Wh)').fill('109500000');
    await expect.poll(() => pue.locator('[data-result="pue"]').textContent()).toBe('1.6');

    await tab(page, 'Backup');
    const b = panel(page, '3-2-1 rule');
    await expect.poll(() => b.locator('[data-result="ok"]').textContent()).toBe('no');
    await b.getByLabel('Backup copies').fill('2');
    await b.getByLabel('Kinds of media').fill('2');
    await b.getByLabel('Copies off site').fill('1');
    await expect.poll(() => b.locator('[data-result="ok"]').textContent()).toBe('yes');
    await shoot(page, 'checks-backup-light');
    expect(s!.browser.problems).toEqual([]);
  });

  it('reads well in the dark theme', async () => {
    const page = await open('dark');
    await tab(page, 'Generator and fuel');
    const ms = panel(page, 'Motor start (largest motor last)');
    await ms.getByLabel('Motor (hp)').fill('25');
    await ms.getByLabel('Already running (kVA)').fill('40');
    await ms.getByLabel('Generator step (kVA)').fill('250');
    await expect.poll(() => ms.locator('[data-result="withinStepCapability"]').textContent()).toBe('yes');
    await shoot(page, 'checks-generator-dark');
    await tab(page, 'UPS and battery');
    await shoot(page, 'checks-power-dark');
    expect(s!.browser.problems).toEqual([]);
  });
});
