/**
 * Files the page sends as bytes (a browser gives a dropped or picked file no path): written in
 * pieces into a private folder of the cache, so a 2 GB video never sits whole in a request or in
 * memory. The import job takes the finished upload by id and removes it when it ends. Uploads
 * nobody finished are removed after a day.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appError, toAppError } from '../../errors.js';
import type { ImportSource } from './import-media.js';

/** Largest piece the page sends at once (raw bytes; base64 in the request). */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024 * 1024;
const STALE_MS = 24 * 3600 * 1000;

interface UploadMeta {
  name: string;
  bytes: number;
}

const root = (cacheDir: string) => path.join(cacheDir, 'media-uploads');

function folder(cacheDir: string, uploadId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(uploadId)) throw appError('invalid_input', 'import.badUploadId');
  return path.join(root(cacheDir), uploadId);
}

const safeName = (name: string) => path.basename(name).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'file';

function readMeta(dir: string): UploadMeta {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'upload.json'), 'utf8')) as UploadMeta;
  } catch {
    throw appError('not_found', 'import.uploadGone');
  }
}

function removeStale(cacheDir: string, now = Date.now()): void {
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(root(cacheDir));
  } catch {
    return;
  }
  for (const entry of entries) {
    const dir = path.join(root(cacheDir), entry);
    try {
      if (now - fs.statSync(dir).mtimeMs > STALE_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

export function beginUpload(cacheDir: string, name: string, bytes: number): { uploadId: string; chunkBytes: number } {
  if (bytes <= 0) throw appError('invalid_input', 'import.empty', { name });
  if (bytes > MAX_UPLOAD_BYTES) throw appError('invalid_input', 'import.uploadTooLarge', { name });
  removeStale(cacheDir);
  const uploadId = crypto.randomUUID();
  const dir = folder(cacheDir, uploadId);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'upload.json'), JSON.stringify({ name, bytes } satisfies UploadMeta));
    fs.writeFileSync(path.join(dir, safeName(name)), '');
  } catch (error) {
    throw toAppError(error);
  }
  return { uploadId, chunkBytes: UPLOAD_CHUNK_BYTES };
}

/** Appends one piece at `offset` (pieces arrive in order; a repeated piece is refused). */
export function appendUpload(cacheDir: string, uploadId: string, offset: number, data: Buffer): { received: number } {
  const dir = folder(cacheDir, uploadId);
  const meta = readMeta(dir);
  const file = path.join(dir, safeName(meta.name));
  const size = fs.statSync(file).size;
  if (offset !== size) throw appError('conflict', 'import.outOfOrder', { name: meta.name, offset, size });
  if (size + data.length > meta.bytes) throw appError('invalid_input', 'import.tooManyBytes', { name: meta.name });
  try {
    fs.appendFileSync(file, data);
  } catch (error) {
    throw toAppError(error);
  }
  return { received: size + data.length };
}

/** A finished upload as an import source; refused while bytes are missing. */
export function uploadedSource(cacheDir: string, uploadId: string): ImportSource & { dir: string } {
  const dir = folder(cacheDir, uploadId);
  const meta = readMeta(dir);
  const file = path.join(dir, safeName(meta.name));
  const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  if (size !== meta.bytes) throw appError('invalid_input', 'import.notWhole', { bytes: meta.bytes, name: meta.name, size });
  return { path: file, name: meta.name, dir };
}

export function discardUpload(cacheDir: string, uploadId: string): void {
  try {
    fs.rmSync(folder(cacheDir, uploadId), { recursive: true, force: true });
  } catch {
    // Already gone.
  }
}
