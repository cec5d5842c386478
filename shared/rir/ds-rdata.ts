/**
 * DNSSEC DS record data as RIPE's `ds-rdata:` carries it (RFC 4034 §5.3 presentation format:
 * `<key tag> <algorithm> <digest type> <digest hex>`), with the digest length each digest
 * type requires (RFC 4034 SHA-1: 40 hex, RFC 4509 SHA-256: 64, RFC 6605 SHA-384: 96).
 */
import { invalid } from '../errors';

export interface DsRdata {
  readonly keyTag: number;
  readonly algorithm: number;
  readonly digestType: number;
  /** Upper-case hex, no spaces. */
  readonly digest: string;
}

/** Hex digits each digest type must carry; other types are only checked for even length. */
export const DS_DIGEST_HEX_LENGTH: Readonly<Record<number, number>> = { 1: 40, 2: 64, 4: 96 };

function parseByteRange(text: string | undefined, max: number, field: string, what: string): number {
  if (text === undefined || !/^\d{1,5}$/.test(text) || Number(text) > max) {
    throw invalid(field, `${what} must be a whole number from 0 to ${max} (got "${text ?? ''}")`);
  }
  return Number(text);
}

/** Parses and checks one `ds-rdata` value; a wrong field or digest length is refused naming `field`. */
export function parseDsRdata(text: string, field = 'ds-rdata'): DsRdata {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 4) throw invalid(field, `"${text}" must be "<key tag> <algorithm> <digest type> <digest>"`);
  const keyTag = parseByteRange(parts[0], 65535, field, 'key tag');
  const algorithm = parseByteRange(parts[1], 255, field, 'algorithm');
  const digestType = parseByteRange(parts[2], 255, field, 'digest type');
  // RFC 4034 §5.3 allows white space inside the digest.
  const digest = parts.slice(3).join('').toUpperCase();
  if (!/^[0-9A-F]+$/.test(digest)) throw invalid(field, 'digest must be hexadecimal');
  const want = DS_DIGEST_HEX_LENGTH[digestType];
  if (want !== undefined && digest.length !== want) {
    throw invalid(field, `digest type ${digestType} needs ${want} hex digits, got ${digest.length}`);
  }
  if (digest.length % 2 !== 0) throw invalid(field, `digest has an odd number of hex digits (${digest.length})`);
  return { keyTag, algorithm, digestType, digest };
}

export function formatDsRdata(ds: DsRdata): string {
  return `${ds.keyTag} ${ds.algorithm} ${ds.digestType} ${ds.digest}`;
}
