/**
 * Content-addressed project assets: a file is stored once as assets/<sha256>.<ext>, whatever it was
 * called and however many scenes use it. The asset id is the hash, so identical images dedupe for free.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { appError, nestedValues, toAppError } from '../errors.js';
import type { MessageRef } from '../messages.js';
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

/** The asset with this id, looked up as an own property only ("constructor" is no asset). */
export function ownAsset(doc: { assets: Record<string, Asset> }, id: string): Asset | undefined {
  return Object.prototype.hasOwnProperty.call(doc.assets, id) ? doc.assets[id] : undefined;
}

export type AssetMeta = Omit<Asset, 'id' | 'file' | 'bytes' | 'mime'> & { mime?: string };

/** Copy a file into the project's assets/ under its content hash (no copy when already there). */
export async function storeAssetFile(projectDir: string, source: string, ext: string, meta: AssetMeta): Promise<Asset> {
  const cleanExt = ext.replace(/^\./, '').toLowerCase();
  if (!/^[a-z0-9]{1,5}$/.test(cleanExt)) throw appError('invalid_input', 'project.badExtension', { ext });
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
    throw appError('invalid_input', 'project.assetLeaves', { file: asset.file });
  }
  let real: string;
  try {
    real = fs.realpathSync(resolved);
  } catch {
    throw appError('not_found', 'project.assetMissing', { file: asset.file });
  }
  if (!real.startsWith(root + path.sep)) throw appError('invalid_input', 'project.assetLinksOut', { file: asset.file });
  return real;
}

/** Files whose content was found to match their address, by path: the size and mtime seen then. */
const verified = new Map<string, string>();

/**
 * A project folder can be edited by hand or shared, so an asset is compared with its content address
 * before use: the file must be named `<sha256>.<ext>`, the asset's id must be that hash, and the
 * bytes must hash to it. A file once verified is not hashed again until its size or mtime changes.
 * `what` names it for the user ("The audio of narration clip 1 (\"voice.wav\")").
 */
export async function verifyAssetContent(file: string, asset: Pick<Asset, 'id' | 'file'>, what: string | MessageRef): Promise<void> {
  const named = /^([0-9a-f]{64})\.[a-z0-9]{1,5}$/.exec(path.basename(asset.file))?.[1];
  if (!named || named !== asset.id) {
    throw appError('invalid_input', 'project.assetNotAddressed', { file: asset.file, ...nestedValues('what', what) });
  }
  let stamp: string;
  try {
    const stat = fs.statSync(file);
    stamp = `${stat.size}:${stat.mtimeMs}:${named}`;
  } catch (error) {
    throw toAppError(error);
  }
  if (verified.get(file) === stamp) return;
  const hash = await sha256OfFile(file).catch((error: unknown) => {
    throw toAppError(error);
  });
  if (hash !== named) {
    throw appError('invalid_input', 'project.assetChanged', { file: asset.file, ...nestedValues('what', what) });
  }
  verified.set(file, stamp);
}

/**
 * storeAssetFile for large files: one streamed pass that hashes and copies at once (never blocking
 * the event loop, so the page stays answered while a 2 GB video comes in), with progress (0..1) and
 * cancel. The copy is written beside its final name and renamed into place only when whole.
 * `created` says whether this call added the file (false when the content was already there).
 */
export async function storeAssetFileStreamed(
  projectDir: string,
  source: string,
  ext: string,
  meta: AssetMeta,
  options: { signal?: AbortSignal | undefined; onProgress?: ((fraction: number) => void) | undefined } = {},
): Promise<{ asset: Asset; created: boolean }> {
  const cleanExt = ext.replace(/^\./, '').toLowerCase();
  if (!/^[a-z0-9]{1,5}$/.test(cleanExt)) throw appError('invalid_input', 'project.badExtension', { ext });
  const dir = path.join(projectDir, ASSETS_DIR);
  const temp = path.join(dir, `.import-${crypto.randomUUID()}.${cleanExt}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const size = fs.statSync(source).size;
    const hash = crypto.createHash('sha256');
    let done = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        done += chunk.length;
        options.onProgress?.(size > 0 ? done / size : 1);
        callback(null, chunk);
      },
    });
    await pipeline(fs.createReadStream(source, { highWaterMark: 1024 * 1024 }), tap, fs.createWriteStream(temp), ...(options.signal ? [{ signal: options.signal }] : []));
    const id = hash.digest('hex');
    const relative = `${ASSETS_DIR}/${id}.${cleanExt}`;
    const target = path.join(projectDir, relative);
    const created = !fs.existsSync(target);
    if (created) fs.renameSync(temp, target);
    else fs.rmSync(temp, { force: true });
    return { asset: { ...meta, id, file: relative, bytes: fs.statSync(target).size, mime: meta.mime ?? MIME_BY_EXT[cleanExt] ?? 'application/octet-stream' }, created };
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw toAppError(error);
  }
}
