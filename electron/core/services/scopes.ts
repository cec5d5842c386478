/**
 * DHCPv4 scopes over the workspace (docs/dhcp-dns.md §2): one per assigned IPv4 block, keyed
 * by the block. The rules are pure, in shared/dhcp/scope.ts; every refusal names the field and
 * changes nothing.
 */
import type { ParsedInputOf, ScopeRow } from '../../../shared/contract';
import { checkScope, parseDnsServers, parseDomain, parseLeaseS, parseRange, scopeSize, type ScopeSpec } from '../../../shared/dhcp/scope';
import { HeadroomError, invalid } from '../../../shared/errors';
import { formatIPv4, formatPrefix, parseIPv4, parsePrefix, prefixesOverlap, type IPv4Prefix } from '../../../shared/ip/prefix';
import type { Row } from '../workspace/tx';
import type { Workspace } from '../workspace/workspace';
import { operation } from './operation';
import { hostsIn } from './hosts';
import { DEFAULT_SPACE, keys, spaceId } from './registry';

type Reader = Pick<Workspace, 'get' | 'all'>;

const SELECT_SCOPE = 'SELECT c.*, s.name AS space FROM dhcp_scopes c JOIN spaces s ON s.id = c.space_id';

export function scopeBlock(r: Row): IPv4Prefix {
  return { family: 4, start: Number(r.network), length: Number(r.length) };
}

function rowToScope(ws: Reader, r: Row): ScopeRow {
  const first = Number(r.first);
  const last = Number(r.last);
  const reading = ws.get('SELECT date, leased FROM dhcp_lease_readings WHERE scope_id = ? ORDER BY date DESC LIMIT 1', [Number(r.id)]);
  const dns = String(r.dns ?? '');
  return {
    id: Number(r.id),
    prefix: formatPrefix(scopeBlock(r)),
    space: String(r.space ?? DEFAULT_SPACE),
    first: formatIPv4(first),
    last: formatIPv4(last),
    size: scopeSize(first, last),
    leaseS: Number(r.lease_s),
    router: r.router === null || r.router === undefined ? null : formatIPv4(Number(r.router)),
    dns: dns === '' ? [] : dns.split(',').map((v) => formatIPv4(Number(v))),
    domain: (r.domain as string | null) ?? null,
    leased: reading ? Number(reading.leased) : null,
    leasedAt: reading ? String(reading.date) : null,
  };
}

export function listScopes(ws: Reader, input: { space?: string | undefined } = {}): ScopeRow[] {
  const rows = input.space
    ? ws.all(`${SELECT_SCOPE} WHERE s.name = ? ORDER BY s.name, c.network`, [input.space])
    : ws.all(`${SELECT_SCOPE} ORDER BY s.name, c.network`);
  return rows.map((r) => rowToScope(ws, r));
}

/** The raw scope rows of one space (the exports and the lease import read these). */
export function scopeRows(ws: Reader, space: string): Row[] {
  return ws.all(`${SELECT_SCOPE} WHERE s.name = ? ORDER BY c.network`, [space]);
}

type ScopeInput = ParsedInputOf<'dhcp.addScope'>;

function validated(ws: Reader, input: ScopeInput, self: number | null) {
  const spaceName = (input.space ?? DEFAULT_SPACE).trim();
  const p = parsePrefix(input.prefix, 'prefix');
  const cidr = formatPrefix(p);
  if (p.family !== 4) throw invalid('prefix', `${cidr} is IPv6; a DHCP scope here is DHCPv4 (an IPv4 block)`);
  const sid = spaceId(ws as Workspace, spaceName);
  const [start] = keys(p);
  const block =
    sid === null ? null : ws.get('SELECT status FROM prefixes WHERE space_id = ? AND family = 4 AND start = ? AND length = ?', [sid, start, p.length]);
  if (!block) throw new HeadroomError('not-found', `${cidr} is not a block of space "${spaceName}"; record it first`, 'prefix');
  if (String(block.status) !== 'assigned')
    throw invalid('prefix', `${cidr} is ${String(block.status)}; a DHCP scope belongs to an assigned block (a network in use)`);
  const { first, last } = parseRange(input.range, 'range');
  let router: number | null = null;
  if (input.router !== undefined && input.router.trim() !== '') {
    router = parseIPv4(input.router.trim());
    if (router === null) throw invalid('router', `"${input.router}" is not an IPv4 address`);
  }
  const spec: ScopeSpec = {
    block: p,
    first,
    last,
    leaseS: parseLeaseS(input.leaseS, 'leaseS'),
    router,
    dns: parseDnsServers(input.dns, 'dns'),
    domain: parseDomain(input.domain, 'domain'),
  };
  for (const r of ws.all('SELECT id, network, length FROM dhcp_scopes WHERE space_id = ?', [sid!])) {
    if (Number(r.id) === self) continue;
    const other = scopeBlock(r);
    if (other.start === p.start && other.length === p.length)
      throw new HeadroomError('conflict', `${cidr} already has a DHCP scope; change it, or remove it first`, 'prefix');
    if (prefixesOverlap(other, p))
      throw new HeadroomError(
        'conflict',
        `${cidr} overlaps ${formatPrefix(other)}, which has a DHCP scope; a DHCP server refuses overlapping subnets`,
        'prefix',
      );
  }
  checkScope(spec, { hosts: hostsIn(ws, sid!, p) });
  return { sid: sid!, spec, cidr };
}

