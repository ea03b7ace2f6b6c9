import type { Core } from '../../core.js';
import { startExport } from '../../media/export/export-job.js';
import { probeMedia } from '../../media/ffmpeg/probe.js';
import type { exportCalls } from '../contract/export.js';
import type { HandlersFor } from '../handle.js';

export function exportHandlers(core: Core): HandlersFor<keyof typeof exportCalls> {
  return {
    'export.start': (input) => startExport(core, input),
    'export.probe': ({ file }) => probeMedia(file),
  };
}
