import { spawnSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CLI_BUNDLE = join(ROOT, 'dist', 'node', 'cli.mjs');

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
  const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function headroomAsync(args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI_BUNDLE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}