const columns = (s: ScopeSpec) => ({
  first: s.first,
  last: s.last,
  lease_s: s.leaseS,
  router: s.router,
  dns: s.dns.join(','),
  domain: s.domain,
});

function findScope(ws: Reader, prefix: string, space: string | undefined): Row {
  const p = parsePrefix(prefix, 'prefix');
  const spaceName = space ?? DEFAULT_SPACE;
  const r = p.family === 4 ? ws.get(`${SELECT_SCOPE} WHERE s.name = ? AND c.network = ? AND c.length = ?`, [spaceName, p.start, p.length]) : null;
  if (!r) throw new HeadroomError('not-found', `${formatPrefix(p)} has no DHCP scope in space "${spaceName}"`, 'prefix');
  return r;
}

export const addScope = operation('dhcp.addScope', (ws, input, write): ScopeRow => {
  const v = validated(ws, input, null);
  const id = write(`Add the DHCP scope of ${v.cidr}`, (tx) =>
    tx.insert('dhcp_scopes', {
      space_id: v.sid,
      network: v.spec.block.start,
      length: v.spec.block.length,
      ...columns(v.spec),
      created_at: ws.now().toISOString(),
    }),
  );
  return rowToScope(ws, ws.get(`${SELECT_SCOPE} WHERE c.id = ?`, [id])!);
});

export const updateScope = operation('dhcp.updateScope', (ws, input, write): ScopeRow => {
  const old = findScope(ws, input.prefix, input.space);
  // Only the fields given change: the others are the stored ones (another window's change stays).
  const stored = rowToScope(ws, old);
  const v = validated(
    ws,
    {
      prefix: input.prefix,
      space: input.space,
      range: input.range ?? `${stored.first}-${stored.last}`,
      leaseS: input.leaseS ?? stored.leaseS,
      router: input.router ?? stored.router ?? undefined,
      dns: input.dns ?? stored.dns,
      domain: input.domain ?? stored.domain ?? undefined,
    },
    Number(old.id),
  );
  write(`Change the DHCP scope of ${v.cidr}`, (tx) => tx.update('dhcp_scopes', Number(old.id), columns(v.spec)));
  return rowToScope(ws, ws.get(`${SELECT_SCOPE} WHERE c.id = ?`, [Number(old.id)])!);
});

export const removeScope = operation('dhcp.removeScope', (ws, input, write): ScopeRow => {
  const row = rowToScope(ws, findScope(ws, input.prefix, input.space));
  write(`Remove the DHCP scope of ${row.prefix}`, (tx) => tx.delete('dhcp_scopes', row.id));
  return row;
});

/** Whether a scope's block is still an assigned block of its space (a network that hands out leases). */
function hasAssignedBlock(ws: Reader, sid: number, r: Row): boolean {
  const [start] = keys(scopeBlock(r));
  return Boolean(
    ws.get("SELECT id FROM prefixes WHERE space_id = ? AND family = 4 AND start = ? AND length = ? AND status = 'assigned'", [sid, start, Number(r.length)]),
  );
}

/** The scopes of every space whose block is still assigned: the forecast board's DHCP limits. */
export function liveScopes(ws: Reader): ScopeRow[] {
  return ws
    .all(`${SELECT_SCOPE} ORDER BY s.name, c.network`)
    .filter((r) => hasAssignedBlock(ws, Number(r.space_id), r))
    .map((r) => rowToScope(ws, r));
}

/** Scopes whose block is no longer an assigned block of their space: left out of the exports, named. */
export function orphanScopes(ws: Reader, space: string): string[] {
  const sid = spaceId(ws as Workspace, space);
  if (sid === null) return [];
  return scopeRows(ws, space)
    .filter((r) => !hasAssignedBlock(ws, sid, r))
    .map(
      (r) =>
        `the DHCP scope of ${formatPrefix(scopeBlock(r))} is left out: its block is no longer an assigned block (remove the scope, or record the block again)`,
    );
}
