/**
 * The map of an assigned IPv4 block as the app draws it (issue 15): every address one cell,
 * each said what it is: the network and broadcast addresses, the scope's router, a fixed host,
 * an address of the dynamic range, or free. Pure, so the renderer draws what the rules say.
 */
import { formatIPv4, parseIPv4, parsePrefix, prefixEnd } from '../ip/prefix';

export type MapCellKind = 'network' | 'broadcast' | 'router' | 'host' | 'range' | 'free';

export interface MapCell {
  /** Address offset in the block (0 = the network address). */
  offset: number;
  ip: string;
  kind: MapCellKind;
  /** The host's name, when a host sits there. */
  name?: string;
}

/** Blocks of more addresses are drawn as a bar, not cell by cell. */
export const MAP_MAX_CELLS = 1024;

export function blockMapCells(
  prefix: string,
  scope: { first: string; last: string; router: string | null } | null,
  hosts: readonly { ip: string; name: string }[],
): MapCell[] | null {
  const p = parsePrefix(prefix);
  if (p.family !== 4) return null;
  const start = p.start;
  const end = prefixEnd(p);
  const n = end - start + 1;
  if (n > MAP_MAX_CELLS) return null;
  const first = scope ? parseIPv4(scope.first) : null;
  const last = scope ? parseIPv4(scope.last) : null;
  const router = scope?.router ? parseIPv4(scope.router) : null;
  const byAddress = new Map(hosts.map((h) => [parseIPv4(h.ip), h.name]));
  const out: MapCell[] = [];
  for (let v = start; v <= end; v++) {
    const name = byAddress.get(v);
    const kind: MapCellKind =
      p.length <= 30 && v === start
        ? 'network'
        : p.length <= 30 && v === end
          ? 'broadcast'
          : name !== undefined
            ? 'host'
            : v === router
              ? 'router'
              : first !== null && last !== null && v >= first && v <= last
                ? 'range'
                : 'free';
    out.push({ offset: v - start, ip: formatIPv4(v), kind, ...(name !== undefined ? { name } : {}) });
  }
  return out;
}
