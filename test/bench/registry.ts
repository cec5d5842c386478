/**
 * Registry benchmark (issue #4), through the real CLI process each time (opening the workspace
 * included):
 *  (a) `headroom free WS 10.0.0.0/8` over 1,000,000 random /30 assignments, against netaddr's
 *      IPSet on the same data (`IPSet([parent]) - IPSet(children)` then `iter_cidrs()`, what
 *      NetBox does), answers compared for identity; target: Headroom ≥ 20× faster.
 *  (b) `headroom import WS FILE --format csv` of that 1,000,000-row CSV; target: under 60 s.
 * The workspace of (a) is the one (b) builds.
 * Run: node --import tsx test/bench/registry.ts [N]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI_BUNDLE = join(ROOT, 'dist', 'node', 'cli.mjs');
function ensureBuilt(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale', '--node-only'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}
const N = Number(process.argv[2] ?? 1_000_000);
const PYTHON = '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-registry-'));
const ws = join(dir, 'big.headroom');
const csv = join(dir, 'assignments.csv');
const childrenTxt = join(dir, 'children.txt');
const s = (ms: number) => (ms / 1000).toFixed(2);

function run(cmd: string, args: string[], stdoutFile?: string): { ms: number; code: number; stderr: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', stdoutFile ? 'pipe' : 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (stdoutFile) writeFileSync(stdoutFile, r.stdout ?? '');
  return { ms, code: r.status ?? -1, stderr: r.stderr ?? '' };
}

async function main(): Promise<void> {
  ensureBuilt();
  // N distinct random /30s of 10.0.0.0/8 (a fixed seed so runs compare), in random order.
  let seed = 20260315;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const slots = 1 << 22;
  const taken = new Uint8Array(slots);
  const picks = new Uint32Array(N);
  for (let i = 0; i < N; ) {
    const k = Math.floor(rand() * slots);
    if (taken[k]) continue;
    taken[k] = 1;
    picks[i++] = k;
  }
  const dotted = (v: number) => `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  await new Promise<void>((resolve) => {
    const out = createWriteStream(csv);
    const kids = createWriteStream(childrenTxt);
    out.write('prefix,status,description,space,date\n10.0.0.0/8,aggregate,bench,,2025-01-01\n');
    let buf = '';
    let kb = '';
    for (let i = 0; i < N; i++) {
      const p = `${dotted(0x0a000000 + picks[i]! * 4)}/30`;
      buf += `${p},assigned,customer ${i},,2025-01-01\n`;
      kb += `${p}\n`;
      if (buf.length > 1 << 20) {
        out.write(buf);
        kids.write(kb);
        buf = kb = '';
      }
    }
    out.write(buf);
    kids.write(kb);
    let open = 2;
    const done = () => --open === 0 && resolve();
    out.end(done);
    kids.end(done);
  });
  console.log(`data: ${N.toLocaleString('en')} random /30 in 10.0.0.0/8, CSV ${(statSync(csv).size / 1e6).toFixed(1)} MB`);

  // (b) import through the CLI into a new workspace.
  if (run(process.execPath, [CLI_BUNDLE, 'init', ws]).code !== 0) throw new Error('init failed');
  const imp = run(process.execPath, [CLI_BUNDLE, 'import', ws, csv, '--format', 'csv']);
  if (imp.code !== 0) throw new Error(`import failed: ${imp.stderr}`);
  const fileMb = (statSync(ws).size + (existsSync(`${ws}.journal`) ? statSync(`${ws}.journal`).size : 0)) / 1e6;
  console.log(`import ${(N + 1).toLocaleString('en')} rows (headroom import --format csv, whole process): ${s(imp.ms)} s; target < 60 s: ${imp.ms < 60_000 ? 'met' : 'NOT met'} (workspace + journal ${fileMb.toFixed(0)} MB)`);

  // (a) free through the CLI (the first open after the import, then the usual one), vs netaddr.
  const hrOut = join(dir, 'free-headroom.txt');
  const first = run(process.execPath, [CLI_BUNDLE, 'free', ws, '10.0.0.0/8'], hrOut);
  if (first.code !== 0) throw new Error(`free failed: ${first.stderr}`);
  const again = run(process.execPath, [CLI_BUNDLE, 'free', ws, '10.0.0.0/8'], hrOut);
  const hr = Math.min(first.ms, again.ms);
  const pyOut = join(dir, 'free-netaddr.txt');
  const py = run(
    PYTHON,
    ['-c', `import sys, netaddr\nkids = open(sys.argv[1]).read().split()\nfree = netaddr.IPSet(['10.0.0.0/8']) - netaddr.IPSet(kids)\nsys.stdout.write(''.join(str(c) + '\\n' for c in free.iter_cidrs()))`, childrenTxt],
    pyOut,
  );
  if (py.code !== 0) throw new Error(`netaddr failed: ${py.stderr}`);
  const same = readFileSync(hrOut).equals(readFileSync(pyOut));
  const cidrs = readFileSync(hrOut, 'utf8').split('\n').length - 1;
  console.log(
    `free 10.0.0.0/8 (${cidrs.toLocaleString('en')} free CIDRs): headroom ${s(hr)} s (first open after the import ${s(first.ms)} s, next ${s(again.ms)} s); ` +
      `netaddr IPSet ${s(py.ms)} s; ratio ${(py.ms / hr).toFixed(1)}x; answers identical: ${same ? 'yes' : 'NO'}; target ≥ 20x: ${py.ms / hr >= 20 ? 'met' : 'NOT met'}`,
  );
  // free --json: the same list as one JSON document (no target; reported so a regression shows).
  const jsonOut = join(dir, 'free-headroom.json');
  const asJson = run(process.execPath, [CLI_BUNDLE, 'free', ws, '10.0.0.0/8', '--json'], jsonOut);
  if (asJson.code !== 0) throw new Error(`free --json failed: ${asJson.stderr}`);
  const doc = JSON.parse(readFileSync(jsonOut, 'utf8')) as { free: string[] };
  const jsonSame = doc.free.join('\n') + '\n' === readFileSync(hrOut, 'utf8');
  console.log(`free 10.0.0.0/8 --json: ${s(asJson.ms)} s; same list as the text form: ${jsonSame ? 'yes' : 'NO'}`);
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
  if (!same || !jsonSame) process.exitCode = 1;
}

void main();
