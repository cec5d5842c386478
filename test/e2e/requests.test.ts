/**
 * The Requests and Settings screens in Debian Chromium through the web bridge, on the demo
 * workspace: organisation and contacts saved in Settings reach the draft; the draft sits
 * beside its checks (documentation space fails CHK-03 in a real draft, an UNCONFIRMED rule reads
 * "verify with the RIR"); a failing check is fixed in place and undone; Markdown, text and PDF
 * exports; the RFC 2901 checklist; RPSL and reverse zones for a block, refusing one name server.
 * Screenshots of every view go to test-results/screens/ for a person to look at.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp, fontsSettled, headroom, loadApp, openSession, ROOT, type Session } from './support/app';

const SCREENS = join(ROOT, 'test-results', 'screens');

const app = useApp();
let s: Session | undefined;

beforeAll(() => {
  mkdirSync(SCREENS, { recursive: true });
}, 300_000);

type Page = Session['page'];

/** The whole view: the window is made as tall as what <main> scrolls, for the shot only. */
async function shoot(page: Page, name: string): Promise<void> {
  await fontsSettled(page);
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    return main.scrollHeight + main.getBoundingClientRect().top;
  });
  await page.setViewportSize({ width: size.width, height: Math.min(3600, Math.max(size.height, Math.ceil(height))) });
  await page.screenshot({ path: join(SCREENS, `requests-${name}.png`), animations: 'disabled', caret: 'hide' });
  await page.setViewportSize(size);
}

async function check(page: Page, rule: string) {
  const li = page.locator(`li[data-rule="${rule}"]`);
  await li.waitFor({ state: 'visible' });
  return { li, verdict: () => li.getAttribute('data-verdict') };
}

/** Fills Settings as a planner would: organisation, one contact, and saves both. */
async function fillSettings(page: Page): Promise<void> {
  if (!page.url().endsWith('#/settings')) await page.goto(`${s!.bridge.url}#/settings`);
  await page.getByRole('heading', { name: 'Organisation' }).waitFor();
  await page.getByLabel('Country').fill('NL');
  await page.getByLabel('Maintainer').fill('EXAMPLE-MNT');
  await page.getByLabel('Name servers').fill('ns1.example.net, ns2.example.net');
  await page.getByLabel('Postal address').fill('Example Street 1\n1000 AA Amsterdam');
  await page.getByRole('button', { name: 'Save organisation' }).click();
  await expect.poll(() => page.locator('.notice').last().textContent()).toContain('Organisation saved');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByLabel('Contact 1 name').fill('Ana Planner');
  await page.getByLabel('Contact 1 email').fill('ana@example.net');
  await page.getByLabel('Contact 1 phone').fill('+31 20 555 0100');
  await page.getByLabel('Contact 1 NIC handle').fill('EXA1-RIPE');
  const row = page.locator('tr[data-contact="0"]');
  for (const role of ['requester', 'admin', 'tech']) await row.getByLabel(role).check();
  await page.getByRole('button', { name: 'Save contacts' }).click();
  await expect.poll(() => page.locator('.notice').last().textContent()).toContain('Contacts saved');
}

describe('Settings', () => {
  it('keeps the organisation and contacts, refuses a bad country at its field, and shows the neighbours guessed from the ASN registry', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/settings');
    await page.getByLabel('Country').fill('Netherlands');
    // Refused as it is typed (the contract's own rule), and the form cannot be saved with it.
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain('ISO 3166');
    expect(await page.getByRole('button', { name: 'Save organisation' }).isDisabled()).toBe(true);
    await shoot(page, 'settings-refused');
    await fillSettings(page);
    await expect.poll(() => page.getByLabel('Relation of AS64496').inputValue()).toBe('own');
    await expect.poll(() => page.getByLabel('Relation of AS64497').inputValue()).toBe('upstream');
    await s.browser.settled(); // a reload would abort the screen's own reload after the save
    await page.reload();
    await expect.poll(() => page.getByLabel('Contact 1 NIC handle').inputValue()).toBe('EXA1-RIPE');
    await shoot(page, 'settings');
    // The bad country never left the page: no request failed.
    expect(s.browser.problems).toEqual([]);
  });
});

