/**
 * One-off allocations ("elephants", spec §4): an increment far outside the usual ones that also
 * carries a quarter of the window's change. Flagged, never dropped silently; treating it as a
 * one-off fits on the series with the jump removed and adds the jump back to the projection.
 */

/** Quantile by linear interpolation, R-7 (position (m − 1)·p in the sorted values). */
export function quantileR7(sorted: ReadonlyArray<number>, p: number): number {
  const m = sorted.length;
  if (m === 0) return NaN;
  const pos = (m - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, m - 1);
  const a = sorted[lo] as number;
  return a + (pos - lo) * ((sorted[hi] as number) - a);
}

export interface OneOff {
  /** index t of the point whose increment Δ_t = y_t − y_{t−1} is flagged */
  index: number;
  delta: number;
  /** J = Δ_t − median(Δ): the part of the step that is not ordinary growth */
  jump: number;
}

/**
 * Flags Δ_t > Q3 + 3·IQR and Δ_t > 0.25·|y_n − y_1| (a large allocation), or the mirror
 * Δ_t < Q1 − 3·IQR and −Δ_t > 0.25·|y_n − y_1| (a large return).
 */
export function detectOneOffs(ys: ReadonlyArray<number>): OneOff[] {
  const n = ys.length;
  if (n < 5) return [];
  const deltas: number[] = [];
  for (let t = 1; t < n; t++) deltas.push((ys[t] as number) - (ys[t - 1] as number));
  const sorted = [...deltas].sort((a, b) => a - b);
  const q1 = quantileR7(sorted, 0.25);
  const q3 = quantileR7(sorted, 0.75);
  const median = quantileR7(sorted, 0.5);
  const iqr = q3 - q1;
  const quarter = 0.25 * Math.abs((ys[n - 1] as number) - (ys[0] as number));
  const out: OneOff[] = [];
  deltas.forEach((delta, i) => {
    const up = delta > q3 + 3 * iqr && delta > quarter;
    const down = delta < q1 - 3 * iqr && -delta > quarter;
    if (up || down) out.push({ index: i + 1, delta, jump: delta - median });
  });
  return out;
}

/** y'_s = y_s − J for s ≥ t, for every one-off; returns the adjusted series and ΣJ. */
export function removeOneOffs(ys: ReadonlyArray<number>, oneOffs: ReadonlyArray<OneOff>): { ys: number[]; shift: number } {
  const out = [...ys];
  let shift = 0;
  for (const o of oneOffs) {
    shift += o.jump;
    for (let s = o.index; s < out.length; s++) out[s] = (out[s] as number) - o.jump;
  }
  return { ys: out, shift };
}
