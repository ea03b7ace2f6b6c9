/**
 * Loads the real shell entry (src-main/shell/main.ts) against the stand-in electron module and checks
 * the wiring end to end: schemes before ready, keychain-backed core in desktop mode, hardened window
 * on app://, IPC through the contract, Spanish menu sending app.menu, native dialog, project paths.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/temp-core.js';
import { IPC_CALL, IPC_EVENT } from '../../src-preload/channels.js';

vi.mock('electron', () => import('./stand-in/electron.js'));
const stores = vi.hoisted(() => [] as { options: unknown; data: Map<string, unknown> }[]);
vi.mock('electron-store', () => ({
  default: class {
    readonly data = new Map<string, unknown>();
    readonly options: unknown;
    constructor(options: unknown) {
      this.options = options;
      stores.push(this);
    }
    get(key: string) {
      return this.data.get(key);
    }
    set(key: string, value: unknown) {
      this.data.set(key, value);
    }
    delete(key: string) {
      this.data.delete(key);
    }
  },
}));

const home = tempDir('whatif-shell-home-');
const previousHome = process.env.WHATIF_HOME;
process.env.WHATIF_HOME = home;
const projectDir = path.join(tempDir('whatif-shell-projects-'), 'Opened from the OS');

const electron = await import('./stand-in/electron.js');
const { app, BrowserWindow, ipcMain, recorded, session, Menu, dialog } = electron;
const page = { url: 'app://whatif/index.html', parent: null };

afterAll(() => {
  app.emit('before-quit', { preventDefault() {} });
  if (previousHome === undefined) delete process.env.WHATIF_HOME;
  else process.env.WHATIF_HOME = previousHome;
});

describe('the shell entry wired to the core', () => {
  it('starts: schemes first, then one hardened window on app:// with the preload bundle', async () => {
    await import('../../src-main/shell/main.js');
    await vi.waitFor(() => expect(BrowserWindow.getAllWindows()).toHaveLength(1));
    expect(recorded.schemes.map((s) => (s as { scheme: string }).scheme)).toEqual(['app', 'media']);
    const [window] = BrowserWindow.getAllWindows();
    expect(window!.loadedUrl).toBe('app://whatif/index.html');
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((window!.options.webPreferences as { preload: string }).preload)).toMatch(/dist[/\\]preload[/\\]preload\.cjs$/);
    expect([...session.defaultSession.protocolHandlers.keys()].sort()).toEqual(['app', 'media']);
    expect(session.defaultSession.permissionRequestHandler).toBeTypeOf('function');
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });

  it('serves the contract to the page in desktop mode, keys in the keychain', async () => {
    const info = (await ipcMain.invokeFrom(page, IPC_CALL, 'app.info', {})) as { ok: true; data: { mode: string; dataDir: string } };
    expect(info).toMatchObject({ ok: true, data: { mode: 'desktop' } });
    const status = await ipcMain.invokeFrom(page, IPC_CALL, 'secrets.set', { name: 'kie', value: 'kie-key-from-settings-123' });
    expect(status).toEqual({ ok: true, data: { kie: true, elevenlabs: false, llm: false, backend: 'gnome_libsecret', protected: true } });
    expect(await ipcMain.invokeFrom({ url: 'https://evil.example/', parent: null }, IPC_CALL, 'app.info', {})).toMatchObject({ ok: false });
  });

  it('shows a Spanish menu whose commands reach the page as app.menu', () => {
    const template = (Menu.current as { template: { label: string; submenu: { id?: string; label?: string; click?: () => void }[] }[] }).template;
    expect(template.map((m) => m.label)).toEqual(['Archivo', 'Edición', 'Ver', 'Ayuda']);
    const [window] = BrowserWindow.getAllWindows();
    template[0]!.submenu.find((item) => item.id === 'save')!.click!();
    expect(window!.webContents.sent).toContainEqual({ channel: IPC_EVENT, args: ['app.menu', { action: 'save' }] });
  });

  it('follows the UI language when settings change', async () => {
    await ipcMain.invokeFrom(page, IPC_CALL, 'settings.set', { uiLanguage: 'en' });
    const template = (Menu.current as { template: { label: string }[] }).template;
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('answers os.pickPath with the native dialog and os.showInFolder with the file manager', async () => {
    dialog.nextOpen = { canceled: false, filePaths: ['/chosen/folder'] };
    expect(await ipcMain.invokeFrom(page, IPC_CALL, 'os.pickPath', { kind: 'open-project' })).toEqual({ ok: true, data: { path: '/chosen/folder', native: true } });
    expect(await ipcMain.invokeFrom(page, IPC_CALL, 'os.showInFolder', { path: home })).toEqual({ ok: true, data: { shown: true, path: home } });
    expect(recorded.shownInFolder).toContain(home);
  });

  it('opens a project handed over by the OS (open-file) or a second launch, once the page has loaded', async () => {
    // The page may create a project only in a folder the user picked in a native dialog.
    const refused = (await ipcMain.invokeFrom(page, IPC_CALL, 'project.create', { name: 'Not granted', parentDir: path.dirname(projectDir) })) as { ok: boolean; error: { code: string; message: string } };
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^parentDir: ".*" is outside the folders this app may use/) } });
    dialog.nextOpen = { canceled: false, filePaths: [path.dirname(projectDir)] };
    await ipcMain.invokeFrom(page, IPC_CALL, 'os.pickPath', { kind: 'pick-folder' });
    const created = (await ipcMain.invokeFrom(page, IPC_CALL, 'project.create', { name: 'Opened from the OS', parentDir: path.dirname(projectDir) })) as {
      ok: true;
      data: { id: string; dir: string };
    };
    expect(created.ok).toBe(true);
    const [window] = BrowserWindow.getAllWindows();
    window!.webContents.emit('did-finish-load');
    let prevented = false;
    app.emit('open-file', { preventDefault: () => (prevented = true) }, path.join(created.data.dir, 'project.json'));
    expect(prevented).toBe(true);
    await vi.waitFor(() =>
      expect(window!.webContents.sent).toContainEqual({ channel: IPC_EVENT, args: ['app.menu', { action: 'open-project', projectId: created.data.id }] }),
    );
    window!.webContents.sent.length = 0;
    app.emit('second-instance', {}, ['electron', '.', created.data.dir], '/');
    expect(window!.focused).toBe(true);
    await vi.waitFor(() =>
      expect(window!.webContents.sent).toContainEqual({ channel: IPC_EVENT, args: ['app.menu', { action: 'open-project', projectId: created.data.id }] }),
    );
  });

  it('reports a crashed editor page to the user and reloads it', async () => {
    const [window] = BrowserWindow.getAllWindows();
    window!.loadedUrl = null;
    window!.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(dialog.errors.at(-1)?.message).toMatch(/editor page stopped \(crashed\)/);
    expect(dialog.errors.at(-1)?.message).toContain(path.join(home, 'logs', 'whatif.log'));
    expect(window!.loadedUrl).toBe('app://whatif/index.html');
    const count = dialog.errors.length;
    window!.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(dialog.errors).toHaveLength(count);
  });

  it('remembers the window bounds, and logs to the data folder without the key', () => {
    const [window] = BrowserWindow.getAllWindows();
    window!.emit('close');
    expect(stores).toHaveLength(1);
    expect(stores[0]!.options).toEqual({ name: 'desktop', cwd: home });
    expect(stores[0]!.data.get('window.main')).toEqual({ bounds: { x: 10, y: 20, width: 1400, height: 900 }, maximized: false });
    // The key sits in the same store, encrypted.
    expect(String(stores[0]!.data.get('secrets.kie'))).not.toContain('kie-key-from-settings-123');
    const log = fs.readFileSync(path.join(home, 'logs', 'whatif.log'), 'utf8');
    expect(log).toContain('WhatIf Studio 0.0.0-test');
    expect(log).not.toContain('kie-key-from-settings-123');
    expect(log).toContain('the editor page stopped: crashed');
  });
});