describe('the draft beside its checks', () => {
  it('fills the draft from Settings and the registry, and fails documentation space in a real draft (CHK-03)', async () => {
    s = await openSession(app);
    const { page } = s;
    await fillSettings(page);
    // In-app navigation: a new page load would abort the requests still in flight.
    await page
      .locator('nav[aria-label="Areas"]')
      .getByRole('link', { name: /Requests/ })
      .click();
    const doc = page.getByTestId('draft');
    await expect.poll(() => doc.locator('h2').textContent()).toBe('RIPE NCC IPv4 request — Example Networks (demo ISP)');
    await expect.poll(() => doc.textContent()).toContain('Ana Planner');
    expect(await page.getByTestId('plan').locator('tbody tr').count()).toBeGreaterThan(2);
    const chk03 = await check(page, 'CHK-03');
    expect(await chk03.verdict()).toBe('FAIL');
    expect(await chk03.li.textContent()).toContain('documentation or special-use resources in a real draft');
    expect(await chk03.li.textContent()).toContain('[RFC5737]');
    expect(await page.getByTestId('conformance').textContent()).toMatch(/^NON-CONFORMING/);
    await page.screenshot({ path: join(SCREENS, 'requests-draft-top.png'), animations: 'disabled', caret: 'hide' });
    await shoot(page, 'draft');
    expect(s.browser.problems).toEqual([]);
  });

  it('fixes a failing check in place (ARIN IPv6 off a nibble), undoes it, and shows an UNCONFIRMED rule as "verify with the RIR"', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/requests');
    await page.getByLabel('RIR', { exact: true }).selectOption('arin');
    await page.getByLabel('Request kind').selectOption('ipv6');
    await expect.poll(() => page.getByTestId('draft').locator('h2').textContent()).toContain('ARIN IPv6 request');
    const size = page.locator('[data-edit="prefixLength"]');
    await size.fill('30');
    await size.press('Enter');
    const chk04 = await check(page, 'CHK-04');
    await expect.poll(chk04.verdict).toBe('FAIL');
    await shoot(page, 'check-failing');
    await chk04.li.getByRole('button', { name: /Fix CHK-04/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-edit'))).toBe('prefixLength');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('32');
    await page.keyboard.press('Enter');
    await expect.poll(chk04.verdict).toBe('pass');
    await page.getByRole('button', { name: '↶ Undo' }).click();
    await expect.poll(chk04.verdict).toBe('FAIL');
    await expect.poll(() => size.inputValue()).toBe('30');
    await size.fill('44');
    await size.press('Enter');
    const chk07 = await check(page, 'CHK-07');
    await expect.poll(chk07.verdict).toBe('verify');
    expect(await chk07.li.locator('.req-badge').textContent()).toBe('verify with the RIR');
    expect(await chk07.li.textContent()).toContain('verify with the RIR: ');
    await shoot(page, 'check-verify');
    await s.stopBridge();
    const cli = headroom(['check-request', s.ws, '--rir', 'arin', '--kind', 'ipv6', '--json']);
    expect((JSON.parse(cli.stdout) as { rule: string; ok: boolean }[]).find((c) => c.rule === 'CHK-07')).toMatchObject({ ok: false });
  });

  it('exports Markdown and plain text, and saves the draft as the PDF the CLI prints', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/requests');
    await page.getByLabel('Request kind').selectOption('asn');
    await expect.poll(() => page.getByTestId('draft').locator('h2').textContent()).toContain('RIPE NCC AS number request');
    // Equipment comes from the facility sites; the planner adds vendor and model.
    expect(await page.getByLabel('Equipment 2 name').inputValue()).toBe('Core router');
    await page.getByLabel('Equipment 2 vendor').fill('Juniper');
    await page.getByLabel('Equipment 2 model').fill('MX204');
    await page.getByRole('button', { name: 'Save equipment' }).click();
    await expect.poll(() => page.getByTestId('draft').locator('section[data-section="Infrastructure"]').textContent()).toContain('MX204');
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Markdown' }).click()]);
    expect(md.suggestedFilename()).toBe('ripe-asn-request.md');
    const mdText = readFileSync((await md.path())!, 'utf8');
    expect(mdText).toMatch(/^# RIPE NCC AS number request/);
    expect(mdText).toMatch(/## Policy checks/);
    expect(mdText).toContain('| Core router | Juniper | MX204 |');
    const [txt] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Plain text' }).click()]);
    expect(readFileSync((await txt.path())!, 'utf8')).toMatch(/^RIPE NCC AS number request .*\n=+\n/);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    // "PDF…" saves the PDF the CLI prints; it never calls window.print() (issue 14 §10).
    const [pdfDownload] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'PDF…' }).click()]);
    expect(pdfDownload.suggestedFilename()).toBe('ripe-asn-request.pdf');
    const pdfFile = (await pdfDownload.path())!;
    expect(readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfText = spawnSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
    expect(pdfText.stdout).toContain('RIPE NCC AS number request');
    expect(pdfText.stdout).toContain('MX204');
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.req-checks').isVisible()).toBe(false);
    expect(await page.locator('section[data-section="Policy checks"]').isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENS, 'requests-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });

  it('draws the draft in the dark theme', async () => {
    s = await openSession(app, { colorScheme: 'dark' });
    await loadApp(s, '#/requests');
    await check(s.page, 'CHK-03');
    await shoot(s.page, 'draft-dark');
  });
});

describe('a block typed with its RIR (issue 14, item 5)', () => {
  it('is that RIR\'s space in the draft, not "upstream"', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s);
    const B = '192.0.2.0/24';
    await page.locator(`[data-prefix="${B}"]`).click();
    const form = page.getByRole('form', { name: `Edit ${B}` });
    await form.getByLabel('RIR').selectOption({ label: 'RIPE NCC' });
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => JSON.parse(headroom(['prefix', 'list', s!.ws, '--json']).stdout).find((r: { prefix: string }) => r.prefix === B)?.rir).toBeTruthy();
    await s.browser.settled();
    await page
      .locator('nav[aria-label="Areas"]')
      .getByRole('link', { name: /Requests/ })
      .click();
    const held = page.getByTestId('draft').locator('tr', { hasText: B }).first();
    await expect.poll(() => held.locator('td').nth(1).textContent()).toBe('ripe');
    expect(s.browser.problems).toEqual([]);
  });
});

