/** The five Regional Internet Registries the app drafts for. */
export type Rir = 'arin' | 'ripe' | 'apnic' | 'lacnic' | 'afrinic';
export const RIRS: readonly Rir[] = ['arin', 'ripe', 'apnic', 'lacnic', 'afrinic'];

export function isRir(value: string): value is Rir {
  return (RIRS as readonly string[]).includes(value);
}

/** How each RIR names itself. */
export const RIR_NAMES: Readonly<Record<Rir, string>> = { arin: 'ARIN', ripe: 'RIPE NCC', apnic: 'APNIC', lacnic: 'LACNIC', afrinic: 'AFRINIC' };
