/**
 * The Facility screen in Debian Chromium through the web bridge, on the demo workspace: the
 * site at a glance (a gauge per limit), forms that answer as you type and refuse at the field,
 * saving with undo (checked in the file with the CLI), unit-aware inputs, the battery runtime
 * curve, the sizing sheet on screen and in print, and keyboard use. Screenshots of every view
 * go to test-results/screens/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp, fontsSettled, headroom, openSession, ROOT, type Session } from './support/app';
import { walkTabPastCharts, type TabWalk } from './support/tab-walk';

const SCREENS = join(ROOT, 'test-results', 'screens');
const SITE = 'POP Northgate';

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
  await page.setViewportSize({ width: size.width, height: Math.min(3200, Math.max(size.height, Math.ceil(height))) });
  await page.screenshot({ path: join(SCREENS, `facility-${name}.png`), animations: 'disabled', caret: 'hide' });
  await page.setViewportSize(size);
}

async function openFacility(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  s = await openSession(app, options);
  await s.page.goto(`${s.bridge.url}#/facility`);
  await s.page.locator('[data-limit]').first().waitFor({ state: 'visible' });
  return s.page;
}

async function view(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
}

/** `headroom site limits WS SITE --json` (read-only while the bridge holds the lock: it reads the journal too). */
function cliLimits(ws: string): { limits: { currentItW: number; limits: { key: string; max: number }[] } } {
  const r = headroom(['site', 'limits', ws, SITE, '--json']);
  if (r.code !== 0) throw new Error(`site limits failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as { limits: { currentItW: number; limits: { key: string; max: number }[] } };
}

const gaugePct = (page: Page, key: string) => page.locator(`[data-limit="${key}"] [role="meter"]`).getAttribute('aria-valuenow').then(Number);

describe('the site at a glance', () => {
  it('shows every limit of the demo POP as a gauge with its load now, max, margin and what sets it', async () => {
    const page = await openFacility();
    expect(await page.locator('main h1').textContent()).toBe('Facility');
    expect(await page.getByLabel('Site', { exact: true }).locator('option:checked').textContent()).toBe(SITE);
    const keys = await page.locator('[data-limit]').evaluateAll((els) => els.map((e) => e.getAttribute('data-limit')));
    expect(keys).toEqual(expect.arrayContaining(['ups', 'battery', 'generator-sizing', 'generator-average', 'fuel', 'cooling', 'restore', 'storage']));
    const ups = page.locator('[data-limit="ups"]');
    expect(await ups.textContent()).toMatch(/max 20\.6 kW/);
    expect(await ups.textContent()).toMatch(/margin /);
    expect(await ups.textContent()).toMatch(/3 of 4 units carry the load after the worst failure \(N\+1\)/);
    // The IT load now is the latest measured reading, not the equipment list.
    expect(await page.locator('[data-fact="IT load now"]').textContent()).toMatch(/kW \(measured \d{4}-\d{2}-01\)/);
    const pct = await gaugePct(page, 'ups');
    expect(pct).toBeGreaterThan(50);
    expect(pct).toBeLessThan(80);
    await page.getByRole('figure', { name: 'Measured IT load' }).locator('.recharts-line-curve').waitFor();
    await shoot(page, '1-glance-light');
    expect(s!.browser.problems).toEqual([]);
  });

  it('reads well in the dark theme', async () => {
    const page = await openFacility({ colorScheme: 'dark' });
    await page.getByRole('figure', { name: 'Measured IT load' }).locator('.recharts-line-curve').waitFor();
    await shoot(page, '2-glance-dark');
    await view(page, 'UPS and battery');
    await page.getByRole('figure', { name: 'Battery runtime curve' }).locator('.recharts-line-curve').waitFor();
    await shoot(page, '2b-power-dark');
    await view(page, 'Sizing sheet');
    await shoot(page, '2c-sheet-dark');
    expect(s!.browser.problems).toEqual([]);
  });
});

describe('forms that answer as you type', () => {
  it('recomputes the gauges from the draft, refuses a bad value at its field, and saves nothing until asked', async () => {
    const page = await openFacility();
    const before = cliLimits(s!.ws).limits.currentItW;
    await view(page, 'Equipment');
    await page.getByRole('table', { name: 'Equipment' }).getByText('Core router').click();
    const form = page.getByRole('form', { name: 'Equipment' });
    const coolingBefore = await gaugePct(page, 'cooling');
    await form.getByLabel('Measured (each)', { exact: true }).fill('3000');
    await expect.poll(() => gaugePct(page, 'cooling')).toBeGreaterThan(coolingBefore);
    expect(await page.locator('[data-fact="Connected"]').textContent()).toBe('16 kW');
    await shoot(page, '3-equipment-live');

    await form.getByLabel('Nameplate (each)', { exact: true }).fill('-5');
    const error = form.locator('.field-invalid .field-error');
    await expect.poll(() => error.textContent()).toBe('must be greater than 0');
    await form.getByRole('button', { name: 'Save' }).click();
    await shoot(page, '4-equipment-refused');
    expect(cliLimits(s!.ws).limits.currentItW).toBe(before);
    expect(s!.browser.problems).toEqual([]);
  });

  it('saves a change as one undoable action, and Ctrl+Z undoes it in the file', async () => {
    const page = await openFacility();
    const before = cliLimits(s!.ws).limits.currentItW;
    await view(page, 'Equipment');
    await page.getByRole('table', { name: 'Equipment' }).getByText('Core router').click();
    const form = page.getByRole('form', { name: 'Equipment' });
    // kW: the value is typed in the unit shown beside it.
    await form.getByLabel('Measured (each) unit').selectOption('kW');
    await form.getByLabel('Measured (each)', { exact: true }).fill('2');
    await form.getByLabel('Measured (each)', { exact: true }).press('Enter');
    await expect.poll(() => cliLimits(s!.ws).limits.currentItW).toBe(before + 2 * (2000 - 1650));
    await page.locator('main h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => cliLimits(s!.ws).limits.currentItW).toBe(before);
    await expect.poll(() => page.getByRole('table', { name: 'Equipment' }).locator('tr', { hasText: 'Core router' }).textContent()).toContain('1.65 kW');
  });

  it('adds and refuses a UPS change that the calculators cannot accept (W above VA), at the field', async () => {
    const page = await openFacility();
    await view(page, 'UPS and battery');
    const form = page.getByRole('form', { name: 'UPS system' });
    await form.getByLabel('Unit rating (W) unit').selectOption('kW');
    await form.getByLabel('Unit rating (W)', { exact: true }).fill('12');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.locator('.field-invalid .field-error').first().textContent()).toMatch(/must not exceed ratedVA/);
    const ups = cliLimits(s!.ws).limits.limits.find((l) => l.key === 'ups')!;
    expect(ups.max).toBeCloseTo(20571.43, 1);
  });
});

describe('a new site', () => {
  it('is added from the header, takes its first equipment from the form, and is in the file', async () => {
    const page = await openFacility();
    await page.getByLabel('New site name').fill('Edge Hill');
    await page.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(() => page.getByLabel('Site', { exact: true }).locator('option:checked').textContent()).toBe('Edge Hill');
    await expect.poll(() => page.getByRole('tab', { name: 'Equipment' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('button', { name: '+ Add' }).click();
    const form = page.getByRole('form', { name: 'New equipment' });
    await form.getByLabel('Name', { exact: true }).fill('Edge router');
    await form.getByLabel('Quantity', { exact: true }).fill('2');
    await form.getByLabel('Nameplate (each)', { exact: true }).fill('650');
    await expect.poll(() => page.locator('[data-fact="Connected"]').textContent()).toBe('871 W');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Equipment' }).textContent()).toContain('Edge router');
    const sites = JSON.parse(headroom(['site', 'list', s!.ws, '--json']).stdout) as { name: string; equipmentCount: number }[];
    expect(sites).toContainEqual(expect.objectContaining({ name: 'Edge Hill', equipmentCount: 1 }));
    await view(page, 'At a glance');
    await shoot(page, '11-new-site');
    expect(s!.browser.problems).toEqual([]);
  });
});

describe('unit-aware inputs', () => {
  it('re-expresses the same quantity when the unit changes, so bits and bytes cannot be mixed silently', async () => {
    const page = await openFacility();
    await view(page, 'Backup');
    const form = page.getByRole('form', { name: 'Backup link and data' });
    const link = form.getByLabel('Backup link', { exact: true });
    expect(await link.inputValue()).toBe('1');
    expect(await form.getByLabel('Backup link unit').inputValue()).toBe('Gbit/s');
    await form.getByLabel('Backup link unit').selectOption('MB/s');
    expect(await link.inputValue()).toBe('125');
    await form.getByLabel('Backup link unit').selectOption('Mbit/s');
    expect(await link.inputValue()).toBe('1000');
    const repo = form.getByLabel('Repository capacity', { exact: true });
    expect(await repo.inputValue()).toBe('200');
    await form.getByLabel('Repository capacity unit').selectOption('TiB');
    expect(Number(await repo.inputValue())).toBeCloseTo(181.899, 2);
    await shoot(page, '7-backup');
  });

  it('offers L and US gal for the tank', async () => {
    const page = await openFacility();
    await view(page, 'Generator and fuel');
    const form = page.getByRole('form', { name: 'Generator and fuel' });
    await form.getByLabel('Tank unit').selectOption('gal');
    expect(Number(await form.getByLabel('Tank', { exact: true }).inputValue())).toBeCloseTo(264.172, 2);
    await shoot(page, '5-generator');
  });
});

describe('the battery runtime curve', () => {
  it('is drawn from the vendor table with today’s load and the required runtime marked', async () => {
    const page = await openFacility();
    await view(page, 'UPS and battery');
    const curve = page.getByRole('figure', { name: 'Battery runtime curve' });
    await curve.locator('.recharts-line-curve').waitFor();
    expect(await curve.locator('.recharts-line-dot, .recharts-dot').count()).toBeGreaterThanOrEqual(12);
    expect(await page.getByTestId('runtime-now').textContent()).toMatch(/min$/);
    expect(await curve.textContent()).toMatch(/required 60 min/);
    const before = await page.getByTestId('runtime-now').textContent();
    await page.getByRole('form', { name: 'Battery string' }).getByLabel('Strings', { exact: true }).fill('2');
    await expect.poll(() => page.getByTestId('runtime-now').textContent()).not.toBe(before);
    await page.getByRole('form', { name: 'Battery string' }).getByLabel('Strings', { exact: true }).fill('1');
    await shoot(page, '4b-power');
  });
});

describe('cooling and site', () => {
  it('shows the heat load and N+1 for the cooling units, and the site form', async () => {
    const page = await openFacility();
    await view(page, 'Cooling');
    await page.locator('[data-fact="Tons"]').waitFor();
    await shoot(page, '6-cooling');
    await view(page, 'Site');
    await page.getByRole('form', { name: 'Site', exact: true }).waitFor();
    await shoot(page, '8-site');
  });
});

describe('the sizing sheet', () => {
  it('reads well on screen and prints without the app around it', async () => {
    const page = await openFacility();
    await view(page, 'Sizing sheet');
    const sheet = page.getByRole('article', { name: 'Sizing sheet' });
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain(`Sizing sheet — ${SITE}`);
    expect(await sheet.locator('table.sheet-table').first().locator('tbody tr').count()).toBeGreaterThanOrEqual(8);
    await shoot(page, '9-sheet');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByRole('tablist', { name: 'Facility views' }).isVisible()).toBe(false);
    expect(await sheet.getByRole('button', { name: 'PDF…' }).isVisible()).toBe(false);
    await shoot(page, '10-sheet-print');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('readings', () => {
  it('records a reading (in the file) and refuses a negative one at the field', async () => {
    const page = await openFacility();
    const form = page.getByRole('form', { name: 'Record a reading' });
    await form.getByLabel('Date').fill('2031-01-01');
    await form.getByLabel('Value', { exact: true }).fill('-3');
    await expect.poll(() => form.locator('.field-error').textContent()).toBe('must not be negative');
    await form.getByLabel('Value', { exact: true }).fill('15.5');
    await form.getByRole('button', { name: 'Record' }).click();
    await expect
      .poll(() => {
        const r = headroom(['reading', 'list', s!.ws, SITE, '--kind', 'itW', '--json']);
        return (JSON.parse(r.stdout) as { date: string; value: number }[]).at(-1);
      })
      .toEqual(expect.objectContaining({ date: '2031-01-01', value: 15500 }));
  });
});

describe('plain words (issue 14, item 6)', () => {
  it('no view of the site names a section of a spec or an internal field path', async () => {
    const page = await openFacility();
    for (const name of ['At a glance', 'UPS and battery', 'Generator and fuel', 'Cooling', 'Backup', 'Sizing sheet']) {
      await view(page, name);
      await page.locator('main [aria-busy="true"]').first().waitFor({ state: 'detached' });
      const text = (await page.locator('main').textContent())!;
      expect(text, name).not.toMatch(/spec §|§\s?\d/);
      expect(text, name).not.toMatch(/[a-z][A-Za-z]*\[\d+\]|[a-z][A-Za-z]+\.\d+\.[a-z]/);
    }
    expect(s!.browser.problems).toEqual([]);
  });
});

describe('keyboard only', () => {
  it('Tab never stops inside a chart: from the control before it straight to the control after it', async () => {
    const check = (walk: TabWalk, names: string[]) => {
      expect(walk.backwards, walk.steps.join(' → ')).toBeNull();
      expect(walk.charts.map((c) => c.chart)).toEqual(names);
      for (const c of walk.charts) {
        expect(c.path, `${c.chart}: ${c.before} never reached; walk: ${walk.steps.join(' → ')}`).not.toBeNull();
        expect(c.between, `${c.chart}: ${c.after} not reached; path: ${c.path?.join(' → ')}`).not.toBeNull();
        expect(
          c.between!.filter((x) => !x.startsWith('frame: ')),
          `${c.chart}: ${c.path!.join(' → ')}`,
        ).toEqual([]);
        expect(new Set(c.between).size, 'a frame is one stop').toBe(c.between!.length);
      }
    };
    const page = await openFacility();
    await page.getByRole('figure', { name: 'Protected data' }).locator('.recharts-line-curve').waitFor();
    check(await walkTabPastCharts(page, page.getByRole('tab', { name: 'At a glance' }), 60), ['Measured IT load', 'Protected data']);
    await view(page, 'UPS and battery');
    await page.getByRole('figure', { name: 'Battery runtime curve' }).locator('.recharts-line-curve').waitFor();
    check(await walkTabPastCharts(page, page.getByRole('tab', { name: 'UPS and battery' }), 60), ['Battery runtime curve']);
    expect(s!.browser.problems).toEqual([]);
  }, 240_000);

  it('moves between views with the arrow keys and edits a list line without the mouse', async () => {
    const page = await openFacility();
    await page.getByRole('tab', { name: 'At a glance' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Equipment');
    expect(await page.getByRole('tab', { name: 'Equipment' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('table', { name: 'Equipment' }).focus();
    await page.keyboard.press('ArrowDown');
    const form = page.getByRole('form', { name: 'Equipment' });
    await form.waitFor();
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('Core router');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => form.getByLabel('Name', { exact: true }).inputValue()).toBe('Aggregation switch');
    await form.getByLabel('Name', { exact: true }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('form', { name: 'Equipment' }).count()).toBe(0);
    await page.keyboard.press('End');
  });
});
