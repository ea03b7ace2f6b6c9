import type { Core } from '../../core.js';
import { startExport } from '../../media/export/export-job.js';
import { encoderLabel, encoderReport } from '../../media/encoders/export-encoder.js';
import { probeUserMedia } from '../../media/ffmpeg/user-media.js';
import type { exportCalls } from '../contract/export.js';
import type { HandlersFor } from '../handle.js';
import { pageFile, pageTarget } from '../../files/page-paths.js';

export function exportHandlers(core: Core): HandlersFor<keyof typeof exportCalls> {
  return {
    'export.start': (input) => startExport(core, input.destination === undefined ? input : { ...input, destination: pageTarget(core, 'destination', input.destination) }),
    // Any path the page names is untrusted: opened as user media (a playlist named .mp4 is refused).
    'export.probe': ({ file }, ctx) => probeUserMedia('video', pageFile(core, 'file', file), ctx.signal),
    'export.encoders': async ({ fresh }) => {
      const report = await encoderReport(core, fresh ? { fresh } : {});
      return { working: report.working, tried: report.tried.map((t) => ({ ...t, label: encoderLabel(t.id) })), inUse: report.inUse, checkedAt: report.checkedAt };
    },
  };
}
