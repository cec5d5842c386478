/**
 * The Circuits tab in Debian Chromium through the web bridge, on the demo workspace: a circuit
 * is added with its breaker and rule, an item is put on it and on a line, the breaker check,
 * the phase split, the imbalance and the neutral follow, the change is in the file (CLI), and
 * screenshots at 1440×900 and 1024×700 in light and dark go to $HEADROOM_SHOTS/facio (default test-results/screens/facio) (or
 * test-results/screens/ where that folder is absent) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp, fontsSettled, headroom, openSession, type Session, shotsDir } from './support/app';

const SHOTS = shotsDir('facio');
const SITE = 'POP Northgate';

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
    await fontsSettled(page);
    await page.screenshot({ path: join(SHOTS, `${name}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
  }
}

async function openCircuits(colorScheme: 'light' | 'dark'): Promise<Page> {
  s = await openSession(app, { colorScheme });
  const page = s.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${s.bridge.url}#/facility`);
  await page.locator('[data-limit]').first().waitFor({ state: 'visible' });
  await page.getByRole('tab', { name: 'Circuits' }).click();
  await page.getByRole('heading', { name: 'Circuits' }).waitFor();
  return page;
}

async function addCircuit(page: Page, name: string, amps: string, line: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a circuit' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Breaker (A)').fill(amps);
  await form.getByLabel('Line').selectOption(line);
  await form.getByLabel('Voltage (V)').fill('230');
  await form.getByRole('button', { name: 'Add circuit' }).click();
  await page.locator(`[data-circuit="${name}"], .fac-circuit-form .form-error`).first().waitFor();
  const refused = await page
    .locator('.fac-circuit-form .form-error')
    .textContent()
    .catch(() => null);
  if (refused) throw new Error(`the circuit was refused: ${refused}`);
}

describe('the Circuits tab', () => {
  it('adds a circuit, puts items on it and on a line, and shows the breaker check, phases and neutral', async () => {
    const page = await openCircuits('light');
    expect(await page.getByText('No circuits yet').count()).toBe(1);
    await addCircuit(page, 'PDU-A', '16', 'L1');
    await addCircuit(page, 'PDU-B', '16', 'L2');
    await page.getByLabel('Circuit of Core router').selectOption('PDU-A');
    await page.getByLabel('Circuit of OLT chassis').selectOption('PDU-B');
    // 2 × 1650 W × 1.05 peak on 230 V at PF 0.95: 15.9 A against 12.8 A allowed (80 % of 16 A).
    await expect.poll(() => page.locator('[data-used="PDU-A"]').textContent()).toMatch(/^124 % — over$/);
    expect(await page.locator('[data-circuit="PDU-A"]').textContent()).toMatch(/15\.9 A.*12\.8 A/);
    await expect.poll(() => page.locator('[data-fact="Imbalance"]').textContent()).not.toBe('0 %');
    expect(await page.locator('[data-fact="Neutral"]').textContent()).toMatch(/^\d+\.\d A \(linear loads/);
    expect(await page.locator('.fac-warning', { hasText: 'circuit PDU-A: 15.9 A is above the 12.8 A allowed' }).count()).toBe(1);
    await shoot(page, 'circuits-light');

    // It is in the file: the CLI reads the same check.
    const r = headroom(['site', 'circuits', s!.ws, SITE, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { circuits: { name: string; over: boolean; items: string[] }[] };
    expect(out.circuits.find((c) => c.name === 'PDU-A')).toMatchObject({ over: true, items: ['Core router'] });
    // And each circuit is a limit at a glance.
    await page.getByRole('tab', { name: 'At a glance' }).click();
    await page.locator('[data-limit="circuit:PDU-A"]').waitFor();
    expect(s!.browser.problems).toEqual([]);
  }, 240_000);

  it('reads well in the dark theme', async () => {
    const page = await openCircuits('dark');
    await addCircuit(page, 'PDU-A', '32', 'L1');
    await page.getByLabel('Circuit of Core router').selectOption('PDU-A');
    await page.getByLabel('Line of Server (not measured)').selectOption('L3');
    await expect.poll(() => page.locator('[data-used="PDU-A"]').textContent()).toMatch(/^[1-9]\d* %$/);
    await expect.poll(() => page.locator('[data-fact="L3"]').textContent()).not.toMatch(/^4\.66 kW/);
    await shoot(page, 'circuits-dark');
    expect(s!.browser.problems).toEqual([]);
  }, 240_000);
});
