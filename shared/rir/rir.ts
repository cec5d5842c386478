/** The five Regional Internet Registries the app drafts for. */
export type Rir = 'arin' | 'ripe' | 'apnic' | 'lacnic' | 'afrinic';
export const RIRS: readonly Rir[] = ['arin', 'ripe', 'apnic', 'lacnic', 'afrinic'];

export function isRir(value: string): value is Rir {
  return (RIRS as readonly string[]).includes(value);
}
