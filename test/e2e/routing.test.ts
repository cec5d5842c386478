/**
 * The Routing view of an aggregate (Registry → select an aggregate → Routing…) in Debian
 * Chromium through the web bridge, on the demo workspace: a route added from the form and read
 * back by the CLI; an upstream's ASN and a prefix outside the aggregates refused at their field
 * with nothing changed; the ROA plan with its reasons; a route removed and brought back with
 * Ctrl+Z, one undone with the Undo button; a real-world-shaped validator file opened and the
 * routes shown coloured by RPKI state. Screenshots, light and dark, at 1440×900 and 1024×700, go
 * to $HEADROOM_SHOTS/routing (default test-results/screens/routing) for a person to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { routinatorJsonext, strangersVrps } from '../support/vrp-files';
import { useApp, fontsSettled, headroom, loadApp, openSession, tempDir, type Session, shotsDir } from './support/app';

const SHOTS = shotsDir('routing');
vi.setConfig({ testTimeout: 240_000 });

const app = useApp();
let s: Session | undefined;
const files = tempDir('headroom-e2e-vrps-');

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);
afterAll(() => {
  files.cleanup();
});

type Page = Session['page'];

interface RouteJson {
  prefix: string;
  origin: number;
  description: string;
}
function cliRoutes(ws: string): RouteJson[] {
  const r = headroom(['route', 'list', ws, '--json']);
  if (r.code !== 0) throw new Error(`route list failed (exit ${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as RouteJson[];
}
/** Polled: a read-only open can meet the bridge's autosave between the snapshot and the journal. */
const cliRoutesSettled = (ws: string) => expect.poll(() => cliRoutes(ws).map((r) => `${r.prefix} AS${r.origin}`), { timeout: 30_000, interval: 250 });

function form(page: Page) {
  const f = page.getByRole('form', { name: 'Add a route' });
  return {
    prefix: f.getByLabel('Prefix (CIDR)'),
    origin: f.getByLabel('Origin AS'),
    description: f.getByLabel('Description'),
    submit: f.getByRole('button', { name: 'Add route' }),
    errorAt: (label: string) => f.locator('.field-invalid', { has: page.getByText(label, { exact: true }) }).locator('.field-error'),
  };
}
const routeRows = (page: Page) =>
  page.locator('table[aria-label="Routes"] tr[data-route]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-route')));

