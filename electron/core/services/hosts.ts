/**
 * Fixed hosts over the workspace (docs/dhcp-dns.md §1). The rules are pure, in shared/dhcp/;
 * this file reads the workspace, refuses bad input by field with nothing changed, and records
 * each change as one undoable action.
 */
import type { HostRoleName, HostRow, ParsedInputOf } from '../../../shared/contract';
import { checkHostAddress, parseHostAddress, parseHostName, parseMac } from '../../../shared/dhcp/host';
import { HeadroomError } from '../../../shared/errors';
import { formatAddress, formatPrefix, parsePrefix, type Address, type Prefix } from '../../../shared/ip/prefix';
import { addressToKey, keyToAddress, prefixFromKey } from '../../../shared/ip/storage-key';
import type { Row } from '../workspace/tx';
import type { Workspace } from '../workspace/workspace';
import { operation } from './operation';
import { DEFAULT_SPACE, keys, spaceId } from './registry';

type Reader = Pick<Workspace, 'get' | 'all'>;

/** The most specific `assigned` block of `space` holding `a`, or null. */
export function assignedBlockOf(ws: Reader, sid: number | null, a: Address): Prefix | null {
  if (sid === null) return null;
  const k = addressToKey(a.family, a.value);
  const r = ws.get(
    "SELECT family, start, length FROM prefixes WHERE space_id = ? AND family = ? AND status = 'assigned' AND start <= ? AND end >= ? ORDER BY length DESC LIMIT 1",
    [sid, a.family, k, k],
  );
  return r ? prefixFromKey(Number(r.family) as 4 | 6, r.start as Uint8Array, Number(r.length)) : null;
}

function rowToHost(ws: Reader, r: Row): HostRow {
  const family = Number(r.family) as 4 | 6;
  const a = { family, value: keyToAddress(family, r.addr as Uint8Array) } as Address;
  const block = assignedBlockOf(ws, Number(r.space_id), a);
  return {
    id: Number(r.id),
    ip: formatAddress(a),
    family,
    name: String(r.name),
    mac: (r.mac as string | null) ?? null,
    role: String(r.role) as HostRoleName,
    description: String(r.description ?? ''),
    space: String(r.space ?? DEFAULT_SPACE),
    block: block ? formatPrefix(block) : '',
  };
}

const SELECT_HOST = 'SELECT h.*, s.name AS space FROM hosts h JOIN spaces s ON s.id = h.space_id';

export function listHosts(ws: Reader, input: { within?: string | undefined; space?: string | undefined } = {}): HostRow[] {
  const where: string[] = [];
  const params: (number | string | Uint8Array)[] = [];
  if (input.space) {
    where.push('s.name = ?');
    params.push(input.space);
  }
  if (input.within) {
    const w = parsePrefix(input.within, 'within');
    const [start, end] = keys(w);
    where.push('h.family = ? AND h.addr >= ? AND h.addr <= ?');
    params.push(w.family, start, end);
  }
  return ws.all(`${SELECT_HOST}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY s.name, h.family, h.addr`, params).map((r) => rowToHost(ws, r));
}

/** The hosts of one space whose addresses lie in `p`, as IPv4 values (the scope checks read these). */
export function hostsIn(ws: Reader, sid: number, p: Prefix): { value: number; name: string; mac: string | null }[] {
  const [start, end] = keys(p);
  return ws
    .all('SELECT addr, name, mac FROM hosts WHERE space_id = ? AND family = ? AND addr >= ? AND addr <= ? ORDER BY addr', [sid, p.family, start, end])
    .map((r) => ({ value: Number(keyToAddress(p.family, r.addr as Uint8Array)), name: String(r.name), mac: (r.mac as string | null) ?? null }));
}

/** The scope whose dynamic range holds an IPv4 address, or null. */
function rangeHolding(ws: Reader, sid: number, a: Address): { prefix: string; first: string; last: string } | null {
  if (a.family !== 4) return null;
  const r = ws.get('SELECT network, length, first, last FROM dhcp_scopes WHERE space_id = ? AND first <= ? AND last >= ?', [sid, a.value, a.value]);
  if (!r) return null;
  const fmt = (v: unknown) => formatAddress({ family: 4, value: Number(v) });
  return { prefix: `${fmt(r.network)}/${Number(r.length)}`, first: fmt(r.first), last: fmt(r.last) };
}

type HostInput = ParsedInputOf<'dhcp.addHost'>;

