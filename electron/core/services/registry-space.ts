/**
 * Registry reads and allocation over the address plan: free space, utilization, allocation by
 * strategy (spec §5), search by containment and text, and a block's history.
 *
 * Why a string read path: a /8 holding a million blocks must answer `free` in well under a
 * second including opening the file. Stepping a million rows through sql.js costs seconds; one
 * `group_concat` of the hex keys runs inside SQLite over the covering index (space_id, family,
 * start, end) and hands JS a single string to cut up.
 */
import type {
  ParsedInputOf,
  AllocationResult,
  BigCount,
  BlockHistoryEntry,
  FreeSpace,
  PrefixRow,
  PrefixUtilization,
  SearchResult,
} from '../../../shared/contract';
import { HeadroomError, invalid } from '../../../shared/errors';
import type { Block } from '../../../shared/ip/allocate';
import { FreeLists } from '../../../shared/ip/free-lists';
import { allocatesInside, holdsSpace } from '../../../shared/ip/lifecycle';
import { freeBlocks } from '../../../shared/ip/free-space';
import { summarizeFreeSpace } from '../../../shared/ip/free-summary';
import { hdRatio, hdThreshold } from '../../../shared/ip/hd-ratio';
import { IPV4_SPACE, IPV6_SPACE, type IntSpace } from '../../../shared/ip/int-space';
import type { Interval } from '../../../shared/ip/interval';
import {
  formatIPv4,
  formatIPv6,
  formatPrefix,
  ipv4Network,
  ipv6Network,
  maxLength,
  parseAddress,
  parsePrefix,
  prefixEnd,
  type Prefix,
} from '../../../shared/ip/prefix';
import { freeV4 } from '../../../shared/ip/free-list-v4';
import { prefixToBlock, prefixToInterval } from '../../../shared/ip/prefix-interval';
import { blockEnd, rangeToCidrList } from '../../../shared/ip/range-to-cidrs';
import { percentOf, usedUnits as usedUnitsOf } from '../../../shared/ip/utilization';
import { isRunSql, rowFromJson, rowRunFromJson, runBoundSql, type Row } from '../workspace/tx';
import { DatabaseBlocks, type BlockFilter, type BlockSource } from '../workspace/query-index';
import { Workspace } from '../workspace/workspace';
import { operation } from './operation';
import { freeListsFor, tookFrom } from './free-lists-cache';
import { DEFAULT_SPACE, insertPrefix, keys, rowToPrefix, SELECT_PREFIX, spaceId, todayUtc } from './registry';

/** A count as JSON: a number while exact, its digits beyond 2^53. */
export function bigCount(n: bigint): BigCount {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}

function requireSpace(source: Workspace | BlockSource, name: string | undefined): number {
  const spaceName = name ?? DEFAULT_SPACE;
  const sid = source instanceof Workspace ? spaceId(source, spaceName) : source.spaceId(spaceName);
  if (sid === null) throw new HeadroomError('not-found', `there is no address space "${spaceName}"`, 'space');
  return sid;
}

/**
 * The blocks strictly inside `parent` (longer than it) in one space, as intervals sorted by start
 * (then end): numbers for IPv4, bigints for IPv6.
 */
export function childIntervals(ws: Workspace, sid: number, parent: Prefix, filter: BlockFilter = 'all'): Interval<number>[] | Interval<bigint>[] {
  const blocks = new DatabaseBlocks(ws.database);
  if (parent.family === 6) return blocks.intervalsV6(sid, parent.start, prefixEnd(parent) as bigint, filter);
  const pairs = blocks.pairsV4(sid, parent.start, prefixEnd(parent) as number, filter);
  const out: Interval<number>[] = [];
  for (let i = 0; i < pairs.length; i += 2) out.push({ start: pairs[i]!, end: pairs[i + 1]! });
  return out;
}

function formatBlock(family: 4 | 6, b: Block<number> | Block<bigint>): string {
  return family === 4 ? `${formatIPv4(b.start as number)}/${b.length}` : `${formatIPv6(b.start as bigint)}/${b.length}`;
}

// ------------------------------------------------------------------------------------ free space

/**
 * Free space inside a block. `source` is where its children are read: the query index of a
 * read-only session when it is current (query-index.ts), else the database.
 */
