/** Host-name syntax shared by the zone renderer and the `domain` object builder. */
import { invalid } from '../errors';

const LABEL_RE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Normalises a host name (lower case, no trailing dot) and refuses what is not one
 * (RFC 1123 labels, at least two labels, at most 253 characters), naming `field`.
 */
export function normalizeHostName(text: string, field: string): string {
  const name = text.trim().toLowerCase().replace(/\.$/, '');
  if (name.length === 0) throw invalid(field, 'a host name is required');
  if (name.length > 253) throw invalid(field, `"${text}" is longer than 253 characters`);
  const labels = name.split('.');
  if (labels.length < 2) throw invalid(field, `"${text}" must be a fully qualified host name (e.g. ns1.example.net)`);
  for (const label of labels) {
    if (!LABEL_RE.test(label)) throw invalid(field, `"${text}" is not a valid host name (label "${label}")`);
  }
  return name;
}

/** True when `name` equals `zone` or lies below it (both without trailing dots, any case). */
export function isInZone(name: string, zone: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  const z = zone.toLowerCase().replace(/\.$/, '');
  return n === z || n.endsWith(`.${z}`);
}
