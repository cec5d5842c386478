/** Registry use-cases over the workspace: blocks in address spaces (first form; see issue #4). */
import type { ParsedInputOf, PrefixPage, PrefixRow, PrefixStatus, PrefixUsage } from '../../../shared/contract';
import { HeadroomError, invalid } from '../../../shared/errors';
import { dayOfInstant } from '../../../shared/dates';
import { addDays, DEFAULT_COOLDOWN_DAYS, placementWarnings, statusRefusal } from '../../../shared/ip/lifecycle';
import { comparePrefixes, formatPrefix, ipv4Network, ipv6Network, parsePrefix, prefixEnd, type Prefix } from '../../../shared/ip/prefix';
import { addressToKey, prefixFromKey, prefixKeys } from '../../../shared/ip/storage-key';
import type { SqlParam } from '../workspace/journal';
import type { Row, Tx } from '../workspace/tx';
import type { Workspace } from '../workspace/workspace';
import { viewPage, viewTotal, type PageView } from './prefix-pages';
import { keptAtChange } from './kept-at-change';
import { operation } from './operation';

export const DEFAULT_SPACE = 'global';

export type AddPrefixInput = ParsedInputOf<'registry.addPrefix'>;

export function todayUtc(now: Date): string {
  return dayOfInstant(now);
}

export function keys(p: Prefix): [Uint8Array, Uint8Array] {
  return prefixKeys(p);
}

export function rowToPrefix(r: Row): PrefixRow {
  const p = prefixFromKey(Number(r.family) as 4 | 6, r.start as Uint8Array, Number(r.length));
  return {
    id: Number(r.id),
    prefix: formatPrefix(p),
    family: p.family,
    length: p.length,
    space: String(r.space ?? DEFAULT_SPACE),
    status: String(r.status) as PrefixStatus,
    description: String(r.description ?? ''),
    unit: r.unit === null || r.unit === undefined ? null : Number(r.unit),
    date: (r.date as string | null) ?? null,
    rir: (r.rir as string | null) ?? null,
    usage: usageOf(r),
  };
}

/** The counters joined in by SELECT_PREFIX (zeros for a row read inside its own, unfinished action). */
function usageOf(r: Row): PrefixUsage {
  const size = Number(r.u_size ?? 0);
  const pct = (v: unknown) => (size > 0 ? Math.min(100, (Number(v ?? 0) / size) * 100) : 0);
  return {
    parentId: r.u_parent === null || r.u_parent === undefined ? null : Number(r.u_parent),
    depth: Number(r.u_depth ?? 0),
    children: Number(r.u_children ?? 0),
    usedPct: pct(r.u_used),
    reservedPct: pct(r.u_reserved),
  };
}

export const SELECT_PREFIX =
  'SELECT p.*, s.name AS space, u.parent_id AS u_parent, u.depth AS u_depth, u.children AS u_children, u.size AS u_size, u.used AS u_used, u.reserved AS u_reserved ' +
  'FROM prefixes p JOIN spaces s ON s.id = p.space_id LEFT JOIN prefix_usage u ON u.id = p.id';

/** One block as it is now (after its action's counters were kept). */
export function prefixById(ws: Workspace, id: number): PrefixRow {
  return rowToPrefix(ws.get(`${SELECT_PREFIX} WHERE p.id = ?`, [id])!);
}

export function spaceId(ws: Workspace | Tx, name: string): number | null {
  const r = ws.get('SELECT id FROM spaces WHERE name = ?', [name]);
  return r ? Number(r.id) : null;
}

