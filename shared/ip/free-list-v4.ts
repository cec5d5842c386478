/**
 * IPv4 free space in one tight loop over typed pairs: the summary of §5.5 (what
 * summarizeFreeSpace gives) and the free list as text (what freeBlocks + formatPrefix give), in a
 * single pass with no generator, closure or object per block. Tested against both.
 *
 * A /8 holding a million scattered blocks has one and a half million free CIDRs; this is the path
 * `headroom free` prints, so it takes the children as flat [start, end, start, end, …] pairs (a
 * million interval objects cost more in allocation and GC than the whole walk).
 */

const POW2 = Array.from({ length: 33 }, (_, k) => 2 ** k);
const TWO32 = 4294967296;

function dotted(v: number): string {
  return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

/**
 * CIDR lines written as ASCII bytes and decoded a megabyte at a time: a million and a half
 * lines as one text costs a fifth of a million and a half strings (measured 0.13 s against
 * 0.65 s), because nothing per line is left for the garbage collector.
 */
class CidrLines {
  private readonly chunks: string[] = [];
  private readonly buf = new Uint8Array(1 << 20);
  private p = 0;
  private readonly decoder = new TextDecoder();

  private octet(o: number): void {
    const b = this.buf;
    if (o >= 100) {
      b[this.p++] = 48 + ((o / 100) | 0);
      b[this.p++] = 48 + (((o / 10) | 0) % 10);
    } else if (o >= 10) b[this.p++] = 48 + ((o / 10) | 0);
    b[this.p++] = 48 + (o % 10);
  }

  add(v: number, length: number): void {
    if (this.p > this.buf.length - 24) this.flush();
    this.octet(v >>> 24);
    this.buf[this.p++] = 46;
    this.octet((v >>> 16) & 255);
    this.buf[this.p++] = 46;
    this.octet((v >>> 8) & 255);
    this.buf[this.p++] = 46;
    this.octet(v & 255);
    this.buf[this.p++] = 47;
    this.octet(length);
    this.buf[this.p++] = 10;
  }

  private flush(): void {
    this.chunks.push(this.decoder.decode(this.buf.subarray(0, this.p)));
    this.p = 0;
  }

  text(): string {
    this.flush();
    return this.chunks.join('');
  }
}

export interface FreeV4 {
  /** The free CIDRs from `offset`, at most `limit` of them, ascending (empty when asked as text). */
  readonly free: string[];
  /** The same CIDRs one per line, each ending in a newline, when asked as text; else null. */
  readonly text: string | null;
  /** The first free CIDR of the largest size, or null when nothing is free. */
  readonly largest: string | null;
  /** Free addresses. */
  readonly total: number;
  /** Contiguous free runs, and the size of the largest run. */
  readonly gapCount: number;
  readonly largestGap: number;
  /** CIDRs in the minimal free list. */
  readonly cidrCount: number;
  /** Prefix length of the largest free block; null when nothing is free. */
  readonly largestLength: number | null;
  /** countByLength[len] = free CIDRs of that length (0 … 32). */
  readonly countByLength: number[];
  /** F = (total − largest block) / total; 0 when nothing is free. */
  readonly fragmentation: number;
}

/**
 * Calls `onGap(start, end)` for each free run of [parentStart, parentEnd], ascending, given the
 * children as pairs sorted by start (nested, duplicate and overlapping ones are absorbed; parts
 * outside the parent are ignored). Throws a RangeError when the pairs are not sorted by start.
 */
export function gapsV4(parentStart: number, parentEnd: number, pairs: ArrayLike<number>, onGap: (start: number, end: number) => void): void {
  let cursor = parentStart;
  let done = false;
  let previous = -1;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const start = pairs[i]!;
    if (start < previous) throw new RangeError('children must be sorted by start');
    previous = start;
    if (done) continue;
    const cs = start < parentStart ? parentStart : start;
    const end = pairs[i + 1]!;
    const ce = end > parentEnd ? parentEnd : end;
    if (ce < parentStart || cs > parentEnd || ce < cs) continue;
    if (cs > cursor) onGap(cursor, cs - 1);
    if (ce >= cursor) {
      if (ce === parentEnd) done = true;
      else cursor = ce + 1;
    }
  }
  if (!done) onGap(cursor, parentEnd);
}

/** Calls `onCidr(start, length)` for each CIDR of the minimal list of [start, end], ascending. */
export function cidrsOfRangeV4(start: number, end: number, onCidr: (start: number, length: number) => void): void {
  let s = start;
  for (;;) {
    const byAlign = s === 0 ? 32 : 31 - Math.clz32(s & -s);
    const remaining = end - s + 1;
    const bySize = remaining >= TWO32 ? 32 : 31 - Math.clz32(remaining);
    const k = byAlign < bySize ? byAlign : bySize;
    onCidr(s, 32 - k);
    const last = s + POW2[k]! - 1;
    if (last >= end) return;
    s = last + 1;
  }
}

/**
 * Free space of [parentStart, parentEnd] given the children as pairs sorted by start (nested,
 * duplicate and overlapping ones are absorbed; parts outside the parent are ignored). Throws a
 * RangeError when the pairs are not sorted by start. `asText`: the list as one text of lines.
 */
export function freeV4(parentStart: number, parentEnd: number, pairs: ArrayLike<number>, offset = 0, limit = Number.POSITIVE_INFINITY, asText = false): FreeV4 {
  const free: string[] = [];
  const lines = asText ? new CidrLines() : null;
  let listed = 0;
  const countByLength = new Array<number>(33).fill(0);
  let index = 0;
  let largestK = -1;
  let largestStart = 0;
  let total = 0;
  let gapCount = 0;
  let largestGap = 0;
  const emitCidr = (s: number, length: number): void => {
    const k = 32 - length;
    countByLength[length]!++;
    if (k > largestK) {
      largestK = k;
      largestStart = s;
    }
    if (index >= offset && listed < limit) {
      listed++;
      if (lines) lines.add(s, length);
      else free.push(`${dotted(s)}/${length}`);
    }
    index++;
  };
  const emitGap = (s: number, e: number): void => {
    gapCount++;
    const size = e - s + 1;
    total += size;
    if (size > largestGap) largestGap = size;
    cidrsOfRangeV4(s, e, emitCidr);
  };
  gapsV4(parentStart, parentEnd, pairs, emitGap);
  const largestSize = largestK < 0 ? 0 : POW2[largestK]!;
  return {
    free,
    text: lines ? lines.text() : null,
    largest: largestK < 0 ? null : `${dotted(largestStart)}/${32 - largestK}`,
    total,
    gapCount,
    largestGap,
    cidrCount: index,
    largestLength: largestK < 0 ? null : 32 - largestK,
    countByLength,
    fragmentation: total === 0 ? 0 : (total - largestSize) / total,
  };
}
