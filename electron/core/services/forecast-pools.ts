/**
 * Address pools as limits: every aggregate or allocated block, its capacity in its unit
 * (IPv4 addresses, IPv6 prefixes of the pool's assignment unit, specs/ip-registry.md §4.4) and
 * its usage history: the sizes of the blocks inside it that count as used (shared/ip/utilization:
 * assigned space, at any depth; our own pools inside it are containers), each counted from its
 * date (the day the block was recorded when it has none). Planned blocks count from their date
 * too (shared/ip/utilization countsInForecast): in the history when that day has come, and as a
 * step of the projection (a planned-demand scenario, spec §2.7) when it is still to come.
 *
 * At a million prefixes a row-by-row read costs more than every forecast together: each pool
 * reads its used blocks with one indexed range scan, as one concatenated string (see dailyUsage).
 */
import { formatDay, gridDays, gridForSpan, parseDay, type Scenario, type SeriesPoint } from '../../../shared/forecast';
import { formatPrefix } from '../../../shared/ip/prefix';
import { keyHex, prefixFromKey } from '../../../shared/ip/storage-key';
import { countsAsUsed, FORECAST_STATUSES, USED_STATUS_SQL } from '../../../shared/ip/utilization';
import type { Workspace } from '../workspace/workspace';

export interface PoolSource {
  rowId: number;
  prefix: string;
  family: 4 | 6;
  length: number;
  space: string;
  description: string;
  /** prefix length one unit stands for (IPv4: 32) */
  unitLength: number;
  capacity: number;
  /** the pool's usage on the grid of spec §4 ending at as-of; [] before its first block */
  series(asOf: string, windowDays: number): SeriesPoint[];
  /** the first day its usage reached `level` (usage only grows: a removed block leaves the table) */
  reachedOn(asOf: string, level: number): string | null;
  /** the planned blocks dated after as-of, as steps of the projection on their dates */
  plannedSteps(asOf: string): Scenario[];
}

interface Container {
  id: number;
  spaceId: number;
  family: 4 | 6;
  start: Uint8Array;
  end: Uint8Array;
  endHex: string;
  length: number;
  status: string;
  unit: number | null;
  description: string;
  date: string;
  children: Container[];
}

const DATE = 'COALESCE(date, substr(created_at, 1, 10))';
/** The statuses counted from their date although not used today (shared/ip/utilization: `planned`). */
const PLANNED_SQL = `status IN (${FORECAST_STATUSES.filter((st) => !countsAsUsed(st))
  .map((st) => `'${st}'`)
  .join(', ')})`;
/** A planned block holding planned blocks counts by them, not on top of them. */
const PLANNED_COUNTED = `${PLANNED_SQL} AND NOT EXISTS (SELECT 1 FROM prefix_usage pu JOIN prefixes pc ON pc.id = pu.id WHERE pu.parent_id = prefixes.id AND pc.${PLANNED_SQL})`;
/** Counted in the forecast from their date: used as the RIRs measure it (assigned space), and planned. */
const COUNTED = `(${USED_STATUS_SQL} OR (${PLANNED_COUNTED}))`;

/** Units of the pool that one block of /length is (a block longer than the unit takes a whole one). */
const unitsOf = (length: number, unitLength: number): number => (length <= unitLength ? 2 ** (unitLength - length) : 1);

/**
 * Counts the comma-separated tokens of `text` into `counts`. Blocks come in address order and
 * neighbours are often dated alike, so a run of equal tokens is counted without cutting a
 * string out of the text for each.
 */
function countTokens(text: string, counts: Map<string, number>): void {
  let prev = '';
  let run = 0;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf(',', pos);
    if (end < 0) end = text.length;
    if (run > 0 && end - pos === prev.length && text.startsWith(prev, pos)) run++;
    else {
      if (run > 0) counts.set(prev, (counts.get(prev) ?? 0) + run);
      prev = text.slice(pos, end);
      run = 1;
    }
    pos = end + 1;
  }
  if (run > 0) counts.set(prev, (counts.get(prev) ?? 0) + run);
}

/**
 * Units used per day by the pool's counted blocks dated ≤ as-of (`future`: the planned blocks
 * dated after it): day number → units. SQLite hands over each gap's blocks as one string of
 * `<date><length>` tokens: no per-row round trip and no sort, which at a million rows is most of
 * the cost.
 */
