/**
 * Read-only views of the registry that request drafts need: the blocks held (aggregates) with
 * their utilization, and the addressing plan (the pools inside them) with utilization now and
 * projected at +3, +6, +12 and +24 months from the registry's own history (the dates blocks were
 * assigned), by a least-squares trend over the last two years. Utilization counts IPv4 in
 * addresses and IPv6 in the pool's assignment unit (shared/ip/utilization).
 */
import type { PlanView, PrefixRow } from '../../../shared/contract';
import { parseDay } from '../../../shared/dates';
import { fitOls } from '../../../shared/forecast/ols';
import { parsePrefix, prefixContains, type Prefix } from '../../../shared/ip/prefix';
import { countsAsUsed, utilization, type Ipv6Unit } from '../../../shared/ip/utilization';
import { rirOf, type Rir } from '../../../shared/rir/rir';
import { nameServerNetworkProblems, type NameServer, type NameServerPlace } from '../../../shared/rir/ns-check';
import { DEFAULT_SPACE, listPrefixes, todayUtc } from './registry';
import { readOrganisation } from './requests-settings';
import type { Workspace } from '../workspace/workspace';

export interface Held {
  row: PrefixRow;
  prefix: Prefix;
  source: Rir | 'upstream';
  usedPct: number;
  /** Units in use and in all (IPv4 addresses; IPv6 the block's unit), by shared/ip/utilization. */
  usedUnits: number;
  totalUnits: number;
}

interface Tree {
  rows: { row: PrefixRow; prefix: Prefix }[];
}

export function readTree(ws: Workspace): Tree {
  return { rows: listPrefixes(ws, { space: DEFAULT_SPACE }).rows.map((row) => ({ row, prefix: parsePrefix(row.prefix) })) };
}

const inside = (t: Tree, outer: Prefix) =>
  t.rows.filter(
    (r) =>
      r.prefix.family === outer.family &&
      r.prefix !== outer &&
      prefixContains(outer, r.prefix) &&
      !(r.prefix.start === outer.start && r.prefix.length === outer.length),
  );

/** The smallest IPv6 unit (/48, /56, /64) that is not shorter than the pool; null past /64. */
export function unitFor(p: Prefix, preferred: number | null): Ipv6Unit | null {
  const candidates: Ipv6Unit[] = [48, 56, 64];
  if (preferred !== null && (candidates as number[]).includes(preferred) && preferred >= p.length) return preferred as Ipv6Unit;
  return candidates.find((u) => u >= p.length) ?? null;
}

function usedOf(pool: Prefix, children: Prefix[], unit: Ipv6Unit | null): { used: number; total: number } | null {
  if (pool.family === 6 && unit === null) return null;
  const u = utilization(pool, children, pool.family === 6 ? unit! : undefined);
  return { used: Number(u.usedUnits), total: Number(u.totalUnits) };
}

/** Aggregates (blocks from an RIR or upstream) of the family, with the share of them in use. */
export function holdings(ws: Workspace, family: 4 | 6 | null, tree = readTree(ws)): Held[] {
  return tree.rows
    .filter((r) => r.row.status === 'aggregate' && (family === null || r.prefix.family === family))
    .map((r) => {
      // As the RIRs measure it: assigned space only; our own pools (allocated) are containers.
      const children = inside(tree, r.prefix)
        .filter((c) => countsAsUsed(c.row.status))
        .map((c) => c.prefix);
      const u = usedOf(r.prefix, children, unitFor(r.prefix, r.row.unit));
      const usedPct = u && u.total > 0 ? Math.round((u.used / u.total) * 10000) / 100 : 0;
      const source: Rir | 'upstream' = rirOf(r.row.rir) ?? 'upstream';
      return { row: r.row, prefix: r.prefix, source, usedPct, usedUnits: u?.used ?? 0, totalUnits: u?.total ?? 0 };
    });
}

const dayOf = (iso: string) => parseDay(iso);

/** Used units on each day a child was added (cumulative), for the trend. */
function history(pool: Prefix, dated: { prefix: Prefix; date: string | null }[], unit: Ipv6Unit | null): { x: number; y: number }[] {
  const days = [...new Set(dated.filter((d) => d.date).map((d) => dayOf(d.date!)))].sort((a, b) => a - b);
  return days.map((day) => {
    const upTo = dated.filter((d) => d.date && dayOf(d.date) <= day).map((d) => d.prefix);
    return { x: day, y: usedOf(pool, upTo, unit)?.used ?? 0 };
  });
}

/**
 * Projects used units `months` ahead: the least-squares slope over the points of the last
 * 730 days (plus today's level), never below today. Demand is NOT capped at the pool: a plan
 * that outgrows the space held is the case for a request (docs/rir.md §2).
 */
