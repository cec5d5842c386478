/**
 * The kinds of limit issue 12 §8 names for the board, each with how to recognise its rows in
 * `forecast.limits` (a facility limit by the key in its id, `facility:SITE:KEY`).
 */
import type { LimitForecast } from '../../shared/contract';

const facility = (key: string) => (l: LimitForecast) => l.kind === 'facility' && (l.id.endsWith(`:${key}`) || l.id.includes(`:${key}:`));

export const BOARD_KINDS: ReadonlyArray<{ label: string; is(l: LimitForecast): boolean }> = [
  { label: 'address pools', is: (l) => l.kind === 'pool' },
  { label: 'ASN blocks', is: (l) => l.kind === 'asn' },
  { label: 'UPS', is: facility('ups') },
  { label: 'battery', is: facility('battery') },
  { label: 'generator sizing', is: facility('generator-sizing') },
  { label: 'generator average load', is: facility('generator-average') },
  { label: 'fuel', is: facility('fuel') },
  { label: 'cooling', is: facility('cooling') },
  { label: 'backup window', is: facility('backup-window') },
  { label: 'DHCP scopes', is: (l) => l.kind === 'dhcp' },
  { label: 'links', is: (l) => l.kind === 'link' },
];
