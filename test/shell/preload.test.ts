/**
 * The preload, loaded against the stand-in electron with the shell's real IPC registration behind it:
 * the page gets `whatif = { invoke, on }` for contract names only, never ipcRenderer.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeTestCore } from '../helpers/temp-core.js';
import { IPC_CALL, IPC_EVENT } from '../../src-preload/channels.js';

vi.mock('electron', () => import('./stand-in/electron.js'));

const electron = await import('./stand-in/electron.js');
const { registerIpc } = await import('../../src-main/shell/ipc.js');
const core = makeTestCore({ mode: 'desktop' });
const unregister = registerIpc(core, () => {});
await import('../../src-preload/preload.js');

interface Api {
  invoke(channel: string, input: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;
  on(event: string, handler: (payload: unknown) => void): () => void;
}
const api = electron.exposed.get('whatif') as Api;

afterAll(async () => {
  unregister();
  await core.cleanup();
});

describe('preload', () => {
  it('exposes exactly invoke and on, frozen, and nothing else to the page', () => {
    expect([...electron.exposed.keys()]).toEqual(['whatif']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.values(api).some((value) => value === electron.ipcRenderer || value === electron.ipcRenderer.invoke)).toBe(false);
  });

  it('calls the core for contract channels and refuses others without touching IPC', async () => {
    expect(await api.invoke('app.info', {})).toMatchObject({ ok: true, data: { mode: 'desktop' } });
    const before = electron.ipcRenderer.invoked.length;
    expect(await api.invoke('shell.openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(electron.ipcRenderer.invoked.length).toBe(before);
    expect(electron.ipcRenderer.invoked.at(-1)).toEqual({ channel: IPC_CALL, args: ['app.info', {}] });
  });

  it('delivers only the subscribed contract event, and unsubscribes', () => {
    const got: unknown[] = [];
    const off = api.on('app.menu', (payload) => got.push(payload));
    expect(api.on('not.an.event', () => got.push('never'))).toBeTypeOf('function');
    electron.ipcRenderer.emit(IPC_EVENT, {}, 'settings.changed', { theme: 'dark' });
    electron.ipcRenderer.emit(IPC_EVENT, {}, 'app.menu', { action: 'undo' });
    off();
    electron.ipcRenderer.emit(IPC_EVENT, {}, 'app.menu', { action: 'redo' });
    electron.ipcRenderer.emit(IPC_EVENT, {}, 'not.an.event', {});
    expect(got).toEqual([{ action: 'undo' }]);
  });
});