export function freeSpace(
  source: Workspace | BlockSource,
  input: {
    prefix: string;
    space?: string | undefined;
    offset?: number | undefined;
    limit?: number | undefined;
    summaryOnly?: boolean | undefined;
    asText?: boolean | undefined;
  },
): FreeSpace {
  const parent = parsePrefix(input.prefix, 'prefix');
  const blocks = source instanceof Workspace ? new DatabaseBlocks(source.database) : source;
  const sid = requireSpace(blocks, input.space);
  const offset = input.offset ?? 0;
  const limit = input.summaryOnly ? 0 : (input.limit ?? Number.POSITIVE_INFINITY);
  if (parent.family === 4) {
    const end = prefixEnd(parent) as number;
    const r = freeV4(parent.start, end, blocks.pairsV4(sid, parent.start, end), offset, limit, input.asText ?? false);
    return {
      parent: formatPrefix(parent),
      free: r.free,
      ...(r.text !== null ? { freeText: r.text } : {}),
      freeAddresses: r.total,
      cidrCount: r.cidrCount,
      gapCount: r.gapCount,
      largest: r.largest,
      fragmentation: r.fragmentation,
      countByLength: r.countByLength,
      issues: [],
    };
  }
  const parentIv = prefixToInterval(parent) as Interval<bigint>;
  const children = blocks.intervalsV6(sid, parentIv.start, parentIv.end);
  const summary = summarizeFreeSpace(IPV6_SPACE, parentIv, children);
  const free: string[] = [];
  let largest: string | null = null;
  let i = 0;
  for (const b of freeBlocks(IPV6_SPACE, parentIv, children)) {
    if (largest === null && b.length === summary.largestLength) largest = formatBlock(6, b);
    if (i++ >= offset && free.length < limit) free.push(formatBlock(6, b));
    else if (largest !== null && free.length >= limit) break;
  }
  return {
    parent: formatPrefix(parent),
    ...(input.asText ? { free: [], freeText: free.map((f) => `${f}\n`).join('') } : { free }),
    freeAddresses: bigCount(summary.total),
    cidrCount: summary.cidrCount,
    gapCount: summary.gapCount,
    largest,
    fragmentation: summary.fragmentation,
    countByLength: [...summary.countByLength],
    issues: [],
  };
}

// ------------------------------------------------------------------------------------ utilization

function findRow(ws: Workspace, sid: number, p: Prefix): PrefixRow | null {
  const [start] = keys(p);
  const r = ws.get(`${SELECT_PREFIX} WHERE p.space_id = ? AND p.family = ? AND p.start = ? AND p.length = ?`, [sid, p.family, start, p.length]);
  return r ? rowToPrefix(r) : null;
}

/** Registered blocks that hold `p` (equal or larger), outermost first. */
function enclosingRows(ws: Workspace, sid: number, p: Prefix): PrefixRow[] {
  const out: PrefixRow[] = [];
  for (let len = 0; len <= p.length; len++) {
    const net: Prefix =
      p.family === 4 ? { family: 4, start: ipv4Network(p.start, len), length: len } : { family: 6, start: ipv6Network(p.start, len), length: len };
    const row = findRow(ws, sid, net);
    if (row) out.push(row);
  }
  return out;
}