export function project(points: { x: number; y: number }[], today: number, now: number): { at: (months: number) => number; method: PlanView['method'] } {
  const recent = points.filter((p) => p.x >= today - 730 && p.x <= today);
  const series = [...recent, { x: today, y: now }];
  const xs = series.map((p) => p.x);
  if (new Set(xs).size < 2) return { at: () => now, method: 'flat' };
  const fit = fitOls(
    xs,
    series.map((p) => p.y),
  );
  if (!Number.isFinite(fit.b) || fit.b <= 0) return { at: () => now, method: 'flat' };
  return { at: (months) => Math.max(now, Math.round(now + fit.b * months * 30.4375)), method: 'trend' };
}

/**
 * The pools of the plan: every block directly inside an aggregate of the family (a
 * sub-allocation, an assignment or a reservation), counted in its own unit.
 */
export function addressingPlan(ws: Workspace, family: 4 | 6, tree = readTree(ws)): PlanView[] {
  return projectedPlan(ws, family, tree).map((p) => p.view);
}

/** The plan's pools, each with its projection (months → units in use), for the need rows. */
export function projectedPlan(ws: Workspace, family: 4 | 6, tree = readTree(ws)): { view: PlanView; at: (months: number) => number }[] {
  const today = dayOf(todayUtc(ws.now()));
  const out: { view: PlanView; at: (months: number) => number }[] = [];
  for (const agg of tree.rows.filter((r) => r.row.status === 'aggregate' && r.prefix.family === family)) {
    const within = inside(tree, agg.prefix);
    const top = within.filter((c) => !within.some((o) => o !== c && prefixContains(o.prefix, c.prefix) && o.prefix.length < c.prefix.length));
    for (const pool of top) {
      const unit = family === 6 ? unitFor(pool.prefix, pool.row.unit ?? agg.row.unit) : null;
      if (family === 6 && unit === null) continue;
      const children = countsAsUsed(pool.row.status) ? [pool] : inside(tree, pool.prefix).filter((c) => countsAsUsed(c.row.status));
      const u = usedOf(
        pool.prefix,
        children.map((c) => c.prefix),
        unit,
      );
      if (!u) continue;
      const dated = children.map((c) => ({ prefix: c.prefix, date: c.row.date }));
      const p = project(history(pool.prefix, dated, unit), today, u.used);
      const view: PlanView = {
        pool: pool.row.prefix,
        purpose: pool.row.description || pool.row.prefix,
        prefixLength: pool.prefix.length,
        unit: family === 4 ? 'addresses' : `/${unit}`,
        totalUnits: u.total,
        now: u.used,
        m3: p.at(3),
        m6: p.at(6),
        m12: p.at(12),
        m24: p.at(24),
        method: p.method,
      };
      out.push({ view, at: p.at });
    }
  }
  return out;
}

/** Assigned units of one held block counted in `unit` (RIPE/APNIC /56, AFRINIC /48): the HD-ratio input. */
export function assignedUnits(tree: Tree, held: Prefix, unit: Ipv6Unit): number {
  if (unit < held.length) return 0;
  const assigned = inside(tree, held)
    .filter((c) => countsAsUsed(c.row.status))
    .map((c) => c.prefix);
  return Number(utilization(held, assigned, unit).usedUnits);
}

/** Where each name server sits: the most specific recorded block and its origin AS. */
function placesOf(ws: Workspace, servers: readonly NameServer[]): NameServerPlace[] {
  const rows = listPrefixes(ws, { space: DEFAULT_SPACE }).rows.map((r) => ({ r, p: parsePrefix(r.prefix) }));
  const own = readOrganisation(ws).neighbours.find((n) => n.relation === 'own')?.asn;
  return servers.map((s) => {
    const a: Prefix = s.address.family === 4 ? { family: 4, start: s.address.value, length: 32 } : { family: 6, start: s.address.value, length: 128 };
    const holding = rows.filter((x) => x.p.family === a.family && prefixContains(x.p, a)).sort((x, y) => y.p.length - x.p.length);
    const block = holding[0] ? `${holding[0].r.prefix}${holding[0].r.description ? ` ${holding[0].r.description}` : ''}` : null;
    // With no route recorded, our aggregates are originated by our one AS (CLI.md `rpsl`).
    const originAsn = holding.some((x) => x.r.status === 'aggregate' && x.r.rir !== null) && own !== undefined ? own : null;
    return { block, originAsn };
  });
}

export function nameServerProblemsIn(ws: Workspace, servers: readonly NameServer[]): string[] {
  return nameServerNetworkProblems(servers, placesOf(ws, servers));
}