async function openRouting(aggregate: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Session> {
  s = await openSession(app, options);
  await s.page.setViewportSize({ width: 1440, height: 900 });
  await loadApp(s);
  await s.page.locator(`[data-prefix="${aggregate}"]`).first().click();
  await s.page.getByRole('button', { name: 'Routing…' }).click();
  await s.page.getByRole('heading', { name: `Routing of ${aggregate}` }).waitFor({ state: 'visible' });
  return s;
}

async function addRoute(page: Page, prefix: string, origin: string, description = ''): Promise<void> {
  const f = form(page);
  await f.prefix.fill(prefix);
  await f.origin.fill(origin);
  await f.description.fill(description);
  await f.submit.click();
  await page.locator(`tr[data-route="${prefix} AS${origin.replace(/^AS/i, '')}"]`).waitFor({ state: 'visible' });
}

/** The view at each size: its top (routes, plan) and scrolled to the check, with the notices dismissed. */
async function shoot(page: Page, name: string): Promise<void> {
  const close = page.locator('.notices .notice button');
  while ((await close.count()) > 0) await close.first().click();
  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.getByRole('heading', { name: /^Routing of/ }).scrollIntoViewIfNeeded();
    await fontsSettled(page);
    await page.screenshot({ path: join(SHOTS, `routing-${name}-${w}x${h}-top.png`), animations: 'disabled', caret: 'hide' });
    await page.getByRole('heading', { name: 'Check against a validator' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SHOTS, `routing-${name}-${w}x${h}-check.png`), animations: 'disabled', caret: 'hide' });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** A Routinator jsonext export: our 198.51.100.0/24 right, 198.51.100.128/25 from the wrong AS, plus the rest of the world. */
function vrpFile(): string {
  const path = files.path('vrps.json');
  writeFileSync(
    path,
    routinatorJsonext([
      ...strangersVrps(300),
      { asn: 64496, prefix: '198.51.100.0/24', maxLength: 24, ta: 'ripe' },
      { asn: 64511, prefix: '198.51.100.128/25', maxLength: 25, ta: 'ripe' },
      { asn: 64496, prefix: '198.51.100.0/23', maxLength: 25, ta: 'ripe' },
    ]),
  );
  return path;
}

describe('the Routing view of an aggregate', () => {
  it('records routes, refuses bad ones at the field, plans the ROAs, and undoes', async () => {
    const { page, ws } = await openRouting('198.51.100.0/24');
    const f = form(page);
    expect(await f.prefix.inputValue()).toBe('198.51.100.0/24');
    await addRoute(page, '198.51.100.0/24', 'AS64496', 'RIR allocation');
    await cliRoutesSettled(ws).toEqual(['198.51.100.0/24 AS64496']);

    // An upstream's ASN: refused at the origin, nothing recorded.
    await f.prefix.fill('198.51.100.128/25');
    await f.origin.fill('64497');
    await f.submit.click();
    await f.errorAt('Origin AS').waitFor({ state: 'visible' });
    expect(await f.errorAt('Origin AS').textContent()).toMatch(/AS64497 is marked as an upstream/);
    // Outside our space: refused at the prefix.
    await f.prefix.fill('10.0.0.0/24');
    await f.origin.fill('64496');
    await f.submit.click();
    await f.errorAt('Prefix (CIDR)').waitFor({ state: 'visible' });
    expect(await f.errorAt('Prefix (CIDR)').textContent()).toMatch(/not inside any of our aggregates/);
    expect(cliRoutes(ws).length).toBe(1);

    await addRoute(page, '198.51.100.128/25', '64505', 'Customer BGP');
    expect(await routeRows(page)).toEqual(['198.51.100.0/24 AS64496', '198.51.100.128/25 AS64505']);
    const plan = page.locator('table[aria-label="Planned ROAs"] tbody tr');
    await expect.poll(() => plan.count()).toBe(2);
    expect(await plan.nth(0).textContent()).toContain('maxLength = the prefix length');
    expect(await plan.nth(1).textContent()).toContain('AS64505');
    await page.getByLabel('AS0 for space no route covers').check();
    await expect.poll(() => plan.count()).toBe(2); // the aggregate is fully routed: no AS0 entry
    await page.getByLabel('AS0 for space no route covers').uncheck();

    // Undo (the button) takes back the customer route; Remove and Ctrl+Z bring the first back.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => routeRows(page)).toEqual(['198.51.100.0/24 AS64496']);
    await page.getByRole('button', { name: 'Remove the route 198.51.100.0/24 from AS64496' }).click();
    await expect.poll(() => routeRows(page)).toEqual([]);
    await cliRoutesSettled(ws).toEqual([]);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => routeRows(page)).toEqual(['198.51.100.0/24 AS64496']);
    await cliRoutesSettled(ws).toEqual(['198.51.100.0/24 AS64496']);
    // The only failed requests are the two refusals (HTTP 400 carrying the field error).
    expect(s!.browser.problems.filter((p) => p.startsWith('HTTP'))).toEqual(['HTTP 400: /api/routing.addRoute', 'HTTP 400: /api/routing.addRoute']);
    expect(s!.browser.problems.filter((p) => !p.startsWith('HTTP') && !/status of 400/.test(p))).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('checks a validator file and colours each route by its state (%s theme)', async (scheme) => {
    const { page } = await openRouting('198.51.100.0/24', { colorScheme: scheme });
    await addRoute(page, '198.51.100.0/24', '64496', 'RIR allocation');
    await addRoute(page, '198.51.100.128/25', '64505', 'Customer BGP');
    await addRoute(page, '198.51.100.64/26', '64496', 'Hosting');
    await page.locator('input[type="file"][name="vrps"]').setInputFiles(vrpFile());
    const rows = page.locator('table[aria-label="RPKI state of each route"] tbody tr');
    await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')))).toEqual(['valid', 'invalid-length', 'invalid-asn']);
    expect(await page.getByTestId('vrp-counts').textContent()).toContain('304 VRPs read, 3 on our space, 301 for space that is not ours ignored');
    const bg = (i: number) => rows.nth(i).evaluate((tr) => getComputedStyle(tr).backgroundColor);
    const [valid, invalid] = [await bg(0), await bg(1)];
    expect(valid).not.toBe(invalid);
    expect(valid).not.toBe('rgba(0, 0, 0, 0)');
    const findings = page.locator('table[aria-label="VRPs to fix"] tbody tr');
    expect(await findings.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-finding')))).toContain('too-permissive');
    await expect.poll(() => page.locator('table[aria-label="Planned ROAs"] tbody tr').count()).toBe(3);
    await shoot(page, scheme);
    // A file that is not a validator export is refused, saying why.
    const bad = files.path('bad.json');
    writeFileSync(bad, '{"metadata": {}}');
    await page.locator('input[type="file"][name="vrps"]').setInputFiles(bad);
    await expect.poll(() => page.locator('.routing-section [role="alert"]').textContent()).toContain('no "roas" list');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await page.locator('[data-prefix]').first().waitFor({ state: 'visible' });
    // The only failed request is the refused file (HTTP 400 carrying the field error).
    expect(s!.browser.problems.filter((p) => p.startsWith('HTTP'))).toEqual(['HTTP 400: /api/routing.checkRoas']);
    expect(s!.browser.problems.filter((p) => !p.startsWith('HTTP') && !/status of 400/.test(p))).toEqual([]);
  });
});
