/** A real temp workspace per test for the registry services, and a way to see it is unchanged. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, afterEach } from 'vitest';
import { addPrefix } from '../../electron/core/services/registry';
import { Workspace } from '../../electron/core/workspace/workspace';
import { errorLine, HeadroomError } from '../../shared/errors';
import { tempDir } from './tmp';

const tmp = tempDir('headroom-registry-');
afterAll(() => tmp.cleanup());
const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});
let n = 0;

export const NOW = new Date('2026-03-15T12:00:00Z');

export async function fresh(): Promise<Workspace> {
  const ws = await Workspace.create(tmp.path(`ws-${++n}.headroom`), { who: 'tester', now: () => NOW });
  open.push(ws);
  return ws;
}

export function add(
  ws: Workspace,
  prefixes: string[],
  status: 'aggregate' | 'allocated' | 'assigned' | 'reserved' = 'assigned',
  extra: { space?: string; unit?: number } = {},
): void {
  for (const prefix of prefixes) addPrefix(ws, { prefix, status, ...extra });
}

/** Everything a user could see change: the user tables and the action log. */
export function dump(ws: Workspace): unknown {
  return { tables: ws.dumpUserTables(), actions: ws.all('SELECT id, op, state FROM actions ORDER BY id'), events: ws.all('SELECT count(*) AS n FROM events') };
}

/** Runs `fn`, expects a refusal naming `field` with a message matching `message`, and nothing changed. */
export function expectRefused(ws: Workspace, fn: () => unknown, field: string, message: RegExp): HeadroomError {
  const before = dump(ws);
  let caught: unknown = null;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  if (!(caught instanceof HeadroomError)) throw new Error(`expected a refusal naming ${field}, got ${String(caught)}`);
  if (caught.field !== field) throw new Error(`expected field ${field}, got ${caught.field}: ${caught.message}`);
  // `message` is matched against the line the CLI prints (the field in front of the problem).
  if (!message.test(errorLine(caught))) throw new Error(`message ${JSON.stringify(errorLine(caught))} does not match ${message}`);
  const after = dump(ws);
  if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error('the workspace changed');
  return caught;
}

export const PYTHON = '/usr/bin/python3';
export const hasNetaddr = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import netaddr'], { encoding: 'utf8' }).status === 0;

export function python(script: string, input: unknown): unknown {
  const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** How many /L still fit: Σ over free CIDRs with len ≤ L of 2^(L − len) (spec §5.5). */
export function stillFit(countByLength: number[], length: number): number {
  let n = 0;
  countByLength.forEach((c, len) => {
    if (len <= length) n += c * 2 ** (length - len);
  });
  return n;
}
