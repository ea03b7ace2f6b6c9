import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors.js';
import type { Core } from '../../core.js';
import type { desktopCalls } from '../contract/desktop.js';
import type { HandlersFor } from '../handle.js';

export function desktopHandlers(core: Core): HandlersFor<keyof typeof desktopCalls> {
  return {
    'os.pickPath': async (input) => {
      if (!core.desktop) return { path: null, native: false };
      return { path: await core.desktop.pickPath(input), native: true };
    },
    'os.showInFolder': ({ path: target }) => {
      if (!path.isAbsolute(target)) throw new AppError('invalid_input', `"${target}" is not an absolute path.`);
      if (!fs.existsSync(target)) throw new AppError('not_found', `${target} does not exist (moved or deleted?).`);
      if (!core.desktop) return { shown: false, path: target };
      core.desktop.showInFolder(target);
      return { shown: true, path: target };
    },
  };
}