/** Validates and inserts one block inside an open action. */
export function insertPrefix(tx: Tx, input: AddPrefixInput, now: Date): PrefixRow {
  const p = parsePrefix(input.prefix, 'prefix');
  const status = input.status ?? 'assigned';
  const spaceName = (input.space ?? DEFAULT_SPACE).trim();
  if (input.unit !== undefined) {
    if (p.family !== 6) throw invalid('unit', 'only IPv6 pools have an assignment unit');
    if (input.unit < p.length) throw invalid('unit', `/${input.unit} is shorter than the block itself (/${p.length})`);
  }
  const id = spaceId(tx, spaceName) ?? tx.insert('spaces', { name: spaceName, description: '' });
  const [start, end] = keys(p);
  const dup = tx.get('SELECT id FROM prefixes WHERE space_id = ? AND family = ? AND start = ? AND length = ?', [id, p.family, start, p.length]);
  if (dup) throw new HeadroomError('conflict', `${formatPrefix(p)} is already in space "${spaceName}"`, 'prefix');
  const at = now.toISOString();
  const rowId = tx.insert('prefixes', {
    space_id: id,
    family: p.family,
    start,
    end,
    length: p.length,
    status,
    description: input.description ?? '',
    unit: input.unit ?? null,
    rir: input.rir ?? null,
    date: input.date ?? todayUtc(now),
    created_at: at,
    updated_at: at,
  });
  return rowToPrefix(tx.get(`${SELECT_PREFIX} WHERE p.id = ?`, [rowId])!);
}

/** Statuses of the registered blocks holding `p` in space `sid` (not `p` itself), nearest first. */
export function ancestorStatuses(ws: Workspace | Tx, sid: number, p: Prefix): string[] {
  if (p.length === 0) return [];
  // One query over the (at most 128) network keys of the shorter lengths, not one per length.
  const wanted = new Map<string, number>();
  for (let len = p.length - 1; len >= 0; len--) {
    const start = p.family === 4 ? ipv4Network(p.start, len) : ipv6Network(p.start, len);
    wanted.set(`${String(start)}/${len}`, len);
  }
  const starts = [...new Set([...wanted.keys()].map((k) => k.split('/')[0]!))];
  const rows = ws.all(
    `SELECT start, length, status FROM prefixes WHERE space_id = ? AND family = ? AND length < ? AND start IN (${starts.map(() => '?').join(',')})`,
    [sid, p.family, p.length, ...starts.map((v) => addressToKey(p.family, p.family === 4 ? Number(v) : BigInt(v)))],
  );
  return rows
    .filter((r) => {
      const len = Number(r.length);
      const net = p.family === 4 ? ipv4Network(p.start, len) : ipv6Network(p.start, len);
      return Buffer.from(r.start as Uint8Array).equals(Buffer.from(addressToKey(p.family, net)));
    })
    .sort((a, b) => Number(b.length) - Number(a.length))
    .map((r) => String(r.status));
}

/** Refuses a status the block's parent or children forbid (shared/ip/lifecycle statusRefusal). */
function checkStatusPlace(ancestors: string[], children: string[], status: PrefixStatus, p: Prefix): void {
  const why = statusRefusal(status, ancestors[0] ?? null, children);
  if (why) throw new HeadroomError('invalid', `${formatPrefix(p)} cannot be ${status}: ${why}`, 'status');
}

export type EditedPrefix = PrefixRow & { warnings?: string[] };

export const addPrefix = operation('registry.addPrefix', (ws, input, write): EditedPrefix => {
  const p = parsePrefix(input.prefix, 'prefix');
  const status = input.status ?? 'assigned';
  const spaceName = (input.space ?? DEFAULT_SPACE).trim();
  const sid = spaceId(ws, spaceName);
  const ancestors = sid === null ? [] : ancestorStatuses(ws, sid, p);
  const children = sid === null ? [] : childStatuses(ws, sid, p);
  checkStatusPlace(ancestors, children, status, p);
  const summary = `Add ${formatPrefix(p)} (${status}) to ${input.space ?? DEFAULT_SPACE}`;
  const row = write(summary, (tx) => insertPrefix(tx, input, ws.now()));
  const warnings = placementWarnings({ prefix: p, status, space: spaceName }, ancestors);
  return { ...prefixById(ws, row.id), ...(warnings.length ? { warnings } : {}) };
});

