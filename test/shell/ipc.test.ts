import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestCore } from '../helpers/temp-core.js';
import { SafeStorageSecretStore } from '../../src-main/shell/keychain.js';
import { IPC_CALL, IPC_CHANNELS, IPC_EVENT } from '../../src-preload/channels.js';
import { CALL_NAMES } from '../../src-main/ipc/contract/index.js';
import { FakeSafeStorage, MemoryKeyValue } from './fake-safe-storage.js';

vi.mock('electron', () => import('./stand-in/electron.js'));

const { BrowserWindow, ipcMain, resetWindows } = await import('./stand-in/electron.js');
const { registerIpc, REFUSED } = await import('../../src-main/shell/ipc.js');

const kv = new MemoryKeyValue();
const secrets = new SafeStorageSecretStore(new FakeSafeStorage(), kv, 'linux');
const core = makeTestCore({ mode: 'desktop', secrets });
const page = { url: 'app://whatif/index.html', parent: null };
let unregister: () => void = () => {};

beforeAll(() => {
  unregister = registerIpc(core, () => {});
});
afterAll(async () => {
  unregister();
  resetWindows();
  await core.cleanup();
});

describe('IPC sender check', () => {
  it('answers our app:// page through the contract', async () => {
    const result = (await ipcMain.invokeFrom(page, IPC_CALL, 'app.info', {})) as { ok: boolean; data: { mode: string } };
    expect(result.ok).toBe(true);
    expect(result.data.mode).toBe('desktop');
    // The core's dispatch still validates: an unknown channel and a bad payload are refused there.
    expect(await ipcMain.invokeFrom(page, IPC_CALL, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ipcMain.invokeFrom(page, IPC_CALL, 'project.create', { name: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a foreign frame, an embedded frame and a destroyed one', async () => {
    const foreign = [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/index.html', parent: null },
      { url: 'app://whatif.evil/index.html', parent: null },
      { url: 'app://whatif/index.html', parent: { url: 'https://evil.example/', parent: null } },
      { url: 'http://127.0.0.1:5173/', parent: null },
      null,
    ];
    for (const frame of foreign) {
      expect(await ipcMain.invokeFrom(frame, IPC_CALL, 'project.list', {}), JSON.stringify(frame)).toEqual(REFUSED);
    }
    expect(await core.dispatch('project.list', {})).toMatchObject({ ok: true, data: [] });
  });

  it('tells only our page the contract names', () => {
    const names = ipcMain.sendSyncFrom(page, IPC_CHANNELS) as { calls: string[]; events: string[] };
    expect(names.calls.sort()).toEqual([...CALL_NAMES].sort());
    expect(names.events).toContain('app.menu');
    expect(ipcMain.sendSyncFrom({ url: 'https://evil.example/', parent: null }, IPC_CHANNELS)).toEqual({ calls: [], events: [] });
  });

  it('pushes core events to windows showing our page only', async () => {
    const ours = new BrowserWindow({});
    await ours.loadURL('app://whatif/index.html');
    const elsewhere = new BrowserWindow({});
    await elsewhere.loadURL('https://evil.example/');
    core.events.emit('app.menu', { action: 'save' });
    expect(ours.webContents.sent).toContainEqual({ channel: IPC_EVENT, args: ['app.menu', { action: 'save' }] });
    expect(elsewhere.webContents.sent).toEqual([]);
  });
});

describe('keys never reach the page', () => {
  it('secrets.set / status / delete answer booleans only, and the store holds ciphertext', async () => {
    const key = 'kie-test-key-0123456789abcdef';
    const sent: unknown[] = [];
    const unsubscribe = core.events.subscribe((name, payload) => sent.push({ name, payload }));
    const answers = [
      await ipcMain.invokeFrom(page, IPC_CALL, 'secrets.set', { name: 'kie', value: key }),
      await ipcMain.invokeFrom(page, IPC_CALL, 'secrets.status', {}),
      await ipcMain.invokeFrom(page, IPC_CALL, 'settings.get', {}),
      await ipcMain.invokeFrom(page, IPC_CALL, 'app.info', {}),
    ];
    core.events.flush();
    unsubscribe();
    expect(answers[0]).toEqual({ ok: true, data: { kie: true, elevenlabs: false, llm: false, backend: 'gnome_libsecret', protected: true } });
    for (const answer of [...answers, ...sent]) expect(JSON.stringify(answer)).not.toContain(key);
    // At rest: base64 ciphertext, not the key.
    const stored = String(kv.get('secrets.kie'));
    expect(stored).not.toContain(key);
    expect(Buffer.from(stored, 'base64').toString('utf8')).not.toContain(key);
    // The core (for provider headers) still gets the real value.
    expect(await core.secrets.get('kie')).toBe(key);
    expect(await ipcMain.invokeFrom(page, IPC_CALL, 'secrets.delete', { name: 'kie' })).toMatchObject({ ok: true, data: { kie: false } });
    expect(kv.get('secrets.kie')).toBeUndefined();
  });

  it('no contract call returns a value that could carry a key', async () => {
    await core.secrets.set('elevenlabs', 'el-secret-value-9876543210');
    const safeCalls = ['secrets.status', 'settings.get', 'app.info', 'project.list'];
    for (const channel of safeCalls) {
      expect(JSON.stringify(await ipcMain.invokeFrom(page, IPC_CALL, channel, {}))).not.toContain('el-secret-value-9876543210');
    }
    expect(CALL_NAMES.filter((name) => /secret/i.test(name)).sort()).toEqual(['secrets.delete', 'secrets.set', 'secrets.status', 'secrets.test']);
  });
});