export function utilizationOf(ws: Workspace, input: { prefix: string; space?: string | undefined; unit?: number | undefined }): PrefixUtilization {
  const pool = parsePrefix(input.prefix, 'prefix');
  const sid = requireSpace(ws, input.space);
  let unit = 32;
  let unitSource: PrefixUtilization['unitSource'] = 'ipv4';
  if (pool.family === 6) {
    if (input.unit !== undefined) {
      unit = input.unit;
      unitSource = 'option';
    } else {
      const enclosing = enclosingRows(ws, sid, pool).reverse();
      const own = enclosing[0]?.prefix === formatPrefix(pool) ? enclosing[0] : undefined;
      const withUnit = enclosing.find((r) => r.unit !== null);
      unit = withUnit?.unit ?? 64;
      unitSource = withUnit ? (withUnit === own ? 'block' : 'enclosing') : 'default';
    }
    if (unit !== 48 && unit !== 56 && unit !== 64) throw invalid('unit', `the assignment unit must be /48, /56 or /64 (got /${unit})`);
    // A block smaller than the unit it inherits (a /64 in a pool counted in /48s) is counted in
    // the finest unit that fits it, addresses past /64 (docs/registry.md, "Assignment units").
    if (unitSource !== 'option' && unit < pool.length) unit = [48, 56, 64].find((u) => u >= pool.length) ?? 128;
    if (unit < pool.length) throw invalid('unit', `the unit /${unit} is larger than the pool /${pool.length}`);
  } else if (input.unit !== undefined && input.unit !== 32) {
    throw invalid('unit', 'IPv4 is counted in addresses; only IPv6 pools have an assignment unit');
  }
  const all = childIntervals(ws, sid, pool, 'all');
  // Used as the RIRs measure it (shared/ip/utilization): assignments, not our own containers.
  const used = childIntervals(ws, sid, pool, 'used');
  const totalUnits = 1n << BigInt(unit - pool.length);
  const usedUnits = usedUnitsOf(pool, used, unit);
  // Taken (used, reserved or inside one of our containers): not free for others.
  const allUnits = usedUnitsOf(pool, all, unit);
  const reservedUnits = usedUnitsOf(pool, childIntervals(ws, sid, pool, 'reserved'), unit);
  const hd = pool.family === 6 ? hdRatio(usedUnits, totalUnits) : null;
  const threshold = pool.family === 6 && totalUnits >= 2n ? hdThreshold(totalUnits) : null;
  return {
    prefix: formatPrefix(pool),
    unit,
    totalUnits: bigCount(totalUnits),
    usedUnits: bigCount(usedUnits),
    // Reserved space (growth reservations included) is neither used nor free for others (§5.4).
    freeUnits: bigCount(totalUnits - allUnits),
    utilizationPct: percentOf(usedUnits, totalUnits),
    reservedUnits: bigCount(reservedUnits),
    hdRatio: hd,
    hdThresholdUnits: threshold ? bigCount(threshold.units) : null,
    meetsHd: threshold ? usedUnits >= threshold.units : null,
    unitSource,
    children: all.length,
  };
}

// ------------------------------------------------------------------------------------ allocation

export type AllocateInput = ParsedInputOf<'registry.allocate'>;

/** One block an allocation takes, its growth reservations, the room they fill, and the ended cooldowns it reuses. */
export interface AllocationPick {
  block: Prefix;
  reserved: Prefix[];
  room: Prefix;
  reuse: number[];
}

/**
 * Picks `input.count` blocks (default 1), each with its growth reservations, without recording
 * anything: the same blocks as that many allocations one after another. Fewer than asked fit:
 * refused whole, naming the count (none at all: naming the length, as for one block).
 */
