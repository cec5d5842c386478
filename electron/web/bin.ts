/** `npm run web -- [WS]`: the app through the web bridge; prints one line with its URL. */
import { errorLine, HeadroomError } from '../../shared/errors';
import { createDispatch } from '../core/services/dispatch';
import { createHandlers } from '../core/services/handlers';
import { rendererDistDir } from '../core/services/paths';
import { Session } from '../core/services/session';
import { defaultStateDir, openInitialWorkspace } from '../core/services/startup';
import { currentUser } from '../core/services/user';
import { startWebBridge } from './server';

export async function serveWeb(requested: string | undefined, note?: string): Promise<void> {
  const stateDir = defaultStateDir();
  const session = new Session({
    who: currentUser(),
    stateDir,
    autosaveMs: 2000,
    onWarning: (message) => process.stderr.write(`headroom: warning: ${message}\n`),
  });
  try {
    await openInitialWorkspace(session, requested, stateDir);
  } catch (e) {
    process.stderr.write(`headroom: ${e instanceof HeadroomError ? errorLine(e) : (e as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const damage = session.workspace?.journalDamage;
  if (damage) process.stderr.write(`headroom: warning: ${damage.message}\n`);
  const bridge = await startWebBridge({
    dispatch: createDispatch(createHandlers(session), { warning: () => session.warning() }),
    staticDir: rendererDistDir(),
  });
  if (note) process.stderr.write(`${note}\n`);
  process.stdout.write(`${bridge.url}\n`);
  const stop = () => {
    const ws = session.workspace;
    session.close();
    const problem = ws?.saveProblem;
    if (problem) process.stderr.write(`headroom: warning: ${problem.message}\n`);
    void bridge.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && /web\.(mjs|ts)$/.test(process.argv[1])) {
  void serveWeb(process.argv[2]);
}
