/**
 * Fixed hosts (docs/dhcp-dns.md §1): a host is one address inside an `assigned` block, with a
 * DNS name, an optional hardware (MAC) address, a role and a description. Pure rules; the
 * service (electron/core/services/hosts.ts) reads the workspace and calls these.
 */
import { invalid } from '../errors';
import { formatAddress, formatPrefix, parseAddress, prefixEnd, type Address, type Prefix } from '../ip/prefix';
import { normalizeHostName } from '../rir/hostname';

export const HOST_ROLES = ['router', 'server', 'printer', 'switch', 'other'] as const;
export type HostRole = (typeof HOST_ROLES)[number];

/**
 * A MAC (EUI-48) in any of the three usual spellings, `00:1a:2b:3c:4d:5e`, `00-1A-2B-3C-4D-5E`
 * or `001a.2b3c.4d5e`, as six lower-case colon-separated octets. A group (multicast or
 * broadcast) address is refused: the I/G bit, the low bit of the first octet, is 1 in those
 * (IEEE 802-2014 §8.2), and no interface sends from one.
 */
export function parseMac(text: string, field = 'mac'): string {
  const t = text.trim();
  let hex: string | null = null;
  if (/^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i.test(t)) hex = t.replace(/[:-]/g, '');
  else if (/^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(t)) hex = t.replace(/\./g, '');
  if (hex === null) throw invalid(field, `"${text}" is not a MAC address (six hexadecimal octets, e.g. 00:1a:2b:3c:4d:5e)`);
  hex = hex.toLowerCase();
  if ((parseInt(hex.slice(0, 2), 16) & 1) === 1) {
    throw invalid(field, `${text} is a group (multicast or broadcast) address; a host's interface has an individual address (the first octet is even)`);
  }
  return hex.match(/../g)!.join(':');
}

/**
 * A host's name: a fully qualified DNS name (RFC 1035 §2.3.1 labels as relaxed by RFC 1123
 * §2.1: letters, digits and hyphens, 1–63 characters, not starting or ending with a hyphen; at
 * most 253 characters), lower case, without the trailing dot. The last label may not be all
 * digits (RFC 1123 §2.1, RFC 3696 §2), so a name is never mistaken for an address.
 */
export function parseHostName(text: string, field = 'name'): string {
  const name = normalizeHostName(text, field);
  const tld = name.slice(name.lastIndexOf('.') + 1);
  if (/^[0-9]+$/.test(tld)) throw invalid(field, `"${text}" is not a host name: its last label "${tld}" is all digits`);
  return name;
}

/** The address of a host, refused with the field named when malformed. */
export function parseHostAddress(text: string, field = 'ip'): Address {
  return parseAddress(text, field);
}

/** What a host's address is checked against: the assigned block holding it, and what is taken. */
export interface HostPlace {
  /** The most specific `assigned` block holding the address, or null. */
  block: Prefix | null;
  /** A host already recorded at the address, by name, or null. */
  takenBy: string | null;
  /** The DHCP scope whose dynamic range holds the address (its block, as CIDR), or null. */
  inRangeOf: { prefix: string; first: string; last: string } | null;
}

/** Refuses an address that cannot be a fixed host (each reason names the field `ip`). */
export function checkHostAddress(a: Address, place: HostPlace, field = 'ip'): void {
  const text = formatAddress(a);
  if (!place.block)
    throw invalid(field, `${text} is not inside any assigned block; a fixed host lives in a block assigned to a network (record the block first)`);
  const b = place.block;
  if (b.family === 4 && a.family === 4 && b.length <= 30) {
    if (a.value === b.start) throw invalid(field, `${text} is the network address of ${formatPrefix(b)}; a host cannot use it`);
    if (a.value === prefixEnd(b)) throw invalid(field, `${text} is the broadcast address of ${formatPrefix(b)}; a host cannot use it`);
  }
  if (place.takenBy !== null) throw invalid(field, `${text} is already taken by ${place.takenBy}`);
  if (place.inRangeOf) {
    const r = place.inRangeOf;
    throw invalid(
      field,
      `${text} is inside the DHCP range ${r.first}–${r.last} of ${r.prefix}; the server could lease it to another device (pick an address outside the range, or shrink the range)`,
    );
  }
}
