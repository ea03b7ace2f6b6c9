/**
 * Own images sent as bytes: a picture dropped or picked in the page has no file path in a browser
 * (the loopback bridge), so the page sends its bytes and the core imports them exactly like
 * `images.import` does with a path (same checks, decoding, EXIF rotation, dedup, timeline placement).
 */
import { z } from 'zod';
import { AssetSchema, ProjectDocumentSchema } from '../../project/document.js';
import { call } from './define.js';

/** 40 MB of image as base64 (fits the bridge's 64 MB body limit with room to spare). */
export const MAX_UPLOAD_BASE64 = Math.ceil((40 * 1024 * 1024 * 4) / 3);

export const imageUploadCalls = {
  'images.importData': call(
    z
      .object({
        projectId: z.string().min(1),
        sceneId: z.string().min(1).optional(),
        /** The file's name as the user knows it (shown in errors and kept as originalName). */
        name: z.string().trim().min(1).max(255),
        dataBase64: z.string().min(1, 'the file is empty').max(MAX_UPLOAD_BASE64, 'the image is larger than 40 MB'),
      })
      .strict(),
    z.object({ asset: AssetSchema, document: ProjectDocumentSchema }),
    'Import a JPEG, PNG or WebP sent as bytes, optionally as a scene image (like images.import).',
  ),
} as const;

export const imageUploadEvents = {} as const;
