#!/usr/bin/env node
/**
 * Builds Headroom: the Node bundles (CLI, web bridge), the Electron main and preload, and the
 * renderer (Vite). `--if-stale` skips work when dist/ is newer than every source file;
 * `--node-only` skips the renderer (what the CLI needs).
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const ifStale = args.has('--if-stale');
const nodeOnly = args.has('--node-only');

export function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') walk(join(p, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) walk(join(root, p));
  return newest;
}

const NODE_SOURCES = ['shared', 'electron', 'package.json', 'scripts/build.mjs'];
const RENDERER_SOURCES = ['shared', 'renderer', 'vite.config.ts', 'package.json'];

function stampTime(name) {
  const f = join(root, 'dist', `.${name}-stamp`);
  return existsSync(f) ? statSync(f).mtimeMs : 0;
}
function touchStamp(name) {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', `.${name}-stamp`), new Date().toISOString());
}

async function buildNode() {
  const esbuild = await import('esbuild');
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
  };
  const esmBanner = {
    js: "import { createRequire as __hrCreateRequire } from 'node:module'; const require = __hrCreateRequire(import.meta.url);",
  };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['electron/cli/bin.ts'], outfile: 'dist/node/cli.mjs', format: 'esm', external: ['sql.js'], banner: esmBanner }),
    esbuild.build({ ...common, entryPoints: ['electron/web/bin.ts'], outfile: 'dist/node/web.mjs', format: 'esm', external: ['sql.js'], banner: esmBanner }),
    esbuild.build({
      ...common,
      entryPoints: ['electron/main/main.ts'],
      outfile: 'dist/electron/main.mjs',
      format: 'esm',
      external: ['sql.js', 'electron'],
      banner: esmBanner,
    }),
    // A sandboxed preload may require only 'electron': everything else is bundled in.
    esbuild.build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
  ]);
}

async function buildRenderer() {
  // Always a production build: a build started from a test runner (NODE_ENV=test) would
  // otherwise ship React's development bundle, and the stale-check would keep it.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
}

const started = Date.now();
const nodeStale = !ifStale || newestMtime(NODE_SOURCES) > stampTime('node');
if (nodeStale) {
  await buildNode();
  touchStamp('node');
}
if (!nodeOnly) {
  const rendererStale = !ifStale || newestMtime(RENDERER_SOURCES) > stampTime('renderer') || !existsSync(join(root, 'dist/renderer/index.html'));
  if (rendererStale) {
    await buildRenderer();
    touchStamp('renderer');
  }
}
if (!ifStale) process.stderr.write(`built in ${Date.now() - started} ms\n`);
