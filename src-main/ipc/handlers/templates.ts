import type { Core } from '../../core.js';
import { applyTemplateToProject, loadTemplates, summarize } from '../../templates/templates.js';
import type { templateCalls } from '../contract/templates.js';
import type { HandlersFor } from '../handle.js';

export function templateHandlers(core: Core): HandlersFor<keyof typeof templateCalls> {
  return {
    'templates.list': ({ language }) => loadTemplates().map((t) => summarize(t, language ?? core.settings.get().uiLanguage)),
    'templates.apply': (input) => applyTemplateToProject(core, input),
  };
}
