/**
 * IPC for the window: one `invoke` channel that carries every contract call into the core's dispatch
 * (which validates the channel and the payload), and one event channel for the core's pushed events.
 * Every message's sender frame must be our own app:// page (VS Code's validatedIpcMain): a foreign
 * frame (an iframe, a page navigated elsewhere) gets an auth error and learns no channel names.
 */
import { BrowserWindow, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core.js';
import { CALL_NAMES, EVENT_NAMES } from '../ipc/contract/index.js';
import { IPC_CALL, IPC_CHANNELS, IPC_EVENT, type ChannelNames } from './ipc-channels.js';
import { isAppUrl } from './policy.js';

type SenderEvent = Pick<IpcMainEvent | IpcMainInvokeEvent, 'senderFrame'>;

export const REFUSED = { ok: false, error: { code: 'auth_error', message: 'This page may not talk to WhatIf Studio.' } } as const;

/** The frame that sent the message is our page, and is its own top frame (not an embedded one). */
export function isTrustedSender(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(core: Core, log: (line: string) => void): () => void {
  ipcMain.handle(IPC_CALL, async (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event)) {
      log(`[ipc] refused a call from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return REFUSED;
    }
    const controller = new AbortController();
    const abort = () => controller.abort();
    event.sender.once('destroyed', abort);
    try {
      return await core.dispatch(channel, input, { signal: controller.signal });
    } finally {
      event.sender.removeListener('destroyed', abort);
    }
  });
  ipcMain.on(IPC_CHANNELS, (event) => {
    const names: ChannelNames = isTrustedSender(event) ? { calls: [...CALL_NAMES], events: [...EVENT_NAMES] } : { calls: [], events: [] };
    event.returnValue = names;
  });
  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (contents.isDestroyed() || !isAppUrl(contents.mainFrame?.url ?? contents.getURL())) continue;
      contents.send(IPC_EVENT, name, payload);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CALL);
    ipcMain.removeAllListeners(IPC_CHANNELS);
  };
}
