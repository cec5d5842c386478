/**
 * The routing plan over the workspace: routes (a prefix inside one of our aggregates and the AS
 * that originates it), the ROA plan they need, its check against a validator's VRPs, and the
 * ROA exports. The rules are pure, in shared/routing/; this file reads the workspace, refuses
 * bad input by field, and records each change as one undoable action.
 */
import type { AspaPlanResult, RoaCheckResult, RoaExportFormatName, RoaExportResult, RoaPlanResult, RouteOriginKind, RouteRow } from '../../../shared/contract';
import { parseAsn } from '../../../shared/asn/asn';
import { HeadroomError, invalid } from '../../../shared/errors';
import { formatPrefix, parsePrefix, prefixContains, type Prefix } from '../../../shared/ip/prefix';
import { prefixFromKey } from '../../../shared/ip/storage-key';
import { planAspas } from '../../../shared/routing/aspa';
import { checkRoutes, routeWarnings } from '../../../shared/routing/check';
import { planRoas, roaName, type RouteSpec } from '../../../shared/routing/roa-plan';
import { renderRoaExport } from '../../../shared/routing/roa-export';
import { parseVrpJson } from '../../../shared/routing/vrp-file';
import type { Row } from '../workspace/tx';
import type { Workspace } from '../workspace/workspace';
import { operation } from './operation';
import { DEFAULT_SPACE, keys } from './registry';
import { readNeighbours } from './requests-settings';

type Reader = Pick<Workspace, 'get' | 'all'>;

/** Our aggregates (status `aggregate` in the global space): the space routes may be announced from. */
export function ourAggregates(ws: Reader): Prefix[] {
  return ws
    .all(
      "SELECT p.family, p.start, p.length FROM prefixes p JOIN spaces s ON s.id = p.space_id WHERE s.name = ? AND p.status = 'aggregate' ORDER BY p.family, p.start, p.length",
      [DEFAULT_SPACE],
    )
    .map((r) => prefixFromKey(Number(r.family) as 4 | 6, r.start as Uint8Array, Number(r.length)));
}

/** The outermost aggregate holding `p`, or null. */
function aggregateOf(p: Prefix, aggregates: readonly Prefix[]): Prefix | null {
  return aggregates.find((a) => prefixContains(a, p)) ?? null;
}

/**
 * Whose an ASN is: `ours` when recorded under AS numbers and not marked as an upstream or peer
 * (Settings → Neighbours); `customer` when not recorded itself but inside one of our ASN blocks
 * (the ranges we hand to BGP customers); null otherwise (an upstream, a peer, or a stranger).
 */
export function originClassifier(ws: Reader): { kind(asn: number): RouteOriginKind; why(asn: number): string } {
  const recorded = new Map(readNeighbours(ws).map((n) => [n.asn, n.relation]));
  const ranges = ws
    .all('SELECT name, first, last FROM asn_ranges ORDER BY first')
    .map((r) => ({ name: String(r.name), first: Number(r.first), last: Number(r.last) }));
  const kind = (asn: number): RouteOriginKind => {
    const rel = recorded.get(asn);
    if (rel !== undefined) return rel === 'upstream' || rel === 'peer' ? null : 'ours';
    return ranges.some((r) => asn >= r.first && asn <= r.last) ? 'customer' : null;
  };
  const why = (asn: number): string => {
    const rel = recorded.get(asn);
    if (rel === 'upstream' || rel === 'peer') {
      return `AS${asn} is marked as ${rel === 'upstream' ? 'an upstream' : 'a peer'} (Settings → Neighbours), not ours or a customer's; our space is originated by our ASNs or our customers'`;
    }
    return `AS${asn} is neither one of our recorded ASNs nor in one of our ASN blocks (customers' ASNs); record it under AS numbers first`;
  };
  return { kind, why };
}

