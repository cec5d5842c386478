/**
 * dhcp.*: fixed hosts, DHCPv4 scopes and their lease readings (docs/dhcp-dns.md). The exports
 * that carry them (dhcpd, Kea, BIND reverse and forward zones) are `reports.export`.
 */
import { z } from 'zod';
import { mutation, query } from './define';

export const HOST_ROLE_NAMES = ['router', 'server', 'printer', 'switch', 'other'] as const;
export type HostRoleName = (typeof HOST_ROLE_NAMES)[number];

export interface HostRow {
  id: number;
  ip: string;
  family: 4 | 6;
  /** Fully qualified, lower case, no trailing dot. */
  name: string;
  /** Six lower-case colon-separated octets, or null. */
  mac: string | null;
  role: HostRoleName;
  description: string;
  space: string;
  /** The assigned block it lies in (CIDR), or '' when that block is gone. */
  block: string;
}

export interface ScopeRow {
  id: number;
  /** The block (CIDR). */
  prefix: string;
  space: string;
  first: string;
  last: string;
  /** Addresses in the range. */
  size: number;
  leaseS: number;
  router: string | null;
  dns: string[];
  domain: string | null;
  /** Active leases at the latest lease import, and its date; null before any. */
  leased: number | null;
  leasedAt: string | null;
}

export const LEASE_FORMATS = ['dhcpd', 'kea'] as const;
export type LeaseFormat = (typeof LEASE_FORMATS)[number];

export interface LeaseImportResult {
  date: string;
  /** Active leases counted per scope. */
  scopes: { prefix: string; leased: number; size: number }[];
  /** Active leases that fall in no scope: reported, not fatal. */
  outside: string[];
  /** Lease entries read (a lease written again later counts again); addresses whose last entry is not active (expired, freed, released, abandoned, declined). */
  read: number;
  inactive: number;
}

const ip = z.string().trim().min(1, 'is required').max(60);
const space = z.string().trim().min(1, 'must not be empty').max(100).optional();
const text = z.string().max(2000);
const hostFields = {
  name: z.string().trim().min(1, 'is required').max(253),
  mac: z.string().trim().max(40).optional(),
  role: z.enum(HOST_ROLE_NAMES, { error: () => `must be one of ${HOST_ROLE_NAMES.join(', ')}` }).optional(),
  description: text.optional(),
};
const scopeFields = {
  range: z.string().trim().min(1, 'is required').max(80),
  leaseS: z.number().optional(),
  router: z.string().trim().max(60).optional(),
  dns: z.array(z.string().trim().max(60)).max(8).optional(),
  domain: z.string().trim().max(253).optional(),
};

export const dhcpOps = {
  'dhcp.listHosts': query<HostRow[]>()(z.object({ within: z.string().trim().max(60).optional(), space }), 'The fixed hosts, in address order'),
  'dhcp.addHost': mutation<HostRow>()(z.object({ ip, space, ...hostFields }), 'Record a fixed host inside an assigned block'),
  'dhcp.updateHost': mutation<HostRow>()(
    z.object({ ip, space, newIp: z.string().trim().max(60).optional(), ...hostFields, name: hostFields.name.optional() }),
    'Change a fixed host: only the fields given (its address too, with newIp)',
  ),
  'dhcp.removeHost': mutation<HostRow>()(z.object({ ip, space }), 'Remove a fixed host'),
  'dhcp.listScopes': query<ScopeRow[]>()(z.object({ space }), 'The DHCPv4 scopes, in address order, with their latest lease count'),
  'dhcp.addScope': mutation<ScopeRow>()(z.object({ prefix: ip, space, ...scopeFields }), 'Declare the DHCP scope of an assigned IPv4 block (one per block)'),
  'dhcp.updateScope': mutation<ScopeRow>()(
    z.object({ prefix: ip, space, ...scopeFields, range: scopeFields.range.optional() }),
    'Change the DHCP scope of a block: only the fields given (an empty router, list or domain clears it)',
  ),
  'dhcp.removeScope': mutation<ScopeRow>()(z.object({ prefix: ip, space }), 'Remove the DHCP scope of a block'),
  'dhcp.importLeases': mutation<LeaseImportResult>()(
    z.object({
      text: z.string().max(200 * 1024 * 1024, 'the lease file is larger than 200 MB'),
      format: z.enum(LEASE_FORMATS, { error: () => `must be one of ${LEASE_FORMATS.join(', ')}` }),
      date: z.string().trim().max(10).optional(),
      space,
    }),
    "Count each scope's active leases in a dhcpd.leases file or a Kea lease CSV, as that day's reading",
  ),
};