function dailyUsage(ws: Workspace, pool: Container, unitLength: number, asOf: string, future = false): Map<number, number> {
  const tokens = new Map<string, number>();
  const when = future ? `(${PLANNED_COUNTED}) AND ${DATE} > :asOf` : `${COUNTED} AND ${DATE} <= :asOf`;
  const stmt = ws.database.prepare(
    `SELECT group_concat(${DATE} || length) FROM prefixes
     WHERE space_id = :space AND family = :family AND start >= :lo AND start <= :hi AND length > :len AND ${when}`,
  );
  try {
    // The used blocks at any depth: our own pools inside it are containers, not usage.
    for (const [lo, hi] of [[pool.start, pool.end]] as const) {
      stmt.bind({ ':asOf': asOf, ':space': pool.spaceId, ':family': pool.family, ':lo': lo, ':hi': hi, ':len': pool.length });
      if (stmt.step()) {
        const text = stmt.get()[0];
        if (typeof text === 'string' && text !== '') countTokens(text, tokens);
      }
      stmt.reset();
    }
  } finally {
    stmt.free();
  }
  const byDay = new Map<number, number>();
  const add = (day: number, v: number) => byDay.set(day, (byDay.get(day) ?? 0) + v);
  for (const [t, count] of tokens) add(parseDay(t.slice(0, 10)), count * unitsOf(Number(t.slice(10)), unitLength));
  return byDay;
}

function poolFrom(ws: Workspace, c: Container, inherited: number | null, space: string): PoolSource {
  const unitLength = c.family === 4 ? 32 : inherited !== null && inherited > c.length ? inherited : 64;
  return {
    rowId: c.id,
    prefix: formatPrefix(prefixFromKey(c.family, c.start, c.length)),
    family: c.family,
    length: c.length,
    space,
    description: c.description,
    unitLength,
    capacity: 2 ** (unitLength - c.length),
    series(asOf, windowDays) {
      const asOfDay = parseDay(asOf);
      const usage = [...dailyUsage(ws, c, unitLength, asOf)].sort((a, b) => a[0] - b[0]);
      if (usage.length === 0) return [];
      // As eventsToSeries (spec §4): value on grid day g = Σ units dated ≤ g, from the first
      // block (or the window's start) to as-of.
      const start = Math.max((usage[0] as [number, number])[0], asOfDay - windowDays);
      const days = gridDays(start, asOfDay, gridForSpan(asOfDay - start));
      const points: SeriesPoint[] = [];
      let i = 0;
      let value = 0;
      for (const g of days) {
        while (i < usage.length && (usage[i] as [number, number])[0] <= g) value += (usage[i++] as [number, number])[1];
        points.push({ date: formatDay(g), value });
      }
      return points;
    },
    reachedOn(asOf, level) {
      const usage = [...dailyUsage(ws, c, unitLength, asOf)].sort((a, b) => a[0] - b[0]);
      let sum = 0;
      for (const [day, v] of usage) {
        sum += v;
        if (sum >= level) return formatDay(day);
      }
      return null;
    },
    plannedSteps(asOf) {
      return [...dailyUsage(ws, c, unitLength, asOf, true)]
        .sort((a, b) => a[0] - b[0])
        .map(([day, amount]) => ({ kind: 'once', date: formatDay(day), amount }));
    },
  };
}

/** Every pool of the workspace, by space, family and address. */
export function loadPools(ws: Workspace): PoolSource[] {
  const spaces = new Map<number, string>();
  for (const r of ws.all('SELECT id, name FROM spaces')) spaces.set(Number(r.id), String(r.name));
  const rows = ws.all(
    `SELECT id, space_id, family, start, end, hex(end) AS end_hex, length, status, unit, description, ${DATE} AS day
     FROM prefixes WHERE status IN ('aggregate', 'allocated') ORDER BY space_id, family, start, length`,
  );
  const out: PoolSource[] = [];
  let stack: { c: Container; unit: number | null }[] = [];
  let group = '';
  const pending: { c: Container; unit: number | null }[] = [];
  for (const r of rows) {
    const c: Container = {
      id: Number(r.id),
      spaceId: Number(r.space_id),
      family: Number(r.family) as 4 | 6,
      start: r.start as Uint8Array,
      end: r.end as Uint8Array,
      endHex: String(r.end_hex),
      length: Number(r.length),
      status: String(r.status),
      unit: r.unit === null || r.unit === undefined ? null : Number(r.unit),
      description: String(r.description ?? ''),
      date: String(r.day),
      children: [],
    };
    const key = `${c.spaceId}/${c.family}`;
    if (key !== group) {
      group = key;
      stack = [];
    }
    const startHex = keyHex(c.start);
    while (stack.length > 0 && (stack[stack.length - 1] as { c: Container }).c.endHex < startHex) stack.pop();
    const parent = stack[stack.length - 1];
    parent?.c.children.push(c);
    const unit = c.unit ?? parent?.unit ?? null;
    stack.push({ c, unit });
    pending.push({ c, unit });
  }
  for (const { c, unit } of pending) out.push(poolFrom(ws, c, unit, spaces.get(c.spaceId) ?? 'global'));
  return out;
}
