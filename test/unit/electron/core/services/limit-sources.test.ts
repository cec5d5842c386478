/**
 * The board's one list of limit sources (issue 12 §8): each kind once, each limit's id prefixed
 * by its kind, and a source's lead time turned into an order-by date by shared/forecast's one
 * formula (crossing − lead).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fitLimit, LIMIT_SOURCES, limitSources, type LimitSource } from '../../../../../electron/core/services/forecast';
import type { Session } from '../../../../../electron/core/services/session';
import { formatDay, orderByDate, parseDay } from '../../../../../shared/forecast';
import { openDispatch } from '../../../../support/dispatch';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir('headroom-limit-sources-');
afterAll(() => tmp.cleanup());
let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

const AS_OF = '2026-11-25';

/** A straight line: 10 a week from 0, 40 weeks up to as-of. */
function lineSource(leadDays?: number): LimitSource {
  const end = parseDay(AS_OF);
  const points = Array.from({ length: 40 }, (_, k) => ({ date: formatDay(end - 7 * (39 - k)), value: 10 * k + ((k * 7) % 3) }));
  return {
    meta: { id: 'test:1', kind: 'pool', name: 'a line', detail: '', unit: 'units', prefixUnit: null, capacity: 600 },
    series: () => points,
    ...(leadDays !== undefined ? { leadDays } : {}),
  };
}

describe('LIMIT_SOURCES', () => {
  it('names each kind once', () => {
    const kinds = LIMIT_SOURCES.map((s) => s.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('gives every limit of the demo an id that starts with its kind', async () => {
    const d = await openDispatch(tmp.path('demo.headroom'), { demo: true, now: () => new Date(`${AS_OF}T12:00:00Z`) });
    session = d.session;
    const all = limitSources(d.session.require());
    expect(all.length).toBeGreaterThan(10);
    for (const s of all) expect(s.meta.id.startsWith(`${s.meta.kind}:`)).toBe(true);
  });
});

describe('order-by dates from a source lead time', () => {
  it('is the crossing minus the lead', () => {
    const f = fitLimit(lineSource(90), AS_OF).limit;
    expect(f.status).toBe('ok');
    expect(f.leadDays).toBe(90);
    expect(f.orderBy).toBe(formatDay(parseDay(f.date!) - 90));
  });

  it('is absent when the source has no lead time', () => {
    const f = fitLimit(lineSource(), AS_OF).limit;
    expect(f.leadDays).toBeNull();
    expect(f.orderBy).toBeNull();
  });

  it('orders against the earliest crossing when the limit only may run out, and not at all when it never does', () => {
    expect(orderByDate({ status: 'mayRunOut', date: null, earliest: '2027-06-30' }, 30)).toBe('2027-05-31');
    expect(orderByDate({ status: 'never', date: null, earliest: null }, 30)).toBeNull();
    expect(orderByDate({ status: 'beyondHorizon', date: null, earliest: null }, 30)).toBeNull();
    expect(orderByDate({ status: 'exceeded', date: '2026-01-10', earliest: null }, 10)).toBe('2025-12-31');
  });
});

describe('a link on the board and in the report', () => {
  it('is a limit at capacity × threshold whose order-by date the PDF board prints too', async () => {
    const d = await openDispatch(tmp.path('links.headroom'), { now: () => new Date(`${AS_OF}T12:00:00Z`) });
    session = d.session;
    await d.call('links.add', { name: 'Transit A', capacityBps: 10e9, leadDays: 60 });
    const end = parseDay(AS_OF) - 3;
    const rows = Array.from({ length: 30 }, (_, k) => `${formatDay(end - 7 * (29 - k))},${4e9 + 60e6 * k}`);
    expect(await d.call('links.import', { name: 'Transit A', csv: `date,value\n${rows.join('\n')}\n` })).toEqual({ added: 30, replaced: 0 });
    const { limits } = await d.call('forecast.limits', { asOf: AS_OF });
    const link = limits.find((l) => l.kind === 'link')!;
    expect(link).toMatchObject({ name: 'Transit A', capacity: 8e9, unit: 'bit/s', leadDays: 60, status: 'ok' });
    expect(link.orderBy).toBe(formatDay(parseDay(link.date!) - 60));
    // Dates are wrapped so they never break at a hyphen: read the text without those wrappers.
    const html = (await d.call('reports.export', { format: 'html' })).text.replace(/<span class="day">([^<]*)<\/span>/g, '$1');
    expect(html).toMatch(new RegExp(`<b>Transit A</b>.*?runs out ≈ ${link.date}<br><span class="orderby">order by ${link.orderBy}</span>`, 's'));
  });
});
