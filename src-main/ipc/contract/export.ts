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
  elapsedSeconds: z.number(),
});
export type ExportJobResult = z.infer<typeof ExportResultSchema>;

export const exportCalls = {
  'export.start': call(ExportSettingsSchema, z.object({ jobId: z.string(), job: JobSchema, destination: z.string() }), 'Queue an MP4 export of a project (a job with progress and cancel); returns the job.'),
  'export.probe': call(z.object({ file: z.string().min(1) }).strict(), ProbeSchema, 'ffprobe summary of a media file (duration, streams).'),
} as const;

export const exportEvents = {} as const;
