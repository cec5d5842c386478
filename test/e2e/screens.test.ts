/**
 * Screenshots of every area for a person to look at (test-results/screens/, git-ignored): each
 * area in the light theme, the Registry in the dark theme, the add form refusing a block, and
 * the keyboard focus on the form. The page must load cleanly (no 404, no console error).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp, fontsSettled, loadApp, openSession, ROOT, startBridge, type Session } from './support/app';

const SCREENS = join(ROOT, 'test-results', 'screens');
const AREAS = ['registry', 'asns', 'requests', 'facility', 'forecasts', 'reports', 'settings'] as const;

const app = useApp();
let s: Session | undefined;

beforeAll(() => {
  mkdirSync(SCREENS, { recursive: true });
}, 300_000);

/** Waits for the fonts, then saves the viewport. */
async function shoot(page: Session['page'], name: string): Promise<void> {
  await fontsSettled(page);
  await page.screenshot({ path: join(SCREENS, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

describe('screenshots', () => {
  it('of every area in the light theme', async () => {
    s = await openSession(app, { demo: 'default' });
    for (const [i, area] of AREAS.entries()) {
      await loadApp(s, `#/${area}`);
      await shoot(s.page, `${i + 1}-${area}-light`);
    }
    expect(s.browser.problems).toEqual([]);
  });

  it('of the Registry in the dark theme', async () => {
    s = await openSession(app, { demo: 'default' });
    await loadApp(s);
    await s.page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await s.page.locator('.grid-row').nth(3).click();
    await s.page.locator('.grid-row').nth(6).hover();
    await shoot(s.page, 'registry-dark');
    await s.page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Forecasts' }).click();
    await shoot(s.page, 'forecasts-dark');
    expect(s.browser.problems).toEqual([]);
  });

  it('of the add form refusing a block (light and dark)', async () => {
    s = await openSession(app, { demo: 'default' });
    await loadApp(s);
    const form = s.page.getByRole('form', { name: 'Add a block' });
    await form.getByLabel('Block (CIDR)').fill('198.51.100.225/27');
    await form.getByLabel('Description').fill('Fixed-wireless expansion, north sector');
    await form.getByRole('button', { name: 'Add block' }).click();
    await form.locator('.field-error').waitFor();
    await shoot(s.page, 'registry-add-error-light');
    await s.page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await form.getByLabel('Block (CIDR)').focus();
    await shoot(s.page, 'registry-add-error-dark');
    expect(s.browser.problems.filter((p) => !p.includes('400'))).toEqual([]);
  });

  it('of the Registry in a small window (960×600)', async () => {
    s = await openSession(app, { demo: 'default' });
    await s.page.setViewportSize({ width: 960, height: 600 });
    await loadApp(s);
    await shoot(s.page, 'registry-small-window');
    expect(s.browser.problems).toEqual([]);
  });

  it('of the keyboard focus in the dark theme (sidebar, toolbar, form)', async () => {
    s = await openSession(app, { demo: 'default', colorScheme: 'dark' });
    await loadApp(s);
    const page = s.page;
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('ASNs');
    await shoot(page, 'focus-sidebar-dark');
    await page.getByLabel('Block (CIDR)').focus();
    await page.keyboard.type('198.51.100.224/27');
    // Status, description, date and RIR, then the button.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add block');
    await shoot(page, 'focus-add-button-dark');
    expect(s.browser.problems).toEqual([]);
  });

  it('of the History dialog and the Open dialog', async () => {
    s = await openSession(app, { demo: 'default' });
    await loadApp(s);
    const form = s.page.getByRole('form', { name: 'Add a block' });
    await form.getByLabel('Block (CIDR)').fill('198.51.100.224/27');
    await form.getByLabel('Description').fill('Fixed-wireless expansion');
    await form.getByRole('button', { name: 'Add block' }).click();
    await s.page.locator('[data-prefix="198.51.100.224/27"]').waitFor();
    await s.page.getByRole('button', { name: 'History' }).click();
    await s.page.getByRole('dialog', { name: 'History' }).locator('tbody tr').nth(1).waitFor();
    await shoot(s.page, 'history-dialog');
    await s.page.keyboard.press('Escape');
    await s.page.getByRole('button', { name: 'Open' }).click();
    await s.page.getByRole('dialog', { name: 'Open workspace' }).waitFor();
    await shoot(s.page, 'open-dialog');
    expect(s.browser.problems).toEqual([]);
  });

  it('of a workspace opened read-only (a second bridge on the same file)', async () => {
    s = await openSession(app);
    const second = await startBridge(app, s.home, s.ws);
    try {
      await s.page.goto(second.url);
      await s.page.locator('[data-prefix]').first().waitFor();
      await shoot(s.page, 'registry-read-only');
    } finally {
      await second.stop();
    }
  });

  it('of the keyboard focus and a notice after adding a block', async () => {
    s = await openSession(app, { demo: 'default' });
    await loadApp(s);
    await s.page.keyboard.press('Tab');
    await shoot(s.page, 'focus-skip-link');
    const prefix = s.page.getByLabel('Block (CIDR)');
    await prefix.focus();
    await s.page.keyboard.type('198.51.100.224/27');
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.type('Fixed-wireless expansion');
    await s.page.keyboard.press('Enter');
    await s.page.locator('[data-prefix="198.51.100.224/27"]').waitFor();
    await s.page.keyboard.press('Tab');
    await shoot(s.page, 'registry-added-notice');
    expect(s.browser.problems).toEqual([]);
  });
});
