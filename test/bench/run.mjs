#!/usr/bin/env node
/** `npm run bench`: runs every benchmark in test/bench/ one after another and prints their figures. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => /\.(ts|mjs)$/.test(f) && f !== 'run.mjs' && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const f of benches) {
  process.stdout.write(`\n== ${f}\n`);
  const args = f.endsWith('.ts') ? ['--import', 'tsx', join(here, f)] : [join(here, f)];
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: join(here, '..', '..') });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
