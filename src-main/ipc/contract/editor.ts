import { z } from 'zod';
import { call } from './define.js';

/** Calls the editor's timeline needs from the core. */
export const editorCalls = {
  'waveform.peaks': call(
    z.object({ projectId: z.string().min(1), assetId: z.string().min(1) }).strict(),
    z.object({ assetId: z.string(), duration: z.number(), perSecond: z.number(), peaks: z.array(z.number().min(0).max(1)) }),
    'Waveform peaks of an audio asset (decoded once with ffmpeg, cached by content hash).',
  ),
} as const;

export const editorEvents = {} as const;
