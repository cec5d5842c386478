/**
 * For a test file: `create(options)` makes a new workspace file in the file's own temp folder;
 * each is closed after its test and the folder removed after the file (the Workspace-level twin
 * of `dispatchSessions` in ./dispatch.ts).
 */
import { afterAll, afterEach } from 'vitest';
import { Workspace, type WorkspaceOptions } from '../../electron/core/workspace/workspace';
import { tempDir } from './tmp';

export function workspaceFiles(prefix?: string): (options?: WorkspaceOptions) => Promise<Workspace> {
  const tmp = tempDir(prefix);
  const open: Workspace[] = [];
  let n = 0;
  afterEach(() => {
    for (const ws of open.splice(0)) ws.close();
  });
  afterAll(() => tmp.cleanup());
  return async (options = {}) => {
    const ws = await Workspace.create(tmp.path(`ws-${++n}.headroom`), options);
    open.push(ws);
    return ws;
  };
}
