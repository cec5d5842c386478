/**
 * The ASNs screen in Debian Chromium through the web bridge, on the demo workspace: the demo's
 * ASNs (all in the documentation range 64496–64511) listed with their flags and warnings, the
 * block each is in and the day it was taken into use; a 4-byte ASN typed in asdot read as you
 * type and recorded in asplain (checked with the CLI); malformed and out-of-range numbers and a
 * duplicate refused at the field with nothing changed; a removal asked for, confirmed and undone
 * with Ctrl+Z; the whole flow from the keyboard alone. ASN blocks: the demo's block listed with
 * 5 of 16 used; a block added in asdot and an ASN with a date counted in it; a last bound below
 * the first, an overlap and a taken name refused at the field with nothing changed; a block
 * removed with Delete and brought back with Ctrl+Z. Screenshots in the light and dark themes go
 * to test-results/screens/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useApp, fontsSettled, headroom, loadApp, openSession, ROOT, type Session } from './support/app';

const SCREENS = join(ROOT, 'test-results', 'screens');
const DEMO_ASNS = [64496, 64497, 64498, 64500, 64511];
/** The day each demo ASN was taken into use (resources/demo/demo-workspace.json). */
const DEMO_DATES: Record<number, string> = { 64496: '2019-05-01', 64497: '2019-05-01', 64498: '2021-03-15', 64500: '2023-09-01', 64511: '2025-06-01' };

// Each test drives a browser through many steps on a machine shared with other suites.
vi.setConfig({ testTimeout: 180_000 });

const app = useApp();
let s: Session | undefined;

beforeAll(() => {
  mkdirSync(SCREENS, { recursive: true });
}, 300_000);

type Page = Session['page'];

interface AsnJson {
  asn: number;
  asdot: string;
  description: string;
  asn16: boolean;
  special: { kind: string; rfc: string } | null;
  warning: string | null;
}

