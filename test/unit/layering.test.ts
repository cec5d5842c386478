/**
 * DESIGN.md's import arrows are enforced by dependency-cruiser (.dependency-cruiser.cjs).
 * The real tree must pass; a fixture tree that breaks each rule must fail with that rule.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

function cruise(cwd: string) {
  const r = spawnSync(process.execPath, [DEPCRUISE, '--config', CONFIG, '--output-type', 'err', 'shared', 'electron', 'renderer'], { cwd, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('the layering rules', () => {
  it('pass on the app itself', () => {
    const r = cruise(ROOT);
    expect(r.out).toMatch(/no dependency violations found/);
    expect(r.code).toBe(0);
  }, 60_000);

  describe('fail on a tree that breaks them', () => {
    const r = cruise(join(ROOT, 'test', 'fixtures', 'layering'));
    it('exits non-zero', () => expect(r.code).not.toBe(0));
    it.each([
      ['shared-stays-pure', 'shared/imports-electron-core.ts'],
      ['shared-no-node', 'shared/imports-node.ts'],
      ['shared-pure-libs-only', 'shared/imports-sqljs.ts'],
      ['shared-pure-libs-only', 'shared/imports-ip-num.ts'],
      ['core-without-electron', 'electron/core/imports-electron.ts'],
      ['transports-not-electron', 'electron/cli/imports-electron.ts'],
      ['renderer-through-contract', 'renderer/imports-core.ts'],
      ['no-cycles', 'shared/cycle-a.ts'],
    ])('%s fires for %s', (rule, file) => {
      const line = r.out.split('\n').find((l) => l.includes(rule) && l.includes(file));
      expect(line, `${rule} did not fire for ${file}:\n${r.out}`).toBeDefined();
    });
  });
});

describe('the pure libraries shared/ may import', () => {
  const rule = (createRequire(import.meta.url)(CONFIG) as { forbidden: { name: string; to: { pathNot?: string } }[] }).forbidden.find(
    (r) => r.name === 'shared-pure-libs-only',
  );
  const listed = /node_modules\/\((.*)\)\/$/.exec(rule?.to.pathNot ?? '')?.[1]?.split('|') ?? [];
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  const imported = new Set(sources(join(ROOT, 'shared')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/from '([^.'][^']*)'/g)].map((m) => m[1]!)));

  it('are read from the config', () => expect(listed.length).toBeGreaterThan(0));
  it.each(listed)('%s is one shared/ imports (an unused entry would let an import through unreviewed)', (lib) => {
    expect([...imported].some((i) => i === lib || i.startsWith(`${lib}/`))).toBe(true);
  });
  it('are runtime dependencies of the app, not test-only ones', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(listed.filter((lib) => pkg.dependencies[lib] === undefined)).toEqual([]);
  });
});
