/**
 * The main window and the deny-by-default rules for every web contents: the renderer is untrusted.
 * No new windows, no navigation away from app://, no <webview>, no permission ever granted; links to
 * http(s) sites open in the system browser.
 */
import { BrowserWindow, type Rectangle, type Session, type WebContents } from 'electron';
import { openExternalSafe } from './external-links.js';
import { APP_START_URL, isAppUrl } from './policy.js';

export interface MainWindowOptions {
  preload: string;
  bounds?: Partial<Rectangle>;
  maximized?: boolean;
  title?: string;
  iconPath?: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: options.bounds?.width ?? 1400,
    height: options.bounds?.height ?? 900,
    ...(options.bounds?.x !== undefined && options.bounds?.y !== undefined ? { x: options.bounds.x, y: options.bounds.y } : {}),
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: options.title ?? 'WhatIf Studio',
    backgroundColor: '#15161a',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  if (options.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_START_URL);
  return window;
}

/** Applied to every web contents the app creates (app.on('web-contents-created')). */
export function hardenWebContents(contents: WebContents, log: (line: string) => void = () => {}): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafe(url, log);
    return { action: 'deny' };
  });
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternalSafe(url, log);
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    log('[shell] refused a <webview>');
    event.preventDefault();
  });
}

/** No camera, microphone, notifications, geolocation, HID ... for any origin. */
export function denyAllPermissions(session: Session, log: (line: string) => void = () => {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`[shell] refused permission "${permission}"`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
