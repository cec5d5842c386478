/**
 * The draft fields a planner edits (what the registry cannot know), by RIR and kind. Each maps
 * to a key of the contract's RequestEdits; a failing check's `field` names one of these keys,
 * so "Fix" can put the cursor in the right box.
 */
import type { RequestEdits, RequestKindName, RequestRir } from '../../../shared/contract';

export type EditKey = keyof RequestEdits & string;

export interface EditField {
  key: EditKey;
  label: string;
  type: 'int' | 'number' | 'text' | 'textarea' | 'bool' | 'select' | 'list' | 'date';
  options?: ReadonlyArray<readonly [string, string]>;
  kinds?: readonly RequestKindName[];
  rirs?: readonly RequestRir[];
  hint?: string;
}

export const EDIT_FIELDS: readonly EditField[] = [
  {
    key: 'type',
    label: 'Initial or subsequent',
    type: 'select',
    options: [
      ['initial', 'initial'],
      ['subsequent', 'subsequent'],
    ],
  },
  { key: 'prefixLength', label: 'Size requested (prefix length)', type: 'int', kinds: ['ipv4', 'ipv6'], hint: 'e.g. 24 for a /24' },
  { key: 'smallestAcceptableLength', label: 'Smallest acceptable (length)', type: 'int', kinds: ['ipv4'], rirs: ['arin'] },
  { key: 'waitlist', label: 'Through the waiting list', type: 'bool', kinds: ['ipv4'], rirs: ['arin'] },
  { key: 'viaTransfer', label: 'Via a transfer', type: 'bool', kinds: ['ipv4'], rirs: ['arin'] },
  { key: 'lastReceivedDate', label: 'Last waitlist fill or transfer', type: 'date', kinds: ['ipv4'], rirs: ['arin'] },
  { key: 'horizonMonths', label: 'Plan horizon (months)', type: 'int', kinds: ['ipv4', 'ipv6'] },
  { key: 'need12mAddresses', label: 'Addresses needed in 12 months', type: 'int', kinds: ['ipv4'], rirs: ['lacnic'] },
  { key: 'servingSites', label: 'Serving sites', type: 'int', kinds: ['ipv6'], rirs: ['arin'] },
  { key: 'largestSiteEndSites', label: 'End sites at the largest serving site', type: 'int', kinds: ['ipv6'], rirs: ['arin'] },
  { key: 'providerAllocationUnit', label: 'Provider allocation unit (length)', type: 'int', kinds: ['ipv6'], rirs: ['arin'] },
  { key: 'endUserSites', label: 'End-user sites', type: 'int', kinds: ['ipv6'], rirs: ['arin'] },
  { key: 'maxSiteUsedPct', label: 'Busiest serving site used (%)', type: 'number', kinds: ['ipv6'], rirs: ['arin'] },
  { key: 'announceWithinMonths', label: 'Announced within (months)', type: 'int', kinds: ['ipv6'], rirs: ['afrinic'] },
  { key: 'justification', label: 'Justification', type: 'textarea', kinds: ['ipv4', 'ipv6'] },
  {
    key: 'multihoming',
    label: 'Multihoming',
    type: 'select',
    options: [
      ['now', 'now'],
      ['soon', 'soon'],
      ['no', 'no'],
    ],
  },
  { key: 'soonMonths', label: 'Multihomed within (months)', type: 'int' },
  { key: 'uniqueRoutingPolicy', label: 'Unique routing policy', type: 'textarea', kinds: ['asn'], rirs: ['arin'] },
  { key: 'interconnectionPlanned', label: 'Interconnection planned', type: 'bool', kinds: ['asn'] },
  {
    key: 'asnBits',
    label: 'ASN type',
    type: 'select',
    kinds: ['asn'],
    options: [
      ['32', '32-bit'],
      ['16', '16-bit'],
      ['any', 'any'],
    ],
  },
  { key: 'reason16', label: 'Why 16-bit', type: 'textarea', kinds: ['asn'] },
  { key: 'holdsPiAndPlansMultihoming', label: 'Holds PI space, plans to multihome', type: 'bool', kinds: ['asn'], rirs: ['apnic'] },
  { key: 'asSet', label: 'as-set name', type: 'text', kinds: ['asn'], hint: 'RIPE: hierarchical, ASn:AS-NAME' },
  { key: 'ixps', label: 'IX memberships', type: 'list', hint: 'comma-separated' },
  {
    key: 'dsRdata',
    label: 'DS records for the reverse zones',
    type: 'list',
    kinds: ['ipv4', 'ipv6'],
    hint: 'key tag, algorithm, digest type, digest; comma between records',
  },
  { key: 'diagramAttached', label: 'Network diagram attached', type: 'bool' },
  { key: 'notes', label: 'Notes', type: 'textarea' },
];

export function fieldsFor(rir: RequestRir, kind: RequestKindName): EditField[] {
  return EDIT_FIELDS.filter((f) => (!f.kinds || f.kinds.includes(kind)) && (!f.rirs || f.rirs.includes(rir)));
}

/** Text shown in a field's box for a stored (or filled) value. */
export function toText(f: EditField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (f.type === 'list') return (value as string[]).join(', ');
  return String(value);
}

/** The value to store for the text typed; null clears the edit. Throws a message for bad numbers. */
export function fromText(f: EditField, text: string): unknown {
  const t = text.trim();
  if (t === '') return null;
  if (f.type === 'int') {
    if (!/^\d+$/.test(t.replace(/^\//, ''))) throw new Error('must be a whole number');
    return Number(t.replace(/^\//, ''));
  }
  if (f.type === 'number') {
    const n = Number(t);
    if (!Number.isFinite(n)) throw new Error('must be a number');
    return n;
  }
  if (f.type === 'list')
    return t
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
  if (f.key === 'asnBits') return t === 'any' ? 'any' : Number(t);
  return t;
}
