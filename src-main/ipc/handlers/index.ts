/** Every handler of the contract, one domain per file. TypeScript checks that no channel is missing. */
import type { Core } from '../../core.js';
import type { Handlers } from '../handle.js';
import { animationHandlers } from './animation.js';
import { desktopHandlers } from './desktop.js';
import { editorHandlers } from './editor.js';
import { exportHandlers } from './export.js';
import { mediaHandlers } from './media.js';
import { makeHandlers } from './make.js';
import { imageHandlers } from './images.js';
import { jobHandlers } from './jobs.js';
import { narrationHandlers } from './narration.js';
import { monitorHandlers } from './monitor.js';
import { imageUploadHandlers } from './image-upload.js';
import { voicePreviewHandlers } from './voice-preview.js';
import { projectHandlers } from './project.js';
import { settingsHandlers } from './settings.js';
import { templateHandlers } from './templates.js';

export function createHandlers(core: Core): Handlers {
  return {
    ...projectHandlers(core),
    ...settingsHandlers(core),
    ...jobHandlers(core),
    ...imageHandlers(core),
    ...narrationHandlers(core),
    ...templateHandlers(core),
    ...desktopHandlers(core),
    ...editorHandlers(core),
    ...monitorHandlers(core),
    ...imageUploadHandlers(core),
    ...voicePreviewHandlers(core),
    ...exportHandlers(core),
    ...mediaHandlers(core),
    ...animationHandlers(core),
    ...makeHandlers(core),
  };
}
