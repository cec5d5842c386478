/**
 * The addresses of an assigned block in the Registry's detail pane (issue 15), in Debian
 * Chromium through the web bridge on the demo workspace: the block's map with the DHCP range
 * and the hosts drawn on it; a host added, refused at its field (inside the range) with nothing
 * changed, edited, removed and brought back with Ctrl+Z, each read back by the CLI; the scope
 * refused on the broadcast address, then changed; a scope declared on a block without one; the
 * Settings name servers warned about when they share a /24. Screenshots, light and dark, at
 * 1440×900 and 1024×700, go to $HEADROOM_SHOTS/dhcp (default test-results/screens/dhcp) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useApp, fontsSettled, headroom, loadApp, openSession, sentBodies, type Session, shotsDir } from './support/app';

const SHOTS = shotsDir('dhcp');
vi.setConfig({ testTimeout: 300_000 });

const app = useApp();
let s: Session | undefined;
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

type Page = Session['page'];

function cliJson<T>(args: string[]): T {
  const r = headroom([...args, '--json']);
  if (r.code !== 0) throw new Error(`${args.join(' ')} failed (exit ${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
const cliHosts = (ws: string) => cliJson<{ ip: string; name: string; description: string }[]>(['host', 'list', ws, '--within', '198.51.100.80/28']);
const settled = <T>(fn: () => T) => expect.poll(fn, { timeout: 30_000, interval: 250 });

async function openBlock(prefix: string, colorScheme?: 'light' | 'dark'): Promise<Page> {
  s = await openSession(app, colorScheme ? { colorScheme } : {});
  await s.page.setViewportSize({ width: 1440, height: 900 });
  await loadApp(s);
  await selectBlock(s.page, prefix);
  return s.page;
}
async function selectBlock(page: Page, prefix: string): Promise<void> {
  await page.locator(`[data-prefix="${prefix}"]`).first().click();
  await page.locator(`aside[data-block="${prefix}"] #reg-hosts-title`).waitFor({ state: 'visible' });
}
const cells = (page: Page, kind: string) => page.locator(`.addr-map-svg rect[data-kind="${kind}"]`).count();
const hostRows = (page: Page) => page.locator('table.hosts-table tr[data-ip]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-ip')));

describe('hosts and the DHCP scope in the detail pane', () => {
  it('draws the range and the hosts on the map; adds, refuses, edits, removes and undoes a host', async () => {
    const page = await openBlock('198.51.100.80/28');
    expect(await cells(page, 'range')).toBe(11);
    expect(await cells(page, 'host')).toBe(2);
    expect(await cells(page, 'network')).toBe(1);
    expect(await cells(page, 'broadcast')).toBe(1);
    expect(await hostRows(page)).toEqual(['198.51.100.81', '198.51.100.82']);

    // Add one.
    await page.getByRole('button', { name: 'Add host…' }).click();
    const add = page.getByRole('form', { name: 'Add a host' });
    await add.getByLabel('Address').fill('198.51.100.83');
    await add.getByLabel('Name').fill('ap.school.example.net');
    await add.getByLabel('MAC').fill('00-15-6D-AA-00-09');
    await add.getByLabel('Role').selectOption('switch');
    await add.getByRole('button', { name: 'Add host' }).click();
    await page.locator('tr[data-ip="198.51.100.83"]').waitFor();
    expect(await cells(page, 'host')).toBe(3);
    await settled(() => cliHosts(s!.ws).map((h) => h.name)).toEqual(['gw.school.example.net', 'printer1.school.example.net', 'ap.school.example.net']);

    // Refused at its field: inside the DHCP range; nothing changes.
    await page.getByRole('button', { name: 'Add host…' }).click();
    const again = page.getByRole('form', { name: 'Add a host' });
    await again.getByLabel('Address').fill('198.51.100.90');
    await again.getByLabel('Name').fill('laptop.school.example.net');
    await again.getByRole('button', { name: 'Add host' }).click();
    const err = again.locator('.field-invalid', { has: page.getByText('Address', { exact: true }) }).locator('.field-error');
    await expect.poll(() => err.textContent()).toMatch(/198\.51\.100\.90 is inside the DHCP range 198\.51\.100\.84–198\.51\.100\.94/);
    expect(await err.textContent()).not.toMatch(/^ip:/);
    await again.getByRole('button', { name: 'Cancel' }).click();
    expect(cliHosts(s!.ws)).toHaveLength(3);

    // Edit one.
    await page.getByRole('button', { name: 'Edit printer1.school.example.net' }).click();
    const edit = page.getByRole('form', { name: 'Edit host 198.51.100.82' });
    await edit.getByLabel('Description').fill('Staff room printer, floor 2');
    await edit.getByRole('button', { name: 'Save host' }).click();
    await page.locator('tr[data-ip="198.51.100.82"]', { hasText: 'floor 2' }).waitFor();
    await settled(() => cliHosts(s!.ws).find((h) => h.ip === '198.51.100.82')?.description).toBe('Staff room printer, floor 2');

    // Remove one, and bring it back with Ctrl+Z.
    await page.getByRole('button', { name: 'Remove ap.school.example.net' }).click();
    await page.locator('tr[data-ip="198.51.100.83"]').waitFor({ state: 'detached' });
    await page.locator('body').press('Control+z');
    await page.locator('tr[data-ip="198.51.100.83"]').waitFor();
    await settled(() => cliHosts(s!.ws)).toHaveLength(3);
  });

  it('refuses a range over the broadcast address at its field, then saves a changed range; declares a scope on a block without one', async () => {
    const page = await openBlock('198.51.100.80/28');
    const form = page.getByRole('form', { name: 'DHCP scope of 198.51.100.80/28' });
    await form.getByLabel('to').fill('198.51.100.95');
    await form.getByRole('button', { name: 'Save scope' }).click();
    const err = form.locator('.field-invalid .field-error');
    await expect.poll(() => err.textContent()).toMatch(/ends on the broadcast address of 198\.51\.100\.80\/28/);
    expect(cliJson<{ last: string }[]>(['scope', 'list', s!.ws]).find((x) => x.last.startsWith('198.51.100.9'))?.last).toBe('198.51.100.94');
    await form.getByLabel('to').fill('198.51.100.93');
    await form.getByRole('button', { name: 'Save scope' }).click();
    await expect.poll(() => cells(page, 'range')).toBe(10);
    await settled(() => cliJson<{ prefix: string; last: string }[]>(['scope', 'list', s!.ws]).find((x) => x.prefix === '198.51.100.80/28')?.last).toBe(
      '198.51.100.93',
    );

    await selectBlock(page, '198.51.100.64/29');
    expect(await cells(page, 'range')).toBe(0);
    const acme = page.getByRole('form', { name: 'DHCP scope of 198.51.100.64/29' });
    await expect(acme.getByText(/No scope: this block hands out no address/)).toBeDefined();
    await acme.getByLabel('Range from').fill('198.51.100.66');
    await acme.getByLabel('to').fill('198.51.100.70');
    await acme.getByLabel('Router').fill('198.51.100.65');
    await acme.getByRole('button', { name: 'Declare scope' }).click();
    await expect.poll(() => cells(page, 'range')).toBe(5);
    expect(await cells(page, 'router')).toBe(1);
    await settled(() => cliJson<{ prefix: string }[]>(['scope', 'list', s!.ws]).map((x) => x.prefix)).toContain('198.51.100.64/29');
  });

  it('shows the scope as saved (read after save), and Ctrl+Z takes the change back in the form and the workspace', async () => {
    const page = await openBlock('198.51.100.80/28');
    const form = page.getByRole('form', { name: 'DHCP scope of 198.51.100.80/28' });
    const stored = () =>
      cliJson<{ prefix: string; leaseS: number; dns: string[]; domain: string | null }[]>(['scope', 'list', s!.ws]).find(
        (x) => x.prefix === '198.51.100.80/28',
      );
    expect(await form.getByLabel('Domain').inputValue()).toBe('school.example.net');
    await form.getByLabel('Lease (seconds)').fill('3600');
    await form.getByLabel('DNS servers').fill(' 198.51.100.33 ,198.51.100.34,, ');
    await form.getByLabel('Domain').fill('Staff.School.Example.NET.');
    await form.getByRole('button', { name: 'Save scope' }).click();
    // The form shows what the workspace holds, not what was typed.
    await expect.poll(() => form.getByLabel('Domain').inputValue()).toBe('staff.school.example.net');
    expect(await form.getByLabel('DNS servers').inputValue()).toBe('198.51.100.33, 198.51.100.34');
    expect(await form.getByLabel('Lease (seconds)').inputValue()).toBe('3600');
    await expect.poll(() => form.locator('.field-hint', { hasText: / h$/ }).textContent()).toBe('1 h');
    await settled(stored).toMatchObject({ leaseS: 3600, dns: ['198.51.100.33', '198.51.100.34'], domain: 'staff.school.example.net' });

    await page.locator('body').press('Control+z');
    await expect.poll(() => form.getByLabel('Domain').inputValue()).toBe('school.example.net');
    expect(await form.getByLabel('Lease (seconds)').inputValue()).toBe('28800');
    expect(await form.getByLabel('DNS servers').inputValue()).toBe('198.51.100.33');
    await settled(stored).toMatchObject({ leaseS: 28800, dns: ['198.51.100.33'], domain: 'school.example.net' });

    // Removing the scope is undone too: the range comes back on the map.
    await form.getByRole('button', { name: 'Remove scope' }).click();
    await expect.poll(() => cells(page, 'range')).toBe(0);
    await settled(stored).toBeUndefined();
    await page.locator('body').press('Control+z');
    await expect.poll(() => cells(page, 'range')).toBe(11);
    expect(await form.getByLabel('Range from').inputValue()).toBe('198.51.100.84');
    await settled(stored).toMatchObject({ leaseS: 28800 });
  });

  it('puts every DHCP scope on the forecast board: its leases against the size of its range', async () => {
    s = await openSession(app);
    await s.page.setViewportSize({ width: 1440, height: 900 });
    await loadApp(s, '#/forecasts');
    const rows = s.page.locator('tr[data-limit^="dhcp:"]');
    await expect
      .poll(() => rows.locator('.fc-name').allTextContents(), { timeout: 60_000 })
      .toEqual(expect.arrayContaining(['DHCP scope 198.51.100.80/28', 'DHCP scope 198.51.100.96/29', 'DHCP scope 203.0.113.0/25']));
    expect(await rows.count()).toBe(3);
    const school = rows.filter({ hasText: 'DHCP scope 198.51.100.80/28' });
    // The demo's last reading: 9 of the range's 11 addresses leased.
    expect(await school.locator('td.num').first().getAttribute('title')).toMatch(/^9 leases of 11 leases$/);
  });

  it('warns under the Settings name servers when they share one /24', async () => {
    s = await openSession(app);
    await s.page.setViewportSize({ width: 1440, height: 900 });
    await loadApp(s, '#/settings');
    const field = s.page.getByLabel('Name servers');
    await field.fill('ns1.example.net, mail.example.net');
    const warning = s.page.locator('.field', { has: field }).locator('.field-warning');
    await expect
      .poll(() => warning.textContent(), { timeout: 20_000 })
      .toMatch(/^All share one IPv4 \/24 \(198\.51\.100\.0\/24\), one block \(198\.51\.100\.32\/27\).*RFC 2182 §3\.1/);
    await fontsSettled(s.page);
    await s.page.screenshot({ path: join(SHOTS, 'settings-ns-warning-light-1440x900.png'), animations: 'disabled', caret: 'hide' });
    await field.fill('ns1.example.net, ns2.example.org=9.9.9.9'); // a secondary on another network
    await expect.poll(() => warning.count(), { timeout: 20_000 }).toBe(0);
  });
});

/** Scrolls the detail pane (only it, not the page) so `selector` is at its top. */
async function paneTo(page: Page, selector: string): Promise<void> {
  await page.locator(selector).evaluate((el) => {
    const pane = el.closest('aside')!;
    pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - 8;
  });
}

