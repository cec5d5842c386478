/**
 * Lint and format are part of `npm test` (issue 18, item 6): scripts/test.mjs runs ESLint and
 * Prettier's check after the layering rules, and a finding fails the run. The rules the renderer
 * lives by fire on code that breaks them (as test/unit/layering.test.ts proves the import arrows).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

describe('npm test', () => {
  const script = readFileSync(join(ROOT, 'scripts', 'test.mjs'), 'utf8');
  const at = (needle: RegExp) => script.search(needle);

  it('runs ESLint over the whole tree after the layering rules, and fails on it', () => {
    expect(at(/step\('lint \(eslint \.\)', bin\('eslint'\), \['\.'\]\)\) failures\.push\('lint'\)/)).toBeGreaterThan(at(/failures\.push\('layering'\)/));
  });

  it("runs Prettier's check over the whole tree after ESLint, and fails on it", () => {
    expect(at(/step\('format \(prettier --check \.\)', bin\('prettier'\), \['--check', '\.'\]\)\) failures\.push\('format'\)/)).toBeGreaterThan(
      at(/failures\.push\('lint'\)/),
    );
  });

  it('offers lint, lint:layers and format as npm scripts', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.lint).toBe('eslint .');
    expect(scripts['lint:layers']).toMatch(/^depcruise --config \.dependency-cruiser\.cjs/);
    expect(scripts.format).toBe('prettier --write .');
    expect(scripts['format:check']).toBe('prettier --check .');
  });
});

describe('the renderer rules fire', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const lint = async (code: string) => {
    const [r] = await eslint.lintText(code, { filePath: join(ROOT, 'renderer', 'features', 'lint-probe.tsx') });
    return r!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
  };
  // The first lint loads the parser and the plugins: slow on a loaded machine, so not in a test.
  beforeAll(() => lint('export {};\n'), 300_000);

  it('no Electron in the renderer', async () => {
    expect(await lint("import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toContain('no-restricted-imports');
  });

  it('no Node modules in the renderer', async () => {
    expect(await lint("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain('no-restricted-imports');
  });

  it('no state set straight from an effect (fetch through renderer/data instead)', async () => {
    const code = [
      "import { useEffect, useState } from 'react';",
      'export function Probe({ n }: { n: number }) {',
      '  const [x, setX] = useState(0);',
      '  useEffect(() => {',
      '    setX(n);',
      '  }, [n]);',
      '  return <p>{x}</p>;',
      '}',
      '',
    ].join('\n');
    expect(await lint(code)).toContain('react-hooks/set-state-in-effect');
  });

  it('passes the same component written with the data hook', async () => {
    const code = [
      "import { useContractQuery } from '../data/query';",
      'export function Probe() {',
      "  const spaces = useContractQuery('registry.listSpaces', {});",
      '  return <p>{spaces.data?.length}</p>;',
      '}',
      '',
    ].join('\n');
    expect(await lint(code)).toEqual([]);
  });
});
