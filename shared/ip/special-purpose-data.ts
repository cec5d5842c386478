/**
 * IANA IPv4 and IPv6 Special-Purpose Address Registries (§1.2, §1.3; content of IANA's
 * 2025-10-09 update) and the blocks outside them the registry must still flag (§1.4).
 *
 * Flags are kept as the registry writes them ('True', 'False', 'N/A', '' for terminated rows)
 * so the UI can show the raw value; warnings treat anything but 'True' as "not globally
 * reachable" (§1.5). Written as data here, not taken from ip-num, whose `isGlobalUnicast()` is
 * wrong for many of these blocks (§1.5).
 */

export type RegistryFlag = 'True' | 'False' | 'N/A' | '';

export interface SpecialPurposeRow {
  /** One or more CIDR blocks (192.0.0.170/32 and .171/32 are one row in the registry). */
  readonly blocks: readonly string[];
  readonly name: string;
  readonly rfc: string;
  /** Where the row comes from: the IANA registries, or §1.4 (other RFCs). */
  readonly source: 'iana-ipv4-special' | 'iana-ipv6-special' | 'other';
  /** Source, Destination, Forwardable, Globally reachable, Reserved-by-protocol. */
  readonly flags: { readonly S: RegistryFlag; readonly D: RegistryFlag; readonly F: RegistryFlag; readonly G: RegistryFlag; readonly R: RegistryFlag };
  /** Registry footnote number qualifying the row (shown from the IANA page, not paraphrased). */
  readonly footnote?: number;
  /** Terminated rows keep their block but have blank flags. */
  readonly terminated?: string;
}

const f = (code: string): SpecialPurposeRow['flags'] => {
  const v = (c: string): RegistryFlag => (c === 'T' ? 'True' : c === 'F' ? 'False' : c === 'N' ? 'N/A' : '');
  return { S: v(code[0]!), D: v(code[1]!), F: v(code[2]!), G: v(code[3]!), R: v(code[4]!) };
};

const v4 = (blocks: string, name: string, rfc: string, flags: string, extra: Partial<SpecialPurposeRow> = {}): SpecialPurposeRow => ({
  blocks: blocks.split(',').map((b) => b.trim()),
  name,
  rfc,
  source: 'iana-ipv4-special',
  flags: f(flags),
  ...extra,
});
const v6 = (blocks: string, name: string, rfc: string, flags: string, extra: Partial<SpecialPurposeRow> = {}): SpecialPurposeRow => ({
  ...v4(blocks, name, rfc, flags, extra),
  source: 'iana-ipv6-special',
});

/** §1.2: 25 rows, 26 blocks. */
export const IPV4_SPECIAL_PURPOSE: readonly SpecialPurposeRow[] = [
  v4('0.0.0.0/8', '"This network"', 'RFC 791 §3.2', 'TFFFT'),
  v4('0.0.0.0/32', '"This host on this network"', 'RFC 1122 §3.2.1.3', 'TFFFT'),
  v4('10.0.0.0/8', 'Private-Use', 'RFC 1918', 'TTTFF'),
  v4('100.64.0.0/10', 'Shared Address Space', 'RFC 6598', 'TTTFF'),
  v4('127.0.0.0/8', 'Loopback', 'RFC 1122 §3.2.1.3', 'FFFFT', { footnote: 1 }),
  v4('169.254.0.0/16', 'Link Local', 'RFC 3927', 'TTFFT'),
  v4('172.16.0.0/12', 'Private-Use', 'RFC 1918', 'TTTFF'),
  v4('192.0.0.0/24', 'IETF Protocol Assignments', 'RFC 6890 §2.1', 'FFFFF', { footnote: 2 }),
  v4('192.0.0.0/29', 'IPv4 Service Continuity Prefix', 'RFC 7335', 'TTTFF'),
  v4('192.0.0.8/32', 'IPv4 dummy address', 'RFC 7600', 'TFFFF'),
  v4('192.0.0.9/32', 'Port Control Protocol Anycast', 'RFC 7723', 'TTTTF'),
  v4('192.0.0.10/32', 'Traversal Using Relays around NAT Anycast', 'RFC 8155', 'TTTTF'),
  v4('192.0.0.170/32, 192.0.0.171/32', 'NAT64/DNS64 Discovery', 'RFC 8880, RFC 7050 §2.2', 'FFFFT'),
  v4('192.0.2.0/24', 'Documentation (TEST-NET-1)', 'RFC 5737', 'FFFFF'),
  v4('192.31.196.0/24', 'AS112-v4', 'RFC 7535', 'TTTTF'),
  v4('192.52.193.0/24', 'AMT', 'RFC 7450', 'TTTTF'),
  v4('192.88.99.0/24', 'Deprecated (6to4 Relay Anycast)', 'RFC 7526', '-----', { terminated: '2015-03' }),
  v4('192.88.99.2/32', '6a44-relay anycast address', 'RFC 6751', 'TTTFF'),
  v4('192.168.0.0/16', 'Private-Use', 'RFC 1918', 'TTTFF'),
  v4('192.175.48.0/24', 'Direct Delegation AS112 Service', 'RFC 7534', 'TTTTF'),
  v4('198.18.0.0/15', 'Benchmarking', 'RFC 2544', 'TTTFF'),
  v4('198.51.100.0/24', 'Documentation (TEST-NET-2)', 'RFC 5737', 'FFFFF'),
  v4('203.0.113.0/24', 'Documentation (TEST-NET-3)', 'RFC 5737', 'FFFFF'),
  v4('240.0.0.0/4', 'Reserved', 'RFC 1112 §4', 'FFFFT'),
  v4('255.255.255.255/32', 'Limited Broadcast', 'RFC 8190, RFC 919 §7', 'FTFFT'),
];

