import { z } from 'zod';
import { AspectPresetSchema, QualitySchema } from '../../project/document.js';
import { call } from './define.js';
import { JobSchema } from './jobs.js';

export const ExportSettingsSchema = z
  .object({
    projectId: z.string().min(1),
    /** Defaults to the project's output settings. */
    preset: AspectPresetSchema.optional(),
    fps: z.union([z.literal(24), z.literal(25), z.literal(30), z.literal(60)]).optional(),
    quality: QualitySchema.optional(),
    /** Absolute path of the MP4; default: the project's renders/ folder (or the data folder's when read-only). */
    destination: z.string().min(1).optional(),
    /** Add a silent audio track when the project has no audio (default: no audio stream). */
    silentAudio: z.boolean().optional(),
  })
  .strict();
export type ExportSettings = z.infer<typeof ExportSettingsSchema>;

export const ProbeSchema = z.object({
  file: z.string(),
  formatName: z.string(),
  durationSeconds: z.number(),
  bytes: z.number(),
  video: z.object({ codec: z.string(), width: z.number(), height: z.number(), fps: z.number(), pixFmt: z.string(), frames: z.number().nullable() }).nullable(),
  audio: z.object({ codec: z.string(), sampleRate: z.number(), channels: z.number() }).nullable(),
});

/**
 * A problem that did not stop an export, for the user to check: an audio clip running past the end
 * of its file (the rest of its slot is silent). `message` is the English sentence (the CLI prints
 * it); the page words it from the fields in the user's language.
 */
export const ExportWarningSchema = z.object({
  kind: z.literal('audio_past_end'),
  /** The timeline track ('narration', 'music') and the clip's number on it, from 1. */
  track: z.string(),
  clip: z.number().int(),
  file: z.string(),
  missingSeconds: z.number(),
  fileSeconds: z.number(),
  message: z.string(),
});
export type ExportWarning = z.infer<typeof ExportWarningSchema>;

/** What an `export.render` job returns (its `result`): the file to show in the folder. */
export const ExportResultSchema = z.object({
  file: z.string(),
  folder: z.string(),
  durationSeconds: z.number(),
  width: z.number(),
  height: z.number(),
  fps: z.number(),
  bytes: z.number(),
  hasAudio: z.boolean(),
  /** Problems that did not stop the export, naming the clip (a clip running past the end of its file). */
  warnings: z.array(ExportWarningSchema).optional(),
  /** Picture segments: how many were encoded now and how many an earlier export had made. */
  segments: z.object({ total: z.number(), encoded: z.number(), reused: z.number() }),
  audioReused: z.boolean(),
  /** The encoder that made the picture, and the hardware one that failed first, if any. */
  encoder: z.string(),
  fellBack: z.string().nullable(),
  elapsedSeconds: z.number(),
});
export type ExportJobResult = z.infer<typeof ExportResultSchema>;

export const EncodersSchema = z.object({
  /** Hardware encoders that passed a one-second trial on this machine (ffmpeg's names). */
  working: z.array(z.string()),
  /** Every hardware encoder this ffmpeg lists, with how its trial went. */
  tried: z.array(z.object({ id: z.string(), label: z.string(), ok: z.boolean(), error: z.string().optional() })),
  /** What the next export will use (label), given the setting. */
  inUse: z.string(),
  checkedAt: z.string(),
});

export const exportCalls = {
  'export.start': call(ExportSettingsSchema, z.object({ jobId: z.string(), job: JobSchema, destination: z.string() }), 'Queue an MP4 export of a project (a job with progress and cancel); returns the job.'),
  'export.encoders': call(z.object({ fresh: z.boolean().optional() }).strict(), EncodersSchema, 'Hardware H.264 encoders that work here (tried once per ffmpeg build; fresh: try again).'),
  'export.probe': call(z.object({ file: z.string().min(1) }).strict(), ProbeSchema, 'ffprobe summary of a media file (duration, streams).'),
} as const;

export const exportEvents = {} as const;
