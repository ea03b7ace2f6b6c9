import fs from 'node:fs';
import type { Core } from '../../core.js';
import { checkPathText, shownName } from '../../files/path-input.js';
import { appError } from '../../errors.js';
import type { desktopCalls } from '../contract/desktop.js';
import type { HandlersFor } from '../handle.js';

export function desktopHandlers(core: Core): HandlersFor<keyof typeof desktopCalls> {
  return {
    'os.pickPath': async (input) => {
      if (!core.desktop) return { path: null, native: false };
      const picked = await core.desktop.pickPath(input);
      // What the user chose in a native dialog is theirs to use: a folder with all below it, or one file.
      if (picked) {
        const checked = checkPathText('path', picked);
        if (input.kind === 'open-project' || input.kind === 'pick-folder') core.grants.grantFolder(checked);
        else core.grants.grantFile(checked);
      }
      return { path: picked, native: true };
    },
    'os.showInFolder': ({ path: given }) => {
      const target = core.grants.check('path', given);
      if (!fs.existsSync(target)) throw appError('not_found', 'files.doesNotExistPlain', { name: shownName(target) });
      if (!core.desktop) return { shown: false, path: target };
      core.desktop.showInFolder(target);
      return { shown: true, path: target };
    },
  };
}
