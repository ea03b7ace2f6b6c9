import { appError } from '../../errors.js';
import type { Core } from '../../core.js';
import type { settingsCalls } from '../contract/settings.js';
import type { HandlersFor } from '../handle.js';
import { pageFolder } from '../../files/page-paths.js';

export function settingsHandlers(core: Core): HandlersFor<keyof typeof settingsCalls> {
  return {
    'settings.get': () => core.settings.get(),
    'settings.set': (patch) => {
      const next = core.settings.set(patch.exportDir ? { ...patch, exportDir: pageFolder(core, 'exportDir', patch.exportDir) } : patch);
      core.events.emit('settings.changed', next);
      return next;
    },
    'secrets.status': () => core.secrets.status(),
    'secrets.set': async ({ name, value }) => {
      await core.secrets.set(name, value);
      return core.secrets.status();
    },
    'secrets.delete': async ({ name }) => {
      await core.secrets.delete(name);
      return core.secrets.status();
    },
    'secrets.test': async ({ name }) => {
      const tester = core.secretTesters[name];
      if (!tester) throw appError('unsupported', 'settings.testUnavailable', { name });
      return tester();
    },
  };
}