describe('"Fix in the Registry" (issue 14, item 6)', () => {
  it("links a failing check to its block, and the link selects that block's row in the Registry", async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/requests');
    const chk03 = await check(page, 'CHK-03');
    await expect.poll(chk03.verdict).toBe('FAIL');
    const link = chk03.li.getByRole('link', { name: /^Fix in the Registry/ });
    const block = /the block (\S+)\)/.exec((await link.textContent())!)![1]!;
    expect(await link.getAttribute('href')).toBe(`#/registry?select=${encodeURIComponent(block)}`);
    await link.click();
    await expect.poll(() => page.locator('.grid-row.selected').getAttribute('data-prefix')).toBe(block);
    await page.locator(`aside.reg-detail[data-block="${block}"]`).waitFor();
    // The same link to a block that is not the list's first row (which is selected anyway).
    const deep = '198.51.100.104/30';
    await page.goto(`${s.bridge.url}#/registry?select=${encodeURIComponent(deep)}`);
    await expect.poll(() => page.locator('.grid-row.selected').getAttribute('data-prefix')).toBe(deep);
    await page.locator(`aside.reg-detail[data-block="${deep}"]`).waitFor();
    expect(s.browser.problems).toEqual([]);
  });
});

describe('the RFC 2901 checklist', () => {
  it('lists the eleven steps with what Headroom produces, and ticks a manual one from the keyboard', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/requests');
    await page.getByRole('tab', { name: 'Draft and checks' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'RFC 2901 checklist' }).getAttribute('aria-selected')).toBe('true');
    const rows = page.getByTestId('checklist').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(11);
    expect(await page.locator('tr[data-step="8"]').getAttribute('data-state')).toBe('done');
    const box = page.getByLabel('Step 3 done');
    await box.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('tr[data-step="3"]').getAttribute('data-state')).toBe('done');
    await shoot(page, 'checklist');
  });
});

describe('RPSL and reverse DNS for a block', () => {
  it('keeps what the planner types when the default block arrives after the field was entered', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/requests');
    // Hold the list the default block comes from until the planner is in the field.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/api/registry.listPrefixes', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('tab', { name: 'RPSL and reverse DNS' }).click();
    const block = page.getByLabel('Block or ASN');
    await block.click();
    release();
    await s.browser.settled();
    await page.keyboard.type('198.51.100.0/24');
    // CI once saw "192.0.2.0/24198.51.100.0/24": the first block landed in front of the typing.
    expect(await block.inputValue()).toBe('198.51.100.0/24');
    expect(s.browser.problems).toEqual([]);
  });

  it('shows the objects and zone files of a block, and refuses a single name server naming CHK-32', async () => {
    s = await openSession(app);
    const { page } = s;
    await loadApp(s, '#/requests');
    await page.getByRole('tab', { name: 'RPSL and reverse DNS' }).click();
    await page.getByLabel('Block or ASN').fill('198.51.100.0/24');
    await page.getByLabel('Name servers').fill('ns1.example.net, ns2.example.net');
    await page.getByRole('button', { name: 'Show objects' }).click();
    await expect.poll(() => page.getByTestId('rpsl-out').textContent()).toContain('inetnum:        198.51.100.0 - 198.51.100.255');
    expect(await page.getByTestId('rpsl-out').textContent()).toContain('route:          198.51.100.0/24');
    expect(await page.getByTestId('zones-out').textContent()).toContain('$ORIGIN 100.51.198.in-addr.arpa.');
    await shoot(page, 'objects');
    await page.getByLabel('Name servers').fill('ns1.example.net');
    await page.getByRole('button', { name: 'Show objects' }).click();
    await expect.poll(() => page.locator('.field-error').first().textContent()).toMatch(/at least two distinct name servers.*CHK-32/);
    await page.getByLabel('Block or ASN').fill('AS64496');
    await page.getByLabel('as-set (optional)').fill('AS-CUSTOMERS');
    await page.getByRole('button', { name: 'Show objects' }).click();
    await expect.poll(() => page.locator('.field-error').first().textContent()).toMatch(/hierarchical.*CHK-30/);
    await shoot(page, 'objects-refused');
  });
});
