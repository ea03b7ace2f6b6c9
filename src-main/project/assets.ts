/**
 * Content-addressed project assets: a file is stored once as assets/<sha256>.<ext>, whatever it was
 * called and however many scenes use it. The asset id is the hash, so identical images dedupe for free.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, toAppError } from '../errors.js';
import type { Asset } from './document.js';
import { ASSETS_DIR } from './project-file.js';
import { copyFileAtomic, writeFileAtomic } from '../platform/atomic-file.js';

export const MIME_BY_EXT: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  mp4: 'video/mp4',
};

export function sha256OfBuffer(data: Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export type AssetMeta = Omit<Asset, 'id' | 'file' | 'bytes' | 'mime'> & { mime?: string };

/** Copy a file into the project's assets/ under its content hash (no copy when already there). */
export async function storeAssetFile(projectDir: string, source: string, ext: string, meta: AssetMeta): Promise<Asset> {
  const cleanExt = ext.replace(/^\./, '').toLowerCase();
  if (!/^[a-z0-9]{1,5}$/.test(cleanExt)) throw new AppError('invalid_input', `Unsupported file extension: ${ext}`);
  try {
    const hash = await sha256OfFile(source);
    const relative = `${ASSETS_DIR}/${hash}.${cleanExt}`;
    const target = path.join(projectDir, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!fs.existsSync(target)) {
      copyFileAtomic(source, target);
    }
    const bytes = fs.statSync(target).size;
    return { ...meta, id: hash, file: relative, bytes, mime: meta.mime ?? MIME_BY_EXT[cleanExt] ?? 'application/octet-stream' };
  } catch (error) {
    throw toAppError(error);
  }
}

export async function storeAssetBuffer(projectDir: string, data: Buffer, ext: string, meta: AssetMeta): Promise<Asset> {
  const cleanExt = ext.replace(/^\./, '').toLowerCase();
  const hash = sha256OfBuffer(data);
  const relative = `${ASSETS_DIR}/${hash}.${cleanExt}`;
  const target = path.join(projectDir, relative);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!fs.existsSync(target)) {
      writeFileAtomic(target, data);
    }
  } catch (error) {
    throw toAppError(error);
  }
  return { ...meta, id: hash, file: relative, bytes: data.length, mime: meta.mime ?? MIME_BY_EXT[cleanExt] ?? 'application/octet-stream' };
}

/**
 * Absolute path of an asset, confined to the project folder: ids are hex hashes and files must sit
 * directly under assets/, so neither `..` nor an absolute path nor a symlink can lead outside.
 */
export function assetPath(projectDir: string, asset: Pick<Asset, 'file'>): string {
  const root = fs.realpathSync(projectDir);
  const resolved = path.resolve(root, asset.file);
  if (!resolved.startsWith(path.join(root, ASSETS_DIR) + path.sep)) {
    throw new AppError('invalid_input', `Asset path ${asset.file} leaves the project folder.`);
  }
  let real: string;
  try {
    real = fs.realpathSync(resolved);
  } catch {
    throw new AppError('not_found', `The asset file ${asset.file} is missing from the project folder.`);
  }
  if (!real.startsWith(root + path.sep)) throw new AppError('invalid_input', `Asset ${asset.file} links outside the project folder.`);
  return real;
}
