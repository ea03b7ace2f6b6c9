/**
 * The audio of a finished voice preview, for the page to play. A preview is not part of a project
 * (it is never on the timeline), so the media route, which serves project assets, cannot reach it.
 */
import { z } from 'zod';
import { call } from './define.js';

export const voicePreviewCalls = {
  'narration.previewAudio': call(
    z.object({ jobId: z.string().min(1) }).strict(),
    z.object({ mime: z.literal('audio/wav'), dataBase64: z.string(), duration: z.number() }),
    'The WAV of a finished narration.preview job (previews are short: at most 5,000 characters).',
  ),
} as const;

export const voicePreviewEvents = {} as const;
