/**
 * The real `headroom` CLI on a nearly full disk (a tmpfs): a change the journal holds is done
 * (exit 0, the result as usual, valid JSON) with a warning line on stderr that the file could not
 * be rewritten; a refusal is still reported as the refusal (exit 1); a change the journal cannot
 * hold is refused and not made; a damaged journal tail is kept aside and named on stderr.
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, headroom } from '../../../support/cli';
import { mountSmallDisk, smallDiskTitle } from '../../../support/small-disk';

const mounted = mountSmallDisk(1024);
beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => {
  if (mounted.ok) mounted.disk.cleanup();
});

const prefixes = (ws: string): string[] => (JSON.parse(headroom(['prefix', 'list', ws, '--json']).stdout) as { prefix: string }[]).map((p) => p.prefix);
const WARNING =
  /^headroom: warning: Headroom could not write isp\.headroom: the disk is full \(ENOSPC\)\. Nothing is lost: the 1 change since the last save is safe in its journal \(.*isp\.headroom\.journal\)/m;

describe.skipIf(!mounted.ok)(smallDiskTitle('headroom on a nearly full disk (tmpfs)', mounted), () => {
  const disk = () => (mounted as Extract<typeof mounted, { ok: true }>).disk;
  const ws = () => disk().path('isp.headroom');

  it('allocate: exit 0 with the block and a warning, a refusal stays a refusal, and all of it reaches the file later', () => {
    expect(headroom(['init', ws()]).code).toBe(0);
    expect(headroom(['prefix', 'add', ws(), '192.0.2.0/24', '--status', 'aggregate']).code).toBe(0);
    disk().fill(48 * 1024);

    const r = headroom(['allocate', ws(), '--from', '192.0.2.0/24', '--length', '26', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ prefix: '192.0.2.0/26', strategy: 'first-fit' });
    expect(r.stderr).toMatch(WARNING);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);

    // The same block again: refused as what it is (exit 1), the save problem only added after.
    const again = headroom(['prefix', 'add', ws(), '192.0.2.0/26']);
    expect(again.code).toBe(1);
    const [first, ...rest] = again.stderr.trim().split('\n');
    expect(first).toMatch(/^headroom: .*192\.0\.2\.0\/26.*already/);
    expect(rest.join('\n')).toMatch(/^headroom: warning: Headroom could not write isp\.headroom/);

    // Readers see the journaled block while the file lags.
    expect(prefixes(ws())).toEqual(['192.0.2.0/24', '192.0.2.0/26']);

    // Room again: the next change writes the file, with no warning, and the journal is empty.
    disk().unfill();
    const next = headroom(['allocate', ws(), '--from', '192.0.2.0/24', '--length', '26']);
    expect(next).toMatchObject({ code: 0, stdout: '192.0.2.64/26\n', stderr: '' });
    const info = JSON.parse(headroom(['info', ws(), '--json']).stdout) as { journalEntries: number };
    expect(info.journalEntries).toBe(0);
    expect(prefixes(ws())).toEqual(['192.0.2.0/24', '192.0.2.0/26', '192.0.2.64/26']);
  });

  it('a change the journal cannot hold: exit 1, saying it was not made, and nothing changed', () => {
    disk().fill(4096); // one page: the lock file takes it
    // The longest description (2000 characters) is written twice (the row and its audit image):
    // the entry needs a new page of the journal, and there is none.
    const r = headroom(['prefix', 'add', ws(), '192.0.2.128/26', '--description', 'x'.repeat(2000)]);
    disk().unfill();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^headroom: the change was not made: it could not be written to the journal .*isp\.headroom\.journal \(the disk is full \(ENOSPC\)\); nothing was changed$/m,
    );
    expect(prefixes(ws())).toEqual(['192.0.2.0/24', '192.0.2.0/26', '192.0.2.64/26']);
  });

  it('a torn last journal entry: kept beside the file and named on stderr by the next writer', () => {
    appendFileSync(
      `${ws()}.journal`,
      '5\t0badc0de\t[["INSERT INTO actions (at, who, op, summary, state, undoable, reverts) VALUES (?, ?, ?, ?, ?, ?, ?)",["2026-12-03T10:00:00.000Z","ana","registry.addPrefix","Add 192.0.2.192/26 (assigned) to global","do',
    );
    const r = headroom(['prefix', 'add', ws(), '192.0.2.128/26']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^headroom: warning: The journal of isp\.headroom ended in a damaged entry \(\d+ bytes\), .*: its last entry \(change 5: "Add 192\.0\.2\.192\/26 \(assigned\) to global", by ana at 2026-12-03T10:00:00\.000Z\) was not applied\. Its bytes were kept in .*isp\.headroom\.journal\.damaged-\d{8}T\d{6}Z\.$/m,
    );
    const kept = readdirSync(disk().dir).filter((f) => f.startsWith('isp.headroom.journal.damaged-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(disk().path(kept[0]!), 'utf8')).toMatch(/^5\t0badc0de\t/);
    expect(prefixes(ws())).toEqual(['192.0.2.0/24', '192.0.2.0/26', '192.0.2.64/26', '192.0.2.128/26']);
    expect(headroom(['prefix', 'add', ws(), '192.0.2.192/26']).stderr).toBe('');
  });

  it('no page free, not even for the lock: exit 1 naming the full disk in words; the list still reads', () => {
    disk().fill(0);
    const before = readdirSync(disk().dir).sort();
    const r = headroom(['prefix', 'add', ws(), '198.51.100.0/24', '--status', 'aggregate']);
    const list = prefixes(ws());
    const after = readdirSync(disk().dir).sort();
    disk().unfill();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^headroom: .*isp\.headroom: the disk is full \(ENOSPC\): Headroom could not create its lock file beside isp\.headroom; opened read-only\. Free some space and open it again to make changes; the change was not made\n$/,
    );
    expect(r.stderr).not.toMatch(/no space left on device|\.tmp\b/);
    expect(list).toEqual(['192.0.2.0/24', '192.0.2.0/26', '192.0.2.64/26', '192.0.2.128/26', '192.0.2.192/26']);
    expect(after).toEqual(before);
  });
});