/** Statuses of the blocks directly inside `p` (registered or not), for the status rules. */
function childStatuses(ws: Workspace, sid: number, p: Prefix): string[] {
  const [start, end] = keys(p);
  const own = ws.get('SELECT id FROM prefixes WHERE space_id = ? AND family = ? AND start = ? AND length = ?', [sid, p.family, start, p.length]);
  if (own) {
    return ws.all('SELECT p.status FROM prefix_usage u JOIN prefixes p ON p.id = u.id WHERE u.parent_id = ?', [Number(own.id)]).map((r) => String(r.status));
  }
  // Not recorded yet: the outermost blocks inside it (those whose parent lies outside it).
  return ws
    .all(
      'SELECT p.status FROM prefixes p JOIN prefix_usage u ON u.id = p.id LEFT JOIN prefixes q ON q.id = u.parent_id ' +
        'WHERE p.space_id = ? AND p.family = ? AND p.start >= ? AND p.end <= ? AND p.length > ? AND (q.id IS NULL OR q.length < ?)',
      [sid, p.family, start, end, p.length, p.length],
    )
    .map((r) => String(r.status));
}

export type SetPrefixInput = ParsedInputOf<'registry.setPrefix'>;

/**
 * Changes a recorded block in place, in one undoable change. Only the fields given are written;
 * a field given with the value it already has is not a change. Nothing to change: no action.
 */
interface PlannedSet {
  before: PrefixRow;
  patch: Record<string, SqlParam>;
  warnings: string[];
  what: string;
}

/** Checks one change and works out the fields that differ (nothing is written). */
function planSet(ws: Workspace, input: SetPrefixInput): PlannedSet {
  const spaceName = input.space ?? DEFAULT_SPACE;
  const { p, row } = findPrefix(ws, input.prefix, spaceName);
  const before = rowToPrefix(row);
  const sid = Number(row.space_id);
  const patch: Record<string, SqlParam> = {};
  if (input.status !== undefined && input.status !== before.status) patch.status = input.status;
  if (input.description !== undefined && input.description !== before.description) patch.description = input.description;
  if (input.date !== undefined && input.date !== before.date) patch.date = input.date;
  if (input.rir !== undefined && (input.rir || null) !== before.rir) patch.rir = input.rir || null;
  if (input.unit !== undefined && input.unit !== before.unit) {
    if (input.unit !== null) {
      if (p.family !== 6) throw invalid('unit', 'only IPv6 pools have an assignment unit');
      if (input.unit < p.length) throw invalid('unit', `/${input.unit} is shorter than the block itself (/${p.length})`);
    }
    patch.unit = input.unit;
  }
  const status = (patch.status as PrefixStatus | undefined) ?? before.status;
  const ancestors = ancestorStatuses(ws, sid, p);
  if (patch.status !== undefined) checkStatusPlace(ancestors, childStatuses(ws, sid, p), status, p);
  const warnings = patch.status !== undefined ? placementWarnings({ prefix: p, status, space: spaceName }, ancestors) : [];
  const what = Object.keys(patch)
    .map((f) => (f === 'status' ? `status ${before.status} → ${status}` : f))
    .join(', ');
  return { before, patch, warnings, what };
}

/**
 * Changes a recorded block in place, in one undoable change. Only the fields given are written;
 * a field given with the value it already has is not a change. Nothing to change: no action.
 */
export const setPrefix = operation('registry.setPrefix', (ws, input, write): EditedPrefix & { warnings: string[] } => {
  const { before, patch, warnings, what } = planSet(ws, input);
  if (Object.keys(patch).length === 0) return { ...before, warnings };
  write(`Change ${before.prefix} in ${before.space}: ${what}`, (tx) => {
    tx.update('prefixes', before.id, { ...patch, updated_at: ws.now().toISOString() });
  });
  return { ...prefixById(ws, before.id), warnings };
});

/**
 * The same change to several blocks (bulk edit), all or nothing, as one undoable change. A
 * refusal names the block: `prefix: 10.0.1.0/24: …`.
 */
