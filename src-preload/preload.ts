/**
 * The preload: the only bridge between the sandboxed page and the main process. It exposes exactly
 * the IPC contract as `window.whatif = { invoke, on }`: channel names outside the contract are refused
 * here and again in main (which also validates every payload). ipcRenderer itself is never exposed.
 * The contract's names come from main once at startup, so the contract stays declared in one place
 * and this sandboxed file needs no module but `electron`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL, IPC_CHANNELS, IPC_EVENT, type ChannelNames } from './channels.js';

const names = ipcRenderer.sendSync(IPC_CHANNELS) as ChannelNames;
const callNames = new Set(names.calls);
const eventNames = new Set(names.events);

const api = {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!callNames.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'not_found', message: `Unknown channel "${String(channel)}".` } });
    }
    return ipcRenderer.invoke(IPC_CALL, channel, input ?? {});
  },
  on(event: string, handler: (payload: unknown) => void): () => void {
    if (!eventNames.has(event) || typeof handler !== 'function') return () => {};
    const listener = (_event: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) handler(payload);
    };
    ipcRenderer.on(IPC_EVENT, listener);
    return () => ipcRenderer.removeListener(IPC_EVENT, listener);
  },
};

contextBridge.exposeInMainWorld('whatif', Object.freeze(api));
