import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../core.js';
import { appError } from '../../errors.js';
import { NARRATION_PREVIEW_KIND, type PreviewResult } from '../../narration/jobs.js';
import type { voicePreviewCalls } from '../contract/voice-preview.js';
import type { HandlersFor } from '../handle.js';

export function voicePreviewHandlers(core: Core): HandlersFor<keyof typeof voicePreviewCalls> {
  return {
    'narration.previewAudio'({ jobId }) {
      const job = core.jobs.get(jobId);
      if (job.kind !== NARRATION_PREVIEW_KIND) throw appError('invalid_input', 'voice.notPreviewJob');
      if (job.state !== 'done') throw appError('conflict', 'voice.previewNotReady');
      const result = job.result as PreviewResult | null;
      let file: string | null = null;
      if (result?.file) {
        // Only files the preview job writes, in the cache's preview folder (the page asks without a project).
        const dir = path.resolve(core.paths.cache, 'narration-previews');
        const resolved = path.resolve(result.file);
        if (path.dirname(resolved) === dir) file = resolved;
      }
      if (!file || !fs.existsSync(file)) throw appError('not_found', 'voice.previewGone');
      return { mime: 'audio/wav' as const, dataBase64: fs.readFileSync(file).toString('base64'), duration: result?.duration ?? 0 };
    },
  };
}
