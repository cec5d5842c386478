/**
 * A validator's VRP export as JSON: Routinator's `json`/`jsonext` and rpki-client's `json`
 * (`{"metadata": {...}, "roas": [{"asn", "prefix", "maxLength", "ta" | "source", ...}]}`).
 * `asn` comes as "AS64500" (Routinator, older rpki-client) or as a number (newer rpki-client);
 * both are read, as NLnet Labs' rtrtr does. Extra members are ignored.
 *
 * Refused as a whole, naming the entry in words: text that is not JSON, a document without a
 * `roas` list, a malformed prefix or ASN, a maxLength below the prefix length or above 32/128.
 */
import { parseAsn } from '../asn/asn';
import { errorLine, HeadroomError, invalid } from '../errors';
import { maxLength, parsePrefix } from '../ip/prefix';
import type { Vrp } from './rov';

export const VRP_FIELD = 'vrps';

function entryName(i: number, raw: Record<string, unknown>): string {
  const p = typeof raw.prefix === 'string' ? ` (${raw.prefix})` : '';
  return `entry ${i + 1}${p}`;
}

/** Reads a validator's JSON export into VRPs; a bad document is refused with `field` = vrps. */
export function parseVrpJson(text: string): Vrp[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw invalid(VRP_FIELD, `the VRP file is not JSON (${(e as Error).message}); export it with "routinator vrps --format json" or rpki-client's json output`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Array.isArray((doc as { roas?: unknown }).roas)) {
    throw invalid(VRP_FIELD, 'the VRP file has no "roas" list: it is not a Routinator or rpki-client JSON export');
  }
  const roas = (doc as { roas: unknown[] }).roas;
  const out: Vrp[] = [];
  roas.forEach((item, i) => {
    if (typeof item !== 'object' || item === null) throw invalid(VRP_FIELD, `entry ${i + 1} of "roas" is not an object`);
    const raw = item as Record<string, unknown>;
    const name = entryName(i, raw);
    if (typeof raw.prefix !== 'string') throw invalid(VRP_FIELD, `${name}: prefix is missing`);
    let prefix;
    try {
      prefix = parsePrefix(raw.prefix, 'prefix');
    } catch (e) {
      throw invalid(VRP_FIELD, `${name}: ${errorLine(e as HeadroomError)}`);
    }
    let asn: number;
    if (typeof raw.asn === 'number') {
      if (!Number.isInteger(raw.asn) || raw.asn < 0 || raw.asn > 4294967295) throw invalid(VRP_FIELD, `${name}: asn ${raw.asn} is not an AS number`);
      asn = raw.asn;
    } else if (typeof raw.asn === 'string') {
      try {
        asn = parseAsn(raw.asn, 'asn');
      } catch (e) {
        throw invalid(VRP_FIELD, `${name}: ${errorLine(e as HeadroomError)}`);
      }
    } else throw invalid(VRP_FIELD, `${name}: asn is missing`);
    const ml = raw.maxLength ?? prefix.length;
    if (typeof ml !== 'number' || !Number.isInteger(ml)) throw invalid(VRP_FIELD, `${name}: maxLength must be a whole number`);
    checkMaxLength(prefix.family, prefix.length, ml, `${VRP_FIELD}`, `${name}: `);
    out.push({ prefix, maxLength: ml, asn, ...(typeof raw.ta === 'string' ? { ta: raw.ta } : {}) });
  });
  return out;
}

/** RFC 9582 §4.3.2: prefix length ≤ maxLength ≤ 32 (IPv4) or 128 (IPv6). */
export function checkMaxLength(family: 4 | 6, length: number, ml: number, field: string, lead = ''): void {
  const max = maxLength(family);
  if (ml < length) throw invalid(field, `${lead}maxLength ${ml} is below the prefix length /${length}`);
  if (ml > max) throw invalid(field, `${lead}maxLength ${ml} is above /${max}, the longest IPv${family} prefix`);
}
