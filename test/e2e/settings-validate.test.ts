/**
 * Settings validate what they store (issue 14, item 8) in a real browser: a country code that is
 * not ISO 3166, a website that is not a URL, a maintainer that is not an RPSL name and a single
 * name server are each shown at their field as you type, Save waits, and nothing is stored; the
 * fixed values save. Screenshots of Settings, light and dark, at 1440×900 and 1024×700.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Workspace } from '../../electron/core/workspace/workspace';
import { useApp, fontsSettled, loadApp, openSession, ROOT, type Session } from './support/app';

vi.setConfig({ testTimeout: 240_000 });

const app = useApp();
let s: Session | undefined;
const SHOTS = process.env.HEADROOM_SHOTS ?? join(ROOT, 'test-results', 'screens', 'settings-validate');

async function stored(ws: string): Promise<string> {
  const w = await Workspace.open(ws, { readOnly: true });
  try {
    return w
      .all('SELECT key, value FROM settings ORDER BY key')
      .map((r) => `${String(r.key)}=${String(r.value)}`)
      .join('\n');
  } finally {
    w.close();
  }
}

describe('Settings: organisation fields are checked before they are stored', () => {
  it('shows each problem at its field, keeps Save back, and stores the fixed values', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/settings');
    await page.getByRole('heading', { name: 'Organisation' }).waitFor();
    const before = await stored(s.ws);
    const field = (label: string) => page.locator('.field', { has: page.getByLabel(label, { exact: true }) });
    await page.getByLabel('Country', { exact: true }).fill('XX');
    await page.getByLabel('Website', { exact: true }).fill('example');
    await page.getByLabel('Maintainer', { exact: true }).fill('EXAMPLE MNT');
    await page.getByLabel('Name servers', { exact: true }).fill('ns1.example.net');
    expect(await field('Country').locator('.field-error').textContent()).toBe('"XX" is not an ISO 3166 country code');
    expect(await field('Website').locator('.field-error').textContent()).toMatch(/web address/);
    expect(await field('Maintainer').locator('.field-error').textContent()).toMatch(/only letters, digits/);
    expect(await field('Name servers').locator('.field-error').textContent()).toMatch(/two or more name servers/);
    expect(await page.getByRole('button', { name: 'Save organisation' }).isDisabled()).toBe(true);
    if (process.env.HEADROOM_SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.setViewportSize({ width: 1440, height: 900 });
      await fontsSettled(page);
      await page.screenshot({ path: join(SHOTS, 'settings-errors-light-1440x900.png'), animations: 'disabled', caret: 'hide' });
    }
    expect(await stored(s.ws)).toBe(before);
    await page.getByLabel('Country', { exact: true }).fill('NL');
    await page.getByLabel('Website', { exact: true }).fill('https://www.example.net');
    await page.getByLabel('Maintainer', { exact: true }).fill('EXAMPLE-MNT');
    await page.getByLabel('Name servers', { exact: true }).fill('ns1.example.net, ns2.example.org');
    await page.getByRole('button', { name: 'Save organisation' }).click();
    await expect.poll(() => stored(s!.ws)).toMatch(/"country":"NL"/);
    const after = await stored(s.ws);
    expect(after).toMatch(/"mntner":"EXAMPLE-MNT"/);
    expect(after).toMatch(/"nameServers":\["ns1\.example\.net","ns2\.example\.org"\]/);
    expect(after).toMatch(/"website":"https:\/\/www\.example\.net"/);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`screenshots of Settings, ${scheme}`, async () => {
      mkdirSync(SHOTS, { recursive: true });
      s = await openSession(app, { colorScheme: scheme });
      const { page } = s;
      await loadApp(s, '#/settings');
      await page.getByRole('heading', { name: 'Organisation' }).waitFor();
      await page.getByLabel('Country', { exact: true }).fill('XX');
      await page.getByLabel('Name servers', { exact: true }).fill('ns1.example.net');
      for (const [w, h] of [
        [1440, 900],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await fontsSettled(page);
        await page.screenshot({ path: join(SHOTS, `settings-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
      }
    });
  }
});