export function pickAllocations(ws: Workspace, input: AllocateInput): { parent: Prefix; sid: number; picks: AllocationPick[] } {
  const parent = parsePrefix(input.from, 'from');
  const sid = requireSpace(ws, input.space);
  const max = maxLength(parent.family);
  const length = input.length;
  if (!Number.isInteger(length) || length < 0 || length > max) throw invalid('length', `must be a whole number from 0 to ${max} for IPv${parent.family}`);
  if (length <= parent.length) {
    throw invalid('length', `/${length} is not smaller than ${formatPrefix(parent)}: ask for a length above ${parent.length}`);
  }
  const growth = input.growth ?? 0;
  if (!Number.isInteger(growth) || growth < 0) throw invalid('growth', 'must be a whole number of bits ≥ 0');
  const count = input.count ?? 1;
  if (!Number.isInteger(count) || count < 1) throw invalid('count', 'must be a whole number of at least 1');
  const roomLength = length - growth;
  if (roomLength <= parent.length) {
    throw invalid(
      'growth',
      `growing a /${length} by ${growth} bit${growth === 1 ? '' : 's'} needs a /${roomLength}, which does not fit below ${formatPrefix(parent)}`,
    );
  }
  if (input.status === 'cooldown') throw invalid('status', 'a new block cannot start in cooldown: release an assignment instead');
  const strategy = input.strategy ?? 'first-fit';
  const family = parent.family;
  const space = (family === 4 ? IPV4_SPACE : IPV6_SPACE) as IntSpace<number | bigint>;
  const own = findRow(ws, sid, parent);
  const refusal = own ? allocatesInside(own) : null;
  if (refusal) throw invalid('from', `${formatPrefix(parent)} ${refusal}`);
  // Blocks whose space is free again (shared/ip/lifecycle holdsSpace): left out of the lists, and
  // removed by the allocation that reuses their space.
  const expired = freedBlocks(ws, sid, parent);
  const build = () => {
    if (parent.family === 4) {
      let pairs = new DatabaseBlocks(ws.database).pairsV4(sid, parent.start, prefixEnd(parent) as number);
      if (expired.length) pairs = Uint32Array.from(withoutPairs(pairs, expired));
      return FreeLists.buildV4(prefixToBlock(parent), pairs) as FreeLists<number | bigint>;
    }
    let children = childIntervals(ws, sid, parent) as Interval<bigint>[];
    if (expired.length) children = children.filter((c) => !expired.some((e) => e.start === c.start && e.end === c.end));
    return FreeLists.build(IPV6_SPACE, prefixToBlock(parent), freeBlocks(IPV6_SPACE, prefixToInterval(parent), children)) as FreeLists<number | bigint>;
  };
  // Kept lists know nothing of days passing: with a freed block in the pool they are rebuilt.
  // Several blocks are picked from lists of their own, taken from as they go (the kept ones
  // must not change before anything is recorded).
  const lists = expired.length || count > 1 ? build() : freeListsFor(ws, sid, parent, build);
  const pickRoom = (): Block<number | bigint> | null => {
    switch (strategy) {
      case 'first-fit':
        return lists.firstFit(roomLength);
      case 'best-fit':
        return lists.bestFit(roomLength);
      case 'last-fit':
        return lists.lastFit(roomLength);
      case 'sparse':
        return lists.sparse(roomLength);
    }
  };
  const toPrefix = (b: Block<number | bigint>): Prefix =>
    family === 4 ? { family: 4, start: b.start as number, length: b.length } : { family: 6, start: b.start as bigint, length: b.length };
  const picks: AllocationPick[] = [];
  const reused = new Set<number>();
  while (picks.length < count) {
    const room = pickRoom();
    if (room === null) {
      const what = growth > 0 ? `/${roomLength} (a /${length} with room to grow by ${growth})` : `/${length}`;
      if (picks.length === 0) throw new HeadroomError('conflict', `no free ${what} is left in ${formatPrefix(parent)}`, 'length');
      const blocks = picks.length === 1 ? 'block is' : 'blocks are';
      const free = growth > 0 ? `/${length} ${blocks} (with room to grow by ${growth})` : `/${length} ${blocks}`;
      throw new HeadroomError('conflict', `only ${picks.length} free ${free} left in ${formatPrefix(parent)}, not ${count}`, 'count');
    }
    if (count > 1) lists.take(room);
    const block: Block<number | bigint> = { start: room.start, length };
    const reserved: Prefix[] = [];
    if (growth > 0) {
      const after = space.add(blockEnd(space, block), space.one);
      for (const b of rangeToCidrList(space, after, blockEnd(space, room))) reserved.push(toPrefix(b));
    }
    const roomEnd = blockEnd(space, room);
    const reuse = expired.filter((e) => e.start <= roomEnd && e.end >= room.start && !reused.has(e.id)).map((e) => e.id);
    for (const id of reuse) reused.add(id);
    picks.push({ block: toPrefix(block), reserved, room: toPrefix(room), reuse });
  }
  return { parent, sid, picks };
}

interface FreedBlock {
  id: number;
  start: number | bigint;
  end: number | bigint;
}

/** The blocks inside `parent` that no longer hold their space today (an ended cooldown). */
function freedBlocks(ws: Workspace, sid: number, parent: Prefix): FreedBlock[] {
  const [start, end] = keys(parent);
  const today = todayUtc(ws.now());
  return ws
    .all(`${SELECT_PREFIX} WHERE p.space_id = ? AND p.family = ? AND p.start >= ? AND p.end <= ? AND p.length > ? AND p.status = 'cooldown'`, [
      sid,
      parent.family,
      start,
      end,
      parent.length,
    ])
    .map(rowToPrefix)
    .filter((r) => !holdsSpace(r, today))
    .map((r) => {
      const p = parsePrefix(r.prefix);
      return { id: r.id, start: p.start, end: prefixEnd(p) };
    });
}

