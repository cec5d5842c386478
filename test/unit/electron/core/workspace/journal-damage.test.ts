/**
 * A damaged last journal entry (a write torn by a crash, or a last line whose checksum fails) is
 * not replayed; the writer that opens the file first copies its bytes beside the workspace as
 * `<file>.journal.damaged-<UTC time>` and says what was lost, and only then cuts the journal.
 */
import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addPrefix, listPrefixes } from '../../../../../electron/core/services/registry';
import { describeDamagedEntry, journalPathFor, readJournal } from '../../../../../electron/core/workspace/journal';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const fresh = () => tmp.path(`ws-${++n}.headroom`);
const prefixesOf = (ws: Workspace) => listPrefixes(ws, { space: 'global' }).rows.map((r) => r.prefix);
const damagedFiles = (path: string) => readdirSync(tmp.dir).filter((f) => f.startsWith(`${basename(path)}.journal.damaged-`));
const NOW = new Date('2026-12-03T10:20:30.456Z');

/** A workspace whose journal holds two changes; the second one's line is then damaged by `harm`. */
async function withDamagedSecondEntry(harm: (journal: string, secondLineStart: number, secondLineEnd: number) => void): Promise<string> {
  const path = fresh();
  const ws = await Workspace.create(path, { who: 'ana' });
  addPrefix(ws, { prefix: '192.0.2.0/25', status: 'assigned' });
  addPrefix(ws, { prefix: '192.0.2.128/25', status: 'assigned', description: 'Café Zürich' });
  ws.abandon();
  const jp = journalPathFor(path);
  const bytes = readFileSync(jp);
  const firstNl = bytes.indexOf(0x0a);
  const secondStart = bytes.indexOf(0x0a, firstNl + 1) + 1;
  harm(jp, secondStart, bytes.length);
  return path;
}

describe('a damaged last journal entry', () => {
  it('is kept beside the workspace before the journal is cut, and named in a warning', async () => {
    let cutAt = 0;
    let lost = Buffer.alloc(0);
    const path = await withDamagedSecondEntry((jp, start, end) => {
      // Torn in the middle of a multi-byte character of the description, as a crash may leave it.
      const all = readFileSync(jp);
      cutAt = all.indexOf(Buffer.from('Zürich')) + 2;
      expect(cutAt).toBeGreaterThan(start);
      expect(cutAt).toBeLessThan(end);
      truncateSync(jp, cutAt);
      lost = all.subarray(start, cutAt);
    });
    const ws = await Workspace.open(path, { now: () => NOW });
    expect(prefixesOf(ws)).toEqual(['192.0.2.0/25']);
    const kept = damagedFiles(path);
    expect(kept).toEqual([`${basename(path)}.journal.damaged-20261203T102030Z`]);
    expect(readFileSync(tmp.path(kept[0]!)).equals(lost)).toBe(true);
    const damage = ws.journalDamage!;
    expect(damage).toMatchObject({ bytes: lost.length, keptAt: tmp.path(kept[0]!) });
    expect(damage.entry).toMatch(/^change 2: "Add 192\.0\.2\.128\/25 \(assigned\) to global", by ana at \d{4}-\d{2}-\d{2}T/);
    expect(damage.message).toContain(`(${lost.length} bytes)`);
    expect(damage.message).toContain(damage.entry!);
    expect(damage.message).toContain(damage.keptAt);
    expect(ws.state().journalDamage).toEqual(damage);

    // The next change follows the last intact entry, and the journal replays cleanly.
    addPrefix(ws, { prefix: '198.51.100.0/24' });
    ws.abandon();
    const again = await Workspace.open(path);
    expect(prefixesOf(again)).toEqual(['192.0.2.0/25', '198.51.100.0/24']);
    expect(again.journalDamage).toBeNull();
    again.close();
    expect(damagedFiles(path)).toHaveLength(1);
  });

  it('keeps a complete last line whose checksum fails (its bytes damaged on disk)', async () => {
    let line = Buffer.alloc(0);
    const path = await withDamagedSecondEntry((jp, start, end) => {
      const all = readFileSync(jp);
      const i = all.indexOf(Buffer.from('192.0.2.128/25'), start);
      all[i + 8] = '9'.charCodeAt(0); // "192.0.2.928/25": the checksum no longer matches
      writeFileSync(jp, all);
      line = all.subarray(start, end);
    });
    const ws = await Workspace.open(path, { now: () => NOW });
    expect(prefixesOf(ws)).toEqual(['192.0.2.0/25']);
    expect(ws.journalDamage).toMatchObject({ bytes: line.length });
    expect(ws.journalDamage!.entry).toMatch(/^change 2: "Add 192\.0\.2\.928\/25/);
    expect(readFileSync(ws.journalDamage!.keptAt).equals(line)).toBe(true);
    ws.close();
  });

  it('is left untouched, and not reported, by a read-only open (a writer may be appending it)', async () => {
    const path = await withDamagedSecondEntry((jp, start) => truncateSync(jp, start + 20));
    const before = readFileSync(journalPathFor(path));
    const ro = await Workspace.open(path, { readOnly: true });
    expect(prefixesOf(ro)).toEqual(['192.0.2.0/25']);
    expect(ro.journalDamage).toBeNull();
    ro.close();
    expect(damagedFiles(path)).toEqual([]);
    expect(readFileSync(journalPathFor(path)).equals(before)).toBe(true);
  });

  it('is not made of a torn header (a reset cut short holds no change)', async () => {
    const path = fresh();
    (await Workspace.create(path)).close();
    writeFileSync(journalPathFor(path), 'HEADROOM-JOUR');
    const ws = await Workspace.open(path);
    expect(ws.journalDamage).toBeNull();
    ws.close();
    expect(damagedFiles(path)).toEqual([]);
    expect(readJournal(journalPathFor(path), path)).toMatchObject({ tornTail: false, damaged: null });
  });
});

describe('describeDamagedEntry', () => {
  it('names the change number and, while its start survives, the action it recorded', () => {
    const line =
      '7\t0badc0de\t[["INSERT INTO actions (at, who, op, summary, state, undoable, reverts) VALUES (?, ?, ?, ?, ?, ?, ?)",["2026-12-03T10:14:34.576Z","ana","registry.addPrefix","Add \\"HQ\\" 192.0.2.0/24 (aggregate) to global","do';
    expect(describeDamagedEntry(line)).toBe('change 7: "Add "HQ" 192.0.2.0/24 (aggregate) to global", by ana at 2026-12-03T10:14:34.576Z');
    expect(describeDamagedEntry(line.slice(0, 170))).toBe('change 7: an operation registry.addPrefix');
    expect(describeDamagedEntry('12\t0bad')).toBe('change 12 (its contents cannot be read)');
    expect(describeDamagedEntry('\u0000\u0000garbage')).toBeNull();
  });
});
