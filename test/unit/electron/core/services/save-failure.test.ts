/**
 * The web bridge over a workspace on a nearly full disk (a tmpfs): a change the journal holds
 * answers 200 `{ok: true, value}` with `warning: {code: "not-saved", message}` beside it, a
 * refusal keeps its own status and error, `workspace.current` carries the saveProblem, a failed
 * autosave is reported (not swallowed) and retried, and a save that succeeds clears it all.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../../../electron/core/services/dispatch';
import { createHandlers } from '../../../../../electron/core/services/handlers';
import { Session } from '../../../../../electron/core/services/session';
import { startWebBridge, type WebBridge } from '../../../../../electron/web/server';
import { mountSmallDisk, smallDiskTitle } from '../../../../support/small-disk';
import { tempDir } from '../../../../support/tmp';

const mounted = mountSmallDisk(1024);
const tmp = tempDir();
afterAll(() => {
  if (mounted.ok) mounted.disk.cleanup();
  tmp.cleanup();
});

interface Reply {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string }; warning?: { code: string; message: string } };
}

async function serve(session: Session): Promise<{ bridge: WebBridge; post(channel: string, input?: unknown): Promise<Reply> }> {
  const staticDir = tmp.path(`static-${Math.random().toString(36).slice(2)}`);
  mkdirSync(staticDir);
  writeFileSync(`${staticDir}/index.html`, '<!doctype html><title>Headroom</title>');
  const bridge = await startWebBridge({ dispatch: createDispatch(createHandlers(session), { warning: () => session.warning() }), staticDir });
  const post = async (channel: string, input: unknown = {}): Promise<Reply> => {
    const res = await fetch(`http://127.0.0.1:${bridge.port}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json()) as Reply['body'] };
  };
  return { bridge, post };
}

describe.skipIf(!mounted.ok)(smallDiskTitle('the web bridge on a nearly full disk (tmpfs)', mounted), () => {
  const disk = () => (mounted as Extract<typeof mounted, { ok: true }>).disk;
  const reset = () => {
    disk().unfill();
    for (const f of readdirSync(disk().dir)) rmSync(disk().path(f), { recursive: true, force: true });
  };

  it('answers a journaled change as done with a not-saved warning, and a refusal as the refusal', async () => {
    reset();
    // Every change tries a snapshot, as each does once a journal has passed its 4 MB threshold.
    const session = new Session({ snapshotAfterJournalBytes: 1 });
    await session.create(disk().path('bridge.headroom'));
    const { bridge, post } = await serve(session);
    try {
      expect((await post('registry.addPrefix', { prefix: '192.0.2.0/24', status: 'aggregate' })).body.warning).toBeUndefined();
      disk().fill(48 * 1024);

      const added = await post('registry.addPrefix', { prefix: '192.0.2.0/25' });
      expect(added.status).toBe(200);
      expect(added.body).toMatchObject({ ok: true, value: { prefix: '192.0.2.0/25' }, warning: { code: 'not-saved' } });
      expect(added.body.warning!.message).toMatch(/^Headroom could not write bridge\.headroom: the disk is full \(ENOSPC\)\. Nothing is lost/);

      const dup = await post('registry.addPrefix', { prefix: '192.0.2.0/25' });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ ok: false, error: { code: 'conflict' }, warning: { code: 'not-saved' } });
      expect(dup.body.error!.message).toMatch(/already/);

      const state = (await post('workspace.current')).body.value as { saveProblem: { unsavedChanges: number; journalPath: string } | null };
      expect(state.saveProblem).toMatchObject({ unsavedChanges: 1, journalPath: `${disk().path('bridge.headroom')}.journal` });

      // An explicit save still fails: writing the file is what it asks for (507, the disk refused).
      const save = await post('workspace.save');
      expect(save.status).toBe(507);
      expect(save.body).toMatchObject({ ok: false, error: { code: 'io' }, warning: { code: 'not-saved' } });

      // A change the journal cannot hold: refused, 507, and not applied.
      disk().unfill();
      disk().fill(0);
      const big = await post('registry.addPrefix', { prefix: '192.0.2.128/25', description: 'x'.repeat(2000) });
      expect(big.status).toBe(507);
      expect(big.body.error!.message).toMatch(/^the change was not made: it could not be written to the journal/);
      expect(((await post('workspace.info')).body.value as { counts: { prefixes: number } }).counts.prefixes).toBe(2);

      disk().unfill();
      const saved = await post('workspace.save');
      expect(saved.body.ok).toBe(true);
      expect(saved.body.warning).toBeUndefined();
      expect(((await post('workspace.current')).body.value as { saveProblem: unknown }).saveProblem).toBeNull();
      expect((await post('workspace.info')).body.value as { counts: { prefixes: number }; journalEntries: number }).toMatchObject({
        counts: { prefixes: 2 },
        journalEntries: 0,
      });
    } finally {
      await bridge.close();
      session.close();
    }
  });

  it('reports a failed autosave instead of swallowing it, and retries it until it succeeds', async () => {
    reset();
    const told: string[] = [];
    const session = new Session({ autosaveMs: 20, onWarning: (m) => told.push(m) });
    await session.create(disk().path('autosave.headroom'));
    const { bridge, post } = await serve(session);
    try {
      disk().fill(48 * 1024);
      const added = await post('registry.addPrefix', { prefix: '198.51.100.0/24', status: 'aggregate' });
      expect(added.body).toMatchObject({ ok: true });
      // The autosave runs 20 ms after the change; wait for its outcome (no timing is asserted).
      await expect.poll(() => told.length, { timeout: 20_000, interval: 20 }).toBeGreaterThan(0);
      expect(told[0]).toMatch(/^Headroom could not write autosave\.headroom: the disk is full/);
      const reply = await post('workspace.current');
      expect(reply.body.warning).toMatchObject({ code: 'not-saved' });
      expect((reply.body.value as { saveProblem: { unsavedChanges: number } }).saveProblem.unsavedChanges).toBe(1);

      // Room again: the retry (15 s later, changes or not) or the next change's autosave writes it.
      disk().unfill();
      await post('registry.addPrefix', { prefix: '198.51.100.0/25' });
      await expect
        .poll(async () => ((await post('workspace.current')).body.value as { saveProblem: unknown }).saveProblem, { timeout: 20_000, interval: 50 })
        .toBeNull();
      expect(((await post('workspace.info')).body.value as { journalEntries: number }).journalEntries).toBe(0);
    } finally {
      await bridge.close();
      session.close();
    }
  });

  it('says, after a switch to another workspace, that the one closed could not be saved, until it is opened again', async () => {
    reset();
    const warnings: string[] = [];
    const session = new Session({ onWarning: (m) => warnings.push(m) });
    const full = disk().path('closed.headroom');
    await session.create(full);
    const other = tmp.path(`other-${Math.random().toString(36).slice(2)}.headroom`);
    await new Session().create(other).then(() => undefined);
    const { bridge, post } = await serve(session);
    try {
      expect((await post('registry.addPrefix', { prefix: '192.0.2.0/24', status: 'aggregate' })).status).toBe(200);
      disk().fill(0);
      // Opening another file closes this one; its final save fails on the full disk.
      const opened = await post('workspace.open', { path: other });
      expect(opened.status).toBe(200);
      const shown = opened.body.value as { path: string; closedUnsaved: { path: string; message: string } | null };
      expect(shown.path).toBe(other);
      expect(shown.closedUnsaved?.path).toBe(full);
      expect(shown.closedUnsaved?.message).toMatch(
        /^closed\.headroom was closed without saving to its file: the disk is full \(ENOSPC\)\. Nothing is lost: its 1 change since the last save is safe in its journal/,
      );
      expect(warnings.some((w) => w.includes('closed.headroom was closed without saving'))).toBe(true);
      // Still said on every later look at the workspace, not only once.
      expect(((await post('workspace.current')).body.value as typeof shown).closedUnsaved?.path).toBe(full);
      // Opened again with room: its journal replays the change and the notice goes.
      disk().unfill();
      const back = (await post('workspace.open', { path: full })).body.value as typeof shown;
      expect(back.closedUnsaved ?? null).toBeNull();
      expect(((await post('registry.listPrefixes', { space: 'global' })).body.value as { rows: Array<{ prefix: string }> }).rows.map((r) => r.prefix)).toEqual([
        '192.0.2.0/24',
      ]);
    } finally {
      await bridge.close();
      session.close();
    }
  });
});
