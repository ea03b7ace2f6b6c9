/** The core's DesktopOs, done natively: open/save dialogs attached to the window, "show in folder". */
import { dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { DesktopOs } from '../platform/desktop-os.js';

export function nativeDesktopOs(currentWindow: () => BrowserWindow | null): DesktopOs {
  return {
    async pickPath(input) {
      const window = currentWindow();
      const filters = input.filters ?? [];
      if (input.kind === 'save-file') {
        const options = { ...(input.title ? { title: input.title } : {}), ...(input.defaultPath ? { defaultPath: input.defaultPath } : {}), filters };
        const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      }
      const properties: OpenDialogOptions['properties'] = input.kind === 'open-file' ? ['openFile'] : ['openDirectory', 'createDirectory'];
      const options: OpenDialogOptions = {
        properties,
        ...(input.title ? { title: input.title } : {}),
        ...(input.defaultPath ? { defaultPath: input.defaultPath } : {}),
        ...(input.kind === 'open-file' ? { filters } : {}),
      };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showInFolder(target) {
      shell.showItemInFolder(target);
    },
  };
}
