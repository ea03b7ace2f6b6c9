/**
 * The Electron main process: adapts the core to a hardened window. No product logic lives here.
 * Order matters: scheme privileges before `ready`, the single-instance lock before anything else, the
 * keychain before the core (so the log redactor knows the keys), deny rules before the first window.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, safeStorage, screen, session, shell } from 'electron';
import { createCore, type Core } from '../core.js';
import { appRoot, resourcePath } from '../platform/app-root.js';
import { dataPaths, resolveDataHome } from '../platform/data-dir.js';
import { redact } from '../providers/http/index.js';
import { configureNarration } from '../narration/runtime.js';
import { forkUtilityEngine } from './engine-process.js';
import { describeUnexpected, installErrorReporting } from './error-report.js';
import { registerIpc } from './ipc.js';
import { SafeStorageSecretStore, type KeyValueStore } from './keychain.js';
import { projectDirFromArgv, projectDirOf } from './launch-args.js';
import { RotatingLogFile } from './log-file.js';
import { buildMenuTemplate } from './menu.js';
import type { MenuLanguage } from './menu-labels.js';
import { nativeDesktopOs } from './native-os.js';
import { APP_START_URL } from './policy.js';
import { handleSchemes, registerSchemePrivileges } from './schemes.js';
import { createMainWindow, denyAllPermissions, hardenWebContents } from './window.js';
import { loadWindowState, saveWindowState } from './window-state.js';

registerSchemePrivileges();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start().catch((error: unknown) => {
    dialog.showErrorBox('WhatIf Studio could not start', String((error as Error)?.message ?? error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId('app.whatif.studio');
  const pending: string[] = [];
  let openProject: (dir: string) => void = (dir) => pending.push(dir);
  app.on('open-file', (event, file) => {
    event.preventDefault();
    const dir = projectDirOf(file);
    if (dir) openProject(dir);
  });
  const fromArgs = projectDirFromArgv(process.argv, process.cwd(), app.isPackaged);
  if (fromArgs) pending.push(fromArgs);

  await app.whenReady();
  const home = resolveDataHome();
  const { default: ElectronStore } = await import('electron-store');
  const store = new ElectronStore({ name: 'desktop', cwd: home }) as unknown as KeyValueStore;
  const secrets = new SafeStorageSecretStore(safeStorage, store);
  await secrets.warmUp();
  const logFile = new RotatingLogFile({ dir: dataPaths(home).logs, secrets: () => secrets.knownValues() });
  const log = (line: string) => {
    logFile.write(line);
    // `npm start` (not packaged): also on the terminal, redacted the same way.
    if (!app.isPackaged) console.log(redact(line, secrets.knownValues()));
  };
  let core: Core | null = null;
  const language = (): MenuLanguage => (core?.settings.get().uiLanguage === 'en' ? 'en' : 'es');
  installErrorReporting({
    log,
    show: (title, message) => dialog.showErrorBox(title, message),
    language,
    logFile: logFile.file,
    scrub: (text) => redact(text, secrets.knownValues()),
  });
  log(`[shell] WhatIf Studio ${app.getVersion()} on ${process.platform}-${process.arch}, keys: ${(await secrets.status()).backend}`);

  let mainWindow: BrowserWindow | null = null;
  core = createCore({ mode: 'desktop', home, secrets, log, desktop: nativeDesktopOs(() => mainWindow) });
  const theCore = core;
  configureNarration(theCore, { forkEngine: forkUtilityEngine });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  denyAllPermissions(session.defaultSession, log);
  handleSchemes(session.defaultSession, path.join(appRoot(), 'dist', 'renderer'), theCore.projects, log);
  registerIpc(theCore, log);

  const setMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(language(), {
          action: (action) => theCore.events.emit('app.menu', { action }),
          showLog: () => shell.showItemInFolder(logFile.file),
        }),
      ),
    );
  setMenu();
  theCore.events.subscribe((name) => {
    if (name === 'settings.changed') setMenu();
  });

  let loaded = false;
  openProject = (dir) => {
    if (!loaded) return void pending.push(dir);
    // The OS handed this folder over (open-file, a second launch): the user chose it, so it is granted.
    if (path.isAbsolute(dir)) theCore.grants.grantFolder(dir);
    void theCore.dispatch('project.openFolder', { dir }).then((result) => {
      if (result.ok) theCore.events.emit('app.menu', { action: 'open-project', projectId: (result.data as { summary: { id: string } }).summary.id });
      else dialog.showErrorBox(dir, result.error.message);
    });
  };

  const openWindow = () => {
    const state = loadWindowState(store, screen.getAllDisplays().map((display) => display.workArea));
    const window = createMainWindow({
      preload: path.join(appRoot(), 'dist', 'preload', 'preload.cjs'),
      bounds: state.bounds,
      maximized: state.maximized,
      iconPath: resourcePath('icons', 'icon.png'),
    });
    mainWindow = window;
    window.webContents.on('did-finish-load', () => {
      loaded = true;
      for (const dir of pending.splice(0)) openProject(dir);
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit') return;
      log(`[shell] the editor page stopped: ${details.reason} (exit code ${details.exitCode})`);
      const what = new Error(`The editor page stopped (${details.reason}) and was reloaded; edits since the last autosave may be lost.`);
      const { title, message } = describeUnexpected(what, language(), logFile.file, (text) => redact(text, secrets.knownValues()));
      dialog.showErrorBox(title, message);
      if (!window.isDestroyed()) void window.loadURL(APP_START_URL);
    });
    window.on('close', () => saveWindowState(store, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }));
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
      loaded = false;
    });
  };
  openWindow();

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const dir = projectDirFromArgv(argv, workingDirectory, app.isPackaged);
    if (dir) openProject(dir);
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void theCore.close().finally(() => app.exit(0));
  });
}
