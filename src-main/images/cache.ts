/**
 * The image cache: a row per request key (scene-request.ts imageCacheKey) pointing at a
 * content-addressed file in the data folder's cache/images/. Identical files are stored once.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/database.js';
import { sha256OfBuffer } from '../project/assets.js';
import type { DecodedImage } from './decode.js';
import { writeFileAtomic } from '../platform/atomic-file.js';

export interface CachedImage {
  key: string;
  sha256: string;
  ext: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  file: string;
}

interface Row {
  key: string;
  sha256: string;
  ext: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
}

export class ImageCache {
  constructor(
    private readonly db: Db,
    private readonly dir: string,
  ) {}

  get(key: string): CachedImage | null {
    const row = this.db.prepare('SELECT key, sha256, ext, mime, width, height, bytes FROM image_cache WHERE key = ?').get(key) as Row | undefined;
    if (!row) return null;
    const file = path.join(this.dir, `${row.sha256}.${row.ext}`);
    if (!fs.existsSync(file)) {
      this.db.prepare('DELETE FROM image_cache WHERE key = ?').run(key); // cleaned by hand: forget it
      return null;
    }
    return { ...row, file };
  }

  put(key: string, image: DecodedImage, model: string, taskId: string | null): CachedImage {
    const sha256 = sha256OfBuffer(image.data);
    fs.mkdirSync(this.dir, { recursive: true });
    const file = path.join(this.dir, `${sha256}.${image.ext}`);
    if (!fs.existsSync(file)) {
      writeFileAtomic(file, image.data);
    }
    this.db
      .prepare(
        `INSERT INTO image_cache (key, sha256, ext, mime, width, height, bytes, model, task_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET sha256 = excluded.sha256, ext = excluded.ext, mime = excluded.mime, width = excluded.width,
         height = excluded.height, bytes = excluded.bytes, task_id = excluded.task_id`,
      )
      .run(key, sha256, image.ext, image.mime, image.width, image.height, image.data.length, model, taskId, new Date().toISOString());
    return { key, sha256, ext: image.ext, mime: image.mime, width: image.width, height: image.height, bytes: image.data.length, file };
  }
}
