/** Small helpers that keep the vectors in the tests as readable as in the spec. */
import { formatPrefix, parsePrefix, type Prefix } from '../../shared/ip/prefix';

export const P = (text: string): Prefix => parsePrefix(text);
export const Ps = (texts: string): Prefix[] => (texts.trim() === '' ? [] : texts.split(',').map((t) => parsePrefix(t.trim())));
export const fmt = (ps: Iterable<Prefix>): string[] => Array.from(ps, formatPrefix);
