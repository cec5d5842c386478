import { describe, expect, it } from 'vitest';
import { renderDraftHtml } from '../../../../shared/report/draft-html';
import type { RequestDraft } from '../../../../shared/rir/draft';
import { runPolicyChecks } from '../../../../shared/rir/policy-checks';

const draft: RequestDraft = {
  requester: { name: 'Ana <Planner>', email: 'ana@example.net' },
  organisation: { legalName: 'Example & Sons', address: ['Street 1'], country: 'NL', role: 'lir' },
  request: { rir: 'ripe', kind: 'ipv4', type: 'initial', prefixLength: 24 },
  holdings: [{ prefix: '198.51.100.0/24', source: 'ripe' }],
  plan: [{ purpose: 'Customers', prefixLength: 24, now: 100, m6: 120, m12: 150, m24: 200 }],
  infrastructure: [],
  diagramAttached: false,
  connectivity: { upstreams: [], peers: [], ixps: [], multihoming: 'no' },
  originate: [],
  dbObjects: [],
  reverse: [],
};

describe('renderDraftHtml', () => {
  it('is one page with every section of the draft and no script', () => {
    const html = renderDraftHtml(draft, runPolicyChecks(draft, { today: '2026-05-15' }));
    expect(html).toMatch(/^<!doctype html>/);
    for (const title of ['Requester', 'Organisation', 'Request', 'Current holdings', 'Addressing plan', 'Policy checks'])
      expect(html).toContain(`<h2>${title}</h2>`);
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('escapes what the planner typed', () => {
    const html = renderDraftHtml(draft);
    expect(html).toContain('Ana &lt;Planner&gt;');
    expect(html).toContain('Example &amp; Sons');
  });

  it('marks a failed check', () => {
    const html = renderDraftHtml(draft, runPolicyChecks(draft, { today: '2026-05-15' }));
    expect(html).toMatch(/<td>CHK-03<\/td>.*<td class="FAIL">FAIL<\/td>/);
  });
});