/** `headroom asn list WS --json` (read-only while the bridge holds the lock: it reads the journal too). */
function cliAsns(ws: string): AsnJson[] {
  const r = headroom(['asn', 'list', ws, '--json']);
  if (r.code !== 0) throw new Error(`asn list failed (exit ${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as AsnJson[];
}

/**
 * The ASNs the CLI reads back after a change, polled: a read-only open that meets the bridge's
 * autosave between reading the snapshot and reading the journal (just reset) sees the state
 * before the change; the next read is right.
 */
const cliAsnsSettled = (ws: string) => expect.poll(() => cliAsns(ws).map((a) => a.asn), { timeout: 30_000, interval: 250 });

interface BlockJson {
  name: string;
  first: number;
  last: number;
  size: number;
  used: number;
  description: string;
  date: string;
}

/** `headroom asn-range list WS --json`. */
function cliBlocks(ws: string): BlockJson[] {
  const r = headroom(['asn-range', 'list', ws, '--json']);
  if (r.code !== 0) throw new Error(`asn-range list failed (exit ${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as BlockJson[];
}

/** The block names the CLI reads back after a change, polled (see cliAsnsSettled). */
const cliBlocksSettled = (ws: string) => expect.poll(() => cliBlocks(ws).map((b) => b.name), { timeout: 30_000, interval: 250 });

/** How many changes the workspace has recorded (`headroom history --json`). */
function historyLength(ws: string): number {
  const r = headroom(['history', ws, '--json']);
  if (r.code !== 0) throw new Error(`history failed (exit ${r.code}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as unknown[]).length;
}

/** The whole view: the window is made as tall as what <main> scrolls, for the shot only. */
async function shoot(page: Page, name: string): Promise<void> {
  await fontsSettled(page);
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    return main.scrollHeight + main.getBoundingClientRect().top;
  });
  await page.setViewportSize({ width: size.width, height: Math.min(3600, Math.max(size.height, Math.ceil(height))) });
  await page.screenshot({ path: join(SCREENS, `asns-${name}.png`), animations: 'disabled', caret: 'hide' });
  await page.setViewportSize(size);
}

function form(page: Page) {
  const f = page.getByRole('form', { name: 'Add an AS number' });
  return {
    asn: f.getByLabel('AS number'),
    description: f.getByLabel('Description'),
    date: f.getByLabel('In use since'),
    submit: f.getByRole('button', { name: 'Add ASN' }),
    preview: f.getByTestId('asn-preview'),
    /** The error shown at the AS number field. */
    asnError: f.locator('.field-invalid .field-error'),
  };
}

function blockForm(page: Page) {
  const f = page.getByRole('form', { name: 'Add an ASN block' });
  return {
    name: f.getByLabel('Block name'),
    first: f.getByLabel('First ASN'),
    last: f.getByLabel('Last ASN'),
    description: f.getByLabel('Description'),
    date: f.getByLabel('Obtained'),
    submit: f.getByRole('button', { name: 'Add block' }),
    firstPreview: f.getByTestId('block-first-preview'),
    lastPreview: f.getByTestId('block-last-preview'),
    /** The error shown at one field (by its label). */
    errorAt: (label: string) => f.locator('.field-invalid', { has: page.getByText(label, { exact: true }) }).locator('.field-error'),
    errors: f.locator('.field-error'),
  };
}

const row = (page: Page, asn: number) => page.locator(`tr[data-asn="${asn}"]`);
const blockRow = (page: Page, name: string) => page.locator(`tr[data-block="${name}"]`);
const blockNames = (page: Page) => page.locator('tr[data-block]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-block')));
const rowCount = (page: Page) => page.locator('tr[data-asn]').count();
const focusedAsn = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-asn') ?? document.activeElement?.tagName ?? null);

/** Opens the ASNs screen and waits for the demo's rows. */
async function openAsns(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Session> {
  s = await openSession(app, options);
  await loadApp(s, '#/asns');
  await row(s.page, 64496).waitFor({ state: 'visible' });
  return s;
}

describe('the demo’s ASNs', () => {
  it('are listed in asplain and asdot, 16-bit, each flagged as documentation (RFC 5398) with its warning', async () => {
    const { page } = await openAsns();
    expect(await page.locator('main h1').textContent()).toBe('ASNs');
    const shown = await page.locator('tr[data-asn]').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-asn'))));
    expect(shown).toEqual(DEMO_ASNS);
    expect(await page.getByTestId('asn-count').textContent()).toBe('5 ASNs');
    for (const asn of DEMO_ASNS) {
      const r = row(page, asn);
      expect(await r.getAttribute('data-kind')).toBe('documentation');
      const cells = await r.locator('td').allTextContents();
      expect(cells[0]).toBe(`AS${asn}`);
      expect(cells[1]).toBe(String(asn));
      expect(cells[2]).toBe('16-bit');
      expect(cells[3]).toBe('DOC-ASNS');
      expect(await r.getByTestId('asn-date').textContent()).toBe(DEMO_DATES[asn]);
      const chip = r.locator('.asn-chip');
      expect(await chip.textContent()).toBe('Documentation');
      expect(await chip.getAttribute('title')).toBe('Reserved for documentation (RFC 5398)');
      expect(cells[4]).toContain('RFC 5398');
      expect(await r.getByTestId('asn-warning').textContent()).toContain(`AS${asn} is in AS64496–AS64511: Reserved for documentation (RFC 5398)`);
      expect(await r.getByTestId('asn-warning').textContent()).toContain('never announced to the Internet');
    }
    expect(await row(page, 64497).textContent()).toContain('Transit A (upstream)');
    await shoot(page, 'light');
    expect(s!.browser.problems).toEqual([]);
  });

  it('look right in the dark theme too, with a refusal and an IANA-reserved ASN that can never be ours', async () => {
    const { page } = await openAsns({ colorScheme: 'dark' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const f = form(page);
    // 65552–131071 is reserved by IANA: the warning says it cannot be ours.
    await f.asn.fill('1.100');
    await f.description.fill('Typo for a neighbour');
    await f.submit.click();
    const reserved = row(page, 65636);
    await reserved.waitFor({ state: 'visible' });
    expect(await reserved.getAttribute('data-kind')).toBe('iana-reserved');
    expect(await reserved.getByTestId('asn-warning').textContent()).toContain('it cannot be an AS number of yours');
    await f.asn.fill('1.70000');
    await f.submit.click();
    await f.asnError.waitFor({ state: 'visible' });
    await row(page, 64500).click();
    await shoot(page, 'dark');
    expect(s!.browser.problems).toEqual([]);
  });
});

describe('adding an ASN', () => {
  it('reads a 4-byte ASN typed in asdot as you type, and records it in asplain (read back by the CLI)', async () => {
    const { page } = await openAsns();
    const f = form(page);
    await f.asn.fill('3.2');
    await expect.poll(() => f.preview.textContent()).toBe('AS196610 · asdot 3.2 · 32-bit');
    expect(await f.preview.getAttribute('data-valid')).toBe('true');
    await f.description.fill('Transit C (4-byte)');
    await shoot(page, 'typing-asdot');
    await f.submit.click();
    const r = row(page, 196610);
    await r.waitFor({ state: 'visible' });
    const cells = await r.locator('td').allTextContents();
    expect(cells.slice(0, 4)).toEqual(['AS196610', '3.2', '32-bit', '—']);
    expect(await r.getAttribute('data-kind')).toBe('none');
    expect(await r.getByTestId('asn-warning').count()).toBe(0);
    expect(cells[5]).toBe('Transit C (4-byte)');
    expect(await f.asn.inputValue()).toBe('');
    await expect.poll(() => page.locator('.notice').last().textContent()).toContain('Added AS196610 (asdot 3.2)');
    await expect
      .poll(() => cliAsns(s!.ws).find((a) => a.asn === 196610), { timeout: 30_000, interval: 250 })
      .toMatchObject({ asdot: '3.2', asn16: false, description: 'Transit C (4-byte)', special: null });

    // "AS" as RPSL writes it, and a private-use 4-byte ASN with its flag in the preview and the row.
    await f.asn.fill('AS4200000000');
    await expect.poll(() => f.preview.textContent()).toContain('AS4200000000 · asdot 64086.59904 · 32-bit');
    expect(await f.preview.locator('.asn-chip').textContent()).toBe('Private use');
    await f.asn.press('Enter');
    await row(page, 4200000000).waitFor({ state: 'visible' });
    expect(await row(page, 4200000000).getAttribute('data-kind')).toBe('private-use');
    expect(await rowCount(page)).toBe(DEMO_ASNS.length + 2);
    expect(s!.browser.problems).toEqual([]);
  });
});

describe('refusing an ASN at the field', () => {
  const BAD = [
    ['4294967296', /"4294967296" is above the largest AS number, 4294967295/],
    ['-1', /"-1" is not an AS number/],
    ['12abc', /"12abc" is not an AS number/],
    ['1.70000', /"1\.70000": each part of an asdot number must be 0–65535/],
  ] as const;

  it('shows the problem at the AS number field for an out-of-range or malformed number, and changes nothing', async () => {
    const { page } = await openAsns();
    const f = form(page);
    const history = historyLength(s!.ws);
    for (const [input, message] of BAD) {
      await f.asn.fill(input);
      // As you type, the hint already says what is wrong (quietly: not yet an error).
      await expect.poll(() => f.preview.getAttribute('data-valid')).toBe('false');
      expect(await f.preview.textContent()).toMatch(message);
      await f.submit.click();
      await f.asnError.waitFor({ state: 'visible' });
      const text = (await f.asnError.textContent()) ?? '';
      expect(text).toMatch(message);
      // The label names the field; the message names the problem and quotes what was typed.
      expect(text).not.toMatch(/^asn:/);
      expect(await f.asn.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await f.asn.getAttribute('aria-describedby');
      expect(describedBy).toBeTruthy();
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(text);
      expect(await f.asn.inputValue()).toBe(input);
      expect(await rowCount(page)).toBe(DEMO_ASNS.length);
      // Correcting the text clears the refusal.
      await f.asn.fill('');
      await expect.poll(() => f.asnError.count()).toBe(0);
      expect(await f.asn.getAttribute('aria-invalid')).toBe('false');
    }
    await f.asn.fill('12abc');
    await f.submit.click();
    await f.asnError.waitFor({ state: 'visible' });
    await shoot(page, 'refused');
    expect(cliAsns(s!.ws).map((a) => a.asn)).toEqual(DEMO_ASNS);
    expect(historyLength(s!.ws)).toBe(history);
    expect(s!.browser.problems).toEqual([]);
  });

  it('the service behind the screen refuses the same numbers, naming the field', async () => {
    const { page } = await openAsns();
    for (const [input, message] of BAD) {
      const answer = await page.evaluate(async (asn) => {
        const r = await fetch('/api/registry.addAsn', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('headroom-token') ?? ''}` },
          body: JSON.stringify({ asn }),
        });
        return (await r.json()) as { ok: boolean; error?: { code: string; field?: string; message: string } };
      }, input);
      expect(answer.ok).toBe(false);
      expect(answer.error).toMatchObject({ code: 'invalid', field: 'asn' });
      // The field travels beside the message (issue 18): the message is the problem alone.
      expect(answer.error!.message).not.toMatch(/^asn: /);
      expect(answer.error!.message).toMatch(message);
    }
    expect(cliAsns(s!.ws).map((a) => a.asn)).toEqual(DEMO_ASNS);
  });

  it('refuses an ASN already recorded, even written another way (asdot+ 0.64496 is AS64496), and adds nothing', async () => {
    const { page } = await openAsns();
    const f = form(page);
    const history = historyLength(s!.ws);
    for (const input of ['64496', '0.64496', 'as64496']) {
      await f.asn.fill(input);
      await expect.poll(() => f.preview.textContent()).toContain('AS64496 · asdot 64496 · 16-bit');
      await f.submit.click();
      await f.asnError.waitFor({ state: 'visible' });
      expect(await f.asnError.textContent()).toBe('AS64496 is already recorded');
      expect(await f.asn.getAttribute('aria-invalid')).toBe('true');
      expect(await rowCount(page)).toBe(DEMO_ASNS.length);
    }
    expect(cliAsns(s!.ws).map((a) => a.asn)).toEqual(DEMO_ASNS);
    expect(historyLength(s!.ws)).toBe(history);
    // The only failed requests are the refused duplicates (HTTP 409 carrying the field error).
    expect(s!.browser.problems.some((p) => p.includes('/api/registry.addAsn'))).toBe(true);
    expect(s!.browser.problems.filter((p) => !p.includes('409'))).toEqual([]);
  });
});

