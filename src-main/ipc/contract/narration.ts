import { z } from 'zod';
import { call, Empty, Ok } from './define.js';
import { JobSchema } from './jobs.js';

export const VoiceInfoSchema = z.object({
  id: z.string(),
  engine: z.enum(['piper', 'system', 'elevenlabs']),
  name: z.string(),
  language: z.string(),
  quality: z.string(),
  sampleRate: z.number().int().nullable(),
  speakers: z.number().int(),
  /** A multi-speaker Piper voice's speakers: voice id piper:<id>#<name>. */
  speakerNames: z.array(z.string()).optional(),
  bytes: z.number().int().nonnegative(),
});
export type VoiceInfoDto = z.infer<typeof VoiceInfoSchema>;

const voiceId = z.string().min(1).max(200);
const wpm = z.number().int().min(120).max(240);

export const narrationCalls = {
  'voices.list': call(Empty, z.object({ voices: z.array(VoiceInfoSchema) }), 'Installed Piper voices and the system voices.'),
  'voices.add': call(z.object({ file: z.string().min(1) }).strict(), z.object({ voice: VoiceInfoSchema }), 'Install a Piper voice from a local .onnx (its .onnx.json beside it).'),
  'voices.download': call(
    z.object({ name: z.string().regex(/^[A-Za-z0-9_.-]{3,120}$/, 'a voice name like en_US-lessac-medium') }).strict(),
    z.object({ job: JobSchema }),
    'Download a Piper voice from the voice hub (a job: progress, resumable, size and md5 checked).',
  ),
  'voices.catalog': call(
    Empty,
    z.object({ voices: z.array(z.object({ name: z.string(), speaker: z.string(), language: z.string(), quality: z.string(), speakers: z.number().int(), sizeBytes: z.number().nonnegative() })) }),
    "The voice hub's Piper voices to pick from (language, quality, size).",
  ),
  'voices.remove': call(z.object({ voiceId }).strict(), Ok, 'Remove an installed Piper voice.'),
  'voices.elevenlabs': call(Empty, z.object({ voices: z.array(z.object({ id: z.string(), name: z.string(), category: z.string().optional() })) }), 'The ElevenLabs voices of the account (needs the key).'),
  'narration.preview': call(
    z.object({ voiceId, text: z.string().min(1).max(5000), wordsPerMinute: wpm, language: z.string().min(2).max(10).optional(), projectId: z.string().min(1).optional() }).strict(),
    z.object({ job: JobSchema }),
    'Read a sentence or a short script aloud (a job; the result names the WAV).',
  ),
  'narration.synthesize': call(
    z.object({ projectId: z.string().min(1), applySceneDurations: z.boolean().optional() }).strict(),
    z.object({ job: JobSchema }),
    "Narrate the project's script (a job): WAV asset on the narration track, captions with word timings, scene lengths that follow the voice.",
  ),
} as const;

export const narrationEvents = {
  'voices.changed': z.object({ reason: z.enum(['added', 'removed', 'downloaded']), id: z.string() }),
} as const;
