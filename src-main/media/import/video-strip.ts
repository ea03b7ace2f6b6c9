/**
 * The filmstrip of a video for the timeline and the media bin: a few frames spread over the video,
 * side by side in one JPEG, made by THE ffmpeg runner (each frame found by a fast seek, so a 2 GB
 * file costs a few keyframe decodes, not a full decode) and cached by the asset's content hash.
 * Making it also proves the picture decodes from start to end: a truncated file yields no frame at
 * its far end and is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appError, AppError } from '../../errors.js';
import type { Asset } from '../../project/document.js';
import { runFfmpeg } from '../ffmpeg/run-ffmpeg.js';
import { userMediaInputArgs } from '../ffmpeg/user-media.js';

export const STRIP_HEIGHT = 96;
export const MAX_STRIP_FRAMES = 8;
const CACHE_VERSION = 1;

export interface VideoStrip {
  assetId: string;
  /** How many frames the strip holds, left to right, and the source time of each. */
  frames: number;
  times: number[];
  /** One frame's size in the strip (pixels). */
  frameWidth: number;
  frameHeight: number;
  /** The strip as a JPEG data URL. */
  dataUrl: string;
}

/** Pure: the source times of the strip's frames, centred in equal slices of the video. */
export function stripTimes(duration: number, max = MAX_STRIP_FRAMES): number[] {
  const count = Math.max(1, Math.min(max, Math.ceil(duration)));
  return Array.from({ length: count }, (_, i) => Math.round(((i + 0.5) / count) * duration * 1000) / 1000);
}

/** Pure: the ffmpeg arguments that cut `times` out of `source` into one strip JPEG at `out`. */
export function stripArgs(source: string, times: readonly number[], out: string): string[] {
  const inputs = times.flatMap((t) => ['-ss', t.toFixed(3), ...userMediaInputArgs('video', source)]);
  const scaled = times.map((_, i) => `[${i}:v:0]scale=-2:${STRIP_HEIGHT},setsar=1,format=yuvj420p[f${i}]`);
  const join = times.length > 1 ? `${times.map((_, i) => `[f${i}]`).join('')}hstack=inputs=${times.length}[strip]` : '[f0]null[strip]';
  return [...inputs, '-filter_complex', [...scaled, join].join(';'), '-map', '[strip]', '-frames:v', '1', '-q:v', '4', '-an', out];
}

function cacheFile(cacheDir: string, assetId: string): string {
  return path.join(cacheDir, 'strips', `${assetId.replace(/[^A-Za-z0-9_-]/g, '_')}-v${CACHE_VERSION}.jpg`);
}

function describe(asset: Pick<Asset, 'id' | 'duration' | 'width' | 'height'>, jpeg: Buffer, times: number[]): VideoStrip {
  const frameHeight = STRIP_HEIGHT;
  const frameWidth = asset.width && asset.height ? Math.round((asset.width / asset.height) * STRIP_HEIGHT / 2) * 2 : STRIP_HEIGHT;
  return { assetId: asset.id, frames: times.length, times, frameWidth, frameHeight, dataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}` };
}

/**
 * The strip of a video file (from the cache, or made now). `name` is the file as the user knows it,
 * for the error when the video does not decode.
 */
export async function videoStrip(source: string, asset: Pick<Asset, 'id' | 'duration' | 'width' | 'height'>, cacheDir: string, name: string, signal?: AbortSignal): Promise<VideoStrip> {
  const times = stripTimes(asset.duration ?? 1);
  const file = cacheFile(cacheDir, asset.id);
  if (fs.existsSync(file)) return describe(asset, fs.readFileSync(file), times);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.partial.jpg`;
  try {
    await runFfmpeg({ args: stripArgs(source, times, temp), label: { key: 'ffmpeg.label.frames', values: { name } }, ...(signal ? { signal } : {}) });
  } catch (error) {
    fs.rmSync(temp, { force: true });
    if (error instanceof AppError && error.code === 'cancelled') throw error;
    throw appError('invalid_input', 'import.noPictures', { name }, { cause: error });
  }
  const size = fs.existsSync(temp) ? fs.statSync(temp).size : 0;
  if (size === 0) {
    fs.rmSync(temp, { force: true });
    throw appError('invalid_input', 'import.truncated', { name });
  }
  fs.renameSync(temp, file);
  return describe(asset, fs.readFileSync(file), times);
}
