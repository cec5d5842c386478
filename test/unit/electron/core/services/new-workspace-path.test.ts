/**
 * The app's New Workspace (issue 14, item 7): the file is made where the planner says, a bare or
 * relative name is refused with a message naming the path, and a name without an ending becomes a
 * `.headroom` file. Through the real Session on a temp folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newWorkspacePath, Session } from '../../../../../electron/core/services/session';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir('headroom-new-ws-');
afterAll(() => tmp.cleanup());

describe('New workspace', () => {
  it('refuses a bare or relative name, and a folder, naming the path', async () => {
    const session = new Session();
    await expect(session.create('isp.headroom')).rejects.toMatchObject({
      field: 'path',
      message: expect.stringMatching(/^"isp\.headroom" is not a full path; give the folder too/),
    });
    await expect(session.create('plans/isp.headroom')).rejects.toMatchObject({ field: 'path' });
    await expect(session.create(tmp.dir)).rejects.toMatchObject({ field: 'path', message: expect.stringMatching(/is a folder/) });
    expect(existsSync(join(process.cwd(), 'isp.headroom'))).toBe(false);
  });

  it('makes the file where it is told, adding .headroom to a name without an ending', async () => {
    const session = new Session();
    const state = await session.create(tmp.path('plan'));
    expect(state.path).toBe(tmp.path('plan.headroom'));
    expect(existsSync(tmp.path('plan.headroom'))).toBe(true);
    session.close();
    expect(newWorkspacePath(tmp.path('x.headroom'))).toBe(tmp.path('x.headroom'));
  });
});
