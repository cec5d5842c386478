/** "Demo workspace open to first paint": navigation start to the first Registry row painted. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';

/** The in-page probe, shared with test/bench/first-paint.mjs. */
export const FIRST_ROW_PROBE = readFileSync(join(__dirname, 'first-row-probe.js'), 'utf8');

export interface FirstPaint {
  /** Element Timing's renderTime of the first row cell, when the browser reports it. */
  elementMs: number | null;
  /** The end of the frame in which the first row was visible. */
  frameMs: number;
}

/** Loads `url` in `page` (which must not have loaded it yet) and reports the probe's clocks. */
export async function measureFirstPaint(page: Page, url: string): Promise<FirstPaint> {
  await page.addInitScript({ content: FIRST_ROW_PROBE });
  await page.goto(url);
  await page.waitForFunction(() => {
    const r = (window as unknown as { __headroomFirstRow?: FirstPaint }).__headroomFirstRow;
    return !!r && r.frameMs !== null;
  });
  // Element Timing entries are queued after the paint: give them a moment to arrive.
  await page
    .waitForFunction(() => (window as unknown as { __headroomFirstRow: FirstPaint }).__headroomFirstRow.elementMs !== null, null, { timeout: 2000 })
    .catch(() => undefined);
  return page.evaluate(() => (window as unknown as { __headroomFirstRow: FirstPaint }).__headroomFirstRow);
}
