/** The shell in a real browser: the demo opens, and every area is reachable by mouse and by Alt+N. */
import { describe, expect, it } from 'vitest';
import { useApp, loadApp, openSession, type Session } from './support/app';

/**
 * What each area shows today: the Registry its block rows, a built area its own screen, an area
 * not built yet its empty state. When a team builds an area, its line here changes to 'screen'.
 */
const AREAS = [
  { key: '1', hash: 'registry', label: 'Registry', shows: 'rows' },
  { key: '2', hash: 'asns', label: 'ASNs', shows: 'screen' },
  { key: '3', hash: 'requests', label: 'Requests', shows: 'screen' },
  { key: '4', hash: 'facility', label: 'Facility', shows: 'screen' },
  { key: '5', hash: 'forecasts', label: 'Forecasts', shows: 'screen' },
  { key: '6', hash: 'reports', label: 'Reports', shows: 'screen' },
  { key: '7', hash: 'settings', label: 'Settings', shows: 'screen' },
] as const;

const app = useApp();
let s: Session | undefined;

/** What the page shows for an area: the Registry's rows, a built area's screen, or the empty state. */
async function expectArea(page: Session['page'], area: (typeof AREAS)[number]): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/${area.hash}`);
  await expect.poll(() => page.locator('main h1').textContent()).toBe(area.label);
  const current = page.locator('nav[aria-label="Areas"] a[aria-current="page"]');
  expect(await current.count()).toBe(1);
  expect(await current.textContent()).toContain(area.label);
  if (area.shows === 'rows') {
    await page.locator('[data-prefix="198.51.100.0/24"]').waitFor({ state: 'visible' });
    expect(await page.getByTestId('empty-state').count()).toBe(0);
    expect(await page.locator('[data-prefix]').count()).toBeGreaterThan(5);
  } else if (area.shows === 'screen') {
    await page.locator(`main section[aria-labelledby="${area.hash}-title"]`).waitFor({ state: 'visible' });
    expect(await page.getByTestId('empty-state').count()).toBe(0);
    expect(await page.locator('[data-prefix]').count()).toBe(0);
  } else {
    const empty = page.getByTestId('empty-state');
    await empty.waitFor({ state: 'visible' });
    expect(await empty.getByRole('heading', { level: 2 }).textContent()).toBe('Not built yet');
    expect(await empty.textContent()).toContain('This area arrives in a coming version.');
    expect(await page.locator('[data-prefix]').count()).toBe(0);
  }
}

describe('opening the demo', () => {
  it('creates and opens HEADROOM_HOME/demo.headroom when started without a workspace, showing its blocks', async () => {
    s = await openSession(app, { demo: 'default' });
    await loadApp(s);
    const { page } = s;
    expect(await page.title()).toBe('Headroom');
    expect(await page.locator('.ws-name').textContent()).toContain('demo');
    for (const cidr of ['192.0.2.0/24', '198.51.100.0/24', '198.51.100.64/26']) {
      await page.locator(`[data-prefix="${cidr}"]`).waitFor({ state: 'visible' });
    }
    expect(await page.getByTestId('prefix-count').textContent()).toMatch(/^\d+ blocks/);
    // The session token leaves the address bar once the client has it.
    expect(page.url()).not.toContain('token=');
    expect(s.browser.problems).toEqual([]);
  });

  it('opens a workspace made by `headroom init --demo` when the bridge is given its path', async () => {
    s = await openSession(app, { demo: 'init' });
    await loadApp(s);
    expect(await s.page.locator('.ws-name').textContent()).toContain('isp');
    await s.page.locator('[data-prefix="192.0.2.0/24"]').waitFor({ state: 'visible' });
    expect(s.browser.problems).toEqual([]);
  });
});

describe('visiting every area', () => {
  it('by clicking each entry of the sidebar, which shows its rows, its screen or its empty state', async () => {
    s = await openSession(app);
    await loadApp(s);
    // Registry last, so that leaving and coming back to it is covered too.
    for (const area of [...AREAS.slice(1), AREAS[0]]) {
      await s.page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: area.label, exact: true }).click();
      await expectArea(s.page, area);
    }
    expect(s.browser.problems).toEqual([]);
  });

  it('by Alt+1 … Alt+7 from the keyboard', async () => {
    s = await openSession(app);
    await loadApp(s);
    await s.page.locator('main').focus();
    for (const area of [...AREAS.slice(1), AREAS[0]]) {
      await s.page.keyboard.press(`Alt+${area.key}`);
      await expectArea(s.page, area);
    }
  });

  it('by address: a #/area link opens that area directly, and an unknown one falls back to the Registry', async () => {
    s = await openSession(app);
    await loadApp(s, '#/forecasts');
    await expectArea(s.page, AREAS[4]);
    await s.page.goto(s.bridge.url.replace(/\?token=.*$/, '') + '#/nowhere');
    await s.page.locator('[data-prefix]').first().waitFor({ state: 'visible' });
    expect(await s.page.locator('main h1').textContent()).toBe('Registry');
  });
});

describe('theme toggle', () => {
  it('switches data-theme between light and dark, and the choice survives a reload', async () => {
    s = await openSession(app);
    await loadApp(s);
    const { page } = s;
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('light');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightBg = await background();
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await theme()).toBe('dark');
    expect(await background()).not.toBe(lightBg);
    await s.browser.settled();
    await page.reload();
    await page.locator('[data-prefix]').first().waitFor();
    expect(await theme()).toBe('dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    expect(await theme()).toBe('light');
    expect(await background()).toBe(lightBg);
  });

  it('follows a dark system preference until the user chooses', async () => {
    s = await openSession(app, { colorScheme: 'dark' });
    await loadApp(s);
    expect(await s.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });
});
