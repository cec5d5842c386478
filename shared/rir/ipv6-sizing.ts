/**
 * IPv6 sizing arithmetic the policies use: ARIN's nibble rules (NRPM 6.5.2.1c, 6.5.8.2;
 * specs/rir-requests.md §2.1.1) and the HD-ratio thresholds (§2.6).
 */
import { invalid } from '../errors';

/** Smallest multiple of 4, at least 4, with `count ≤ 0.75 × 2^b` (ARIN's 75% nibble rule). */
export function nibbleBits(count: number, fillFrac = 0.75): number {
  if (!Number.isInteger(count) || count < 0) throw invalid('count', `must be a whole number ≥ 0 (got ${count})`);
  let b = 4;
  while (count > fillFrac * 2 ** b) b += 4;
  return b;
}

/**
 * ARIN 6.5.2.1c: `/N, N = P − (X + Y)` with X the nibble bits for the serving sites and Y for
 * the end sites at the largest one; anything longer than /32 is raised to /32 (6.5.2.1b).
 */
export function arinLirMaxPrefix(servingSites: number, largestSiteEndSites: number, pau = 48): number {
  if (!Number.isInteger(servingSites) || servingSites < 1) throw invalid('servingSites', `must be a whole number ≥ 1 (got ${servingSites})`);
  if (!Number.isInteger(largestSiteEndSites) || largestSiteEndSites < 1) {
    throw invalid('largestSiteEndSites', `must be a whole number ≥ 1 (got ${largestSiteEndSites})`);
  }
  if (!Number.isInteger(pau) || pau < 32 || pau > 64) throw invalid('pau', `must be a prefix length from 32 to 64 (got ${pau})`);
  const n = pau - (nibbleBits(servingSites) + nibbleBits(largestSiteEndSites));
  if (n < 0) throw invalid('servingSites', 'the site counts need more than the whole IPv6 space');
  return Math.min(n, 32);
}

/** ARIN 6.5.8.2: /48 for one site; otherwise 48 − nibble bits of the site count (2–12 → /44, …, 49,152 → /32). */
export function arinEndUserPrefix(sites: number): number {
  if (!Number.isInteger(sites) || sites < 1) throw invalid('sites', `must be a whole number ≥ 1 (got ${sites})`);
  if (sites === 1) return 48;
  return 48 - nibbleBits(sites);
}

/** HD-ratio threshold `2^((unitPrefix − prefix) × hd)`, in units, rounded to the nearest integer. */
export function hdThreshold(prefix: number, unitPrefix: number, hd = 0.94): number {
  if (!Number.isInteger(prefix) || !Number.isInteger(unitPrefix) || prefix < 0 || prefix > unitPrefix || unitPrefix > 128) {
    throw invalid('prefix', `must be a whole prefix length from 0 to the unit /${unitPrefix} (got ${prefix})`);
  }
  if (!(hd > 0 && hd <= 1)) throw invalid('hd', `must be in (0, 1] (got ${hd})`);
  return Math.round(2 ** ((unitPrefix - prefix) * hd));
}

/** The same threshold as a percentage of all units in the prefix, rounded to two decimals. */
export function hdThresholdPct(prefix: number, unitPrefix: number, hd = 0.94): number {
  const exact = 2 ** ((unitPrefix - prefix) * hd);
  return Math.round((exact / 2 ** (unitPrefix - prefix)) * 10000) / 100;
}
