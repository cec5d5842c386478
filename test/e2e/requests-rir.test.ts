/**
 * Issue 11 in the browser (Debian Chromium through the web bridge, demo workspace): Settings
 * holds ARIN's Org ID and POCs, APNIC's IRT, abuse-c and the sub-allocated blocks, kept after a
 * reload; the RPSL view defaults to the block's own RIR and leaves an upstream's block to the
 * upstream. Screenshots in light and dark at 1440×900 and 1024×700 go to $HEADROOM_SHOTS/rir (default test-results/screens/rir) for
 * a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp, fontsSettled, loadApp, openSession, type Session, shotsDir } from './support/app';

const SHOTS = shotsDir('rir');

const app = useApp();
let s: Session | undefined;

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

type Page = Session['page'];
const SIZES = [
  [1440, 900],
  [1024, 700],
] as const;

async function shootSizes(page: Page, name: string): Promise<void> {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await fontsSettled(page);
    await page.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`), animations: 'disabled', caret: 'hide' });
  }
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`issue 11 screens (${scheme})`, () => {
    it('Settings keeps the RIR handles; the RPSL view takes the block’s RIR and leaves an upstream’s block alone', async () => {
      s = await openSession(app, { colorScheme: scheme });
      const { page } = s;
      await page.setViewportSize({ width: 1440, height: 900 });
      await loadApp(s, '#/settings');
      await page.getByRole('heading', { name: 'Organisation' }).waitFor();
      await page.getByLabel('ARIN Org ID').fill('EXAMP-1');
      await page.getByLabel('APNIC IRT (mnt-irt)').fill('IRT-EXAMPLE-AP');
      await page.getByLabel('Abuse contact (abuse-c)').fill('ABU1-RIPE');
      await page.getByLabel('Sub-allocated blocks').fill('198.51.100.64/26');
      await page.getByLabel('Name servers').fill('ns1.example.net, ns2.example.org');
      await page.getByRole('button', { name: 'Save organisation' }).click();
      await expect.poll(() => page.locator('.notice').last().textContent()).toContain('Organisation saved');
      await loadApp(s, '#/settings');
      await page.getByRole('heading', { name: 'Organisation' }).waitFor();
      expect(await page.getByLabel('ARIN Org ID').inputValue()).toBe('EXAMP-1');
      expect(await page.getByLabel('Sub-allocated blocks').inputValue()).toBe('198.51.100.64/26');
      await shootSizes(page, `settings-${scheme}`);

      await page.setViewportSize({ width: 1440, height: 900 });
      await loadApp(s, '#/requests');
      await page.getByRole('tab', { name: 'RPSL and reverse DNS' }).click();
      expect(await page.getByLabel('RIR template').inputValue()).toBe('');
      await page.getByLabel('Block or ASN').fill('198.51.100.64/26');
      await page.getByRole('button', { name: 'Show objects' }).click();
      await expect.poll(() => page.getByTestId('rpsl-out').textContent()).toContain('SUB-ALLOCATED PA');
      await page.getByLabel('Block or ASN').fill('192.0.2.0/24');
      await page.getByRole('button', { name: 'Show objects' }).click();
      await expect.poll(() => page.getByTestId('rpsl-out').textContent()).toContain('route:          192.0.2.0/24');
      expect(await page.getByTestId('rpsl-out').textContent()).not.toContain('inetnum:');
      await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toMatch(/space from an upstream/);
      await shootSizes(page, `objects-${scheme}`);
      expect(s.browser.problems).toEqual([]);
    }, 240_000);

    it('the draft states need minus free space, with a unit on every plan row', async () => {
      s = await openSession(app, { colorScheme: scheme });
      const { page } = s;
      await page.setViewportSize({ width: 1440, height: 900 });
      await loadApp(s, '#/requests');
      await page.getByLabel('RIR', { exact: true }).selectOption('arin');
      await page.getByLabel('Request kind').selectOption('ipv4');
      await expect.poll(() => page.getByTestId('draft').locator('h2').textContent()).toContain('ARIN IPv4 request');
      await expect.poll(async () => (await page.getByTestId('draft').textContent()) ?? '').toContain('Need minus free space');
      await page.getByTestId('draft').getByText('Addressing plan').scrollIntoViewIfNeeded();
      await shootSizes(page, `draft-need-${scheme}`);
      expect(s.browser.problems).toEqual([]);
    }, 240_000);
  });
}
