/** The five Regional Internet Registries the app drafts for. */
export type Rir = 'arin' | 'ripe' | 'apnic' | 'lacnic' | 'afrinic';
export const RIRS: readonly Rir[] = ['arin', 'ripe', 'apnic', 'lacnic', 'afrinic'];

export function isRir(value: string): value is Rir {
  return (RIRS as readonly string[]).includes(value);
}

/**
 * The RIR a block's recorded `rir` names, or null (upstream or private space). A block records its
 * RIR as the RIR delegated-extended files name the registry (`ripencc`, `arin`, …; the NRO
 * "RIR Statistics Exchange Format"), which is what the Registry's RIR field and a delegated import
 * write; the drafts' own name for RIPE NCC is `ripe`. Both mean RIPE NCC (docs/rir.md).
 */
export function rirOf(value: string | null | undefined): Rir | null {
  if (!value) return null;
  if (value === 'ripencc') return 'ripe';
  return isRir(value) ? value : null;
}

/** How each RIR names itself. */
export const RIR_NAMES: Readonly<Record<Rir, string>> = { arin: 'ARIN', ripe: 'RIPE NCC', apnic: 'APNIC', lacnic: 'LACNIC', afrinic: 'AFRINIC' };
