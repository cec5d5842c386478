/**
 * Workspace benchmark (issue #3): open and save of a workspace holding 1,000,000 prefixes, and
 * the latency of one acknowledged change with that workspace open. Each figure comes with a
 * reference measured in the same run on the same machine (raw file read / write+fsync of the
 * same bytes, a bare 200-byte append+fsync), reported as a ratio.
 * Run: node --import tsx test/bench/workspace.ts [N]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPrefix } from '../../electron/core/services/registry';
import { rebuildUsage } from '../../electron/core/workspace/prefix-usage';
import { Workspace } from '../../electron/core/workspace/workspace';
import { addressToKey } from '../../shared/ip/storage-key';

const N = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-'));
const path = join(dir, 'big.headroom');
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

async function main(): Promise<void> {
  // Setup (not measured): N /30 assignments in 10.0.0.0/8, inserted directly in one transaction.
  let t0 = process.hrtime.bigint();
  const ws = await Workspace.create(path);
  const db = ws.database;
  db.run('BEGIN');
  const stmt = db.prepare(
    "INSERT INTO prefixes (space_id, family, start, end, length, status, description, date, created_at, updated_at) VALUES (1, 4, ?, ?, 30, 'assigned', ?, '2025-01-01', 'x', 'x')",
  );
  db.run(
    "INSERT INTO prefixes (space_id, family, start, end, length, status, description, date, created_at, updated_at) VALUES (1, 4, ?, ?, 8, 'aggregate', 'bench', '2025-01-01', 'x', 'x')",
    [addressToKey(4, 0x0a000000), addressToKey(4, 0x0affffff)],
  );
  for (let i = 0; i < N; i++) {
    const start = 0x0a000000 + i * 4 * 4; // every fourth /30, so the set is sparse
    stmt.run([addressToKey(4, start), addressToKey(4, start + 3), `customer ${i}`]);
  }
  stmt.free();
  db.run('COMMIT');
  // The counters the services keep on every write (prefix-usage.ts): without them the file is
  // not one Headroom writes, and every open below would rebuild them (~6 s) instead of reading.
  rebuildUsage(db);
  ws.save();
  ws.close();
  const bytes = statSync(path).size;
  console.log(`setup: ${N.toLocaleString('en')} prefixes, file ${(bytes / 1e6).toFixed(1)} MB, built in ${(ms(t0) / 1000).toFixed(1)} s`);

  // Reference: raw read of the same file, raw write + fsync of the same bytes.
  t0 = process.hrtime.bigint();
  const raw = readFileSync(path);
  const rawRead = ms(t0);
  t0 = process.hrtime.bigint();
  const fd = openSync(join(dir, 'raw.bin'), 'w');
  writeSync(fd, raw);
  fsyncSync(fd);
  closeSync(fd);
  const rawWrite = ms(t0);

  // Open: read, seal check (SHA-256), load, journal replay; the first open of a snapshot also
  // runs PRAGMA integrity_check (then remembered for those exact bytes).
  t0 = process.hrtime.bigint();
  (await Workspace.open(path)).close();
  const coldOpenMs = ms(t0);
  // Reference for both opens (issue 17 c): reading the file's bytes, `cat FILE > /dev/null`.
  t0 = process.hrtime.bigint();
  spawnSync('/bin/sh', ['-c', `cat '${path}' > /dev/null`]);
  const catMs = ms(t0);
  t0 = process.hrtime.bigint();
  (await Workspace.open(path, { readOnly: true })).close();
  const readOpenMs = ms(t0);
  t0 = process.hrtime.bigint();
  const open = await Workspace.open(path);
  const openMs = ms(t0);
  addPrefix(open, { prefix: '192.0.2.0/24' });
  t0 = process.hrtime.bigint();
  open.save();
  const saveMs = ms(t0);

  // One acknowledged change: validate, transaction, journal append + fsync, commit.
  const lat: number[] = [];
  for (let i = 0; i < 300; i++) {
    t0 = process.hrtime.bigint();
    addPrefix(open, { prefix: `2001:db8:${i.toString(16)}::/48`, description: 'latency probe' });
    lat.push(ms(t0));
  }
  const fsyncRef: number[] = [];
  const jfd = openSync(join(dir, 'append.bin'), 'a');
  const line = Buffer.alloc(200, 65);
  for (let i = 0; i < 300; i++) {
    t0 = process.hrtime.bigint();
    writeSync(jfd, line);
    fsyncSync(jfd);
    fsyncRef.push(ms(t0));
  }
  closeSync(jfd);
  open.close();

  const r = (a: number, b: number) => (a / b).toFixed(1);
  const met = (v: number, target: number) => `target ≤ ${target} ms: ${v <= target ? 'met' : 'NOT met'}`;
  console.log(
    `open ${N.toLocaleString('en')}-prefix workspace to write: ${openMs.toFixed(0)} ms, for reading: ${readOpenMs.toFixed(0)} ms (cat > /dev/null ${catMs.toFixed(0)} ms, raw read into memory ${rawRead.toFixed(0)} ms; ratios to cat ${r(openMs, catMs)}x / ${r(readOpenMs, catMs)}x); ${met(Math.max(openMs, readOpenMs), 1000)}; first open of a new snapshot, with integrity_check: ${coldOpenMs.toFixed(0)} ms`,
  );
  console.log(
    `save (snapshot) ${N.toLocaleString('en')}-prefix workspace after one change: ${saveMs.toFixed(0)} ms (raw write+fsync of the bytes ${rawWrite.toFixed(0)} ms; ratio ${r(saveMs, rawWrite)}x); ${met(saveMs, 1500)}`,
  );
  console.log(
    `acknowledged change with it open: median ${pct(lat, 0.5).toFixed(2)} ms, p99 ${pct(lat, 0.99).toFixed(2)} ms (bare 200-byte append+fsync: median ${pct(fsyncRef, 0.5).toFixed(2)} ms, p99 ${pct(fsyncRef, 0.99).toFixed(2)} ms; p99 ratio ${r(pct(lat, 0.99), pct(fsyncRef, 0.99))}x); goal p99 < 20 ms: ${pct(lat, 0.99) < 20 ? 'met' : 'NOT met'}`,
  );
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(path);
}

void main();
