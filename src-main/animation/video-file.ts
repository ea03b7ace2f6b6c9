/**
 * Checks a downloaded clip before it enters a project: written to a temp file and probed as user media
 * (../media/ffmpeg/user-media.ts: a playlist or anything but an MP4/WebM is refused before ffprobe opens it).
 * Something that is not a playable video (an HTML page, an MP4 cut short, no picture) is refused with
 * a message that names the scene; a good one returns what the asset records (length, size, fps, sound).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError, appError, nestedValues } from '../errors.js';
import type { MessageRef } from '../messages.js';
import { detectUserMedia, probeUserMedia } from '../media/ffmpeg/user-media.js';
import { refusedAsset } from '../media/export/input-errors.js';

export interface CheckedVideo {
  duration: number;
  width: number;
  height: number;
  fps: number;
  hasAudio: boolean;
  codec: string;
}

export async function checkVideo(data: Buffer, what: string | MessageRef, signal?: AbortSignal): Promise<CheckedVideo> {
  const named = nestedValues('what', what);
  const file = path.join(os.tmpdir(), `whatif-video-${randomUUID()}.mp4`);
  try {
    await fs.promises.writeFile(file, data);
    try {
      detectUserMedia('video', file);
    } catch (error) {
      // "KIE's clip for scene 2 is not a video file (MP4/MOV, WebM/MKV): it is an HLS/M3U playlist."
      throw refusedAsset(what, error, 'provider_error');
    }
    let probe;
    try {
      probe = await probeUserMedia('video', file, signal);
    } catch (error) {
      if (error instanceof AppError && error.code === 'cancelled') throw error;
      throw appError('provider_error', 'animate.notPlayable', { length: data.length, ...named });
    }
    const video = probe.video;
    if (!video || !video.width || !video.height || !(probe.durationSeconds > 0.2)) {
      throw appError('provider_error', 'animate.noPictureOrLength', { length: data.length, ...named });
    }
    return {
      duration: Math.round(probe.durationSeconds * 1000) / 1000,
      width: video.width,
      height: video.height,
      fps: Math.round(video.fps * 1000) / 1000 || 24,
      hasAudio: probe.audio !== null,
      codec: video.codec.slice(0, 40),
    };
  } finally {
    await fs.promises.rm(file, { force: true });
  }
}
