import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow as StandInWindow } from './stand-in/electron.js';

vi.mock('electron', () => import('./stand-in/electron.js'));

const { recorded, resetWindows, StandInSession, StandInWebContents } = await import('./stand-in/electron.js');
const { createMainWindow, denyAllPermissions, hardenWebContents } = await import('../../src-main/shell/window.js');

beforeEach(() => {
  resetWindows();
  recorded.openedExternally.length = 0;
});

describe('main window', () => {
  it('is created with the hardened web preferences and loads our app:// page', () => {
    const window = createMainWindow({ preload: '/app/dist/preload/preload.cjs' }) as unknown as StandInWindow;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist/preload/preload.cjs',
    });
    expect(window.loadedUrl).toBe('app://whatif/index.html');
  });

  it('reopens at the remembered size and position, maximised when it was', () => {
    const window = createMainWindow({ preload: 'p', bounds: { x: 40, y: 50, width: 1200, height: 800 }, maximized: true }) as unknown as StandInWindow;
    expect(window.options).toMatchObject({ x: 40, y: 50, width: 1200, height: 800 });
    expect(window.maximized).toBe(true);
  });
});

describe('deny by default', () => {
  function hardened() {
    const contents = new StandInWebContents();
    contents.mainFrame = { url: 'app://whatif/index.html', parent: null };
    hardenWebContents(contents as never);
    return contents;
  }

  it('denies every new window; only an http(s) link goes to the system browser', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'smb://host/share' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://whatif/index.html' })).toEqual({ action: 'deny' });
    expect(recorded.openedExternally).toEqual(['https://example.com/docs']);
  });

  it('blocks navigation and redirects away from app://, but not within it', () => {
    const contents = hardened();
    expect(contents.emitCancelable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitCancelable('will-navigate', 'file:///home/user/')).toBe(true);
    expect(contents.emitCancelable('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(contents.emitCancelable('will-navigate', 'app://whatif/index.html#/projects')).toBe(false);
    expect(contents.emitCancelable('will-frame-navigate', 'https://evil.example/frame')).toBe(true);
    // A look-alike host on our scheme is someone else.
    expect(contents.emitCancelable('will-navigate', 'app://whatif.evil/index.html')).toBe(true);
    expect(recorded.openedExternally).toEqual(['https://evil.example/', 'http://127.0.0.1:9/']);
  });

  it('refuses <webview>', () => {
    expect(hardened().emitCancelable('will-attach-webview', {}, {})).toBe(true);
  });

  it('grants no permission to anyone', () => {
    const session = new StandInSession();
    denyAllPermissions(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let answer: boolean | undefined;
      session.permissionRequestHandler!(null, permission, (granted) => (answer = granted));
      expect(answer, permission).toBe(false);
    }
    expect(session.permissionCheckHandler!()).toBe(false);
    expect(session.devicePermissionHandler!()).toBe(false);
  });
});
