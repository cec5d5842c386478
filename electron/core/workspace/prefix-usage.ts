/**
 * Usage counters of the prefix hierarchy, kept on every write (specs/ip-registry.md §3.8: "keep
 * counters incrementally like NIPAP (used = Σ direct children) so a list view never recomputes a
 * subtree").
 *
 * `prefix_usage` holds, per block: its parent (the most specific registered block holding it in
 * the same space), its depth, its size in addresses, the count of its direct children, the
 * summed sizes of its reserved direct children, and `used`: the addresses inside it that count as
 * used as the RIRs measure it (shared/ip/utilization countsAsUsed: assigned space). A direct
 * child contributes its whole size when it counts as used, else its own `used` (a container
 * counts the assignments inside it): `used(b) = Σ contribution(child)`. Blocks are CIDRs, so two
 * blocks are either nested or disjoint and the direct children of a block never overlap: the sum
 * is the union, the same number as shared/ip/utilization gives (a property test compares them).
 * A change of one block's contribution travels up through the containers above it and stops at
 * the first block that counts as used by itself.
 *
 * The table is derived data, like an index: it is written in the same SQLite transaction as the
 * change it follows, but it is neither journaled nor recorded as events. Every path that changes
 * `prefixes` (a service, undo, redo) goes through Workspace.mutate, which calls `followChanges`
 * with the action's own events; a replayed journal or a migrated file gets `rebuildUsage`.
 *
 * Sizes are REAL: exact for IPv4 and for IPv6 sums of blocks within 2^53 of each other; beyond
 * that (a /32 holding both /48s and /127s) a percentage is still right to many digits.
 */
import type { Database } from 'sql.js';
import type { SqlParam } from './journal';
import { countsAsUsed, USED_STATUS_SQL } from '../../../shared/ip/utilization';
import { isRunSql, queryAll, queryOne, rowFromJson, type Row } from './tx';

/** Above this many changed blocks in one action, rebuilding is cheaper than following each. */
const REBUILD_ABOVE = 2000;

interface BlockKey {
  id: number;
  spaceId: number;
  family: 4 | 6;
  start: Uint8Array;
  end: Uint8Array;
  length: number;
  reserved: boolean;
  /** counts as used by itself (countsAsUsed) */
  used: boolean;
  status: string;
}

function sizeOf(family: 4 | 6, length: number): number {
  return 2 ** ((family === 4 ? 32 : 128) - length);
}

function keyOf(r: Row): BlockKey {
  return {
    id: Number(r.id),
    spaceId: Number(r.space_id),
    family: Number(r.family) as 4 | 6,
    start: r.start as Uint8Array,
    end: r.end as Uint8Array,
    length: Number(r.length),
    reserved: r.status === 'reserved',
    used: countsAsUsed(String(r.status)),
    status: String(r.status),
  };
}

/** The 16-byte key with every bit from `bit` on cleared. */
function maskKey(key: Uint8Array, bit: number): Uint8Array {
  const out = new Uint8Array(key);
  const byte = bit >> 3;
  if (byte < 16) {
    out[byte] = out[byte]! & (0xff << (8 - (bit & 7))) & 0xff;
    for (let i = byte + 1; i < 16; i++) out[i] = 0;
  }
  return out;
}

const IN_RANGE =
  'SELECT p.id FROM prefixes p JOIN prefix_usage u ON u.id = p.id WHERE p.space_id = ? AND p.family = ? AND p.start >= ? AND p.start <= ? AND p.end <= ?';

class Follower {
  private readonly probe;
  private readonly up;

  /** `statusNow`: each block's status at the point of the action's events being followed. */
  constructor(
    private readonly db: Database,
    private readonly statusNow: Map<number, string>,
  ) {
    this.probe = db.prepare(
      'SELECT p.id, u.depth FROM prefixes p JOIN prefix_usage u ON u.id = p.id WHERE p.space_id = ? AND p.family = ? AND p.start = ? AND p.length = ?',
    );
    this.up = db.prepare('SELECT p.status, u.parent_id FROM prefixes p JOIN prefix_usage u ON u.id = p.id WHERE p.id = ?');
  }

  free(): void {
    this.probe.free();
    this.up.free();
  }

  /** The most specific block already followed that holds `b`, with its depth. */
  private parentOf(b: BlockKey): { id: number; depth: number } | null {
    const offset = b.family === 4 ? 96 : 0;
    for (let len = b.length - 1; len >= 0; len--) {
      this.probe.bind([b.spaceId, b.family, maskKey(b.start, offset + len), len] as SqlParam[]);
      try {
        if (this.probe.step()) {
          const [id, depth] = this.probe.get();
          return { id: Number(id), depth: Number(depth) };
        }
      } finally {
        this.probe.reset();
      }
    }
    return null;
  }

