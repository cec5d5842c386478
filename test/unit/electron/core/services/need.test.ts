/**
 * Need as the RIRs weigh it (issue 11 item 2, docs/rir.md §2): the projected demand is not
 * capped at the pool, and the draft states "need minus free space" over each RIR's horizon
 * (ARIN 24 months, AFRINIC 8, LACNIC 12, APNIC 6 and 12); CHK-36 compares need with free space.
 */
import { describe, expect, it } from 'vitest';
import { addPrefix } from '../../../../../electron/core/services/registry';
import { draftView, updateOrganisation } from '../../../../../electron/core/services/requests';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { needHorizons, needMinusFree } from '../../../../../shared/rir/need';
import { renderDraftText } from '../../../../../shared/rir/draft-render';
import { workspaceFiles } from '../../../../support/workspaces';

const newWorkspace = workspaceFiles();
const NOW = new Date('2026-05-15T12:00:00Z');

/** A /23 from `rir` with one /24 pool filling by a /28 a month for the last year: 192 of 512 used. */
async function growing(rir: 'arin' | 'ripe' | 'apnic' | 'lacnic' | 'afrinic'): Promise<Workspace> {
  const ws = await newWorkspace({ now: () => NOW });
  addPrefix(ws, { prefix: '185.100.0.0/23', status: 'aggregate', rir, description: 'IPv4 allocation', date: '2024-01-10' });
  addPrefix(ws, { prefix: '185.100.0.0/24', status: 'allocated', description: 'Business customers', date: '2024-01-20' });
  for (let i = 0; i < 12; i++) {
    const d = new Date(Date.UTC(2025, 5 + i, 15)).toISOString().slice(0, 10);
    addPrefix(ws, { prefix: `185.100.0.${i * 16}/28`, status: 'assigned', description: `Customer ${i}`, date: d });
  }
  updateOrganisation(ws, { legalName: 'Example Telecom', address: ['1 Main St'], country: 'US' });
  return ws;
}

describe('need, uncapped, over each RIR horizon', () => {
  it('the horizons: ARIN 24, AFRINIC 8, LACNIC 12, APNIC 6 and 12, RIPE none (one /24, no need test)', () => {
    expect(['arin', 'afrinic', 'lacnic', 'apnic', 'ripe'].map((r) => needHorizons(r as 'arin', 'ipv4'))).toEqual([[24], [8], [12], [6, 12], []]);
    expect(needHorizons('arin', 'ipv6')).toEqual([]);
  });

  it('need minus free space is the growth less the unassigned space held', () => {
    expect(needMinusFree(24, 192, 576, 512, 192)).toEqual({ horizonMonths: 24, demand: 576, growth: 384, free: 320, net: 64 });
  });

  it('the plan is not capped at the pool: the /24 pool projects past its 256 addresses', async () => {
    const ws = await growing('arin');
    const [row] = draftView(ws, 'arin', 'ipv4').plan;
    expect(row).toMatchObject({ pool: '185.100.0.0/24', now: 192, totalUnits: 256 });
    expect(row!.m24).toBeGreaterThan(256);
  });

  it('ARIN: over 24 months the need exceeds the free space, and the draft says by how much', async () => {
    const ws = await growing('arin');
    const v = draftView(ws, 'arin', 'ipv4');
    const [need] = v.draft.need!;
    expect(need).toMatchObject({ horizonMonths: 24, free: 320 });
    expect(need!.net).toBeGreaterThan(0);
    // The default /24 (256) is more than the shortfall: said, as information.
    const c = v.checks.find((x) => x.rule === 'CHK-36')!;
    expect(c).toMatchObject({ ok: false, severity: 'I' });
    expect(c.message).toMatch(/more than the \d+ the plan shows/);
    expect(renderDraftText(v.draft, [])).toMatch(/Need minus free space/);
  });

  it('AFRINIC: over 8 months the free space covers the need, and CHK-36 says so', async () => {
    const ws = await growing('afrinic');
    const v = draftView(ws, 'afrinic', 'ipv4');
    expect(v.draft.need!.map((x) => x.horizonMonths)).toEqual([8]);
    expect(v.draft.need![0]!.net).toBeLessThanOrEqual(0);
    const c = v.checks.find((x) => x.rule === 'CHK-36')!;
    expect(c).toMatchObject({ ok: false, severity: 'W' });
    expect(c.message).toMatch(/covers the need/);
  });

  it('APNIC shows both the 6- and the 12-month need; RIPE none', async () => {
    expect((await growing('apnic').then((ws) => draftView(ws, 'apnic', 'ipv4'))).draft.need!.map((x) => x.horizonMonths)).toEqual([6, 12]);
    expect((await growing('ripe').then((ws) => draftView(ws, 'ripe', 'ipv4'))).draft.need).toBeUndefined();
  });
});
