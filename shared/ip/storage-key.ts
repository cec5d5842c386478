/**
 * The storage key (DESIGN.md "Numbers"): an address as 16 big-endian bytes, IPv4 zero-extended,
 * so that SQLite's BLOB order is address order and `ORDER BY start` and range queries are index
 * scans. This module is the key's one codec: services, the import, the journal replay, the
 * query index and the change footprints all derive and read keys here.
 *
 * Three forms of one key:
 * - bytes (`Uint8Array(16)`), as stored in `prefixes.start`/`end` and `hosts.addr`;
 * - hex as SQLite's `hex()` prints it (32 upper-case digits), to compare with a `hex(col)`;
 * - the compact hex of the bulk import's journaled chunks: the significant digits only (8 for
 *   IPv4, whose 12 leading bytes are zero, 32 for IPv6), lower case. The replay SQL pads IPv4
 *   back with 24 zeros (registry-io's INSERT_BULK), so this form is part of the journal format.
 */
import { prefixEnd, type Family, type Prefix } from './prefix';

export const KEY_BYTES = 16;

/** 16-byte big-endian storage key of an address (IPv4 zero-extended), so BLOB order = address order. */
export function addressToKey(family: Family, value: number | bigint): Uint8Array {
  if (family !== 4 && family !== 6) throw new Error('family must be 4 or 6');
  const out = new Uint8Array(KEY_BYTES);
  if (typeof value === 'number') {
    // An IPv4 address (or any value below 2^53): its low bytes, without BigInt.
    let v = value;
    for (let i = 15; i >= 0 && v > 0; i--) {
      out[i] = v % 256;
      v = Math.floor(v / 256);
    }
    return out;
  }
  let v = value;
  for (let i = 15; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

export function keyToAddress(family: 4, key: Uint8Array): number;
export function keyToAddress(family: 6, key: Uint8Array): bigint;
export function keyToAddress(family: Family, key: Uint8Array): number | bigint;
export function keyToAddress(family: Family, key: Uint8Array): number | bigint {
  if (key.length !== KEY_BYTES) throw new Error('address key must be 16 bytes');
  if (family === 4) return ((key[12]! << 24) >>> 0) + (key[13]! << 16) + (key[14]! << 8) + key[15]!;
  return keyToBigInt(key);
}

/** The key's value as one unsigned integer, whatever the family (an IPv4 key gives its address). */
export function keyToBigInt(key: Uint8Array): bigint {
  let v = 0n;
  for (let i = 0; i < key.length; i++) v = (v << 8n) | BigInt(key[i]!);
  return v;
}

export function prefixFromKey(family: Family, startKey: Uint8Array, length: number): Prefix {
  return family === 4 ? { family: 4, start: keyToAddress(4, startKey), length } : { family: 6, start: keyToAddress(6, startKey), length };
}

/** The keys of a block's first and last address, as stored in `prefixes.start` and `end`. */
export function prefixKeys(p: Prefix): [Uint8Array, Uint8Array] {
  return [addressToKey(p.family, p.start), addressToKey(p.family, prefixEnd(p))];
}

const HEX = '0123456789ABCDEF';

/** The key as SQLite's `hex()` prints it: 32 upper-case digits. */
export function keyHex(key: Uint8Array): string {
  let s = '';
  for (let i = 0; i < key.length; i++) s += HEX[key[i]! >> 4]! + HEX[key[i]! & 15]!;
  return s;
}

/** The compact hex of an address's key (8 digits for IPv4, 32 for IPv6, lower case). */
export function compactKeyHex(family: Family, value: number | bigint): string {
  return value.toString(16).padStart(family === 4 ? 8 : 32, '0');
}

/** The first and last address of a block as compact key hex. */
export function prefixCompactKeyHex(p: Prefix): [string, string] {
  return [compactKeyHex(p.family, p.start), compactKeyHex(p.family, prefixEnd(p))];
}

/** The key of compact (or full, 32-digit) hex, either case; throws on anything else. */
export function keyFromHex(family: Family, hex: string): Uint8Array {
  const digits = family === 4 && hex.length === 8 ? 8 : 32;
  if (hex.length !== digits || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error(`not a ${digits}-digit key: ${hex}`);
  const out = new Uint8Array(KEY_BYTES);
  for (let i = 0, o = KEY_BYTES - digits / 2; i < digits; i += 2, o++) out[o] = Number.parseInt(hex.slice(i, i + 2), 16);
  return out;
}