/** Every field checked before anything is written; `self` is the row being edited (its own address is not "taken"). */
function validated(ws: Reader, input: HostInput, self: number | null) {
  const spaceName = (input.space ?? DEFAULT_SPACE).trim();
  const a = parseHostAddress(input.ip, 'ip');
  const name = parseHostName(input.name, 'name');
  const mac = input.mac === undefined || input.mac.trim() === '' ? null : parseMac(input.mac, 'mac');
  const sid = spaceId(ws as Workspace, spaceName);
  const k = addressToKey(a.family, a.value);
  const taken = sid === null ? null : ws.get('SELECT id, name FROM hosts WHERE space_id = ? AND family = ? AND addr = ?', [sid, a.family, k]);
  checkHostAddress(a, {
    block: assignedBlockOf(ws, sid, a),
    takenBy: taken && Number(taken.id) !== self ? String(taken.name) : null,
    inRangeOf: sid === null ? null : rangeHolding(ws, sid, a),
  });
  if (mac !== null && sid !== null) {
    const dup = ws.get('SELECT id, name FROM hosts WHERE space_id = ? AND mac = ?', [sid, mac]);
    if (dup && Number(dup.id) !== self)
      throw new HeadroomError('conflict', `${mac} is already the MAC of ${String(dup.name)}; a DHCP server reserves one address per MAC`, 'mac');
  }
  return { sid: sid!, a, k, name, mac, role: input.role ?? 'other', description: input.description ?? '' };
}

function findHost(ws: Reader, ip: string, space: string | undefined): Row {
  const a = parseHostAddress(ip, 'ip');
  const spaceName = space ?? DEFAULT_SPACE;
  const r = ws.get(`${SELECT_HOST} WHERE s.name = ? AND h.family = ? AND h.addr = ?`, [spaceName, a.family, addressToKey(a.family, a.value)]);
  if (!r) throw new HeadroomError('not-found', `no host is recorded at ${formatAddress(a)} in space "${spaceName}"`, 'ip');
  return r;
}

export const addHost = operation('dhcp.addHost', (ws, input, write): HostRow => {
  const v = validated(ws, input, null);
  const id = write(`Add the host ${v.name} (${formatAddress(v.a)})`, (tx) =>
    tx.insert('hosts', {
      space_id: v.sid,
      family: v.a.family,
      addr: v.k,
      name: v.name,
      mac: v.mac,
      role: v.role,
      description: v.description,
      created_at: ws.now().toISOString(),
    }),
  );
  return rowToHost(ws, ws.get(`${SELECT_HOST} WHERE h.id = ?`, [id])!);
});

export const updateHost = operation('dhcp.updateHost', (ws, input, write): HostRow => {
  const old = findHost(ws, input.ip, input.space);
  // Only the fields given change: the others are the stored ones (another window's change stays).
  const stored = rowToHost(ws, old);
  const v = validated(
    ws,
    {
      ip: input.newIp && input.newIp.trim() !== '' ? input.newIp : input.ip,
      space: input.space,
      name: input.name ?? stored.name,
      mac: input.mac ?? stored.mac ?? undefined,
      role: input.role ?? stored.role,
      description: input.description ?? stored.description,
    },
    Number(old.id),
  );
  write(`Change the host ${v.name} (${formatAddress(v.a)})`, (tx) =>
    tx.update('hosts', Number(old.id), { family: v.a.family, addr: v.k, name: v.name, mac: v.mac, role: v.role, description: v.description }),
  );
  return rowToHost(ws, ws.get(`${SELECT_HOST} WHERE h.id = ?`, [Number(old.id)])!);
});

export const removeHost = operation('dhcp.removeHost', (ws, input, write): HostRow => {
  const row = rowToHost(ws, findHost(ws, input.ip, input.space));
  write(`Remove the host ${row.name} (${row.ip})`, (tx) => tx.delete('hosts', row.id));
  return row;
});

/** The PTR records of the hosts of the global space inside `p` (the reverse zones carry these). */
export function hostPtrs(ws: Reader, p: Prefix): { address: string; name: string }[] {
  const sid = spaceId(ws as Workspace, DEFAULT_SPACE);
  if (sid === null) return [];
  const [start, end] = keys(p);
  return ws
    .all('SELECT family, addr, name FROM hosts WHERE space_id = ? AND family = ? AND addr >= ? AND addr <= ? ORDER BY addr', [sid, p.family, start, end])
    .map((r) => ({ address: formatAddress({ family: p.family, value: keyToAddress(p.family, r.addr as Uint8Array) } as Address), name: String(r.name) }));
}

/**
 * Name-server entries with their addresses filled in from the recorded hosts: `NAME` becomes
 * `NAME=IP` when a host of the global space has that name (its IPv4 address first), so the
 * RFC 2182 check can place servers the planner named without addresses. Others stay as given.
 */
export function withHostAddresses(ws: Reader, specs: readonly string[]): string[] {
  const sid = spaceId(ws as Workspace, DEFAULT_SPACE);
  return specs.map((spec) => {
    if (spec.includes('=') || sid === null) return spec;
    const name = spec.trim().toLowerCase().replace(/\.$/, '');
    const r = ws.get('SELECT family, addr FROM hosts WHERE space_id = ? AND name = ? ORDER BY family, addr LIMIT 1', [sid, name]);
    if (!r) return spec;
    const family = Number(r.family) as 4 | 6;
    return `${name}=${formatAddress({ family, value: keyToAddress(family, r.addr as Uint8Array) } as Address)}`;
  });
}
