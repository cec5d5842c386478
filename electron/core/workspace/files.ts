/**
 * Which files belong to a workspace (docs/workspace-files.md): the workspace itself and the
 * files Headroom keeps beside it. Anything that writes a file the planner named (an export, Save
 * as, New) refuses these, so an export can never overwrite the workspace, its journal or a backup.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { HeadroomError } from '../../../shared/errors';
import { APPLICATION_ID, hasSqliteHeader, headerApplicationId } from './fileformat';
import { realPathOf } from './fsutil';

/** The files beside `<ws>`, by the suffix appended to its name, and what to call each. */
const SIDE_FILES: [suffix: string, role: string][] = [
  ['.journal', 'journal'],
  ['.lock', 'lock file'],
  ['.index', 'query index'],
  ['.verified', 'integrity record'],
];

/** Prefixes of further side files: `<ws>.journal.damaged-<time>`, `<ws>.lock.takeover-<id>`. */
const SIDE_PREFIXES: [infix: string, role: string][] = [
  ['.journal.', 'kept journal'],
  ['.lock.', 'lock file'],
];

/** A Headroom workspace file (SQLite header and Headroom's application id), by its first bytes. */
function isWorkspaceFile(path: string): boolean {
  let fd: number | null = null;
  try {
    if (!statSync(path).isFile()) return false;
    fd = openSync(path, 'r');
    const head = Buffer.alloc(100);
    const n = readSync(fd, head, 0, 100, 0);
    return n === 100 && hasSqliteHeader(head) && headerApplicationId(head) === APPLICATION_ID;
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * What `target` is to a workspace, or null when it is none of a workspace's files. `workspaces`
 * are the workspaces in use (the one open, the one exported); besides them, any existing Headroom
 * workspace and the side files of any existing workspace count. Paths are compared real (through
 * symlinks, `..` and relative names).
 */
export function workspaceFileRole(target: string, workspaces: readonly string[] = []): string | null {
  const real = realPathOf(target);
  for (const ws of workspaces) {
    if (realPathOf(ws) === real) return `the workspace ${realPathOf(ws)} itself`;
  }
  if (existsSync(real) && isWorkspaceFile(real)) return `the Headroom workspace ${real}`;
  const owners = new Set([...workspaces.map(realPathOf)]);
  for (const [suffix, role] of SIDE_FILES) {
    if (real.endsWith(suffix)) {
      const ws = real.slice(0, -suffix.length);
      if (owners.has(ws) || existsSync(ws)) return `the ${role} of the workspace ${ws}`;
    }
  }
  for (const [infix, role] of SIDE_PREFIXES) {
    const at = real.lastIndexOf(infix);
    if (at > 0) {
      const ws = real.slice(0, at);
      if (owners.has(ws) || existsSync(ws)) return `the ${role} of the workspace ${ws}`;
    }
  }
  const folder = dirname(real);
  if (folder.endsWith('.backups')) {
    const ws = folder.slice(0, -'.backups'.length);
    if (owners.has(ws) || existsSync(ws)) return `a backup of the workspace ${ws}`;
  }
  if (basename(real).startsWith('.') && basename(real).includes('.tmp-')) {
    for (const ws of owners) if (dirname(ws) === folder && basename(real).startsWith(`.${basename(ws)}`)) return `a temporary file of the workspace ${ws}`;
  }
  return null;
}

/** Refuses (exit 1, naming `field`) a file the planner chose that is one of a workspace's files. */
export function refuseWorkspaceFile(target: string, field: string, label: string, workspaces: readonly string[] = []): void {
  const role = workspaceFileRole(target, workspaces);
  if (role) {
    throw new HeadroomError('invalid', `${target} is ${role}; writing there would destroy it. Choose another file`, field, label);
  }
}
