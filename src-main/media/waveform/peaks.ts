/**
 * Waveform peaks for the timeline's narration and music tracks. ffmpeg decodes the asset to mono
 * 16-bit PCM at a low rate (through THE runner, the file opened as user media: user-media.ts), we keep the loudest sample per bucket, and the
 * result is cached on disk by the asset's content hash (its id), so each file is decoded once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appError } from '../../errors.js';
import type { Asset } from '../../project/document.js';
import { runFfmpeg } from '../ffmpeg/run-ffmpeg.js';
import { userMediaInputArgs } from '../ffmpeg/user-media.js';
import { assetPath, verifyAssetContent } from '../../project/assets.js';
import { writeFileAtomic } from '../../platform/atomic-file.js';

/** Peak values per second of audio (the renderer merges buckets when zoomed out). */
export const PEAKS_PER_SECOND = 50;
const DECODE_RATE = 8000;
const CACHE_VERSION = 1;

export interface WaveformPeaks {
  assetId: string;
  /** Seconds of audio the peaks cover. */
  duration: number;
  perSecond: number;
  /** 0..1, the loudest absolute sample of each bucket. */
  peaks: number[];
}

/** Pure: the loudest absolute sample of each `samplesPerBucket` run, scaled to 0..1 (3 decimals). */
export function peaksFromSamples(samples: Int16Array, samplesPerBucket: number): number[] {
  const count = Math.ceil(samples.length / samplesPerBucket);
  const peaks = new Array<number>(count);
  for (let b = 0; b < count; b++) {
    let max = 0;
    const end = Math.min(samples.length, (b + 1) * samplesPerBucket);
    for (let i = b * samplesPerBucket; i < end; i++) {
      const v = Math.abs(samples[i]!);
      if (v > max) max = v;
    }
    peaks[b] = Math.round((max / 32768) * 1000) / 1000;
  }
  return peaks;
}

export function peaksCacheFile(cacheDir: string, assetId: string): string {
  return path.join(cacheDir, 'peaks', `${assetId.replace(/[^A-Za-z0-9_-]/g, '_')}-v${CACHE_VERSION}.json`);
}

/** Peaks of an audio asset of the project at `projectDir`, from the cache or decoded now. */
export async function waveformPeaks(projectDir: string, asset: Asset, cacheDir: string, signal?: AbortSignal): Promise<WaveformPeaks> {
  if (asset.kind !== 'audio' && asset.kind !== 'video') throw appError('invalid_input', 'media.noWaveform', { name: asset.originalName || path.basename(asset.file) });
  const cacheFile = peaksCacheFile(cacheDir, asset.id);
  try {
    const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as WaveformPeaks;
    if (Array.isArray(cached.peaks) && cached.perSecond === PEAKS_PER_SECOND) return { ...cached, assetId: asset.id };
  } catch {
    // Not cached yet (or unreadable): decode below.
  }
  const name = asset.originalName || path.basename(asset.file);
  const source = assetPath(projectDir, asset);
  await verifyAssetContent(source, asset, { key: 'media.audioNamed', values: { name } });
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-peaks-'));
  const raw = path.join(tmpDir, 'samples.raw');
  try {
    await runFfmpeg({ args: [...userMediaInputArgs(asset.kind === 'video' ? 'video' : 'audio', source), '-vn', '-ac', '1', '-ar', String(DECODE_RATE), '-f', 's16le', '-acodec', 'pcm_s16le', raw], label: { key: 'ffmpeg.label.waveform' }, ...(signal ? { signal } : {}) });
    const bytes = fs.readFileSync(raw);
    const samples = new Int16Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 2));
    const result: WaveformPeaks = {
      assetId: asset.id,
      duration: samples.length / DECODE_RATE,
      perSecond: PEAKS_PER_SECOND,
      peaks: peaksFromSamples(samples, DECODE_RATE / PEAKS_PER_SECOND),
    };
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileAtomic(cacheFile, JSON.stringify(result));
    return result;
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}
