/**
 * Brute-force references for the routing checks, written from the RFC text with no shared code:
 * prefixes as bit strings ("0101…"), every VRP compared with every route (RFC 6811 §2's
 * pseudo-code), and the RFC 9319 findings by enumerating every (prefix, AS) a VRP authorises.
 * Only for the small universes of the property tests.
 */

export interface RefPrefix {
  family: 4 | 6;
  /** The prefix's bits, as many as its length. */
  bits: string;
}

export interface RefVrp {
  prefix: RefPrefix;
  maxLength: number;
  asn: number;
}

export interface RefRoute {
  prefix: RefPrefix;
  origin: number;
}

/** "a.b.c.d/len" → bits (IPv4 only: the property tests use IPv4 universes). */
export function refPrefix(text: string): RefPrefix {
  const [addr, len] = text.split('/');
  const bits = addr!
    .split('.')
    .map((o) => Number(o).toString(2).padStart(8, '0'))
    .join('')
    .slice(0, Number(len));
  return { family: 4, bits };
}

export function refText(p: RefPrefix): string {
  const full = p.bits.padEnd(32, '0');
  const octets = [0, 8, 16, 24].map((i) => parseInt(full.slice(i, i + 8), 2));
  return `${octets.join('.')}/${p.bits.length}`;
}

const covers = (v: RefPrefix, r: RefPrefix) => v.family === r.family && v.bits.length <= r.bits.length && r.bits.startsWith(v.bits);

/** RFC 6811 §2: NotFound / Valid / Invalid, Invalid split by whether a same-origin VRP covers it. */
export function refState(vrps: readonly RefVrp[], route: RefRoute): 'valid' | 'invalid-asn' | 'invalid-length' | 'not-found' {
  let result: 'not-found' | 'invalid' | 'valid' = 'not-found';
  let sameOrigin = false;
  for (const v of vrps) {
    if (!covers(v.prefix, route.prefix)) continue;
    if (result === 'not-found') result = 'invalid';
    if (route.origin !== 0 && v.asn === route.origin) {
      sameOrigin = true;
      if (route.prefix.bits.length <= v.maxLength) result = 'valid';
    }
  }
  if (result === 'invalid') return sameOrigin ? 'invalid-length' : 'invalid-asn';
  return result;
}

/** Every (prefix, AS) pair a VRP authorises, as "bits|asn" strings. */
export function authorised(v: RefVrp): Set<string> {
  const out = new Set<string>();
  const walk = (bits: string) => {
    if (bits.length > v.maxLength) return;
    out.add(`${bits}|${v.asn}`);
    walk(`${bits}0`);
    walk(`${bits}1`);
  };
  if (v.asn !== 0) walk(v.prefix.bits);
  return out;
}

/** RFC 9319: a VRP authorises some (prefix, AS) that is not announced. Exact-length VRPs are left to the "ROA without route" warning. */
export function refTooPermissive(v: RefVrp, routes: readonly RefRoute[]): boolean {
  if (v.asn === 0 || v.maxLength === v.prefix.bits.length) return false;
  const announced = new Set(routes.map((r) => `${r.prefix.bits}|${r.origin}`));
  for (const a of authorised(v)) if (!announced.has(a)) return true;
  return false;
}

/** Another (different) VRP of the same AS authorises (and covers) everything this one does. */
export function refRedundant(v: RefVrp, all: readonly RefVrp[]): boolean {
  const same = (w: RefVrp) => w.prefix.bits === v.prefix.bits && w.maxLength === v.maxLength;
  // AS0 authorises nothing: its only effect is covering, which another AS0 VRP holding its prefix already has.
  if (v.asn === 0) return all.some((w) => w.asn === 0 && !same(w) && covers(w.prefix, v.prefix));
  const mine = authorised(v);
  return all.some((w) => {
    if (w.asn !== v.asn || (w.prefix.bits === v.prefix.bits && w.maxLength === v.maxLength)) return false;
    const theirs = authorised(w);
    for (const a of mine) if (!theirs.has(a)) return false;
    return true;
  });
}
