#!/usr/bin/env node
// The `headroom` command. In a checkout, the Node bundle is rebuilt first when a source file is
// newer than it (so `npm run headroom` always runs the code you see); installed, it just runs.
'use strict';
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { execFileSync } = require('node:child_process');

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'node', 'cli.mjs');

function newest(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let n = 0;
  for (const name of readdirSync(p)) if (name !== 'node_modules') n = Math.max(n, newest(join(p, name)));
  return n;
}

if (existsSync(join(root, 'scripts', 'build.mjs')) && existsSync(join(root, 'electron'))) {
  const stamp = join(root, 'dist', '.node-stamp');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const sources = Math.max(newest(join(root, 'shared')), newest(join(root, 'electron')), newest(join(root, 'package.json')));
  if (!existsSync(entry) || sources > built) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale', '--node-only'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
import(pathToFileURL(entry).href);
