/**
 * The Facility screen reads and writes through the renderer's data hook (issue 18, item 5), as
 * every other screen does: a facility change re-reads the queries of the areas it touches
 * (renderer/data/areas.ts), never every screen through a global counter. The workspace context
 * therefore offers no such counter.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the Facility screen and the data hook', () => {
  it('calls no channel by hand: reads are useContractQuery, changes are useChange', () => {
    const callers = sources(join(root, 'renderer/features/facility')).filter((path) => /\bclient\.call\(/.test(readFileSync(path, 'utf8')));
    expect(callers.map((p) => p.slice(root.length + 1))).toEqual([]);
  });

  it('reloads on no global version and asks for no refresh of every screen', () => {
    const used = sources(join(root, 'renderer/features/facility')).filter(
      (path) =>
        /useWorkspace\(\)/.test(readFileSync(path, 'utf8')) && /\{[^}]*\b(version|refresh)\b[^}]*\}\s*=\s*useWorkspace\(\)/.test(readFileSync(path, 'utf8')),
    );
    expect(used.map((p) => p.slice(root.length + 1))).toEqual([]);
  });

  it('the workspace context has no global version counter for screens to reload on', () => {
    const state = readFileSync(join(root, 'renderer/state.tsx'), 'utf8');
    const shape = /interface WorkspaceContextValue \{([\s\S]*?)\n\}/.exec(state)?.[1] ?? '';
    expect(shape).toContain('state:');
    expect(shape).not.toMatch(/^\s*version\s*:/m);
  });
});