export const setPrefixes = operation('registry.setPrefixes', (ws, input, write): { changed: number; warnings: string[] } => {
  const plans: PlannedSet[] = [];
  for (const item of input.items) {
    try {
      plans.push(planSet(ws, item));
    } catch (e) {
      if (e instanceof HeadroomError) {
        throw new HeadroomError(e.code, `${item.prefix}: ${e.message}`, e.field ?? 'prefix', e.field ?? 'prefix');
      }
      throw e;
    }
  }
  const todo = plans.filter((pl) => Object.keys(pl.patch).length > 0);
  const warnings = plans.flatMap((pl) => pl.warnings);
  if (todo.length === 0) return { changed: 0, warnings };
  write(`Change ${todo.length} block${todo.length === 1 ? '' : 's'}: ${todo[0]!.what}`, (tx) => {
    const at = ws.now().toISOString();
    for (const pl of todo) tx.update('prefixes', pl.before.id, { ...pl.patch, updated_at: at });
  });
  return { changed: todo.length, warnings };
});

/**
 * Ends an assignment (CLI.md `prefix release`): the block goes into cooldown until today + N
 * days, holding its space until then; 0 days frees it at once (the block is removed).
 */
export const releasePrefix = operation('registry.releasePrefix', (ws, input, write): PrefixRow => {
  const spaceName = input.space ?? DEFAULT_SPACE;
  const { p, row } = findPrefix(ws, input.prefix, spaceName);
  const before = rowToPrefix(row);
  const days = input.cooldownDays ?? DEFAULT_COOLDOWN_DAYS;
  if (!Number.isInteger(days) || days < 0 || days > 3650) throw invalid('cooldown-days', 'must be a whole number of days from 0 to 3650');
  if (before.status === 'aggregate') throw invalid('prefix', `${before.prefix} is an aggregate (space you hold); only a block handed out can be released`);
  if (before.status === 'cooldown') throw new HeadroomError('conflict', `${before.prefix} is already in cooldown until ${before.date ?? '—'}`, 'prefix');
  if (before.status === 'planned') throw invalid('prefix', `${before.prefix} is only planned; remove it instead of releasing it`);
  if (before.usage.children > 0) {
    const n = before.usage.children;
    throw new HeadroomError('conflict', `${before.prefix} holds ${n} block${n === 1 ? '' : 's'}; release or remove ${n === 1 ? 'it' : 'them'} first`, 'prefix');
  }
  if (days === 0) {
    write(`Release ${before.prefix} in ${spaceName} (freed at once)`, (tx) => tx.delete('prefixes', before.id));
    return { ...before, status: 'cooldown', date: todayUtc(ws.now()) };
  }
  const until = addDays(todayUtc(ws.now()), days);
  write(`Release ${formatPrefix(p)} in ${spaceName}: cooldown until ${until}`, (tx) => {
    tx.update('prefixes', before.id, { status: 'cooldown', date: until, updated_at: ws.now().toISOString() });
  });
  return prefixById(ws, before.id);
});

/** Removes a block and every block inside it, in one undoable change (the app asks first, with the count). */
export const removePrefixTree = operation('registry.removePrefixTree', (ws, input, write): { removed: number; row: PrefixRow } => {
  const spaceName = input.space ?? DEFAULT_SPACE;
  const { p, row } = findPrefix(ws, input.prefix, spaceName);
  const [start, end] = keys(p);
  const ids = ws
    .all('SELECT id FROM prefixes WHERE space_id = ? AND family = ? AND start >= ? AND end <= ? AND length >= ? ORDER BY length DESC', [
      Number(row.space_id),
      p.family,
      start,
      end,
      p.length,
    ])
    .map((r) => Number(r.id));
  const removed = rowToPrefix(row);
  write(`Remove ${removed.prefix} and ${ids.length - 1} block${ids.length === 2 ? '' : 's'} inside it from ${spaceName}`, (tx) => {
    for (const id of ids) tx.delete('prefixes', id);
  });
  return { removed: ids.length, row: removed };
});

