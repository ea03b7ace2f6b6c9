import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Core } from '../../core.js';
import { appError } from '../../errors.js';
import { importImage } from '../../images/import-image.js';
import type { imageUploadCalls } from '../contract/image-upload.js';
import type { HandlersFor } from '../handle.js';

export function imageUploadHandlers(core: Core): HandlersFor<keyof typeof imageUploadCalls> {
  return {
    async 'images.importData'({ projectId, sceneId, name, dataBase64 }) {
      const data = Buffer.from(dataBase64, 'base64');
      if (data.length === 0) throw appError('invalid_input', 'import.empty', { name });
      // A private temp folder keeps the user's file name (importImage names the file in its messages).
      const dir = path.join(core.paths.cache, 'uploads', randomUUID());
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, path.basename(name).replace(/[^\p{L}\p{N}._ -]/gu, '_') || 'image');
      try {
        fs.writeFileSync(file, data);
        return await importImage(core, { projectId, file, ...(sceneId ? { sceneId } : {}) });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
