/**
 * ASN requests draft the NEW AS (issue 11 item 6, docs/rir.md §6): its aut-num is keyed ASNEW
 * (the number to be assigned), initial or subsequent follows the ASNs we hold (not the IP
 * blocks), and a further AS needs a routing policy of its own (CHK-37, ripe-679 §2.0).
 * A peer's import accepts that peer's AS, not ANY (item 11).
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../../electron/core/services/demo';
import { draftView, updateDraft } from '../../../../../electron/core/services/requests';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { rpslKey, rpslValues } from '../../../../../shared/rir/rpsl-object';
import { RIRS } from '../../../../../shared/rir/rir';
import { workspaceFiles } from '../../../../support/workspaces';

const newWorkspace = workspaceFiles();

async function demo(): Promise<Workspace> {
  const ws = await newWorkspace({ now: () => new Date('2026-05-15T12:00:00Z') });
  seedDemo(ws);
  return ws;
}

describe('an ASN request on the demo (AS64496 is ours)', () => {
  it('is subsequent at every RIR, decided by the ASN held', async () => {
    const ws = await demo();
    expect(RIRS.map((r) => draftView(ws, r, 'asn').draft.request.type)).toEqual(RIRS.map(() => 'subsequent'));
  });

  it('drafts the new AS (ASNEW), not the AS already held', async () => {
    const ws = await demo();
    const aut = draftView(ws, 'ripe', 'asn')
      .draft.dbObjects.map((o) => o.object)
      .filter((o) => o.attributes[0]!.name === 'aut-num');
    expect(aut.map(rpslKey)).toEqual(['ASNEW']);
    expect(draftView(ws, 'ripe', 'asn').checks.find((c) => c.rule === 'CHK-28')).toMatchObject({ ok: true });
  });

  it('asks for a routing policy different from the AS held (CHK-37), and passes once it is described', async () => {
    const ws = await demo();
    expect(draftView(ws, 'ripe', 'asn').checks.find((c) => c.rule === 'CHK-37')).toMatchObject({ ok: false, severity: 'E' });
    updateDraft(ws, {
      rir: 'ripe',
      kind: 'asn',
      edits: { uniqueRoutingPolicy: 'The hosting network in Lisbon takes transit from AS64510 only, apart from the access network.' },
    });
    expect(draftView(ws, 'ripe', 'asn').checks.find((c) => c.rule === 'CHK-37')).toMatchObject({ ok: true });
  });

  it("imports a peer's routes by its AS, an upstream's as ANY", async () => {
    const ws = await demo();
    const aut = draftView(ws, 'ripe', 'asn')
      .draft.dbObjects.map((o) => o.object)
      .find((o) => o.attributes[0]!.name === 'aut-num')!;
    const imports = rpslValues(aut, 'import');
    expect(imports).toContain('from AS64497 accept ANY');
    expect(imports).toContain('from AS64500 accept AS64500');
  });
});
