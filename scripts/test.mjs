#!/usr/bin/env node
/**
 * `npm test`: everything that runs here, in order — type-check, the layering rules, ESLint,
 * Prettier's check, the build, then every vitest suite (unit, property, CLI, crash, exports against real tools, browser
 * end-to-end). Ends with one line `N passed, N failed, N skipped`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);

function step(title, cmd, args) {
  process.stdout.write(`\n== ${title}\n`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  process.stdout.write(`== ${title}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  return r.status === 0;
}

const failures = [];
if (!step('type-check (tsc --noEmit, strict)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])) failures.push('type-check');
if (!step('layering rules (dependency-cruiser)', bin('depcruise'), ['--config', '.dependency-cruiser.cjs', 'shared', 'electron', 'renderer']))
  failures.push('layering');
// The linter (typescript-eslint, React's hook rules, the renderer's import bans) and the
// formatter's check fail the run like any test: a finding is fixed, not silenced.
if (!step('lint (eslint .)', bin('eslint'), ['.'])) failures.push('lint');
if (!step('format (prettier --check .)', bin('prettier'), ['--check', '.'])) failures.push('format');
if (!step('build', process.execPath, [join(root, 'scripts', 'build.mjs')])) failures.push('build');

mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results', 'vitest.json');
const vitestOk = step('tests (vitest: unit, properties, CLI, crash, exports, browser)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extra,
]);
if (!vitestOk) failures.push('tests');

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = r.numFailedTests ?? 0;
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
if (failures.length) process.stdout.write(`\nfailed steps: ${failures.join(', ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failures.length ? 1 : 0);
