/**
 * The picture of an export, segment by segment: each segment (render/video-plan.ts planSegments) is
 * looked up in the cache by its key (segment-key.ts) and encoded only when missing, two at a time,
 * each by an encoder of its own starting on a key frame, so cached and new segments join without
 * re-encoding and a re-export after a small edit encodes only what the edit touched. Only the
 * pictures the missing segments show are prepared. When a hardware encoder fails, the picture is
 * made again with libx264 in the same export and the caller is told.
 *
 * Memory: `parallel` encoders at once (encoders/encoder-plan.ts: one at a time for 1080x1920 on 2
 * cores, its x264 holding ~270 MB of frames whatever the length), each fed by a frame composer that
 * is reused from segment to segment.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MessageValues } from '../../messages.js';
import { AppError, toAppError } from '../../errors.js';
import type { ProjectDocument, Quality } from '../../project/document.js';
import { chunkFrames } from '../render/chunk-frames.js';
import { chunkGraph, encoderArgs, rawFramesInput } from '../render/chunk-graph.js';
import { feedFrames } from '../render/frame-feed.js';
import type { OverlaySource } from '../render/overlay-graph.js';
import type { VideoPlan } from '../render/video-plan.js';
import type { FrameComposer } from '../render/frame-composer.js';
import { runFfmpeg } from '../ffmpeg/run-ffmpeg.js';
import { SOFTWARE, type EncoderSpec } from '../encoders/encoders.js';
import { prepareImages } from './inputs.js';
import { runPool } from './run-pool.js';
import type { SegmentCache } from './segment-cache.js';
import { segmentKey } from './segment-key.js';

export interface PictureOptions {
  plan: VideoPlan;
  doc: ProjectDocument;
  projectDir: string;
  workDir: string;
  quality: Quality;
  ass: string | null;
  assRef: { file: string; fontsDir: string } | null;
  /** The overlay tracks' clips, laid over the picture by ffmpeg (render/overlay-graph.ts). */
  overlays: readonly OverlaySource[];
  /** A main-track video clip's file and how the user names it (by clip index of the plan). */
  video: (clipIndex: number) => { file: string; clip: MessageValues };
  encoder: EncoderSpec;
  cache: SegmentCache | null;
  versions: string;
  /** Segments encoded at once, and libx264's threads for each (encoders/encoder-plan.ts). */
  parallel: number;
  threads: number;
  signal: AbortSignal;
  /** Share of the picture done (0..1) and frames per second now. */
  onProgress: (done: number, fps: number, stage: 'preparing' | 'encoding') => void;
  /** Told once when the hardware encoder failed and libx264 took over. */
  onFallback?: (from: EncoderSpec, error: AppError) => void;
}

export interface PictureResult {
  /** Segment files in order (in the cache, or in workDir when the cache could not take them). */
  files: string[];
  encoded: number;
  reused: number;
  encoder: EncoderSpec;
}

/** Clips a segment's frames show (the clip's own frames and its transition frames). */
function clipsOf(plan: VideoPlan, index: number): number[] {
  const seg = plan.chunks[index]!;
  return plan.clips.filter((c) => c.startFrame - c.leadFrames < seg.endFrame && c.endFrame + c.trailFrames > seg.startFrame).map((c) => c.index);
}

async function attempt(options: PictureOptions, encoder: EncoderSpec, prepared: Map<number, string>): Promise<PictureResult> {
  const { plan, cache, workDir } = options;
  // The attempt's own stop: a failing hardware encoder stops this attempt only, so libx264 can take over.
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  const encodeArgs = encoderArgs(encoder, options.quality, plan.fps, options.threads);
  const encoderKey = [...encoder.globalArgs, encoder.filter ?? '', ...encodeArgs];
  const keys = plan.chunks.map((segment) => segmentKey({ plan, segment, ass: options.ass, overlays: options.overlays, encoder: encoderKey, versions: options.versions }));
  const files = keys.map((key) => cache?.get(key, 'mp4') ?? null);
  const todo = files.flatMap((file, i) => (file ? [] : [i]));
  const needed = [...new Set(todo.flatMap((i) => clipsOf(plan, i)))].filter((c) => !prepared.has(c) && !plan.clips[c]!.video);
  const made = await prepareImages(plan, options.doc, options.projectDir, workDir, {
    only: needed,
    width: Math.min(2, options.parallel),
    abort: stop,
    signal,
    onEach: (done, total) => options.onProgress(done / Math.max(1, total), 0, 'preparing'),
  });
  for (const [clip, file] of made) prepared.set(clip, file);
  const todoFrames = todo.reduce((sum, i) => sum + plan.chunks[i]!.endFrame - plan.chunks[i]!.startFrame, 0);
  const framesDone = new Map<number, number>();
  let fpsNow = 0;
  // One frame composer per encoder running, handed from segment to segment (each holds ~19 MB of
  // pictures and frames at 1080x1920: one per segment left the old ones to the garbage collector).
  const composers: FrameComposer[] = [];
  const encodeOne = async (n: number) => {
    const index = todo[n]!;
    const segment = plan.chunks[index]!;
    const g = chunkGraph(plan, segment, options.assRef, options.overlays, encoder.filter);
    const name = `segment-${String(index).padStart(4, '0')}.mp4`;
    fs.writeFileSync(path.join(workDir, `${name}.filter`), g.graph, 'utf8');
    const frames = chunkFrames(plan, segment, { preparedFile: (clipIndex) => prepared.get(clipIndex)!, video: options.video, composer: composers.pop(), signal });
    await runFfmpeg({
      inputPipes: [(out) => feedFrames(out, g.frames, frames.render, signal).finally(frames.close)],
      args: [...encoder.globalArgs, ...rawFramesInput(plan.size, plan.fps, 0), ...g.inputs, '-filter_complex_script', `${name}.filter`, '-map', '[vout]', '-frames:v', String(g.frames), ...encodeArgs, '-an', name],
      cwd: workDir,
      durationSeconds: g.frames / plan.fps,
      label: { key: 'ffmpeg.label.video' },
      signal,
      onProgress: (p) => {
        framesDone.set(index, (p.percent / 100) * g.frames);
        fpsNow = p.fps || fpsNow;
        options.onProgress([...framesDone.values()].reduce((a, b) => a + b, 0) / Math.max(1, todoFrames), fpsNow, 'encoding');
      },
    }).finally(() => composers.push(frames.composer));
    const local = path.join(workDir, name);
    files[index] = cache?.put(keys[index]!, 'mp4', local) ?? local;
  };
  await runPool(todo.length, options.parallel, encodeOne, stop);
  return { files: files as string[], encoded: todo.length, reused: files.length - todo.length, encoder };
}

export async function encodePicture(options: PictureOptions): Promise<PictureResult> {
  const prepared = new Map<number, string>();
  try {
    return await attempt(options, options.encoder, prepared);
  } catch (error) {
    const appError = toAppError(error);
    if (!options.encoder.hardware || appError.code === 'cancelled' || options.signal.aborted) throw appError;
    options.onFallback?.(options.encoder, appError);
    return attempt(options, SOFTWARE, prepared);
  }
}