describe('removing an ASN', () => {
  it('asks first, removes it on confirmation, and Ctrl+Z brings it back (page and file)', async () => {
    const { page } = await openAsns();
    await page.getByRole('button', { name: 'Remove AS64511' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove AS64511?' });
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.textContent()).toContain('Lab and staging');
    await shoot(page, 'confirm-remove');
    // Cancel keeps it.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await row(page, 64511).count()).toBe(1);

    await page.getByRole('button', { name: 'Remove AS64511' }).click();
    await dialog.getByRole('button', { name: 'Remove AS64511' }).click();
    await row(page, 64511).waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.notice').last().textContent()).toContain('Removed AS64511. Ctrl+Z undoes it.');
    await cliAsnsSettled(s!.ws).toEqual(DEMO_ASNS.slice(0, -1));

    // Ctrl+Z in a text field belongs to the field; on the page it undoes the removal.
    await page.locator('main').focus();
    await page.keyboard.press('Control+z');
    await row(page, 64511).waitFor({ state: 'visible' });
    expect(await row(page, 64511).textContent()).toContain('Lab and staging');
    await cliAsnsSettled(s!.ws).toEqual(DEMO_ASNS);
    expect(s!.browser.problems).toEqual([]);
  });
});

describe('the keyboard alone', () => {
  it('reaches the form, adds an ASN, filters, moves between rows, removes with Delete after a confirmation, and undoes', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const f = form(page);
    await page.locator('main').focus();
    await page.keyboard.press('Alt+2');
    await row(page, 64496).waitFor({ state: 'visible' });

    // Tab from the top of the page to the AS number field.
    await page.locator('main').focus();
    for (let i = 0; i < 30 && !(await f.asn.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await f.asn.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.type('65551');
    await expect.poll(() => f.preview.textContent()).toContain('AS65551 · asdot 1.15 · 32-bit');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lab route reflector');
    await page.keyboard.press('Enter');
    await row(page, 65551).waitFor({ state: 'visible' });
    expect(await row(page, 65551).getAttribute('data-kind')).toBe('documentation');
    await expect.poll(() => f.asn.inputValue()).toBe('');

    // On past the optional date (Tab walks its day, month and year) to the filter box (the Add
    // button is disabled with the field empty, so it is skipped).
    await page.keyboard.press('Tab');
    expect(await f.date.evaluate((el) => el === document.activeElement)).toBe(true);
    const label = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    for (let i = 0; i < 5 && (await label()) !== 'Filter ASNs'; i++) await page.keyboard.press('Tab');
    expect(await label()).toBe('Filter ASNs');
    await page.keyboard.type('transit');
    await expect.poll(() => rowCount(page)).toBe(2);
    expect(await page.getByTestId('asn-count').textContent()).toBe('2 of 6 ASNs');

    // Down into the rows, and between them.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedAsn(page)).toBe('64497');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedAsn(page)).toBe('64498');
    await page.keyboard.press('Home');
    await expect.poll(() => focusedAsn(page)).toBe('64497');
    await page.keyboard.press('End');
    await expect.poll(() => focusedAsn(page)).toBe('64498');
    expect(await row(page, 64498).getAttribute('aria-selected')).toBe('true');
    await shoot(page, 'keyboard');

    // Delete asks; Escape keeps the row and gives the focus back to it.
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('dialog', { name: 'Remove AS64498?' });
    await dialog.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Remove AS64498');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedAsn(page)).toBe('64498');

    // Delete, Enter removes it; the focus goes to the row that is left.
    await page.keyboard.press('Delete');
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await row(page, 64498).waitFor({ state: 'detached' });
    await expect.poll(() => focusedAsn(page)).toBe('64497');
    await cliAsnsSettled(s.ws).not.toContain(64498);

    // Ctrl+Z brings it back, Ctrl+Shift+Z removes it again.
    await page.keyboard.press('Control+z');
    await row(page, 64498).waitFor({ state: 'visible' });
    await cliAsnsSettled(s.ws).toContain(64498);
    await page.keyboard.press('Control+Shift+Z');
    await row(page, 64498).waitFor({ state: 'detached' });

    // Removing the last row the filter shows leaves the focus where Ctrl+Z still works.
    await page.keyboard.press('Delete');
    await page.getByRole('dialog', { name: 'Remove AS64497?' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await row(page, 64497).waitFor({ state: 'detached' });
    expect(await page.locator('.asn-list .empty-state').textContent()).toContain('No ASN matches “transit”');
    await page.keyboard.press('Control+z');
    await row(page, 64497).waitFor({ state: 'visible' });
    expect(s.browser.problems).toEqual([]);
  });
});

describe('ASN blocks', () => {
  it('lists the demo’s block with its bounds in asplain and asdot and 5 of its 16 ASNs used', async () => {
    const { page } = await openAsns();
    const b = blockRow(page, 'DOC-ASNS');
    await b.waitFor({ state: 'visible' });
    expect(await blockNames(page)).toEqual(['DOC-ASNS']);
    expect(await b.getByTestId('block-range').textContent()).toBe('AS64496–AS64511');
    expect(await b.getByTestId('block-asdot').textContent()).toBe('64496–64511');
    expect(await b.getByTestId('block-used').textContent()).toBe('5');
    expect(await b.getByTestId('block-size').textContent()).toBe('16');
    expect(await b.getByTestId('block-usage').textContent()).toBe('5/1631 %');
    const meter = b.getByRole('meter', { name: 'DOC-ASNS usage' });
    expect(await meter.getAttribute('aria-valuenow')).toBe('5');
    expect(await meter.getAttribute('aria-valuemax')).toBe('16');
    expect(await meter.getAttribute('aria-valuetext')).toBe('5 of 16 used (31 %)');
    expect(await b.getByTestId('block-date').textContent()).toBe('2019-04-01');
    expect(await b.textContent()).toContain('documentation ASNs (RFC 5398)');
    expect(s!.browser.problems).toEqual([]);
  });

  it('adds a block typed in asdot, and an ASN added with a date is counted in it and shows the date', async () => {
    const { page } = await openAsns();
    const bf = blockForm(page);
    const history = historyLength(s!.ws);
    await bf.name.fill('CUST-4B');
    await bf.first.fill('3.0');
    await expect.poll(() => bf.firstPreview.textContent()).toBe('AS196608 · asdot 3.0');
    await bf.last.fill('3.1023');
    await expect.poll(() => bf.lastPreview.textContent()).toBe('AS197631 · asdot 3.1023 · 1024 ASNs');
    await bf.description.fill('4-byte ASNs for BGP customers');
    await bf.date.fill('2025-01-15');
    await bf.submit.click();
    const b = blockRow(page, 'CUST-4B');
    await b.waitFor({ state: 'visible' });
    // Listed in order of their first ASN.
    expect(await blockNames(page)).toEqual(['DOC-ASNS', 'CUST-4B']);
    expect(await b.getByTestId('block-range').textContent()).toBe('AS196608–AS197631');
    expect(await b.getByTestId('block-asdot').textContent()).toBe('3.0–3.1023');
    expect(await b.getByTestId('block-usage').textContent()).toBe('0/10240 %');
    expect(await b.getByTestId('block-date').textContent()).toBe('2025-01-15');
    expect(await bf.name.inputValue()).toBe('');
    await expect.poll(() => page.locator('.notice').last().textContent()).toContain('Added the block CUST-4B (AS196608–AS197631, 1024 ASNs)');
    await expect
      .poll(() => cliBlocks(s!.ws).find((x) => x.name === 'CUST-4B'), { timeout: 30_000, interval: 250 })
      .toMatchObject({ first: 196608, last: 197631, size: 1024, used: 0, description: '4-byte ASNs for BGP customers', date: '2025-01-15' });
    expect(historyLength(s!.ws)).toBe(history + 1);

    // An ASN inside it, taken into use on a given day.
    const f = form(page);
    await f.asn.fill('3.2');
    await f.description.fill('Customer Alpha');
    await f.date.fill('2025-02-03');
    await f.submit.click();
    const r = row(page, 196610);
    await r.waitFor({ state: 'visible' });
    expect(await r.getByTestId('asn-block').textContent()).toBe('CUST-4B');
    expect(await r.getByTestId('asn-date').textContent()).toBe('2025-02-03');
    await expect.poll(() => b.getByTestId('block-used').textContent()).toBe('1');
    expect(await b.getByRole('meter').getAttribute('aria-valuetext')).toBe('1 of 1024 used (<0.1 %)');
    expect(await f.date.inputValue()).toBe('');
    await expect.poll(() => cliAsns(s!.ws).find((a) => a.asn === 196610), { timeout: 30_000, interval: 250 }).toMatchObject({ date: '2025-02-03' });
    // The filter finds ASNs by their block.
    await page.getByLabel('Filter ASNs').fill('cust-4b');
    await expect.poll(() => rowCount(page)).toBe(1);
    await page.getByLabel('Filter ASNs').fill('');
    await shoot(page, 'block-added');
    expect(s!.browser.problems).toEqual([]);
  });

  it('refuses a last ASN below the first, an overlap and a taken name at the field, and changes nothing', async () => {
    const { page } = await openAsns();
    const bf = blockForm(page);
    const history = historyLength(s!.ws);
    const before = cliBlocks(s!.ws);

    // Last below first: said as you type, refused at Last on submit (without a round trip).
    await bf.name.fill('BACKWARDS');
    await bf.first.fill('65000');
    await bf.last.fill('64000');
    await expect.poll(() => bf.lastPreview.getAttribute('data-valid')).toBe('false');
    expect(await bf.lastPreview.textContent()).toBe('AS64000 is below the first ASN of the block (AS65000)');
    await bf.submit.click();
    await bf.errorAt('Last ASN').waitFor({ state: 'visible' });
    expect(await bf.errorAt('Last ASN').textContent()).toBe('AS64000 is below the first ASN of the block (AS65000)');
    expect(await bf.last.getAttribute('aria-invalid')).toBe('true');
    expect(await bf.errors.count()).toBe(1);

    // A malformed bound: at its field, in the parser's words.
    await bf.last.fill('1.70000');
    await expect.poll(() => bf.errorAt('Last ASN').count()).toBe(0);
    await bf.submit.click();
    await bf.errorAt('Last ASN').waitFor({ state: 'visible' });
    expect(await bf.errorAt('Last ASN').textContent()).toBe('"1.70000": each part of an asdot number must be 0–65535');

    // An overlap with the demo's block: hinted as you type, refused by the workspace at First.
    await bf.name.fill('OVERLAP');
    await bf.first.fill('64500');
    await bf.last.fill('64600');
    await expect.poll(() => bf.firstPreview.textContent()).toBe('overlaps the block DOC-ASNS (AS64496–AS64511)');
    await bf.submit.click();
    await bf.errorAt('First ASN').waitFor({ state: 'visible' });
    expect(await bf.errorAt('First ASN').textContent()).toBe('AS64500–AS64600 overlaps the block "DOC-ASNS" (AS64496–AS64511)');
    expect(await bf.first.getAttribute('aria-invalid')).toBe('true');
    expect(await bf.errors.count()).toBe(1);
    // Typing in another field keeps the refusal where it is; typing in First clears it.
    await bf.description.fill('x');
    expect(await bf.errorAt('First ASN').count()).toBe(1);
    await bf.first.fill('64600');
    await expect.poll(() => bf.errorAt('First ASN').count()).toBe(0);

    // A name already taken (the bounds themselves are free).
    await bf.name.fill('DOC-ASNS');
    await bf.first.fill('64512');
    await bf.last.fill('64520');
    await bf.submit.click();
    await bf.errorAt('Block name').waitFor({ state: 'visible' });
    expect(await bf.errorAt('Block name').textContent()).toBe('there is already an ASN block named "DOC-ASNS"');
    expect(await bf.name.getAttribute('aria-invalid')).toBe('true');
    expect(await bf.name.inputValue()).toBe('DOC-ASNS');
    await shoot(page, 'block-refused');

    expect(await blockNames(page)).toEqual(['DOC-ASNS']);
    expect(cliBlocks(s!.ws)).toEqual(before);
    expect(historyLength(s!.ws)).toBe(history);
    // The only failed requests are the two refusals (HTTP 409 carrying the field error).
    expect(s!.browser.problems.filter((p) => p.includes('/api/registry.addAsnRange'))).toHaveLength(2);
    expect(s!.browser.problems.filter((p) => !p.includes('409'))).toEqual([]);
  });

  it('the service behind the screen refuses a last ASN below the first at that field', async () => {
    const { page } = await openAsns();
    const answer = await page.evaluate(async () => {
      const r = await fetch('/api/registry.addAsnRange', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('headroom-token') ?? ''}` },
        body: JSON.stringify({ name: 'BACKWARDS', first: '65000', last: '64000' }),
      });
      return (await r.json()) as { ok: boolean; error?: { code: string; field?: string; message: string } };
    });
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatchObject({ code: 'invalid', field: 'last' });
    expect(answer.error!.message).toContain('AS64000 is below the first ASN of the block (AS65000)');
    expect(cliBlocks(s!.ws).map((b) => b.name)).toEqual(['DOC-ASNS']);
  });

  it('removes a block with Delete after a confirmation (its ASNs stay), and Ctrl+Z brings it back', async () => {
    const { page } = await openAsns();
    const b = blockRow(page, 'DOC-ASNS');
    await b.waitFor({ state: 'visible' });
    await b.focus();
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('dialog', { name: 'Remove the block DOC-ASNS?' });
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.textContent()).toContain('The 5 ASNs recorded in it stay');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Remove DOC-ASNS');
    await shoot(page, 'confirm-remove-block');
    // Escape keeps it, and the focus goes back to its row.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-block'))).toBe('DOC-ASNS');

    await page.keyboard.press('Delete');
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await b.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.notice').last().textContent()).toContain('Removed the block DOC-ASNS. Ctrl+Z undoes it.');
    expect(await page.locator('.asn-blocks .empty-state').textContent()).toContain('No ASN blocks yet');
    // The ASNs are still there, now in no block.
    expect(await rowCount(page)).toBe(DEMO_ASNS.length);
    await expect.poll(() => row(page, 64496).getByTestId('asn-block').textContent()).toBe('—');
    await cliBlocksSettled(s!.ws).toEqual([]);
    expect(cliAsns(s!.ws).map((a) => a.asn)).toEqual(DEMO_ASNS);

    // The focus stayed on the page, so Ctrl+Z undoes the removal.
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('INPUT');
    await page.keyboard.press('Control+z');
    await b.waitFor({ state: 'visible' });
    expect(await b.getByTestId('block-usage').textContent()).toBe('5/1631 %');
    expect(await row(page, 64496).getByTestId('asn-block').textContent()).toBe('DOC-ASNS');
    await cliBlocksSettled(s!.ws).toEqual(['DOC-ASNS']);
    expect(s!.browser.problems).toEqual([]);
  });
});