function rowToRoute(r: Row, aggregates: readonly Prefix[], kind: (asn: number) => RouteOriginKind): RouteRow {
  const p = prefixFromKey(Number(r.family) as 4 | 6, r.start as Uint8Array, Number(r.length));
  const agg = aggregateOf(p, aggregates);
  const origin = Number(r.origin);
  return {
    id: Number(r.id),
    prefix: formatPrefix(p),
    family: p.family,
    origin,
    description: String(r.description ?? ''),
    aggregate: agg ? formatPrefix(agg) : '',
    originKind: kind(origin),
  };
}

function routeRows(ws: Reader, within?: string): { rows: Row[]; where: Prefix | null } {
  if (within === undefined || within.trim() === '') return { rows: ws.all('SELECT * FROM routes ORDER BY family, start, length, origin'), where: null };
  const w = parsePrefix(within, 'within');
  const [start, end] = keys(w);
  return {
    rows: ws.all('SELECT * FROM routes WHERE family = ? AND start >= ? AND end <= ? ORDER BY family, start, length, origin', [w.family, start, end]),
    where: w,
  };
}

export function listRoutes(ws: Reader, input: { within?: string | undefined } = {}): RouteRow[] {
  const aggregates = ourAggregates(ws);
  const { kind } = originClassifier(ws);
  return routeRows(ws, input.within).rows.map((r) => rowToRoute(r, aggregates, kind));
}

/** The recorded routes inside `cidr` as prefix and origin (the RPSL route objects come from these). */
export function routesWithin(ws: Reader, cidr: string): RouteSpec[] {
  return routeRows(ws, cidr).rows.map((r) => ({
    prefix: prefixFromKey(Number(r.family) as 4 | 6, r.start as Uint8Array, Number(r.length)),
    origin: Number(r.origin),
  }));
}

function parseOrigin(text: string): number {
  const asn = parseAsn(text, 'origin');
  if (asn === 0) throw invalid('origin', 'AS0 never originates a route (RFC 7607); for space nobody should announce, use the ROA plan with AS0');
  return asn;
}

export const addRoute = operation('routing.addRoute', (ws, input, write): RouteRow => {
  const p = parsePrefix(input.prefix, 'prefix');
  const origin = parseOrigin(input.origin);
  const aggregates = ourAggregates(ws);
  if (!aggregateOf(p, aggregates)) {
    const ours = aggregates.filter((a) => a.family === p.family).map(formatPrefix);
    throw invalid(
      'prefix',
      `${formatPrefix(p)} is not inside any of our aggregates${ours.length ? ` (${ours.slice(0, 4).join(', ')}${ours.length > 4 ? ', …' : ''})` : ` (there is no IPv${p.family} aggregate yet)`}; record the aggregate in the Registry first`,
    );
  }
  const cls = originClassifier(ws);
  if (cls.kind(origin) === null) throw invalid('origin', cls.why(origin));
  const [start, end] = keys(p);
  if (ws.get('SELECT id FROM routes WHERE family = ? AND start = ? AND length = ? AND origin = ?', [p.family, start, p.length, origin])) {
    throw new HeadroomError('conflict', `${formatPrefix(p)} from AS${origin} is already recorded`, 'prefix');
  }
  const id = write(`Add the route ${formatPrefix(p)} from AS${origin}`, (tx) =>
    tx.insert('routes', { family: p.family, start, end, length: p.length, origin, description: input.description ?? '', created_at: ws.now().toISOString() }),
  );
  return rowToRoute(ws.get('SELECT * FROM routes WHERE id = ?', [id])!, aggregates, cls.kind);
});

export const removeRoute = operation('routing.removeRoute', (ws, input, write): RouteRow => {
  const p = parsePrefix(input.prefix, 'prefix');
  const origin = parseAsn(input.origin, 'origin');
  const [start] = keys(p);
  const r = ws.get('SELECT * FROM routes WHERE family = ? AND start = ? AND length = ? AND origin = ?', [p.family, start, p.length, origin]);
  if (!r) throw new HeadroomError('not-found', `no route ${formatPrefix(p)} from AS${origin} is recorded`, 'prefix');
  const row = rowToRoute(r, ourAggregates(ws), originClassifier(ws).kind);
  write(`Remove the route ${row.prefix} from AS${origin}`, (tx) => tx.delete('routes', row.id));
  return row;
});

