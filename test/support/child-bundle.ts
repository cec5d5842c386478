/** Bundles a test child-process script (TypeScript) into dist/test/ so plain Node can run it. */
import { join } from 'node:path';
import { ROOT } from './cli';

export async function bundleChild(entry: string, name: string): Promise<string> {
  const outfile = join(ROOT, 'dist', 'test', `${name}.mjs`);
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['sql.js'],
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}
