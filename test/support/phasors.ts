/**
 * Reference for the neutral current: the three line currents as complex phasors 120° apart
 * (fundamental), summed component by component; and the triplen (3rd) harmonic, which is in
 * phase on the three lines, summed as plain numbers. Written from the definitions, independent
 * of shared/facility/circuits.ts's closed form.
 */
export function neutralByPhasors(ia: number, ib: number, ic: number, h3 = 0): number {
  const angles = [0, (-2 * Math.PI) / 3, (2 * Math.PI) / 3];
  const mags = [ia, ib, ic];
  let re = 0;
  let im = 0;
  mags.forEach((m, k) => {
    re += m * Math.cos(angles[k]!);
    im += m * Math.sin(angles[k]!);
  });
  const fundamental = Math.hypot(re, im);
  // 3rd harmonic: angle 3·θ_k is 0, −360°, +360°: all in phase.
  let re3 = 0;
  let im3 = 0;
  mags.forEach((m, k) => {
    re3 += h3 * m * Math.cos(3 * angles[k]!);
    im3 += h3 * m * Math.sin(3 * angles[k]!);
  });
  // Different frequencies: the RMS of the sum is the root of the sum of squares.
  return Math.sqrt(fundamental ** 2 + re3 ** 2 + im3 ** 2);
}
