/**
 * The packaged app comes from electron-builder, whose config lives in package.json. Its zips
 * cannot be downloaded here, so the build itself cannot run; this checks the config with
 * electron-builder's own schema validation and checks that what it packs exists after a build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../support/cli';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; build: Record<string, unknown>; bin: Record<string, string> };
const require = createRequire(import.meta.url);

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
    await expect(validateConfiguration({ ...pkg.build, linux: { target: ['AppImage'], colour: 'blue' } }, { isEnabled: false, add() {} })).rejects.toThrow(/configuration\.linux/);
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
