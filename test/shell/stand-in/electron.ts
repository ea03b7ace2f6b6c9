/**
 * A stand-in for the `electron` module (the binary cannot run here): the pieces of the API the shell
 * uses, recording what the shell asked for so tests can assert on it. Tests load it with
 * `vi.mock('electron', () => import('./stand-in/electron.js'))`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';

export interface StandInFrame {
  url: string;
  parent: StandInFrame | null;
}

type Handler = (...args: unknown[]) => unknown;

export const recorded = {
  schemes: [] as unknown[],
  openedExternally: [] as string[],
  shownInFolder: [] as string[],
  permissionAnswers: [] as { permission: string; granted: boolean }[],
};

export class StandInWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  sent: { channel: string; args: unknown[] }[] = [];
  destroyed = false;
  mainFrame: StandInFrame = { url: '', parent: null };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  /** Fires a cancelable event the way Electron does; returns whether a listener prevented it. */
  emitCancelable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true), url: typeof args[0] === 'string' ? args[0] : '' };
    this.emit(name, event, ...args);
    return prevented;
  }
}

const windows: BrowserWindow[] = [];

export class BrowserWindow extends EventEmitter {
  static getAllWindows(): BrowserWindow[] {
    return windows.filter((w) => !w.destroyed);
  }
  readonly options: Record<string, unknown>;
  readonly webContents = new StandInWebContents();
  loadedUrl: string | null = null;
  maximized = false;
  destroyed = false;
  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame = { url, parent: null };
    return Promise.resolve();
  }
  maximize(): void {
    this.maximized = true;
  }
  show(): void {}
  focused = false;
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 10, y: 20, width: Number(this.options.width ?? 800), height: Number(this.options.height ?? 600) };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
  }
}

export function resetWindows(): void {
  for (const w of windows.splice(0)) w.destroy();
}

class StandInIpcMain extends EventEmitter {
  handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke from `frame` would get. */
  async invokeFrom(frame: StandInFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const sender = new StandInWebContents();
    return handler({ senderFrame: frame, sender }, ...args);
  }
  /** What ipcRenderer.sendSync from `frame` would get. */
  sendSyncFrom(frame: StandInFrame | null, channel: string, ...args: unknown[]): unknown {
    const event: { senderFrame: StandInFrame | null; returnValue: unknown } = { senderFrame: frame, returnValue: undefined };
    this.emit(channel, event, ...args);
    return event.returnValue;
  }
}
export const ipcMain = new StandInIpcMain();

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    if (appState.ready) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
    recorded.schemes.push(...schemes);
  },
  handle(): void {},
};

export const shell = {
  async openExternal(url: string): Promise<void> {
    recorded.openedExternally.push(url);
  },
  showItemInFolder(target: string): void {
    recorded.shownInFolder.push(target);
  },
};

export class StandInSession {
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  protocol = {
    handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => void this.protocolHandlers.set(scheme, handler),
  };
  setPermissionRequestHandler(handler: StandInSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: StandInSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: StandInSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler;
  }
}

export const dialog = {
  nextOpen: { canceled: false, filePaths: [] as string[] },
  errors: [] as { title: string; message: string }[],
  async showOpenDialog(): Promise<{ canceled: boolean; filePaths: string[] }> {
    return dialog.nextOpen;
  },
  async showSaveDialog(): Promise<{ canceled: boolean; filePath?: string }> {
    return { canceled: true };
  },
  showErrorBox(title: string, message: string): void {
    dialog.errors.push({ title, message });
  },
};

const appState = { ready: false, quit: false, lock: true };

class StandInApp extends EventEmitter {
  isPackaged = false;
  state = appState;
  requestSingleInstanceLock(): boolean {
    return appState.lock;
  }
  async whenReady(): Promise<void> {
    appState.ready = true;
  }
  enableSandbox(): void {}
  setAppUserModelId(): void {}
  getVersion(): string {
    return '0.0.0-test';
  }
  quit(): void {
    appState.quit = true;
  }
  exit(): void {
    appState.quit = true;
  }
}
export const app = new StandInApp();

/** safeStorage with a Linux keyring: reversible XOR so tests can tell ciphertext from text. */
export const safeStorage = {
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return true;
  },
  async encryptStringAsync(text: string): Promise<Buffer> {
    return Buffer.concat([Buffer.from('ENC1'), Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)]);
  },
  async decryptStringAsync(data: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    return { result: Buffer.from(data.subarray(4).map((b) => b ^ 0x5a)).toString('utf8'), shouldReEncrypt: false };
  },
  getSelectedStorageBackend(): string {
    return 'gnome_libsecret';
  },
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

export const session = { defaultSession: new StandInSession() };

export const Menu = {
  current: null as unknown,
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu(menu: unknown): void {
    Menu.current = menu;
  },
};

/** The renderer side, for loading the preload: what it exposes, and an ipcRenderer wired to ipcMain. */
export const exposed = new Map<string, unknown>();
export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    exposed.set(key, api);
  },
};
export const preloadFrame: StandInFrame = { url: 'app://whatif/index.html', parent: null };
class StandInIpcRenderer extends EventEmitter {
  invoked: { channel: string; args: unknown[] }[] = [];
  sendSync(channel: string, ...args: unknown[]): unknown {
    return ipcMain.sendSyncFrom(preloadFrame, channel, ...args);
  }
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return ipcMain.invokeFrom(preloadFrame, channel, ...args);
  }
}
export const ipcRenderer = new StandInIpcRenderer();


/**
 * utilityProcess.fork stand-in: a real Node child with a utilityProcess-shaped handle (postMessage,
 * 'message' with the payload itself, 'exit' with a code), so the shell's engine adapter runs for real.
 */
class StandInUtilityProcess extends EventEmitter {
  readonly stderr: NodeJS.ReadableStream | null;
  constructor(private readonly child: ChildProcess) {
    super();
    this.stderr = child.stderr;
    child.on('message', (message) => this.emit('message', message));
    child.on('exit', (code) => this.emit('exit', code ?? 1));
  }
  postMessage(message: unknown): void {
    this.child.send(message as never);
  }
  kill(): boolean {
    return this.child.kill('SIGKILL');
  }
}
export const utilityProcess = {
  forks: [] as { file: string; args: string[] }[],
  fork(file: string, args: string[] = [], options: { execArgv?: string[] } = {}): StandInUtilityProcess {
    utilityProcess.forks.push({ file, args });
    const child = fork(file, args, { serialization: 'advanced', execArgv: options.execArgv ?? [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    return new StandInUtilityProcess(child);
  },
};

export default { utilityProcess, BrowserWindow, ipcMain, protocol, shell, dialog, app, safeStorage, screen, session, Menu, contextBridge, ipcRenderer };
