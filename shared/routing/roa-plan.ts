/**
 * The ROAs a routing plan needs (docs/routing.md):
 *
 * - RFC 9319 §4–5: a ROA's maxLength stays at the prefix length; it may be longer only when the
 *   origin announces EVERY more-specific of the prefix down to maxLength (then one ROA covers the
 *   set exactly). A more-specific routed on its own gets a ROA of its own, never a wider
 *   maxLength on its covering ROA (that would also authorise the siblings nobody announces, the
 *   forged-origin sub-prefix hijack of RFC 9319 §3).
 * - RFC 9582 §4 (and ARIN's ROA request rules): a ROA names one AS; a prefix announced from two
 *   origins needs two ROAs. The plan's entries are grouped into one ROA per origin (`roaName`).
 * - RFC 6483 §4 / RFC 7607: with `as0`, the space of our aggregates that no route covers gets
 *   AS0 ROAs with maxLength = 32 / 128, so no origin validates there.
 *
 * Pure: prefixes and ASNs in, planned entries out, each with its reason in words.
 */
import { formatPrefix, maxLength, prefixContains, comparePrefixes, type Prefix } from '../ip/prefix';
import { freePrefixList } from '../ip/free-space';

export interface RouteSpec {
  prefix: Prefix;
  origin: number;
}

export interface PlannedRoa {
  prefix: Prefix;
  maxLength: number;
  asn: number;
  reason: string;
  /** The prefixes of the plan this entry makes valid (itself, and its more-specifics when maxLength is wider). */
  covers: Prefix[];
}

const key = (p: Prefix): string => `${p.family}|${p.start.toString()}|${p.length}`;

/** The two halves of a prefix one bit longer. */
export function halves(p: Prefix): [Prefix, Prefix] {
  const len = p.length + 1;
  if (p.family === 4)
    return [
      { family: 4, start: p.start, length: len },
      { family: 4, start: p.start + 2 ** (32 - len), length: len },
    ];
  return [
    { family: 6, start: p.start, length: len },
    { family: 6, start: p.start + (1n << BigInt(128 - len)), length: len },
  ];
}

/**
 * The longest maxLength for `p` such that every prefix from p down to that length is in `routed`
 * (the set of one origin's routed prefixes). Returns p.length when even one half is missing.
 */
export function completeDepth(p: Prefix, routed: ReadonlySet<string>): number {
  let level: Prefix[] = [p];
  let depth = p.length;
  while (depth < maxLength(p.family)) {
    const next: Prefix[] = [];
    for (const q of level) {
      const [a, b] = halves(q);
      if (!routed.has(key(a)) || !routed.has(key(b))) return depth;
      next.push(a, b);
    }
    level = next;
    depth++;
    // Guard: a full binary level beyond 2^16 prefixes is not something a plan holds.
    if (level.length > 65536) return depth;
  }
  return depth;
}

function s(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The ROA plan for `routes` (RFC 9319), optionally with AS0 ROAs over the unrouted space of `aggregates`. */
export function planRoas(routes: readonly RouteSpec[], aggregates: readonly Prefix[] = [], options: { as0?: boolean } = {}): PlannedRoa[] {
  const byOrigin = new Map<number, Map<string, Prefix>>();
  for (const r of routes) {
    if (r.origin === 0) continue; // AS0 is never an origin (RFC 7607); the service refuses it
    let m = byOrigin.get(r.origin);
    if (!m) byOrigin.set(r.origin, (m = new Map()));
    m.set(key(r.prefix), r.prefix);
  }
  const out: PlannedRoa[] = [];
  for (const [asn, prefixes] of byOrigin) {
    const routed = new Set(prefixes.keys());
    const sorted = [...prefixes.values()].sort(comparePrefixes);
    const covered = new Set<string>();
    for (const p of sorted) {
      if (covered.has(key(p))) continue;
      const depth = completeDepth(p, routed);
      const covers: Prefix[] = [p];
      if (depth > p.length) {
        for (const q of sorted) if (q !== p && q.length <= depth && prefixContains(p, q)) covers.push(q);
      }
      for (const q of covers) covered.add(key(q));
      const others = [...byOrigin.keys()].filter((o) => o !== asn && byOrigin.get(o)!.has(key(p)));
      const moas =
        others.length > 0
          ? `; ${others.map((o) => `AS${o}`).join(', ')} also originate${others.length === 1 ? 's' : ''} it and get${others.length === 1 ? 's' : ''} a ROA of ${others.length === 1 ? 'its' : 'their'} own (one AS per ROA, RFC 9582 §4)`
          : '';
      const reason =
        depth > p.length
          ? `AS${asn} announces ${formatPrefix(p)} and every more-specific down to /${depth} (${s(covers.length - 1, 'more-specific', 'more-specifics')}): one entry with maxLength ${depth} authorises exactly those (RFC 9319 §5)${moas}`
          : hasRoutedMoreSpecific(p, sorted)
            ? `AS${asn} announces ${formatPrefix(p)}; its routed more-specifics get entries of their own, so maxLength stays /${p.length} and the unannounced ones stay invalid (RFC 9319 §4)${moas}`
            : `AS${asn} announces ${formatPrefix(p)}: maxLength = the prefix length, so no more-specific can be forged with this origin (RFC 9319 §4)${moas}`;
      out.push({ prefix: p, maxLength: depth, asn, reason, covers });
    }
  }
  if (options.as0) {
    const routed = routes.map((r) => r.prefix);
    for (const agg of aggregates) {
      const inside = routed.filter((p) => prefixContains(agg, p) || prefixContains(p, agg));
      if (inside.some((p) => prefixContains(p, agg))) continue; // a route covers the whole aggregate
      const { free } = freePrefixList(agg, inside);
      for (const f of free) {
        out.push({
          prefix: f,
          maxLength: maxLength(f.family),
          asn: 0,
          reason: `${formatPrefix(f)} of the aggregate ${formatPrefix(agg)} is announced by no route: an AS0 ROA up to /${maxLength(f.family)} makes any announcement of it invalid (RFC 6483 §4, RFC 7607)`,
          covers: [],
        });
      }
    }
  }
  return out.sort(comparePlanned);
}

function hasRoutedMoreSpecific(p: Prefix, sorted: readonly Prefix[]): boolean {
  return sorted.some((q) => q.length > p.length && prefixContains(p, q));
}

/** The CLI's order: by prefix (IPv4 first, address, length), then maxLength, then ASN. */
export function comparePlanned(a: { prefix: Prefix; maxLength: number; asn: number }, b: { prefix: Prefix; maxLength: number; asn: number }): number {
  return comparePrefixes(a.prefix, b.prefix) || a.maxLength - b.maxLength || a.asn - b.asn;
}

/** The name a ROA of one origin carries in the RIR forms (ARIN: letters, digits, spaces, dashes). */
export function roaName(asn: number): string {
  return asn === 0 ? 'AS0-unrouted' : `AS${asn}-routes`;
}