  private adjust(id: number | null, children: number, reserved: number): void {
    if (id === null || (children === 0 && reserved === 0)) return;
    this.db.run('UPDATE prefix_usage SET children = children + ?, reserved = reserved + ? WHERE id = ?', [children, reserved, id]);
  }

  /** Adds `delta` used addresses to `id` and, through the containers above it, to their parents. */
  private propagate(id: number | null, delta: number): void {
    while (id !== null && delta !== 0) {
      this.db.run('UPDATE prefix_usage SET used = used + ? WHERE id = ?', [delta, id]);
      this.up.bind([id]);
      let next: number | null = null;
      let status = '';
      try {
        if (!this.up.step()) return;
        const [st, parent] = this.up.get();
        status = this.statusNow.get(id) ?? String(st);
        next = parent === null ? null : Number(parent);
      } finally {
        this.up.reset();
      }
      if (countsAsUsed(status)) return;
      id = next;
    }
  }

  private range(b: BlockKey): SqlParam[] {
    return [b.spaceId, b.family, b.start, b.end, b.end];
  }

  inserted(b: BlockKey): void {
    this.statusNow.set(b.id, b.status);
    const parent = this.parentOf(b);
    const parentId = parent?.id ?? null;
    const range = this.range(b);
    // The parent's direct children inside the new block become its children.
    const moved = queryOne(
      this.db,
      `SELECT count(*) AS n, total(CASE WHEN ${USED_P} THEN u.size ELSE u.used END) AS used, total(CASE WHEN p.status = 'reserved' THEN u.size END) AS reserved
       FROM prefixes p JOIN prefix_usage u ON u.id = p.id
       WHERE p.space_id = ? AND p.family = ? AND p.start >= ? AND p.start <= ? AND p.end <= ? AND u.parent_id IS ?`,
      [...range, parentId],
    )!;
    const n = Number(moved.n);
    const used = Number(moved.used);
    const reserved = Number(moved.reserved);
    if (n > 0) {
      this.db.run(`UPDATE prefix_usage SET parent_id = ? WHERE parent_id IS ? AND id IN (${IN_RANGE})`, [b.id, parentId, ...range]);
      this.db.run(`UPDATE prefix_usage SET depth = depth + 1 WHERE id IN (${IN_RANGE})`, range);
    }
    const size = sizeOf(b.family, b.length);
    this.db.run('INSERT INTO prefix_usage (id, parent_id, depth, size, children, used, reserved) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      b.id,
      parentId,
      parent ? parent.depth + 1 : 0,
      size,
      n,
      used,
      reserved,
    ]);
    this.adjust(parentId, 1 - n, (b.reserved ? size : 0) - reserved);
    this.propagate(parentId, (b.used ? size : used) - used);
  }

  deleted(b: BlockKey): void {
    const own = queryOne(this.db, 'SELECT parent_id, size, children, used, reserved FROM prefix_usage WHERE id = ?', [b.id]);
    this.statusNow.delete(b.id);
    if (!own) return;
    const parentId = own.parent_id === null ? null : Number(own.parent_id);
    this.db.run('DELETE FROM prefix_usage WHERE id = ?', [b.id]);
    const n = Number(own.children);
    if (n > 0) {
      this.db.run('UPDATE prefix_usage SET parent_id = ? WHERE parent_id = ?', [parentId, b.id]);
      this.db.run(`UPDATE prefix_usage SET depth = depth - 1 WHERE id IN (${IN_RANGE})`, this.range(b));
    }
    const size = Number(own.size);
    const inner = Number(own.used);
    this.adjust(parentId, n - 1, Number(own.reserved) - (b.reserved ? size : 0));
    this.propagate(parentId, inner - (b.used ? size : inner));
  }

  statusChanged(b: BlockKey, before: BlockKey): void {
    this.statusNow.set(b.id, b.status);
    if (before.reserved === b.reserved && before.used === b.used) return;
    const own = queryOne(this.db, 'SELECT parent_id, size, used FROM prefix_usage WHERE id = ?', [b.id]);
    if (!own || own.parent_id === null) return;
    const size = Number(own.size);
    const inner = Number(own.used);
    const parentId = Number(own.parent_id);
    this.adjust(parentId, 0, (b.reserved ? size : 0) - (before.reserved ? size : 0));
    this.propagate(parentId, (b.used ? size : inner) - (before.used ? size : inner));
  }
}

const USED_P = `p.${USED_STATUS_SQL}`;

const sameKey = (a: BlockKey, b: BlockKey) =>
  a.spaceId === b.spaceId && a.family === b.family && a.length === b.length && Buffer.from(a.start).equals(Buffer.from(b.start));

/**
 * Brings the counters up to date with what action `actionId` did to `prefixes` (its events, in
 * order). Runs inside the action's transaction.
 */
