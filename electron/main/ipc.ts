/**
 * One ipcMain.handle per contract channel, all through one wrapper: check the sender's frame is
 * our own renderer, then let dispatch parse the input and call the service.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/contract';
import type { Dispatch } from '../core/services/dispatch';
import { isTrustedFrameUrl } from './trust';

export function isTrustedSender(event: IpcMainInvokeEvent, rendererUrlPrefix: string): boolean {
  return isTrustedFrameUrl(event.senderFrame?.url, rendererUrlPrefix);
}

export function registerIpc(dispatch: Dispatch, rendererUrlPrefix: string): void {
  for (const channel of channels) {
    ipcMain.handle(`headroom:${channel}`, async (event, input: unknown) => {
      if (!isTrustedSender(event, rendererUrlPrefix)) {
        return { ok: false, error: { code: 'unauthorized', message: 'IPC call from an untrusted frame was refused' } };
      }
      return dispatch(channel, input);
    });
  }
}
