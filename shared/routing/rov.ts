/**
 * Route origin validation against a validator's VRPs (docs/routing.md):
 *
 * - RFC 6811 §2: a VRP *covers* a route when the VRP's prefix contains the route's prefix; it
 *   *matches* when it covers it, its ASN equals the route's origin (never AS0, RFC 7607) and the
 *   route's length is at most its maxLength. Matched → `valid`; covered but unmatched →
 *   invalid; not covered → `not-found`. Invalid is split the way validators report it: an
 *   unmatched VRP of the same origin whose maxLength is too short → `invalid-length`, otherwise
 *   `invalid-asn`.
 * - RFC 9319: a VRP with maxLength beyond its prefix length is `too-permissive` unless its AS
 *   announces the prefix and every more-specific down to maxLength; a VRP is `redundant` when
 *   another VRP of the same AS already authorises everything it does (a covering prefix with a
 *   maxLength at least as long); an AS0 VRP, which only covers, when another AS0 VRP holds it.
 *
 * The lookup walks the route's own bits from /0 to its length through a map of the VRPs (33 or
 * 129 probes a route), so a full validator export (~500 000 VRPs) is checked in one pass.
 */
import { formatPrefix, ipv4Network, ipv6Network, prefixContains, type Prefix } from '../ip/prefix';
import { completeDepth } from './roa-plan';

export interface Vrp {
  prefix: Prefix;
  maxLength: number;
  asn: number;
  ta?: string;
}

export type RouteState = 'valid' | 'invalid-asn' | 'invalid-length' | 'not-found';
export const ROUTE_STATES: readonly RouteState[] = ['valid', 'invalid-asn', 'invalid-length', 'not-found'];

export type VrpFinding = 'too-permissive' | 'redundant';

const prefixKey = (p: Prefix): string => `${p.family}|${p.start.toString()}|${p.length}`;

/** The prefix of `p`'s first `len` bits. */
function truncate(p: Prefix, len: number): Prefix {
  return p.family === 4 ? { family: 4, start: ipv4Network(p.start, len), length: len } : { family: 6, start: ipv6Network(p.start, len), length: len };
}

/** VRPs indexed by their prefix, for the covering lookup of RFC 6811. */
export class VrpIndex {
  private readonly byPrefix = new Map<string, Vrp[]>();

  constructor(vrps: Iterable<Vrp>) {
    for (const v of vrps) {
      const k = prefixKey(v.prefix);
      const list = this.byPrefix.get(k);
      if (list) list.push(v);
      else this.byPrefix.set(k, [v]);
    }
  }

  /** Every VRP whose prefix contains `p` (RFC 6811's candidate set). */
  covering(p: Prefix): Vrp[] {
    const out: Vrp[] = [];
    for (let len = 0; len <= p.length; len++) {
      const list = this.byPrefix.get(prefixKey(truncate(p, len)));
      if (list) out.push(...list);
    }
    return out;
  }
}

/** The RFC 6811 state of one route, and the VRPs that decided it. */
export function routeState(index: VrpIndex, prefix: Prefix, origin: number): { state: RouteState; covering: Vrp[] } {
  const covering = index.covering(prefix);
  if (covering.length === 0) return { state: 'not-found', covering };
  if (origin !== 0 && covering.some((v) => v.asn === origin && prefix.length <= v.maxLength)) return { state: 'valid', covering };
  if (origin !== 0 && covering.some((v) => v.asn === origin)) return { state: 'invalid-length', covering };
  return { state: 'invalid-asn', covering };
}

/** The state in words for the planner. */
export function stateReason(state: RouteState, prefix: Prefix, origin: number, covering: readonly Vrp[]): string {
  const p = formatPrefix(prefix);
  const list = (vs: readonly Vrp[]) =>
    vs
      .slice(0, 3)
      .map((v) => `${formatPrefix(v.prefix)}-${v.maxLength} AS${v.asn}`)
      .join(', ') + (vs.length > 3 ? ` and ${vs.length - 3} more` : '');
  switch (state) {
    case 'valid':
      return `${p} from AS${origin} is authorised by ${list(covering.filter((v) => v.asn === origin && prefix.length <= v.maxLength))}`;
    case 'invalid-length':
      return `AS${origin} may originate ${list(covering.filter((v) => v.asn === origin))} but not as long as /${prefix.length}: networks that validate drop ${p}`;
    case 'invalid-asn':
      return `${p} is covered by ${list(covering)}, none for AS${origin}: networks that validate drop it`;
    default:
      return `no VRP covers ${p}: it is unprotected (anyone may originate it)`;
  }
}

export interface VrpFindingRow {
  vrp: Vrp;
  finding: VrpFinding;
  reason: string;
}

/**
 * RFC 9319 findings over the VRPs of our space. `routed` is our routes as prefix keys per origin
 * (what is actually announced). Identical VRPs (the same triple from several trust anchors) are
 * one VRP here.
 */
export function vrpFindings(vrps: readonly Vrp[], routes: readonly { prefix: Prefix; origin: number }[]): VrpFindingRow[] {
  const unique = new Map<string, Vrp>();
  for (const v of vrps) unique.set(`${prefixKey(v.prefix)}|${v.maxLength}|${v.asn}`, v);
  const list = [...unique.values()];
  const routedBy = new Map<number, Set<string>>();
  for (const r of routes) {
    let s = routedBy.get(r.origin);
    if (!s) routedBy.set(r.origin, (s = new Set()));
    s.add(prefixKey(r.prefix));
  }
  const byAsn = new Map<number, Vrp[]>();
  for (const v of list) {
    const l = byAsn.get(v.asn);
    if (l) l.push(v);
    else byAsn.set(v.asn, [v]);
  }
  const out: VrpFindingRow[] = [];
  for (const v of list) {
    const name = `${formatPrefix(v.prefix)}-${v.maxLength} AS${v.asn}`;
    if (v.asn !== 0 && v.maxLength > v.prefix.length) {
      const routed = routedBy.get(v.asn) ?? new Set<string>();
      const complete = routed.has(prefixKey(v.prefix)) && completeDepth(v.prefix, routed) >= v.maxLength;
      if (!complete) {
        out.push({
          vrp: v,
          finding: 'too-permissive',
          reason: `${name} authorises every prefix from /${v.prefix.length} to /${v.maxLength} inside ${formatPrefix(v.prefix)}, but AS${v.asn} does not announce them all: a forged origin can use the rest (RFC 9319 §3)`,
        });
      }
    }
    // An AS0 VRP only covers (it authorises nothing), so any AS0 VRP holding its prefix makes it redundant.
    const wider = (byAsn.get(v.asn) ?? []).find((w) => w !== v && prefixContains(w.prefix, v.prefix) && (v.asn === 0 || w.maxLength >= v.maxLength));
    if (wider) {
      out.push({
        vrp: v,
        finding: 'redundant',
        reason: `${name} authorises nothing that ${formatPrefix(wider.prefix)}-${wider.maxLength} AS${wider.asn} does not already`,
      });
    }
  }
  return out;
}

/** Whether a VRP concerns our space: it overlaps one of our aggregates (inside it, or covering it). */
export function overlapsAny(p: Prefix, aggregates: readonly Prefix[]): boolean {
  return aggregates.some((a) => prefixContains(a, p) || prefixContains(p, a));
}