function withoutPairs(pairs: Uint32Array, drop: FreedBlock[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    if (drop.some((d) => d.start === pairs[i] && d.end === pairs[i + 1])) continue;
    out.push(pairs[i]!, pairs[i + 1]!);
  }
  return out;
}

export const allocate = operation('registry.allocate', (ws, input, write): AllocationResult => {
  const { parent, sid, picks } = pickAllocations(ws, input);
  const strategy = input.strategy ?? 'first-fit';
  const prefixes = picks.map((p) => formatPrefix(p.block));
  const prefix = prefixes[0]!;
  const reservedText = picks.flatMap((p) => p.reserved.map(formatPrefix));
  if (input.dryRun) return { prefix, strategy, reserved: reservedText, prefixes, dryRun: true, row: null };
  const status = input.status ?? 'assigned';
  const spaceName = input.space ?? DEFAULT_SPACE;
  const seqBefore = ws.changeSeq;
  const growth = reservedText.length ? `, growth ${input.growth}` : '';
  const summary =
    picks.length === 1
      ? `Allocate ${prefix} (${strategy}${growth}) from ${formatPrefix(parent)}`
      : `Allocate ${picks.length} × /${input.length} (${strategy}${growth}) from ${formatPrefix(parent)}: ${prefixes.join(', ')}`;
  const row = write(summary, (tx) => {
    const now = ws.now();
    let first: PrefixRow | null = null;
    for (const pick of picks) {
      const taken = formatPrefix(pick.block);
      for (const id of pick.reuse) tx.delete('prefixes', id);
      const r = insertPrefix(tx, { prefix: taken, status, description: input.description, space: spaceName }, now);
      first ??= r;
      for (const p of pick.reserved)
        insertPrefix(tx, { prefix: formatPrefix(p), status: 'reserved', description: `growth of ${taken}`, space: spaceName }, now);
    }
    return first!;
  });
  // The blocks and their reservations are exactly the rooms: the free lists follow in place.
  tookFrom(
    ws,
    seqBefore,
    sid,
    parent,
    picks.map((p) => p.room),
  );
  return { prefix, strategy, reserved: reservedText, prefixes, dryRun: false, row };
});

// ------------------------------------------------------------------------------------ search

function sortRows(rows: PrefixRow[]): PrefixRow[] {
  return rows.sort((a, b) => a.family - b.family || a.length - b.length || a.space.localeCompare(b.space));
}

export function search(ws: Workspace, input: { query: string; space?: string | undefined; limit?: number | undefined }): SearchResult {
  const q = input.query.trim();
  const limit = input.limit ?? 200;
  const spaces = input.space !== undefined ? [requireSpace(ws, input.space)] : ws.all('SELECT id FROM spaces ORDER BY id').map((r) => Number(r.id));
  const looksLikeAddress = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(q) && (q.includes('.') || q.includes(':'));
  if (looksLikeAddress) {
    let target: Prefix;
    if (q.includes('/')) target = parsePrefix(q, 'query');
    else {
      const a = parseAddress(q, 'query');
      target = a.family === 4 ? { family: 4, start: a.value, length: 32 } : { family: 6, start: a.value, length: 128 };
    }
    const holders: PrefixRow[] = [];
    for (const sid of spaces) holders.push(...enclosingRows(ws, sid, target));
    sortRows(holders);
    // Blocks inside a searched prefix come after its holders.
    const inside: PrefixRow[] = [];
    if (q.includes('/')) {
      const [start, end] = keys(target);
      const where = `p.family = ? AND p.start >= ? AND p.start <= ? AND p.end <= ? AND p.length > ? AND p.space_id IN (${spaces.map(() => '?').join(',')})`;
      inside.push(
        ...ws
          .all(`${SELECT_PREFIX} WHERE ${where} ORDER BY p.start, p.length LIMIT ?`, [target.family, start, end, end, target.length, ...spaces, limit + 1])
          .map(rowToPrefix),
      );
    }
    const truncated = inside.length > limit;
    const holder = holders.length ? holders[holders.length - 1]! : null;
    return { kind: 'containment', rows: [...holders, ...inside.slice(0, limit)], holder, truncated };
  }
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = ws
    .all(
      `${SELECT_PREFIX} WHERE (p.description LIKE ? ESCAPE '\\' OR p.status = ? OR p.rir = ?) AND p.space_id IN (${spaces.map(() => '?').join(',')}) ORDER BY p.family, p.start, p.length LIMIT ?`,
      [like, q.toLowerCase(), q.toLowerCase(), ...spaces, limit + 1],
    )
    .map(rowToPrefix);
  return { kind: 'text', rows: rows.slice(0, limit), holder: null, truncated: rows.length > limit };
}

