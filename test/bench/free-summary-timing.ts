/**
 * Local timing check (not a unit test, not the bench): `npx tsx test/bench/free-summary-timing.ts`.
 * A /8 with 1,000,000 random /32 children in index order must summarise well under 200 ms
 * (spec §9 target ≤ 150 ms). Also: a /8 with 1,000,000 /30s, the same walk through the generic
 * bigint path, and the first 1000 blocks of the streamed free list.
 */
import { freeBlocks } from '../../shared/ip/free-space';
import { bigintSpace, IPV4_SPACE } from '../../shared/ip/int-space';
import { summarizeFreeSpace } from '../../shared/ip/free-summary';
import { randomSlash32s } from '../support/random-slash32';

function time<T>(label: string, runs: number, f: () => T): T {
  let best = Infinity;
  let out!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    out = f();
    best = Math.min(best, performance.now() - t);
  }
  console.log(`${label}: best of ${runs} ${best.toFixed(1)} ms`);
  return out;
}

const base = 10 * 2 ** 24;
const parent = { start: base, end: base + 2 ** 24 - 1 };
const random32 = randomSlash32s(base, 1_000_000);
const every16 = Array.from({ length: 1_000_000 }, (_, i) => ({ start: base + i * 16, end: base + i * 16 + 3 }));

const s = time('/8, 1,000,000 random /32, summary', 5, () => summarizeFreeSpace(IPV4_SPACE, parent, random32));
console.log(`  ${s.cidrCount} free CIDRs, ${s.total} free, largest /${s.largestLength}, F ${s.fragmentation.toFixed(4)}`);
time('/8, 1,000,000 /30 every 16, summary', 5, () => summarizeFreeSpace(IPV4_SPACE, parent, every16));
const big = random32.map((c) => ({ start: BigInt(c.start), end: BigInt(c.end) }));
time('same random case through the generic bigint path', 1, () =>
  summarizeFreeSpace(bigintSpace(32), { start: BigInt(parent.start), end: BigInt(parent.end) }, big),
);
time('first 1000 blocks of the streamed free list', 5, () => {
  let n = 0;
  for (const _ of freeBlocks(IPV4_SPACE, parent, random32)) if (++n === 1000) break;
  return n;
});
