/**
 * The routing check as one pure function: our routes against a validator's VRPs (rov.ts), the
 * VRPs of our space judged by RFC 9319, and the IRR consistency warnings (docs/routing.md §4):
 * a route object without a matching ROA, a ROA without a route, an origin that is neither ours
 * nor a customer's, a route longer than /24 (IPv4) or /48 (IPv6).
 */
import { comparePrefixes, formatPrefix, type Prefix } from '../ip/prefix';
import { overlapsAny, routeState, stateReason, VrpIndex, vrpFindings, type RouteState, type Vrp, type VrpFinding } from './rov';

/** Longest prefixes most networks accept (the de-facto /24 and /48 filters). */
export const LONGEST_ACCEPTED = { 4: 24, 6: 48 } as const;

export type OriginKind = 'ours' | 'customer' | null;

export interface CheckRoute {
  prefix: Prefix;
  origin: number;
}

export interface RouteResult {
  prefix: Prefix;
  origin: number;
  state: RouteState;
  reason: string;
}

export interface VrpResult {
  prefix: Prefix;
  maxLength: number;
  asn: number;
  finding: VrpFinding;
  reason: string;
}

export interface CheckResult {
  routes: RouteResult[];
  vrps: VrpResult[];
  /** VRPs in the file. */
  total: number;
  /** VRPs that overlap our aggregates (the rest are ignored). */
  considered: number;
  /** VRPs for space that is not ours, left out. */
  ignored: number;
  warnings: string[];
}

/** Warnings every plan carries, VRPs or not: an origin not ours or a customer's, a route too long to travel. */
export function routeWarnings(routes: readonly CheckRoute[], originKind: (asn: number) => OriginKind): string[] {
  const out: string[] = [];
  for (const r of [...routes].sort((a, b) => comparePrefixes(a.prefix, b.prefix) || a.origin - b.origin)) {
    const name = `route ${formatPrefix(r.prefix)} AS${r.origin}`;
    if (originKind(r.origin) === null) out.push(`${name}: AS${r.origin} is neither one of our ASNs nor a customer's (in none of our ASN blocks)`);
    const longest = LONGEST_ACCEPTED[r.prefix.family];
    if (r.prefix.length > longest) {
      out.push(`${name}: longer than /${longest}; most networks filter IPv${r.prefix.family} routes longer than /${longest}, so it will not travel far`);
    }
  }
  return out;
}

export function checkRoutes(
  routes: readonly CheckRoute[],
  aggregates: readonly Prefix[],
  vrps: readonly Vrp[],
  originKind: (asn: number) => OriginKind,
): CheckResult {
  const ours = vrps.filter((v) => overlapsAny(v.prefix, aggregates));
  const index = new VrpIndex(ours);
  const sortedRoutes = [...routes].sort((a, b) => comparePrefixes(a.prefix, b.prefix) || a.origin - b.origin);
  const results: RouteResult[] = sortedRoutes.map((r) => {
    const { state, covering } = routeState(index, r.prefix, r.origin);
    return { prefix: r.prefix, origin: r.origin, state, reason: stateReason(state, r.prefix, r.origin, covering) };
  });
  const findings = vrpFindings(ours, routes)
    .map((f) => ({ prefix: f.vrp.prefix, maxLength: f.vrp.maxLength, asn: f.vrp.asn, finding: f.finding, reason: f.reason }))
    .sort((a, b) => comparePrefixes(a.prefix, b.prefix) || a.maxLength - b.maxLength || a.asn - b.asn || a.finding.localeCompare(b.finding));

  const warnings: string[] = [];
  for (const r of results) {
    if (r.state !== 'valid') {
      warnings.push(`route ${formatPrefix(r.prefix)} AS${r.origin}: the route object has no matching ROA (${r.state})`);
    }
  }
  const seen = new Set<string>();
  for (const v of ours) {
    if (v.asn === 0) continue;
    const k = `${formatPrefix(v.prefix)}-${v.maxLength} AS${v.asn}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const used = routes.some(
      (r) => r.origin === v.asn && r.prefix.length <= v.maxLength && overlapsAny(r.prefix, [v.prefix]) && r.prefix.length >= v.prefix.length,
    );
    if (!used) warnings.push(`ROA ${k}: no route of ours matches it (remove it, or record the route)`);
    if (originKind(v.asn) === null) warnings.push(`ROA ${k}: AS${v.asn} is neither one of our ASNs nor a customer's`);
  }
  warnings.push(...routeWarnings(routes, originKind));
  return { routes: results, vrps: findings, total: vrps.length, considered: ours.length, ignored: vrps.length - ours.length, warnings };
}
