/**
 * What an export checks before it starts, so a doomed run costs nothing: the destination is a file
 * name it can write (not a folder), and the disk holding it has room for the scratch pictures, the
 * float mix, the encoded chunks and the MP4 (an estimate; the message says how much is needed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { appError } from '../../errors.js';
import { wordEn } from '../../messages.js';
import type { Quality } from '../../project/document.js';

/** Bytes of an encoded frame per pixel, generous for Ken Burns pictures (x264 CRF 26 / 20 / 17). */
const BYTES_PER_PIXEL: Record<Quality, number> = { draft: 0.012, standard: 0.02, high: 0.035 };
/** The float stereo 48 kHz mix (pcm_f32le) and the AAC beside it. */
const AUDIO_BYTES_PER_SECOND = 48_000 * 2 * 4 + 24_000;
const MARGIN_BYTES = 64 * 1024 * 1024;

export interface ExportSizeInput {
  width: number;
  height: number;
  fps: number;
  seconds: number;
  quality: Quality;
  /** Distinct prepared pictures (raw yuv420p, width x height x 1.5 bytes each). */
  pictures: number;
  hasAudio: boolean;
}

/** Pure: the most disk an export uses at once (scratch + chunks + the MP4 being written beside them). */
export function estimateExportBytes(input: ExportSizeInput): number {
  const pictures = input.pictures * input.width * input.height * 1.5;
  const video = input.seconds * input.fps * input.width * input.height * BYTES_PER_PIXEL[input.quality];
  const audio = input.hasAudio ? input.seconds * AUDIO_BYTES_PER_SECOND : 0;
  // The chunks and the final MP4 exist at the same time while the MP4 is written.
  return Math.ceil(pictures + 2 * video + audio + MARGIN_BYTES);
}

const mb = (bytes: number): string => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1e6))} MB`);

/** Pure: the message when `free` bytes are fewer than `needed`, else null. */
export function spaceProblem(folder: string, needed: number, free: number): string | null {
  const values = spaceShortfall(folder, needed, free);
  return values ? wordEn({ key: 'export.noSpace', values }) : null;
}

/** The values of "not enough space" (folder, needed, free), or null when it fits. */
export function spaceShortfall(folder: string, needed: number, free: number): { folder: string; needed: string; free: string } | null {
  return free >= needed ? null : { folder, needed: mb(needed), free: mb(free) };
}

/** Free bytes on the disk holding `folder` (null when the OS cannot tell). */
export function freeBytes(folder: string): number | null {
  try {
    const stats = fs.statfsSync(folder);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return null;
  }
}

/** Throws disk_full when the destination's disk cannot hold the export. */
export function checkFreeSpace(destination: string, needed: number): void {
  const folder = path.dirname(destination);
  const free = freeBytes(folder);
  const shortfall = free === null ? null : spaceShortfall(folder, needed, free);
  if (shortfall) throw appError('disk_full', 'export.noSpace', shortfall);
}

/** The destination must be a new or existing file in a folder that can be written, never a folder. */
export function checkDestination(destination: string): void {
  const name = path.basename(destination);
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(destination);
  } catch {
    stat = null;
  }
  if (stat && !stat.isFile()) throw appError('invalid_input', stat.isDirectory() ? 'export.destIsFolder' : 'export.destNotFile', { name, destination });
  const dir = path.dirname(destination);
  let parent: fs.Stats | null = null;
  try {
    parent = fs.statSync(dir);
  } catch {
    parent = null; // made when the export starts
  }
  if (parent && !parent.isDirectory()) throw appError('invalid_input', 'export.destIsFile', { dir });
  if (parent) {
    try {
      fs.accessSync(dir, fs.constants.W_OK);
    } catch {
      throw appError('io_error', 'export.destPermission', { dir });
    }
  }
}
