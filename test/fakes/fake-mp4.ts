/**
 * Real MP4 files for the fake KIE's video results: a coloured H.264 clip of the asked length and size,
 * made once per (length, size, colour) with the app's ffmpeg and kept in a temp folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { resolveBinary } from '../../src-main/platform/binaries.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-kie-mp4-'));
const made = new Map<string, Promise<Buffer>>();

export function fakeMp4(seconds: number, width: number, height: number, rgb: [number, number, number]): Promise<Buffer> {
  const hex = rgb.map((c) => c.toString(16).padStart(2, '0')).join('');
  const key = `${seconds}-${width}x${height}-${hex}`;
  let pending = made.get(key);
  if (!pending) {
    const file = path.join(dir, `${key}.mp4`);
    pending = execa(
      resolveBinary('ffmpeg'),
      ['-hide_banner', '-nostdin', '-y', '-f', 'lavfi', '-i', `color=c=0x${hex}:s=${width}x${height}:r=24:d=${seconds}`, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', file],
      { timeout: 60_000, stdin: 'ignore' },
    ).then(() => fs.readFileSync(file));
    made.set(key, pending);
  }
  return pending;
}

/** The first third of a clip: an MP4 cut short (no index), as a broken download would leave it. */
export async function corruptMp4(seconds: number, width: number, height: number): Promise<Buffer> {
  const whole = await fakeMp4(seconds, width, height, [40, 40, 40]);
  return whole.subarray(0, Math.floor(whole.length / 3));
}

process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
