/**
 * The desktop services the core cannot provide in plain Node: the Electron shell passes an
 * implementation to createCore({ desktop }); the bridge and the CLI pass none.
 */
import type { PickPathInput } from '../ipc/contract/desktop.js';

export interface DesktopOs {
  /** Show a native dialog; resolves with the chosen path, or null when the user cancelled. */
  pickPath(input: PickPathInput): Promise<string | null>;
  /** Reveal an existing file or folder in the system file manager. */
  showInFolder(target: string): void;
}
