/**
 * Walks a page with the Tab key and says, for every chart on it, where the focus went from the
 * control before the chart: to the chart's frame (when that is focusable) and then to the
 * control after it, or somewhere inside the chart (a stop a planner gets stuck on).
 *
 * Elements are followed by identity, not by their index among the page's elements: a chart
 * redraws between the walk and the check (recharts adds and removes its layers), so an index
 * taken during the walk names another element afterwards.
 */
import type { Locator, Page } from 'playwright';

/** What happened around one chart. */
export interface ChartPass {
  /** The chart frame's accessible name (aria-label), or its class. */
  chart: string;
  /** The last control before the chart and the first after it, in document order. */
  before: string;
  after: string;
  /** Where Tab went from `before`, up to `after`, each described; `null` when `before` was never reached. */
  path: string[] | null;
  /**
   * The steps of `path` strictly between `before` and `after`: 'frame: …' for a chart's own frame
   * (one stop, when it is focusable; two charts side by side give two), 'inside: …' for anything
   * within a chart.
   */
  between: string[] | null;
}

export interface TabWalk {
  /** Every element the focus landed on, in order, described; cut at the first step backwards (the wrap). */
  steps: string[];
  /** A step backwards that was not the wrap to the top of the page, or null. */
  backwards: string | null;
  charts: ChartPass[];
}

interface Recorder {
  headroomTabWalk?: Element[];
}

/** Focuses `start`, presses Tab `presses` times, and reports every chart on the page (see ChartPass). */
export async function walkTabPastCharts(page: Page, start: Locator, presses: number): Promise<TabWalk> {
  await page.evaluate(() => {
    const w = window as unknown as Recorder;
    // One listener per page, however many walks: a second would record every step twice.
    if (!w.headroomTabWalk) document.addEventListener('focusin', (e) => w.headroomTabWalk!.push(e.target as Element));
    w.headroomTabWalk = [];
  });
  await start.focus();
  for (let i = 0; i < presses; i++) await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const all = (window as unknown as Recorder).headroomTabWalk ?? [];
    const describe = (e: Element): string => {
      const cls = typeof e.className === 'string' ? e.className : (e.getAttribute('class') ?? '');
      const name = e.getAttribute('aria-label') ?? e.getAttribute('name') ?? (e.textContent ?? '').trim().slice(0, 30);
      return `${e.tagName.toLowerCase()}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}${name ? ` "${name}"` : ''}`;
    };
    const follows = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    // The walk up to its first step backwards: the wrap from the last control to the top.
    const walk = all.slice(0, 1);
    let backwards: string | null = null;
    for (const el of all.slice(1)) {
      const prev = walk.at(-1)!;
      if (!el.isConnected || !prev.isConnected || !follows(prev, el)) {
        // A wrap goes to the top of the page; anything else backwards is a fault.
        if (el.closest('.recharts-wrapper') || prev.closest('.recharts-wrapper')) backwards = `${describe(prev)} → ${describe(el)}`;
        break;
      }
      walk.push(el);
    }
    // Every chart: the frame around each recharts chart, or the chart itself where it has none.
    const charts = [...new Set([...document.querySelectorAll('.recharts-wrapper')].map((w) => w.closest('figure') ?? w))];
    // Controls Tab should reach, outside every chart.
    const tabbable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
      (e) =>
        e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0 && !charts.some((c) => c.contains(e)) && !e.closest('[inert]'),
    );
    return {
      steps: walk.map(describe),
      backwards,
      charts: charts.map((chart) => {
        const before = tabbable.filter((e) => follows(e, chart)).at(-1);
        const after = tabbable.find((e) => follows(chart, e));
        const from = before ? walk.indexOf(before) : -1;
        const to = after ? walk.indexOf(after, from) : -1;
        const path = from < 0 ? null : walk.slice(from, to < 0 ? undefined : to + 1);
        return {
          chart: chart.getAttribute('aria-label') ?? describe(chart),
          before: before ? describe(before) : '(none)',
          after: after ? describe(after) : '(none)',
          path: path && path.map(describe),
          between: path && (to < 0 ? null : path.slice(1, -1).map((e) => (charts.includes(e) ? `frame: ${describe(e)}` : `inside: ${describe(e)}`))),
        };
      }),
    };
  });
}
