/** What `npm start` and `npm run web` open: the named file, else the last one, else the demo. */
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Session } from './session';

/** Per-user state (recent files, the demo workspace): $HEADROOM_HOME or ~/.headroom. */
export function defaultStateDir(): string {
  return process.env.HEADROOM_HOME ?? join(homedir(), '.headroom');
}

export async function openInitialWorkspace(session: Session, requested: string | undefined, stateDir: string): Promise<string> {
  if (requested) {
    if (existsSync(requested)) await session.open(requested);
    else await session.create(requested, false);
    return session.require().path;
  }
  for (const recent of session.recent()) {
    if (!existsSync(recent)) continue;
    try {
      await session.open(recent);
      return session.require().path;
    } catch {
      /* a damaged or newer file: fall through to the demo; the UI can open it and show why */
    }
  }
  mkdirSync(stateDir, { recursive: true });
  const demo = join(stateDir, 'demo.headroom');
  if (existsSync(demo)) await session.open(demo);
  else await session.create(demo, true);
  return session.require().path;
}