function findPrefix(ws: Workspace, text: string, spaceName: string): { p: Prefix; row: Row } {
  const p = parsePrefix(text, 'prefix');
  const sid = spaceId(ws, spaceName);
  if (sid === null) throw new HeadroomError('not-found', `there is no address space "${spaceName}"`, 'space');
  const [start] = keys(p);
  const row = ws.get(`${SELECT_PREFIX} WHERE p.space_id = ? AND p.family = ? AND p.start = ? AND p.length = ?`, [sid, p.family, start, p.length]);
  if (!row) throw new HeadroomError('not-found', `${formatPrefix(p)} is not in space "${spaceName}"`, 'prefix');
  return { p, row };
}

export const removePrefix = operation('registry.removePrefix', (ws, input, write): PrefixRow => {
  const spaceName = input.space ?? DEFAULT_SPACE;
  const { p, row } = findPrefix(ws, input.prefix, spaceName);
  const [start, end] = keys(p);
  const children = Number(
    ws.get('SELECT count(*) AS n FROM prefixes WHERE space_id = ? AND family = ? AND start >= ? AND end <= ? AND id != ?', [
      Number(row.space_id),
      p.family,
      start,
      end,
      Number(row.id),
    ])!.n,
  );
  if (children > 0) {
    throw new HeadroomError(
      'conflict',
      `${formatPrefix(p)} holds ${children} block${children === 1 ? '' : 's'}; remove ${children === 1 ? 'it' : 'them'} first`,
      'prefix',
    );
  }
  const removed = rowToPrefix(row);
  write(`Remove ${removed.prefix} from ${spaceName}`, (tx) => tx.delete('prefixes', removed.id));
  return removed;
});

/** The last count asked per workspace, kept at the change it was counted at. */
const lastCount = keptAtChange<number>();

/**
 * A page's `total`, counted again only after a change: counting a million blocks takes ~60 ms,
 * as long as reading the page itself ten times over, and a scrolling grid asks page after page.
 */
function countRows(ws: Workspace, sql: string, params: SqlParam[]): number {
  const key = JSON.stringify([sql, params.map((p) => (p instanceof Uint8Array ? Array.from(p) : p))]);
  return lastCount.get(ws, key, () => Number(ws.get(sql, params)!.n));
}

