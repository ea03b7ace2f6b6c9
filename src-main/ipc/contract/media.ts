/**
 * The media bin: importing pictures, videos, sound files and SRT subtitles (one core path, a job with
 * progress), files the page sends in pieces, a video's filmstrip, removing unused media, and the
 * captions as an SRT file.
 */
import { z } from 'zod';
import { ProjectDocumentSchema } from '../../project/document.js';
import { call } from './define.js';
import { JobSchema } from './jobs.js';

/** 4 MB of bytes as base64, the largest piece media.uploadChunk takes. */
const MAX_CHUNK_BASE64 = Math.ceil((4 * 1024 * 1024 * 4) / 3) + 4;

export const ImportPlaceSchema = z
  .object({
    /** The track under the pointer; a file that does not fit it goes to its kind's default track. */
    trackId: z.string().min(1).max(128).optional(),
    /** Seconds on the timeline where the first file lands (or the first free gap after it). */
    start: z.number().finite().min(0).max(6 * 3600),
  })
  .strict();

export const ImportResultSchema = z.object({
  assetIds: z.array(z.string()),
  clips: z.array(z.object({ trackId: z.string(), clipId: z.string() })),
  cues: z.number().int(),
});

export const mediaCalls = {
  'media.import': call(
    z
      .object({
        projectId: z.string().min(1),
        /** Paths on this machine (the desktop's file dialog). */
        files: z.array(z.string().min(1).max(4096)).max(200).optional(),
        /** Uploads the page finished sending (media.uploadBegin, media.uploadChunk). */
        uploads: z.array(z.string().uuid()).max(200).optional(),
        place: ImportPlaceSchema.optional(),
      })
      .strict()
      .refine((v) => (v.files?.length ?? 0) + (v.uploads?.length ?? 0) > 0, { message: 'choose at least one file to import' }),
    z.object({ job: JobSchema }),
    'Queue the import of media files (pictures, video, sound, SRT) into a project, optionally placed on the timeline; returns the job.',
  ),
  'media.uploadBegin': call(
    z.object({ name: z.string().trim().min(1).max(255), bytes: z.number().int().positive() }).strict(),
    z.object({ uploadId: z.string(), chunkBytes: z.number().int() }),
    'Start sending a file from the page in pieces (a browser gives no path); returns the upload id and the piece size.',
  ),
  'media.uploadChunk': call(
    z.object({ uploadId: z.string().uuid(), offset: z.number().int().nonnegative(), dataBase64: z.string().min(1).max(MAX_CHUNK_BASE64, 'a piece is larger than 4 MB') }).strict(),
    z.object({ received: z.number().int() }),
    'One piece of an upload, in order.',
  ),
  'media.strip': call(
    z.object({ projectId: z.string().min(1), assetId: z.string().min(1) }).strict(),
    z.object({ assetId: z.string(), frames: z.number().int(), times: z.array(z.number()), frameWidth: z.number(), frameHeight: z.number(), dataUrl: z.string() }),
    'The filmstrip of a video asset (frames side by side in one JPEG; made once, cached).',
  ),
  'media.removeUnused': call(
    z.object({ projectId: z.string().min(1), assetIds: z.array(z.string().min(1)).min(1).max(1000) }).strict(),
    z.object({ removed: z.array(z.string()), document: ProjectDocumentSchema }),
    'Remove media nothing uses from the project and its folder (a used one is refused by name).',
  ),
  'captions.exportSrt': call(
    z.object({ projectId: z.string().min(1) }).strict(),
    z.object({ srt: z.string(), cues: z.number().int(), fileName: z.string() }),
    'The project\'s captions as SRT text (the page saves it as a file).',
  ),
} as const;

export const mediaEvents = {} as const;
