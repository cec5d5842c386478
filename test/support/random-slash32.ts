/**
 * The spec's §9 case: `n` distinct random /32s in the /8 starting at `base`, as intervals sorted
 * by start. xorshift32 with a fixed seed (exact in 32-bit integer arithmetic, unlike an LCG on
 * doubles), so every run and every measurement sees the same plan.
 */
export function randomSlash32s(base: number, n: number, seed = 42): { start: number; end: number }[] {
  let x = seed;
  const random = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  const set = new Set<number>();
  while (set.size < n) set.add(base + Math.floor(random() * 2 ** 24));
  return [...set].sort((a, b) => a - b).map((v) => ({ start: v, end: v }));
}
