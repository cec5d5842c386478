/** Locates the app's own files (resources/, the built renderer) from source, bundle or package. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The folder that holds `resources/` (the repo root in a checkout, the app folder when packaged). */
export function appRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'resources', 'demo'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error('cannot find the resources/ folder of Headroom');
}

export function resourcePath(...parts: string[]): string {
  return join(appRoot(), 'resources', ...parts);
}

export function rendererDistDir(): string {
  return join(appRoot(), 'dist', 'renderer');
}