export function listPrefixes(
  ws: Workspace,
  input: {
    within?: string | undefined;
    space?: string | undefined;
    offset?: number | undefined;
    limit?: number | undefined;
    parentId?: number | null | undefined;
  },
): PrefixPage {
  const where: string[] = [];
  const params: SqlParam[] = [];
  let from = 'prefixes p';
  const view: PageView = { sid: null, within: null };
  if (input.parentId !== undefined) {
    from = 'prefixes p JOIN prefix_usage u ON u.id = p.id';
    where.push('u.parent_id IS ?');
    params.push(input.parentId);
  }
  if (input.space !== undefined) {
    const sid = spaceId(ws, input.space);
    if (sid === null) throw new HeadroomError('not-found', `there is no address space "${input.space}"`, 'space');
    where.push('p.space_id = ?');
    params.push(sid);
    view.sid = sid;
  }
  if (input.within !== undefined && input.within !== '') {
    const w = parsePrefix(input.within, 'within');
    const [start, end] = keys(w);
    where.push('p.family = ? AND p.start >= ? AND p.end <= ?');
    params.push(w.family, start, end);
    view.within = { family: w.family, start: BigInt(w.start), end: BigInt(prefixEnd(w)) };
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const limit = input.limit ?? 1_000_000;
  const offset = input.offset ?? 0;
  if (input.parentId !== undefined) {
    // Children of one block: their parent is not in a change's footprint, so nothing is kept.
    const total = countRows(ws, `SELECT count(*) AS n FROM ${from}${clause}`, params);
    const rows = ws.all(`${SELECT_PREFIX}${clause} ORDER BY p.family, p.start, p.length, s.name LIMIT ? OFFSET ?`, [...params, limit, offset]).map(rowToPrefix);
    return { total, rows };
  }
  // The grid's view: a kept count and keyset pages (prefix-pages.ts).
  const total = viewTotal(ws, view, `SELECT count(*) AS n FROM ${from}${clause}`, params);
  return { total, rows: viewPage(ws, view, SELECT_PREFIX, clause, params, offset, limit, rowToPrefix) };
}

export function listSpaces(ws: Workspace): string[] {
  return ws.all('SELECT name FROM spaces ORDER BY id').map((r) => String(r.name));
}

/** Sorts rows the CLI's way (tests compare against this). */
export function sortPrefixRows(rows: PrefixRow[]): PrefixRow[] {
  return [...rows].sort((a, b) => comparePrefixes(parsePrefix(a.prefix), parsePrefix(b.prefix)));
}

/**
 * Splits a block into `parts` equal children (a power of two, 2 to 4096) in one undoable change:
 * a /24 into 4 gives four /26s. Refused when any of them is already recorded or would overlap a
 * block inside it, or when the block is too small.
 */
export const splitPrefix = operation('registry.splitPrefix', (ws, input, write): PrefixRow[] => {
  const spaceName = input.space ?? DEFAULT_SPACE;
  const { p, row } = findPrefix(ws, input.prefix, spaceName);
  const bits = Math.log2(input.parts);
  if (!Number.isInteger(bits) || bits < 1 || bits > 12) throw invalid('parts', 'must be 2, 4, 8, … up to 4096 (equal parts of a block are a power of two)');
  const max = p.family === 4 ? 32 : 128;
  const length = p.length + bits;
  if (length > max) throw invalid('parts', `${formatPrefix(p)} has too few addresses for ${input.parts} parts`);
  const status = input.status ?? 'assigned';
  const sid = Number(row.space_id);
  const [start, end] = keys(p);
  const inside = Number(
    ws.get('SELECT count(*) AS n FROM prefixes WHERE space_id = ? AND family = ? AND start >= ? AND end <= ? AND length > ?', [
      sid,
      p.family,
      start,
      end,
      p.length,
    ])!.n,
  );
  if (inside > 0)
    throw new HeadroomError('conflict', `${formatPrefix(p)} already holds ${inside} block${inside === 1 ? '' : 's'}; split an empty block`, 'parts');
  const parent = rowToPrefix(row);
  checkStatusPlace([parent.status], [], status, { ...p, length } as Prefix);
  const step = p.family === 4 ? 2 ** (max - length) : 1n << BigInt(max - length);
  const children: string[] = [];
  for (let i = 0; i < input.parts; i++) {
    const childStart = p.family === 4 ? (p.start as number) + i * (step as number) : (p.start as bigint) + BigInt(i) * (step as bigint);
    children.push(formatPrefix({ family: p.family, start: childStart, length } as Prefix));
  }
  const ids = write(`Split ${formatPrefix(p)} into ${input.parts} × /${length}`, (tx) =>
    children.map((c) => insertPrefix(tx, { prefix: c, space: spaceName, status, description: input.description ?? '' }, ws.now()).id),
  );
  return ids.map((id) => prefixById(ws, id));
});

/** Creates an address space (a VRF) with no blocks yet. */
export const addSpace = operation('registry.addSpace', (ws, input, write): string[] => {
  const name = input.name.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9 _.:-]{0,99}$/.test(name))
    throw invalid('name', 'must start with a letter or digit and hold only letters, digits, spaces and _ . : -');
  if (spaceId(ws, name) !== null) throw new HeadroomError('conflict', `there is already an address space "${name}"`, 'name');
  write(`Add address space ${name}`, (tx) => tx.insert('spaces', { name, description: input.description ?? '' }));
  return listSpaces(ws);
});
