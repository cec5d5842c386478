/**
 * AS numbers (RFC 6793): unsigned 32-bit integers, written asplain (`65546`, canonical), asdot+
 * (`1.10` for every value) or asdot (asplain below 65536, asdot+ above), RFC 5396 §2–3.
 *
 * Parsed here rather than with ip-num because ip-num 1.6.2 `Asn.fromString` does not range-check
 * text: "4294967296", "1.70000", "65536.0", "-1" and "12abc" all come back as numbers.
 */
import { HeadroomError, invalid } from '../errors';

export const ASN_MAX = 4294967295;
/** Largest 2-octet ASN; above it old BGP speakers see AS_TRANS (23456). */
export const ASN16_MAX = 65535;

export type AsnFormat = 'asplain' | 'asdot' | 'asdot+';

// Decimal without sign or leading zeros; the length cap keeps Number() exact before the range check.
const PLAIN_RE = /^(0|[1-9]\d{0,9})$/;
const DOT_PART_RE = /^(0|[1-9]\d{0,4})$/;

/** True when `n` is a whole number in 0 … 2^32 − 1. */
export function isAsn(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= ASN_MAX;
}

/**
 * Parses an ASN in asplain, asdot or asdot+ (`a.b` = a × 65536 + b, each part 0 … 65535).
 * An `AS` prefix as written in RPSL (`AS64496`) is accepted; surrounding blanks are ignored;
 * signs, inner blanks, leading zeros, fractions and out-of-range values are refused.
 */
export function parseAsn(text: string, field = 'asn'): number {
  const trimmed = text.trim();
  const t = /^as/i.test(trimmed) ? trimmed.slice(2) : trimmed;
  if (t === '') throw invalid(field, 'an AS number is required');
  const dot = t.indexOf('.');
  if (dot < 0) {
    if (!PLAIN_RE.test(t)) throw invalid(field, `"${text}" is not an AS number (asplain 0–4294967295 or asdot 0.0–65535.65535)`);
    const n = Number(t);
    if (n > ASN_MAX) throw invalid(field, `"${text}" is above the largest AS number, 4294967295`);
    return n;
  }
  const high = t.slice(0, dot);
  const low = t.slice(dot + 1);
  if (!DOT_PART_RE.test(high) || !DOT_PART_RE.test(low)) {
    throw invalid(field, `"${text}" is not an asdot AS number (two whole numbers 0–65535 joined by a dot)`);
  }
  const h = Number(high);
  const l = Number(low);
  if (h > ASN16_MAX || l > ASN16_MAX) throw invalid(field, `"${text}": each part of an asdot number must be 0–65535`);
  return h * 65536 + l;
}

/** Like parseAsn but returns the problem instead of throwing (for forms). */
export function validateAsn(text: string, field = 'asn'): [number, null] | [null, string] {
  try {
    return [parseAsn(text, field), null];
  } catch (e) {
    if (e instanceof HeadroomError) return [null, e.message];
    throw e;
  }
}

function checkAsn(asn: number): void {
  if (!isAsn(asn)) throw new RangeError(`${asn} is not an AS number`);
}

export function formatAsplain(asn: number): string {
  checkAsn(asn);
  return String(asn);
}

export function formatAsdotPlus(asn: number): string {
  checkAsn(asn);
  return `${Math.floor(asn / 65536)}.${asn % 65536}`;
}

export function formatAsdot(asn: number): string {
  checkAsn(asn);
  return asn <= ASN16_MAX ? String(asn) : formatAsdotPlus(asn);
}

export function formatAsn(asn: number, format: AsnFormat = 'asplain'): string {
  switch (format) {
    case 'asplain':
      return formatAsplain(asn);
    case 'asdot':
      return formatAsdot(asn);
    case 'asdot+':
      return formatAsdotPlus(asn);
  }
}

/** True for 2-octet ASNs (0 … 65535), which old BGP speakers can carry without AS_TRANS. */
export function isAsn16(asn: number): boolean {
  return isAsn(asn) && asn <= ASN16_MAX;
}
