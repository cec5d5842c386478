import { describe, expect, it } from 'vitest';
import { issuesToError } from '../../../../shared/errors';
import type { RequestDraft } from '../../../../shared/rir/draft';
import { requestDraftSchema, type RequestDraftInput } from '../../../../shared/rir/draft-schema';

const DRAFT: RequestDraft = {
  requester: { name: 'Ana Noc', email: 'noc@example.net', phone: '+31 20 555 0100' },
  organisation: { legalName: 'Example ISP', address: ['Street 1'], country: 'NL', role: 'lir' },
  request: { rir: 'ripe', kind: 'ipv6', type: 'initial', prefixLength: 29 },
  holdings: [{ prefix: '198.51.100.0/24', source: 'ripe', usedPct: 90 }],
  plan: [],
  infrastructure: [],
  diagramAttached: false,
  connectivity: { upstreams: [{ asn: 64496, org: 'A' }], peers: [], ixps: [], multihoming: 'no' },
  originate: [],
  dbObjects: [{ object: { attributes: [{ name: 'route6', value: '2001:db8::/32' }] } }],
  reverse: [],
};

describe('requestDraftSchema', () => {
  it('accepts a draft, and its type is assignable to RequestDraft', () => {
    const parsed: RequestDraftInput = requestDraftSchema.parse(DRAFT);
    const asDraft: RequestDraft = parsed;
    expect(asDraft).toEqual(DRAFT);
  });
  it('names the field of a bad value', () => {
    const r = requestDraftSchema.safeParse({ ...DRAFT, organisation: { ...DRAFT.organisation, country: 'nl' } });
    expect(r.success).toBe(false);
    if (!r.success) expect(issuesToError(r.error.issues).field).toBe('organisation.country');
  });
  it('refuses a last-received date that is no calendar day (shared/dates.ts)', () => {
    const r = requestDraftSchema.safeParse({ ...DRAFT, request: { ...DRAFT.request, waitlist: true, lastReceivedDate: '2025-02-29' } });
    expect(r.success).toBe(false);
    if (!r.success) expect(issuesToError(r.error.issues).field).toBe('request.lastReceivedDate');
  });
  it('refuses an unknown RIR', () => {
    const r = requestDraftSchema.safeParse({ ...DRAFT, request: { ...DRAFT.request, rir: 'iana' } });
    expect(r.success).toBe(false);
    if (!r.success) expect(issuesToError(r.error.issues).field).toBe('request.rir');
  });
  it('refuses a used percentage above 100', () => {
    const r = requestDraftSchema.safeParse({ ...DRAFT, holdings: [{ prefix: '198.51.100.0/24', source: 'ripe', usedPct: 120 }] });
    expect(r.success).toBe(false);
    if (!r.success) expect(issuesToError(r.error.issues).field).toBe('holdings.0.usedPct');
  });
});
