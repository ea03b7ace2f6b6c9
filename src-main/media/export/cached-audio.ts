/**
 * The export's soundtrack through the cache: its key is a hash of the mix graph (clips, gains,
 * fades, ducking: audio-graph.ts), the input files (content-addressed, so their names are their
 * content), the length and the versions; a re-export after an edit that did not touch the sound
 * takes the AAC it made last time.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ffmpegInfo } from '../ffmpeg/run-ffmpeg.js';
import { buildAudioGraph, type AudioInput } from '../audio/audio-graph.js';
import { renderAudio } from '../audio/render-audio.js';
import type { SegmentCache } from './segment-cache.js';

/** Bump when the mixing or loudness code changes the sound for the same inputs. */
export const SOUND_VERSION = 1;

let versions: Promise<string> | null = null;

/** What a cached file depends on besides its inputs: ffmpeg's version and the frame kernel's bytes. */
export function renderVersions(): Promise<string> {
  versions ??= (async () => {
    const kernel = fs.readFileSync(fileURLToPath(new URL('../render/kernel/frames.wasm', import.meta.url)));
    const ffmpeg = (await ffmpegInfo(['-version'])).split('\n')[0]!.trim();
    return `${ffmpeg}|kernel ${crypto.createHash('sha256').update(kernel).digest('hex').slice(0, 12)}`;
  })();
  return versions.catch((error: unknown) => {
    versions = null;
    throw error;
  });
}

/** A path for a concat list (single quotes escaped as the concat demuxer wants). */
export function concatPath(file: string): string {
  return path.resolve(file).replace(/\\/g, '/').replace(/'/g, "'\\''");
}

export function audioKey(inputs: readonly AudioInput[], seconds: number, silent: boolean, versions: string): string {
  const graph = buildAudioGraph(inputs, seconds);
  const files = inputs.map((i) => path.basename(i.file));
  return crypto.createHash('sha256').update(JSON.stringify([SOUND_VERSION, versions, seconds, silent, graph?.graph ?? null, files])).digest('hex').slice(0, 32);
}

export async function cachedAudio(options: { inputs: readonly AudioInput[]; seconds: number; silent: boolean; workDir: string; signal?: AbortSignal; cache: SegmentCache | null; versions: string }): Promise<{ file: string; reused: boolean } | null> {
  const { cache } = options;
  const key = cache ? audioKey(options.inputs, options.seconds, options.silent, options.versions) : null;
  const hit = key && cache ? cache.get(key, 'm4a') : null;
  if (hit) return { file: hit, reused: true };
  const made = await renderAudio({ inputs: options.inputs, seconds: options.seconds, silent: options.silent, workDir: options.workDir, ...(options.signal ? { signal: options.signal } : {}) });
  if (!made) return null;
  const local = path.join(options.workDir, made);
  return { file: (key && cache?.put(key, 'm4a', local)) || local, reused: false };
}