// ------------------------------------------------------------------------------------ history

export function blockHistory(ws: Workspace, input: { prefix: string; space?: string | undefined }): BlockHistoryEntry[] {
  const p = parsePrefix(input.prefix, 'prefix');
  const spaceName = input.space ?? DEFAULT_SPACE;
  const sid = requireSpace(ws, spaceName);
  const row = findRow(ws, sid, p);
  const [start] = keys(p);
  let rowIds: number[];
  if (row) rowIds = [row.id];
  else {
    // A removed block: its events still name its row id; find them by the recorded key.
    const b64 = Buffer.from(start).toString('base64');
    rowIds = ws.all("SELECT DISTINCT row_id FROM events WHERE tbl = 'prefixes' AND instr(coalesce(before, after), ?) > 0", [b64]).map((r) => Number(r.row_id));
    // A block of a bulk import that was undone: its run events hold no row image, but the
    // shelf keeps the row (with its id) for the redo.
    if (rowIds.length === 0) {
      rowIds = ws
        .all('SELECT DISTINCT id FROM prefixes_shelf WHERE space_id = ? AND family = ? AND start = ? AND length = ?', [sid, p.family, start, p.length])
        .map((r) => Number(r.id));
    }
  }
  if (rowIds.length === 0) throw new HeadroomError('not-found', `${formatPrefix(p)} has never been in space "${spaceName}"`, 'prefix');
  // Per-row events, plus the bulk events (an import, its undo and redo) whose run holds the row.
  const image = 'coalesce(e.after, e.before)';
  const inRun = rowIds.map(() => `(${isRunSql(image)} AND e.row_id <= ? AND ${runBoundSql(image, 1)} >= ?)`);
  const events = ws.all(
    `SELECT e.action_id, e.before, e.after, a.at, a.who, a.op, a.summary, a.state FROM events e JOIN actions a ON a.id = e.action_id
     WHERE e.tbl = 'prefixes' AND (e.row_id IN (${rowIds.map(() => '?').join(',')}) OR ${inRun.join(' OR ')}) ORDER BY e.id DESC`,
    [...rowIds, ...rowIds.flatMap((id) => [id, id])],
  );
  // A run's event holds no row image: the block as it is, as it was shelved, or as another
  // event recorded it stands in.
  const ids = rowIds.map(() => '?').join(',');
  const known: Row | null =
    (row ? ws.get('SELECT * FROM prefixes WHERE id = ?', [row.id]) : null) ??
    ws.get(`SELECT * FROM prefixes_shelf WHERE id IN (${ids}) LIMIT 1`, rowIds) ??
    rowFromJson(
      (ws.get(
        `SELECT coalesce(before, after) AS j FROM events WHERE tbl = 'prefixes' AND row_id IN (${ids}) AND NOT ${isRunSql('coalesce(before, after)')} ORDER BY id LIMIT 1`,
        rowIds,
      )?.j as string | undefined) ?? null,
    );
  const out: BlockHistoryEntry[] = [];
  for (const e of events) {
    const run = (json: unknown) => rowRunFromJson(json as string | null) !== null;
    const before = run(e.before) ? known : rowFromJson(e.before as string | null);
    const after = run(e.after) ? known : rowFromJson(e.after as string | null);
    const same = (r: typeof before) =>
      r !== null && Number(r.length) === p.length && Number(r.space_id) === sid && Buffer.from(r.start as Uint8Array).equals(Buffer.from(start));
    if (!same(before) && !same(after)) continue;
    out.push({
      actionId: Number(e.action_id),
      at: String(e.at),
      who: String(e.who),
      op: String(e.op),
      summary: String(e.summary),
      state: String(e.state) as BlockHistoryEntry['state'],
      change: before === null ? 'added' : after === null ? 'removed' : 'changed',
      before: before ? { status: String(before.status), description: String(before.description ?? '') } : null,
      after: after ? { status: String(after.status), description: String(after.description ?? '') } : null,
    });
  }
  return out;
}
