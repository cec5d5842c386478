import { spawnSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CLI_BUNDLE = join(ROOT, 'dist', 'node', 'cli.mjs');

/**
 * Node flags for every process a test starts from the built bundles (the CLI, the web bridge,
 * the crash children). `--liftoff-only` keeps V8 from recompiling sql.js's WebAssembly with its
 * optimising compiler in the background: a test's process lives well under a second, too short
 * for that work to pay back, and it was about a third of each CLI run's CPU time (0.84 s of CPU
 * per `headroom info`, 0.54 s with the flag, on the 2-core CI machine). The code that runs, and
 * what it does, is the same; only how V8 compiles sql.js's WebAssembly differs. The benchmarks
 * (`npm run bench`) run without it.
 */
export const NODE_TEST_FLAGS: readonly string[] = ['--liftoff-only'];

/**
 * For one CLI command, which exits after one change or one query: `--no-opt` as well, so V8 does
 * not spend CPU optimising JavaScript that has finished by the time the optimised code is ready
 * (`prefix add` 10 times, three rounds: 0.83 s of CPU per run, 0.70 s with the flag). Longer-lived
 * processes (the web bridge, the crash children) keep V8's optimiser.
 */
export const CLI_TEST_FLAGS: readonly string[] = [...NODE_TEST_FLAGS, '--no-opt'];

/** Builds the Node bundles if a source changed (fast when up to date). */
export function ensureBuilt(nodeOnly = true): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale', ...(nodeOnly ? ['--node-only'] : [])], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `headroom` CLI (the built bundle) as a separate process. */
export function headroom(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [...CLI_TEST_FLAGS, CLI_BUNDLE, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function headroomAsync(args: string[]): ChildProcess {
  return spawn(process.execPath, [...CLI_TEST_FLAGS, CLI_BUNDLE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}
