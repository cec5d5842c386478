/**
 * Forecast benchmark (issue #7): every limit of a workspace recomputed (forecast.limits) with
 * N prefixes (default 1,000,000) dated over five years of daily history: P allocated pools
 * (default 100, each sized to be about 70 % used) of /30 assignments in 10.0.0.0/8, the /8 itself as a pool of the /19s, plus the
 * demo ISP (its pools and its site's facility limits). Prints the median of several runs, the
 * part spent reading the prefixes table, and the target (< 1 s).
 * Run: node --import tsx test/bench/forecast.ts [N] [P]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../../electron/core/services/demo';
import { forecastLimits } from '../../electron/core/services/forecast';
import { loadPools } from '../../electron/core/services/forecast-pools';
import { Workspace } from '../../electron/core/workspace/workspace';
import { addressToKey } from '../../shared/ip/storage-key';

const N = Number(process.argv[2] ?? 1_000_000);
const P = Number(process.argv[3] ?? 100);
const AS_OF = '2026-11-25';
const DAYS = 1826; // five years of days before as-of
const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-forecast-'));
const path = join(dir, 'big.headroom');
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dayText = (d: number) => new Date(Date.UTC(2026, 10, 25) - (DAYS - d) * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<void> {
  let t0 = process.hrtime.bigint();
  const ws = await Workspace.create(path, { now: () => new Date(`${AS_OF}T12:00:00Z`) }, seedDemo);
  const db = ws.database;
  db.run('BEGIN');
  const stmt = db.prepare(
    "INSERT INTO prefixes (space_id, family, start, end, length, status, description, date, created_at, updated_at) VALUES (1, 4, ?, ?, ?, ?, '', ?, 'x', 'x')",
  );
  stmt.run([addressToKey(4, 0x0a000000), addressToKey(4, 0x0affffff), 8, 'aggregate', dayText(0)]);
  const perPool = Math.ceil(N / P);
  // Pools just big enough to be about 70 % used at as-of: /30s in a /L of 2^(32−L) addresses.
  const poolLength = 32 - Math.ceil(Math.log2((perPool * 4) / 0.7));
  const capacityOfPool = 2 ** (32 - poolLength) / 4; // in /30s
  if (P * capacityOfPool * 4 > 2 ** 24) throw new Error('the pools do not fit in 10.0.0.0/8: use more of fewer');
  let made = 0;
  for (let p = 0; p < P && made < N; p++) {
    const base = 0x0a000000 + p * capacityOfPool * 4;
    // Pools open one after another over the first year; each fills at its own steady pace.
    const open = Math.floor((p / P) * 365);
    stmt.run([addressToKey(4, base), addressToKey(4, base + capacityOfPool * 4 - 1), poolLength, 'allocated', dayText(open)]);
    const n = Math.min(perPool, N - made, Math.floor(capacityOfPool * 0.72));
    for (let i = 0; i < n; i++) {
      const start = base + i * 4;
      const day = open + Math.floor(((DAYS - open) * i) / n);
      stmt.run([addressToKey(4, start), addressToKey(4, start + 3), 30, 'assigned', dayText(day)]);
    }
    made += n;
  }
  stmt.free();
  // Five years of daily readings for every site's facility limits (measured IT load and protected
  // data), replacing the demo's own: the IT load grows about 8 % a year, the data about 25 %.
  db.run('DELETE FROM facility_readings');
  const reading = db.prepare("INSERT INTO facility_readings (site_id, kind, date, value, note) VALUES (?, ?, ?, ?, '')");
  const sites = ws.all('SELECT id FROM facility_sites').map((r) => Number(r.id));
  for (const site of sites) {
    for (let d = 0; d <= DAYS; d++) {
      const wobble = 1 + 0.02 * Math.sin(d / 7);
      reading.run([site, 'itW', dayText(d), Math.round(2600 * 1.08 ** (d / 365.25) * wobble)]);
      reading.run([site, 'dataBytes', dayText(d), Math.round(3.2e12 * 1.25 ** (d / 365.25))]);
    }
  }
  reading.free();
  db.run('COMMIT');
  const readings = Number(ws.get('SELECT COUNT(*) AS n FROM facility_readings')!.n);
  const rows = Number(ws.get('SELECT COUNT(*) AS n FROM prefixes')!.n);
  console.log(
    `setup: ${rows.toLocaleString('en')} prefixes (${made.toLocaleString('en')} dated /30s in ${P} pools, ${DAYS} days), built in ${(ms(t0) / 1000).toFixed(1)} s; ${readings.toLocaleString('en')} daily facility readings`,
  );

  const runs: number[] = [];
  const reads: number[] = [];
  const scans: number[] = [];
  let limits = 0;
  let dated = 0;
  for (let i = 0; i < 3; i++) {
    // Reference, same run: one plain scan of every block (the least any whole-registry read costs).
    t0 = process.hrtime.bigint();
    ws.get('SELECT count(*) AS n, sum(length) AS s, max(date) AS d FROM prefixes');
    scans.push(ms(t0));
    t0 = process.hrtime.bigint();
    loadPools(ws);
    reads.push(ms(t0));
    t0 = process.hrtime.bigint();
    const r = forecastLimits(ws, { asOf: AS_OF });
    runs.push(ms(t0));
    limits = r.limits.length;
    dated = r.limits.filter((l) => l.status === 'ok').length;
  }
  ws.close({ save: false });
  const total = median(runs);
  console.log(`reading the prefixes table into pools: ${median(reads).toFixed(0)} ms (median of ${reads.length})`);
  const scan = median(scans);
  console.log(`reference: one plain scan of the prefixes table: ${scan.toFixed(0)} ms (median of ${scans.length})`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} (figures scale with it)`);
  console.log(
    `all limits recomputed: ${limits} limits (${dated} with a date) in ${total.toFixed(0)} ms (median of ${runs.length}; target < 1000 ms) ${total < 1000 ? 'OK' : 'OVER'}; ${(total / scan).toFixed(1)}× one plain scan`,
  );
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