describe('screenshots', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`the map, scope editor and hosts table (${scheme})`, async () => {
      const page = await openBlock('198.51.100.80/28', scheme);
      await fontsSettled(page);
      for (const [w, h] of [
        [1440, 900],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await paneTo(page, '#reg-addr-title');
        await page.screenshot({ path: join(SHOTS, `addresses-${scheme}-${w}x${h}-map.png`), animations: 'disabled', caret: 'hide' });
        await paneTo(page, '#reg-hosts-title');
        await page.screenshot({ path: join(SHOTS, `addresses-${scheme}-${w}x${h}-hosts.png`), animations: 'disabled', caret: 'hide' });
      }
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByRole('button', { name: 'Edit printer1.school.example.net' }).click();
      await paneTo(page, 'form[aria-label="Edit host 198.51.100.82"]');
      await page.screenshot({ path: join(SHOTS, `addresses-${scheme}-1440x900-edit.png`), animations: 'disabled', caret: 'hide' });
    });
  }
});

describe('the scope editor: read after save (issue 10, item 1)', () => {
  it('shows the saved range, and a second save of another field keeps it', async () => {
    const page = await openBlock('198.51.100.80/28');
    const form = page.getByRole('form', { name: 'DHCP scope of 198.51.100.80/28' });
    const stored = () =>
      cliJson<{ prefix: string; last: string; router: string | null }[]>(['scope', 'list', s!.ws]).find((x) => x.prefix === '198.51.100.80/28');
    await form.getByLabel('to').fill(' 198.51.100.93 ');
    await form.getByRole('button', { name: 'Save scope' }).click();
    await settled(() => stored()?.last).toBe('198.51.100.93');
    await s!.browser.settled();
    expect(await form.getByLabel('to').inputValue()).toBe('198.51.100.93');
    await form.getByLabel('Router').fill('198.51.100.82');
    await form.getByRole('button', { name: 'Save scope' }).click();
    await settled(() => stored()?.router).toBe('198.51.100.82');
    expect(stored()?.last).toBe('198.51.100.93');
    await s!.browser.settled();
    expect(await form.getByLabel('to').inputValue()).toBe('198.51.100.93');
    expect(await form.getByLabel('Router').inputValue()).toBe('198.51.100.82');
    expect(s!.browser.problems).toEqual([]);
  });

  it("sends only the fields changed: another window's router, saved meanwhile, stays", async () => {
    const page = await openBlock('198.51.100.80/28');
    const form = page.getByRole('form', { name: 'DHCP scope of 198.51.100.80/28' });
    const stored = () =>
      cliJson<{ prefix: string; leaseS: number; router: string | null }[]>(['scope', 'list', s!.ws]).find((x) => x.prefix === '198.51.100.80/28');
    const before = stored()!;
    // Another window changes the router through the same bridge; this form still shows the old one.
    const url = new URL(s!.bridge.url);
    const other = (
      await fetch(new URL('/api/dhcp.updateScope', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${url.searchParams.get('token')}` },
        body: JSON.stringify({ prefix: '198.51.100.80/28', router: '198.51.100.81' }),
      })
    ).status;
    expect(other).toBe(200);
    const sent = sentBodies(page, 'dhcp.updateScope');
    await form.getByLabel('Lease (seconds)').fill(String(before.leaseS + 600));
    await form.getByRole('button', { name: 'Save scope' }).click();
    await settled(() => stored()?.leaseS).toBe(before.leaseS + 600);
    expect(sent).toEqual([{ prefix: '198.51.100.80/28', space: 'global', leaseS: before.leaseS + 600 }]);
    expect(stored()?.router).toBe('198.51.100.81');
    await s!.browser.settled();
    expect(s!.browser.problems).toEqual([]);
  });
});