export function followChanges(db: Database, actionId: number): void {
  const r = queryOne(db, `SELECT count(*) AS n, total(${isRunSql('coalesce(after, before)')}) AS runs FROM events WHERE action_id = ? AND tbl = 'prefixes'`, [
    actionId,
  ])!;
  const n = Number(r.n);
  if (n === 0) return;
  // A bulk change (a run of rows as one event) is followed by a rebuild.
  if (n > REBUILD_ABOVE || Number(r.runs) > 0) {
    rebuildUsage(db);
    return;
  }
  const events = queryAll(db, "SELECT before, after FROM events WHERE action_id = ? AND tbl = 'prefixes' ORDER BY id", [actionId]).map((ev) => ({
    before: rowFromJson(ev.before as string | null),
    after: rowFromJson(ev.after as string | null),
  }));
  // `prefixes` already holds the action's end state; a block's status as of each event is its
  // status before the action's first event on it, then as the events change it.
  const statusNow = new Map<number, string>();
  for (const { before, after } of events) {
    const id = Number((before ?? after)!.id);
    if (!statusNow.has(id) && before !== null) statusNow.set(id, String(before.status));
  }
  const f = new Follower(db, statusNow);
  try {
    for (const { before, after } of events) {
      if (before === null && after !== null) f.inserted(keyOf(after));
      else if (after === null && before !== null) f.deleted(keyOf(before));
      else if (before !== null && after !== null) {
        const a = keyOf(before);
        const b = keyOf(after);
        if (sameKey(a, b)) f.statusChanged(b, a);
        else {
          f.deleted(a);
          f.inserted(b);
        }
      }
    }
  } finally {
    f.free();
  }
}

/**
 * Recomputes every counter from `prefixes`: one pass in (space, family, start, length) order
 * with a stack of open blocks, as NetBox's rebuild_prefixes does (spec §3.2).
 */
export function rebuildUsage(db: Database): void {
  const stmt = db.prepare('SELECT id, space_id, family, hex(start), hex("end"), length, status FROM prefixes ORDER BY space_id, family, start, length');
  const ids: number[] = [];
  const parents: (number | null)[] = [];
  const depths: number[] = [];
  const sizes: number[] = [];
  const children = new Map<number, number>();
  const used = new Map<number, number>();
  const reserved = new Map<number, number>();
  // Stack entries: index into the arrays above, plus the group and end key to test containment.
  const stack: { i: number; group: string; end: string }[] = [];
  const usedSelf: boolean[] = [];
  // A block's `used` is final when it leaves the stack: then it hands its contribution (its size
  // when it counts as used, else its own `used`) to its parent.
  const close = (i: number) => {
    const parent = parents[i] ?? null;
    if (parent === null) return;
    const id = ids[i]!;
    const contribution = usedSelf[i] ? sizes[i]! : (used.get(id) ?? 0);
    if (contribution !== 0) used.set(parent, (used.get(parent) ?? 0) + contribution);
  };
  try {
    while (stmt.step()) {
      const [id, space, family, , end, length, status] = stmt.get() as [number, number, number, string, string, number, string];
      const group = `${space}/${family}`;
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        // Sorted by start then length: the top holds this block iff same group and it ends at or after it.
        if (top.group === group && top.end >= end) break;
        close(stack.pop()!.i);
      }
      const i = ids.length;
      const top = stack[stack.length - 1];
      const parent = top ? ids[top.i]! : null;
      const size = sizeOf(family as 4 | 6, length);
      ids.push(id);
      parents.push(parent);
      depths.push(stack.length);
      sizes.push(size);
      usedSelf.push(countsAsUsed(status));
      if (parent !== null) {
        children.set(parent, (children.get(parent) ?? 0) + 1);
        if (status === 'reserved') reserved.set(parent, (reserved.get(parent) ?? 0) + size);
      }
      stack.push({ i, group, end });
    }
    while (stack.length) close(stack.pop()!.i);
  } finally {
    stmt.free();
  }
  db.run('DELETE FROM prefix_usage');
  const CHUNK = 100_000;
  for (let from = 0; from < ids.length; from += CHUNK) {
    const rows: unknown[] = [];
    for (let i = from; i < Math.min(from + CHUNK, ids.length); i++) {
      const id = ids[i]!;
      rows.push([id, parents[i], depths[i], sizes[i], children.get(id) ?? 0, used.get(id) ?? 0, reserved.get(id) ?? 0]);
    }
    db.run(
      'INSERT INTO prefix_usage (id, parent_id, depth, size, children, used, reserved) SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6 FROM json_each(?)',
      [JSON.stringify(rows)],
    );
  }
}

/** True when the counters cover exactly the blocks there are (a cheap check on open). */
export function usageCoversPrefixes(db: Database): boolean {
  const r = queryOne(db, 'SELECT (SELECT count(*) FROM prefixes) AS p, (SELECT count(*) FROM prefix_usage) AS u')!;
  return Number(r.p) === Number(r.u);
}
