/**
 * The packaged app comes from electron-builder, whose config lives in package.json. Its zips
 * cannot be downloaded here, so the build itself cannot run; this checks the config with
 * electron-builder's own schema validation and checks that what it packs exists after a build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../../support/cli';

const ROOT = join(__dirname, '..', '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; build: Record<string, unknown>; bin: Record<string, string> };
const require = createRequire(import.meta.url);

describe('the Electron bundles', () => {
  beforeAll(() => ensureBuilt(false), 180_000);
  const imports = (file: string) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const found = new Set<string>();
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\(\s*)["']([@a-z][\w@/.-]*)["']/g)) found.add(m[1]!);
    return [...found].filter((x) => !x.startsWith('node:'));
  };
  const builtins = new Set(require('node:module').builtinModules as string[]);

  it.each(['dist/electron/main.mjs', 'dist/electron/preload.cjs'])('%s parses', (file) => {
    const r = require('node:child_process').spawnSync(process.execPath, ['--check', join(ROOT, file)], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('main imports only electron, sql.js and Node built-ins (the rest is bundled)', () => {
    expect(imports('dist/electron/main.mjs').filter((x) => !builtins.has(x) && x !== 'electron' && x !== 'sql.js')).toEqual([]);
  });

  it('the sandboxed preload requires only electron', () => {
    expect(imports('dist/electron/preload.cjs')).toEqual(['electron']);
  });
});

describe('electron-builder configuration', () => {
  beforeAll(() => ensureBuilt(false), 180_000);

  it('passes electron-builder’s own schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(pkg.build, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('fails that validation for an unknown option (the check can fail)', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration({ ...pkg.build, linux: { target: ['AppImage'], colour: 'blue' } }, { isEnabled: false, add() {} })).rejects.toThrow(
      /configuration\.linux/,
    );
  });

  it('builds Linux, Windows and macOS installers and opens .headroom files', () => {
    expect(pkg.build).toMatchObject({
      linux: { target: ['AppImage', 'deb'] },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
      fileAssociations: [expect.objectContaining({ ext: 'headroom' })],
    });
  });

  it('points at files the build produces', () => {
    for (const f of [pkg.main, 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/node/cli.mjs', 'dist/node/web.mjs', pkg.bin.headroom!]) {
      expect(existsSync(join(ROOT, f)), f).toBe(true);
    }
    expect(existsSync(join(ROOT, 'resources', 'demo', 'demo-workspace.json'))).toBe(true);
  });
});
