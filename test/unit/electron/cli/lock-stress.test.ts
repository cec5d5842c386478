/**
 * One writer, even when a crash left a stale lock behind: several processes that find the same
 * dead process's lock in the same millisecond must end with exactly one of them holding it
 * (issue 10 item 2: the read, rename-aside, link takeover let 23 of 60 trials end with two).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, lockHolder, lockPathFor, takeoverGuardPathFor } from '../../../../electron/core/workspace/lock';
import { listPrefixes } from '../../../../electron/core/services/registry';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { bundleChild } from '../../../support/child-bundle';
import { ensureBuilt, ROOT } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-lock-');
let CHILD = '';

beforeAll(async () => {
  CHILD = await bundleChild('test/support/lock-child.ts', 'lock-child');
  ensureBuilt();
}, 120_000);
afterAll(() => tmp.cleanup());

/** A pid that no process has (Linux pids stay below 2^22). */
const DEAD_PID = 2 ** 22 + 4242;

function runChild(dir: string, count: number, startAt: number, stepMs: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, dir, String(count), String(startAt), String(stepMs), '300'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', () => resolve(out));
  });
}

describe('stale lock takeover', () => {
  it("lets exactly one of several processes released together take over a dead process's lock", async () => {
    const LOCKS = 400;
    const CHILDREN = 4;
    const STEP_MS = 12;
    const dir = tmp.path('stress');
    mkdirSync(dir);
    for (let k = 0; k < LOCKS; k++) {
      const ws = join(dir, `ws-${k}.headroom`);
      writeFileSync(ws, 'the lock does not read the workspace');
      writeFileSync(lockPathFor(ws), JSON.stringify({ pid: DEAD_PID, host: hostname(), since: '2020-01-01T00:00:00.000Z' }));
    }
    // Far enough ahead that every child has started (node starts in ~50 ms, slower when busy).
    const startAt = Date.now() + 1500;
    const outs = await Promise.all(Array.from({ length: CHILDREN }, () => runChild(dir, LOCKS, startAt, STEP_MS)));
    const holders = new Array<number>(LOCKS).fill(0);
    const problems: string[] = [];
    for (const out of outs) {
      for (const line of out.split('\n').filter((l) => l !== '')) {
        const m = /^(\d+) (held|refused)$/.exec(line);
        if (!m) problems.push(line);
        else if (m[2] === 'held') holders[Number(m[1])]! += 1;
      }
    }
    const wrong = holders.flatMap((n, k) => (n === 1 ? [] : [`lock ${k}: ${n} holders`]));
    expect(problems).toEqual([]);
    expect(wrong).toEqual([]);
  }, 600_000);
});

describe('a taker killed mid-takeover', () => {
  it('does not wedge the lock: the next process passes its dead guard (and a chain of them)', async () => {
    const ws = tmp.path('wedged.headroom');
    writeFileSync(ws, 'the lock does not read the workspace');
    writeFileSync(lockPathFor(ws), JSON.stringify({ pid: DEAD_PID, host: hostname(), since: '2020-01-01T00:00:00.000Z' }));
    // Two takers died one after the other, each holding its guard.
    const first = takeoverGuardPathFor(ws)!;
    writeFileSync(first, JSON.stringify({ pid: DEAD_PID + 1, host: hostname(), since: '2020-01-01T00:00:01.000Z', nonce: 'a' }));
    const second = takeoverGuardPathFor(ws, first)!;
    writeFileSync(second, JSON.stringify({ pid: DEAD_PID + 2, host: hostname(), since: '2020-01-01T00:00:02.000Z', nonce: 'b' }));
    // And a lock writer killed between writing its temp file and linking it.
    writeFileSync(`${lockPathFor(ws)}.${DEAD_PID}.a1b2c3d4e5f6.tmp`, '{"pid":');
    const r = acquireLock(ws);
    expect(r.ok).toBe(true);
    expect(lockHolder(ws)?.pid).toBe(process.pid);
    // The dead guards and temp files are cleared once the lock is held.
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith('wedged.headroom.lock.'))).toEqual([]);
    if (r.ok) r.release();
    expect(existsSync(lockPathFor(ws))).toBe(false);
  });

  it('waits for a live taker instead of taking the lock beside it', () => {
    const ws = tmp.path('busy.headroom');
    writeFileSync(ws, 'x');
    writeFileSync(lockPathFor(ws), JSON.stringify({ pid: DEAD_PID, host: hostname(), since: '2020-01-01T00:00:00.000Z' }));
    // A live process (this one's parent stands in) holds the guard and never finishes.
    writeFileSync(takeoverGuardPathFor(ws)!, JSON.stringify({ pid: process.ppid, host: hostname(), since: new Date().toISOString(), nonce: 'c' }));
    const r = acquireLock(ws);
    expect(r.ok).toBe(false);
  });
});

/** `node dist/node/web.mjs WS`: resolves with its URL once it printed it. */
function startBridge(ws: string, home: string): Promise<{ url: URL; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'node', 'web.mjs'), ws], {
    env: { ...process.env, HEADROOM_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) resolve({ url: new URL(line.trim()), child });
    });
    child.once('exit', (code) => reject(new Error(`the bridge exited (${code}): ${err}`)));
  });
}

async function api(url: URL, channel: string, input: unknown): Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { message: string } }> {
  const r = await fetch(new URL(`/api/${channel}`, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${url.searchParams.get('token')}` },
    body: JSON.stringify(input),
  });
  return (await r.json()) as { ok: boolean; value?: Record<string, unknown> };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('end to end', () => {
  // Whole bridges start with tens of milliseconds of jitter, so this rarely met the old race
  // (1 in 16 trials in issue 10); the child stress test above is the one that fails on it. This
  // checks the real bridges' answers and their acknowledged changes with the new takeover.
  it("three web bridges started together on a workspace with a dead process's lock: exactly one writes, and no acknowledged change is lost", async () => {
    const TRIALS = 3;
    const BRIDGES = 3;
    const bad: string[] = [];
    for (let t = 0; t < TRIALS; t++) {
      const home = tmp.path(`bridges-${t}`);
      mkdirSync(home);
      const ws = join(home, 'ws.headroom');
      (await Workspace.create(ws)).close();
      writeFileSync(lockPathFor(ws), JSON.stringify({ pid: DEAD_PID, host: hostname(), since: '2020-01-01T00:00:00.000Z' }));
      const bridges = await Promise.all(Array.from({ length: BRIDGES }, () => startBridge(ws, home)));
      try {
        const states = await Promise.all(bridges.map((b) => api(b.url, 'workspace.current', {})));
        const writers = states.filter((s) => s.value?.readOnly === false).length;
        if (writers !== 1) bad.push(`trial ${t}: ${writers} writers`);
        const acked: string[] = [];
        await Promise.all(
          bridges.map(async (b, i) => {
            const prefix = `10.${t}.${i}.0/24`;
            if ((await api(b.url, 'registry.addPrefix', { prefix })).ok) acked.push(prefix);
          }),
        );
        await Promise.all(bridges.map((b) => stop(b.child)));
        const check = await Workspace.open(ws, { readOnly: true });
        const blocks = new Set(listPrefixes(check, { space: 'global' }).rows.map((r) => r.prefix));
        check.close();
        for (const p of acked) if (!blocks.has(p)) bad.push(`trial ${t}: acknowledged ${p} was lost`);
      } finally {
        await Promise.all(bridges.map((b) => stop(b.child)));
      }
    }
    expect(bad).toEqual([]);
  }, 600_000);
});
