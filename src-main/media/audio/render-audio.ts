/**
 * The export's soundtrack: the mix (audio-graph.ts) rendered ONCE to a float WAV, measured, normalised
 * (loudness.ts) and encoded to AAC 48 kHz stereo. Every pass after the first reads that WAV instead
 * of decoding, resampling and ducking the sources again, and the export runs all of this beside the
 * picture, so it costs little wall time. Passes: the mix, a few cheap measuring rounds, and one
 * final pass (limiter + AAC). Returns the AAC file's name in workDir, or null when the
 * project has no audio and no silent track was asked for.
 */
import type { MessageRef } from '../../messages.js';
import path from 'node:path';
import { runFfmpeg } from '../ffmpeg/run-ffmpeg.js';
import { userMediaInputArgs } from '../ffmpeg/user-media.js';
import { buildAudioGraph, silentAudioGraph, type AudioInput } from './audio-graph.js';
import { MEASURE_FILTER, nextRound, normaliseFilter, parseIntegratedLoudness, type Round } from './loudness.js';

export interface RenderAudioOptions {
  inputs: readonly AudioInput[];
  seconds: number;
  /** A silent track when there are no inputs. */
  silent: boolean;
  workDir: string;
  signal?: AbortSignal;
}

const AAC = ['-c:a', 'aac', '-b:a', '192k', '-ar', '48000', '-ac', '2'];
const FLOAT_WAV = ['-c:a', 'pcm_f32le'];
/** Measuring rounds at most (quiet music lands in one; the demo's peaky speech takes three). */
const MAX_ROUNDS = 4;

export async function renderAudio(options: RenderAudioOptions): Promise<string | null> {
  const { seconds, workDir } = options;
  const run = (args: string[], label: MessageRef) => runFfmpeg({ args, cwd: workDir, durationSeconds: seconds, label, ...(options.signal ? { signal: options.signal } : {}) });
  const out = 'audio.m4a';
  if (options.inputs.length === 0) {
    if (!options.silent) return null;
    await run(['-filter_complex', `${silentAudioGraph(seconds).graph};[mix]anull[aout]`, '-map', '[aout]', ...AAC, '-t', String(seconds), out], { key: 'ffmpeg.label.silence' });
    return out;
  }
  const graph = buildAudioGraph(options.inputs, seconds)!;
  const inputs = graph.files.flatMap((f) => userMediaInputArgs('audio', path.resolve(f))); // ffmpeg runs in workDir
  // Measured while it is written (ffmpeg sets a complex graph up twice: the last summary is the real one).
  const mixed = await run([...inputs, '-filter_complex', `${graph.graph};\n[mix]${MEASURE_FILTER}[aout]`, '-map', '[aout]', ...FLOAT_WAV, '-t', String(seconds), 'mix.wav'], { key: 'ffmpeg.label.mix' });
  const measured = parseIntegratedLoudness(mixed.stderr);
  // Cheap rounds find the gain (the limiter without oversampling, measured, nothing written); the
  // final pass applies it with the 4x limiter and encodes straight to AAC.
  const rounds: Round[] = [];
  let correctionDb = 0;
  while (rounds.length < MAX_ROUNDS) {
    const pass = await run(['-i', 'mix.wav', '-af', `${normaliseFilter(measured ?? -Infinity, correctionDb, true)},${MEASURE_FILTER}`, '-f', 'null', '-'], { key: 'ffmpeg.label.loudness' });
    rounds.push({ correctionDb, outputLufs: parseIntegratedLoudness(pass.stderr) });
    const next = nextRound(rounds);
    correctionDb = next.correctionDb;
    if (next.done) break;
  }
  await run(['-i', 'mix.wav', '-af', normaliseFilter(measured ?? -Infinity, correctionDb), ...AAC, out], { key: 'ffmpeg.label.aac' });
  return out;
}
