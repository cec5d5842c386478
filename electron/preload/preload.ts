/**
 * The preload exposes a typed client of the contract and nothing else: one function per
 * operation, each invoking its own IPC channel. No ipcRenderer, no Node reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../../shared/contract';

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const channel of channels) {
  api[channel] = (input: unknown) => ipcRenderer.invoke(`headroom:${channel}`, input);
}
contextBridge.exposeInMainWorld('headroom', Object.freeze(api));