/** §1.3: 25 rows. */
export const IPV6_SPECIAL_PURPOSE: readonly SpecialPurposeRow[] = [
  v6('::1/128', 'Loopback Address', 'RFC 4291', 'FFFFT'),
  v6('::/128', 'Unspecified Address', 'RFC 4291', 'TFFFT'),
  v6('::ffff:0:0/96', 'IPv4-mapped Address', 'RFC 4291', 'FFFFT'),
  v6('64:ff9b::/96', 'IPv4-IPv6 Translat.', 'RFC 6052', 'TTTTF'),
  v6('64:ff9b:1::/48', 'IPv4-IPv6 Translat. (local use)', 'RFC 8215', 'TTTFF'),
  v6('100::/64', 'Discard-Only Address Block', 'RFC 6666', 'TTTFF'),
  v6('100:0:0:1::/64', 'Dummy IPv6 Prefix', 'RFC 9780', 'TFFFF'),
  v6('2001::/23', 'IETF Protocol Assignments', 'RFC 2928', 'FFFFF', { footnote: 1 }),
  v6('2001::/32', 'TEREDO', 'RFC 4380, RFC 8190', 'TTTNF', { footnote: 2 }),
  v6('2001:1::1/128', 'Port Control Protocol Anycast', 'RFC 7723', 'TTTTF'),
  v6('2001:1::2/128', 'Traversal Using Relays around NAT Anycast', 'RFC 8155', 'TTTTF'),
  v6('2001:1::3/128', 'DNS-SD Service Registration Protocol Anycast', 'RFC 9665', 'TTTTF'),
  v6('2001:2::/48', 'Benchmarking', 'RFC 5180, Errata 1752', 'TTTFF'),
  v6('2001:3::/32', 'AMT', 'RFC 7450', 'TTTTF'),
  v6('2001:4:112::/48', 'AS112-v6', 'RFC 7535', 'TTTTF'),
  v6('2001:10::/28', 'Deprecated (previously ORCHID)', 'RFC 4843', '-----', { terminated: '2014-03' }),
  v6('2001:20::/28', 'ORCHIDv2', 'RFC 7343', 'TTTTF'),
  v6('2001:30::/28', 'Drone Remote ID Protocol Entity Tags (DETs) Prefix', 'RFC 9374', 'TTTTF'),
  v6('2001:db8::/32', 'Documentation', 'RFC 3849', 'FFFFF'),
  v6('2002::/16', '6to4', 'RFC 3056', 'TTTNF', { footnote: 3 }),
  v6('2620:4f:8000::/48', 'Direct Delegation AS112 Service', 'RFC 7534', 'TTTTF'),
  v6('3fff::/20', 'Documentation', 'RFC 9637', 'FFFFF'),
  v6('5f00::/16', 'Segment Routing (SRv6) SIDs', 'RFC 9602', 'TTTFF'),
  v6('fc00::/7', 'Unique-Local', 'RFC 4193, RFC 8190', 'TTTFF', { footnote: 4 }),
  v6('fe80::/10', 'Link-Local Unicast', 'RFC 4291', 'TTFFT'),
];

const other = (block: string, name: string, rfc: string): SpecialPurposeRow => ({
  blocks: [block],
  name,
  rfc,
  source: 'other',
  flags: f('-----'),
});

/**
 * §1.4: blocks outside the two registries. Their flags are blank (the registries say nothing);
 * 2000::/3 is not here because it is the one range that *is* RIR space (see rirSpaceWarnings).
 */
export const OTHER_SPECIAL_BLOCKS: readonly SpecialPurposeRow[] = [
  other('224.0.0.0/4', 'IPv4 multicast', 'RFC 5771'),
  other('ff00::/8', 'IPv6 multicast', 'RFC 4291 §2.7'),
  other('fec0::/10', 'Site-local (deprecated)', 'RFC 3879'),
  other('::/96', 'IPv4-compatible IPv6 (deprecated)', 'RFC 4291 §2.5.5.1'),
  other('fd00::/8', 'Unique-Local, locally assigned (L=1): one pseudo-random /48 per site', 'RFC 4193 §3.1–3.2'),
];
