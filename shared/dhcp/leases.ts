/**
 * Lease files read as readings (docs/dhcp-dns.md §4): the ISC `dhcpd.leases` file (dhcpd.leases(5))
 * and the Kea DHCPv4 memfile lease CSV. Both are logs: a lease written again later in the file
 * replaces what came before, so the last entry of each address is its state.
 *
 * A lease is active when its state says so and it had not ended before the reading's day began
 * (UTC): dhcpd `binding state active` (a lease without a binding state, the old format, counts
 * unless `abandoned;`), Kea state 0 with a non-zero valid lifetime (Kea writes a deleted lease
 * with valid_lifetime 0). Expired, freed, released, abandoned, backup and declined leases (Kea
 * states 1 declined, 2 expired-reclaimed, 3 released) do not count. A line that is neither is
 * garbage: reported by its number, and nothing is imported.
 */
import { MS_PER_DAY, parseDay } from '../dates';
import { parseIPv4 } from '../ip/prefix';

export interface LeaseEntry {
  /** IPv4 as uint32. */
  address: number;
  active: boolean;
}

export interface ParsedLeases {
  /** The last entry of each address, in address order. */
  leases: LeaseEntry[];
  /** Entries read (declarations or rows, repeats included). */
  read: number;
  garbage: { line: number; text: string }[];
}

/** Seconds since the epoch at 00:00:00 UTC of a YYYY-MM-DD day. */
export function dayStartS(date: string): number {
  return (parseDay(date) * MS_PER_DAY) / 1000;
}

function finish(last: Map<number, boolean>, read: number, garbage: ParsedLeases['garbage']): ParsedLeases {
  return { leases: [...last].sort((a, b) => a[0] - b[0]).map(([address, active]) => ({ address, active })), read, garbage };
}

/** `ends 3 2026/10/06 10:00:00;` (UTC), `ends epoch 1791280800; # …`, `ends never;` → seconds, Infinity, or NaN when unreadable. */
function endsAt(rest: string): number {
  const t = rest.trim();
  if (t === 'never') return Infinity;
  const epoch = /^epoch\s+(\d+)$/.exec(t);
  if (epoch) return Number(epoch[1]);
  const m = /^\d\s+(\d{4})\/(\d{2})\/(\d{2})\s+(\d{2}):(\d{2}):(\d{2})$/.exec(t);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) / 1000;
}

/** Top-level declarations other than `lease` that a dhcpd.leases file may hold (dhcpd.leases(5)). */
const OTHER_BLOCKS = /^(host|group|subgroup|failover|ia-na|ia-ta|ia-pd|class|subclass)\b.*\{$/;
const OTHER_STATEMENTS = /^(server-duid|authoring-byte-order|db-time-format|lease-id-format)\b.*;$/;

export function parseDhcpdLeases(text: string, date: string): ParsedLeases {
  const since = dayStartS(date);
  const last = new Map<number, boolean>();
  const garbage: ParsedLeases['garbage'] = [];
  let read = 0;
  let depth = 0; // inside a block: 1 = the lease (or other declaration), more = nested `on … {}`
  let current: { address: number; state: string | null; abandoned: boolean; ends: number } | null = null;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    // A comment runs from # to the end of the line, outside strings.
    const line = raw.replace(/("(?:[^"\\]|\\.)*")|#.*$/g, (m, s: string | undefined) => s ?? '').trim();
    if (line === '') return;
    const bad = () => garbage.push({ line: i + 1, text: raw.trim().slice(0, 80) });
    if (depth === 0) {
      const lease = /^lease\s+(\S+)\s*\{$/.exec(line);
      if (lease) {
        const a = parseIPv4(lease[1]!);
        if (a === null) return bad();
        current = { address: a, state: null, abandoned: false, ends: Infinity };
        depth = 1;
        read++;
      } else if (OTHER_BLOCKS.test(line)) {
        current = null;
        depth = 1;
      } else if (!OTHER_STATEMENTS.test(line)) bad();
      return;
    }
    if (line === '}' || line === '};') {
      depth--;
      if (depth === 0 && current) {
        const c = current;
        const active = (c.state === null ? !c.abandoned : c.state === 'active') && c.ends >= since;
        last.set(c.address, active);
        current = null;
      }
      return;
    }
    if (line.endsWith('{')) {
      depth++;
      return;
    }
    if (!line.endsWith(';')) return bad();
    if (depth !== 1 || !current) return;
    const state = /^binding\s+state\s+([a-z-]+)\s*;$/.exec(line);
    if (state) current.state = state[1]!;
    else if (line === 'abandoned;') current.abandoned = true;
    else if (line.startsWith('ends ')) {
      const t = endsAt(line.slice(5, -1));
      if (Number.isNaN(t)) return bad();
      current.ends = t;
    }
  });
  if (depth !== 0) garbage.push({ line: lines.length, text: 'the file ends inside a declaration (a missing "}")' });
  return finish(last, read, garbage);
}

/**
 * Kea's memfile CSV (kea-leases4.csv): a header line naming the columns, then one lease per
 * row. Columns are found by name (Kea versions add columns at the end: user_context, pool_id,
 * hwtype, hwaddr_source), so `address`, `valid_lifetime` and `expire` are required; `state`
 * is 0 when absent (files older than Kea 0.9.2). Kea escapes commas inside a field, so a row
 * splits on every comma.
 */
export function parseKeaLeases(text: string, date: string): ParsedLeases {
  const since = dayStartS(date);
  const lines = text.split(/\r?\n/);
  const garbage: ParsedLeases['garbage'] = [];
  const header = (lines[0] ?? '').trim().split(',');
  const col = (name: string) => header.indexOf(name);
  const [ia, iv, ie, is] = [col('address'), col('valid_lifetime'), col('expire'), col('state')];
  if (ia < 0 || iv < 0 || ie < 0) {
    return {
      leases: [],
      read: 0,
      garbage: [{ line: 1, text: `not a Kea lease file header (address,hwaddr,client_id,valid_lifetime,expire,…): ${(lines[0] ?? '').trim().slice(0, 80)}` }],
    };
  }
  const last = new Map<number, boolean>();
  let read = 0;
  lines.slice(1).forEach((raw, k) => {
    const line = raw.trim();
    if (line === '') return;
    const f = line.split(',');
    const a = parseIPv4(f[ia] ?? '');
    const num = (j: number) => (j < 0 ? 0 : /^\d+$/.test(f[j] ?? '') ? Number(f[j]) : NaN);
    const [valid, expire, state] = [num(iv), num(ie), num(is)];
    if (f.length !== header.length || a === null || [valid, expire, state].some(Number.isNaN)) {
      garbage.push({ line: k + 2, text: line.slice(0, 80) });
      return;
    }
    read++;
    last.set(a, state === 0 && valid > 0 && expire >= since);
  });
  return finish(last, read, garbage);
}
