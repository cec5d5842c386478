import { describe, expect, it } from 'vitest';
import type { RequestDraft } from '../../../../shared/rir/draft';
import { draftDocument, renderDraftMarkdown, renderDraftText } from '../../../../shared/rir/draft-render';
import { runPolicyChecks } from '../../../../shared/rir/policy-checks';
import { routeObject } from '../../../../shared/rir/rpsl-build';

const DRAFT: RequestDraft = {
  requester: { name: 'Ana Noc', email: 'noc@example.net', phone: '+31 20 555 0100', handle: 'EXA1-RIPE' },
  organisation: { legalName: 'Example ISP B.V.', address: ['Example Street 1', 'Amsterdam'], country: 'NL', role: 'lir', accountId: 'nl.example' },
  request: { rir: 'ripe', kind: 'ipv6', type: 'initial', prefixLength: 29, prefix: '2001:db8::/29' },
  holdings: [{ prefix: '198.51.100.0/24', source: 'ripe', date: '2019-11-25', usedPct: 92 }],
  plan: [
    { purpose: 'Residential | north', prefixLength: 40, unit: '/56', now: 120, m12: 2000, m24: 5000 },
    { purpose: 'Business', prefixLength: 44, unit: '/48', now: 10, m12: 40 },
  ],
  infrastructure: [{ name: 'core-1', vendor: 'Juniper', model: 'MX204', usage: 'loopbacks, p2p' }],
  diagramAttached: true,
  connectivity: {
    upstreams: [
      { asn: 64496, org: 'Transit A' },
      { asn: 64497, org: 'Transit B', contractSigned: true },
    ],
    peers: [],
    ixps: ['AMS-IX'],
    ownAsn: 64500,
    multihoming: 'now',
  },
  ipv6: { servingSites: 3, largestSiteEndSites: 5000 },
  originate: ['2001:db8::/29'],
  dbObjects: [{ object: routeObject({ prefix: '2001:db8::/32', origin: 64500, mntBy: 'EXAMPLE-MNT' }) }],
  reverse: [{ zone: '8.b.d.0.1.0.0.2.ip6.arpa', nserver: ['ns1.example.net', 'ns2.example.net'] }],
  notes: 'Second line\nof notes',
  isExample: true,
};

describe('draftDocument', () => {
  it('has the §3.1 blocks in order', () => {
    expect(draftDocument(DRAFT).sections.map((s) => s.title)).toEqual([
      'Requester',
      'Organisation',
      'Request',
      'Current holdings',
      'Addressing plan',
      'IPv6 sizing',
      'Infrastructure',
      'Connectivity',
      'Routing',
      'Database objects',
      'Reverse DNS',
      'Notes',
      'Archived template (plain text)',
    ]);
  });
  it('totals the addressing plan per unit, with a unit on every row: /48s are never added to /56s', () => {
    const plan = draftDocument(DRAFT).sections.find((s) => s.title === 'Addressing plan')!;
    expect(plan.table!.rows.map((r) => r[2])).toEqual(['/56', '/48', '/56', '/48']);
    expect(plan.table!.rows.slice(-2)).toEqual([
      ['Total (/56)', '', '/56', '120', '—', '2,000', '5,000'],
      ['Total (/48)', '', '/48', '10', '—', '40', '—'],
    ]);
  });
  it('ends with the policy checks when given', () => {
    const doc = draftDocument(DRAFT, runPolicyChecks(DRAFT, { today: '2026-05-25' }));
    expect(doc.sections.at(-1)!.title).toBe('Policy checks');
  });
});

describe('renderDraftMarkdown', () => {
  const md = renderDraftMarkdown(DRAFT, runPolicyChecks(DRAFT, { today: '2026-05-25' }));
  it('titles the draft by RIR, resource and organisation', () => {
    expect(md.split('\n')[0]).toBe('# RIPE NCC IPv6 request — Example ISP B.V.');
  });
  it('escapes pipes in table cells', () => {
    expect(md).toContain('| Residential \\| north | /40 | /56 | 120 | — | 2,000 | 5,000 |');
  });
  it('puts RPSL objects in a code block', () => {
    expect(md).toContain('```\nroute6:         2001:db8::/32\norigin:         AS64500\nmnt-by:         EXAMPLE-MNT\nsource:         RIPE\n```');
  });
  it('lists the policy checks with source and as-of date', () => {
    expect(md).toMatch(
      /\| CHK-10 \| E \| pass \| \/29 needs no justification \| RIPE ripe-738 §5\.1\.2 \(up to a \/29 without documentation\) \| 2026-05-31 \|/,
    );
    expect(md).toMatch(/Policy-conforming\. Policy table/);
  });
});

describe('renderDraftText', () => {
  const txt = renderDraftText(DRAFT, runPolicyChecks(DRAFT, { today: '2026-05-25' }));
  it('underlines the title and section names', () => {
    const lines = txt.split('\n');
    expect(lines[1]).toBe('='.repeat(lines[0]!.length));
    expect(txt).toContain('REQUESTER\n---------\n');
  });
  it('aligns fields and table columns', () => {
    expect(txt).toContain('RIR:                   RIPE NCC\n');
    expect(txt).toMatch(/Purpose +Size +Unit +Now +\+6 m +\+12 m +\+24 m\n-+ +-+/);
  });
  it('has no Markdown syntax', () => {
    expect(txt).not.toMatch(/\*\*|```|^\| /m);
  });
  it('keeps notes on one line per field', () => {
    expect(txt).toContain('Second line\nof notes');
  });
});

describe('archived template section', () => {
  it('is left out where no template exists', () => {
    const d = { ...DRAFT, request: { ...DRAFT.request, rir: 'lacnic' as const } };
    expect(draftDocument(d).sections.map((s) => s.title)).not.toContain('Archived template (plain text)');
  });
  it('carries the ripe-422 form for a RIPE IPv6 draft', () => {
    expect(renderDraftText(DRAFT)).toContain('request-type: ipv6-first-alloc');
  });
});

describe('policy check verdicts', () => {
  it('reads info for an I rule and FAIL only for an error', () => {
    const d: RequestDraft = { ...DRAFT, request: { ...DRAFT.request, prefixLength: 28, prefix: '2001:db0::/28' }, originate: [], dbObjects: [] };
    const md = renderDraftMarkdown(d, runPolicyChecks(d, { today: '2026-05-25' }));
    expect(md).toMatch(/\| CHK-35 \| I \| info \|/);
    expect(md).toMatch(/\| CHK-10 \| E \| FAIL \|/);
    expect(md).toMatch(/NON-CONFORMING: 1 error\(s\)/);
  });
});
