/**
 * RIPE IPv6 (issue 11 item 3, docs/rir.md §3): an allocation is extended up to a /29 without a
 * utilisation test (ripe-738 §5.1.2), the default request is a /29, and beyond /29 the HD-ratio
 * is one justification among others (structure, segmentation, longevity: ripe-738 §5.2).
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../../electron/core/services/demo';
import { draftView, updateDraft } from '../../../../../electron/core/services/requests';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { workspaceFiles } from '../../../../support/workspaces';

const newWorkspace = workspaceFiles();

async function demo(): Promise<Workspace> {
  const ws = await newWorkspace({ now: () => new Date('2026-05-15T12:00:00Z') });
  seedDemo(ws);
  return ws;
}

const chk11 = (ws: Workspace) => draftView(ws, 'ripe', 'ipv6').checks.find((c) => c.rule === 'CHK-11')!;

describe('RIPE IPv6 extension', () => {
  it('the demo holds a /32: the draft asks for a /29, a subsequent request', async () => {
    const ws = await demo();
    expect(draftView(ws, 'ripe', 'ipv6').draft.request).toMatchObject({ type: 'subsequent', prefixLength: 29 });
  });

  it('an extension to /29 is not blocked by the HD-ratio', async () => {
    const ws = await demo();
    expect(chk11(ws)).toMatchObject({ ok: true });
    expect(chk11(ws).message).toMatch(/up to \/29 needs no utilisation test/);
  });

  it('beyond /29: the HD-ratio, or a justification by structure, segmentation or longevity', async () => {
    const ws = await demo();
    updateDraft(ws, { rir: 'ripe', kind: 'ipv6', edits: { prefixLength: 28 } });
    expect(chk11(ws)).toMatchObject({ ok: false, severity: 'E' });
    updateDraft(ws, {
      rir: 'ripe',
      kind: 'ipv6',
      edits: { justification: 'Sixteen regions, each a /32 on a nibble boundary; security zones separated per region.' },
    });
    expect(chk11(ws)).toMatchObject({ ok: true });
  });
});