function specs(ws: Reader, within?: string): { routes: RouteSpec[]; aggregates: Prefix[] } {
  const { rows, where } = routeRows(ws, within);
  const routes = rows.map((r) => ({ prefix: prefixFromKey(Number(r.family) as 4 | 6, r.start as Uint8Array, Number(r.length)), origin: Number(r.origin) }));
  const all = ourAggregates(ws);
  const aggregates = where ? all.filter((a) => prefixContains(where, a) || prefixContains(a, where)).map((a) => (prefixContains(a, where) ? where : a)) : all;
  return { routes, aggregates };
}

export function planFor(ws: Reader, input: { as0?: boolean | undefined; within?: string | undefined }): RoaPlanResult {
  const { routes, aggregates } = specs(ws, input.within);
  const plan = planRoas(routes, aggregates, { as0: input.as0 ?? false });
  const { kind } = originClassifier(ws);
  return {
    roas: plan.map((e) => ({ prefix: formatPrefix(e.prefix), maxLength: e.maxLength, asn: e.asn, reason: e.reason, roa: roaName(e.asn) })),
    warnings: routeWarnings(routes, kind),
  };
}

export function checkVrps(ws: Reader, input: { vrps: string; within?: string | undefined }): RoaCheckResult {
  const vrps = parseVrpJson(input.vrps);
  const { routes, aggregates } = specs(ws, input.within);
  const { kind } = originClassifier(ws);
  const r = checkRoutes(routes, aggregates, vrps, kind);
  return {
    routes: r.routes.map((x) => ({ prefix: formatPrefix(x.prefix), origin: x.origin, state: x.state, reason: x.reason })),
    vrps: r.vrps.map((x) => ({ prefix: formatPrefix(x.prefix), maxLength: x.maxLength, asn: x.asn, finding: x.finding, reason: x.reason })),
    total: r.total,
    considered: r.considered,
    ignored: r.ignored,
    warnings: r.warnings,
  };
}

/** ASPA drafts: each AS of ours (relation "own") over the upstreams of Settings → Neighbours. */
export function aspaPlanFor(ws: Reader): AspaPlanResult {
  const neighbours = readNeighbours(ws);
  const of = (relation: string) => neighbours.filter((n) => n.relation === relation).map((n) => n.asn);
  return planAspas(of('own'), of('upstream'));
}

const FILE_NAMES: Record<RoaExportFormatName, string> = {
  slurm: 'roas.slurm.json',
  csv: 'roas.csv',
  lacnic: 'roas-lacnic.txt',
  arin: 'roas-arin.txt',
  ripe: 'roas-ripe-publish.json',
};

/** Said with every file of a format, whatever the plan (docs/routing.md §5). */
const FORMAT_NOTES: Partial<Record<RoaExportFormatName, string>> = {
  arin: 'these are unsigned ROA requests: sign each line with your ROA request key (openssl dgst -sha256 -sign) before pasting it into ARIN Online',
  ripe: 'the body of POST https://my.ripe.net/api/rpki/roas/publish: try it on the pilot (https://localcert.ripe.net/api/rpki) first',
};

export function exportRoas(ws: Reader & Pick<Workspace, 'now'>, input: { format: RoaExportFormatName; as0?: boolean | undefined }): RoaExportResult {
  const { routes, aggregates } = specs(ws);
  const plan = planRoas(routes, aggregates, { as0: input.as0 ?? false });
  const note = FORMAT_NOTES[input.format];
  const warnings = [
    ...(plan.length === 0 ? ['no route recorded (Registry → Routing): no ROA planned'] : []),
    ...routeWarnings(routes, originClassifier(ws).kind),
    ...(note && plan.length > 0 ? [note] : []),
  ];
  return { format: input.format, text: renderRoaExport(input.format, plan, ws.now()), items: plan.length, fileName: FILE_NAMES[input.format], warnings };
}
