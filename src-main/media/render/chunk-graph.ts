/**
 * One chunk's ffmpeg filter graph and arguments, pure. The picture arrives as raw frames on one pipe
 * (drawn by chunk-frames.ts: Ken Burns and transitions); ffmpeg burns text overlays and captions from
 * one ASS script with libass (bundled fonts only) and encodes.
 */
import type { Quality } from '../../project/document.js';
import type { Size } from '../kenburns/path.js';
import { pipeInput } from '../ffmpeg/run-ffmpeg.js';
import type { ChunkPlan, VideoPlan } from './video-plan.js';

/**
 * x264 per quality. `standard` is veryfast with subme=1: on Ken Burns pictures (every block moves a
 * little) it encodes in ~60% of veryfast's time at the same PSNR and a ~4% larger file (measured on
 * the demo, docs/export.md).
 */
export const X264: Record<Quality, { preset: string; crf: number; params?: string }> = {
  draft: { preset: 'ultrafast', crf: 26 },
  standard: { preset: 'veryfast', crf: 20, params: 'subme=1' },
  high: { preset: 'medium', crf: 17 },
};

/** The H.264 encoder arguments for a quality (the benchmark's encoder floor uses the same). */
export function videoEncoderArgs(quality: Quality, fps: number): string[] {
  const q = X264[quality];
  return ['-c:v', 'libx264', '-preset', q.preset, ...(q.params ? ['-x264-params', q.params] : []), '-crf', String(q.crf), '-pix_fmt', 'yuv420p', '-r', String(fps), '-video_track_timescale', String(fps * 1000)];
}

/** A path as a filter option value (no quotes needed): backslashes to slashes, ':' and "'" escaped. */
export function filterPath(p: string): string {
  return p.replace(/\\/g, '/').replace(/:/g, '\\:').replace(/'/g, "\\'").replace(/,/g, '\\,');
}

/** ffmpeg input arguments for raw yuv420p frames arriving on the i-th input pipe. */
export function rawFramesInput(size: Size, fps: number, i: number): string[] {
  return ['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-video_size', `${size.width}x${size.height}`, '-framerate', String(fps), '-i', pipeInput(i)];
}

export interface ChunkGraph {
  graph: string;
  frames: number;
}

/** The chunk's graph: its frames from pipe 0, captions and text burned in, as [vout]. */
export function chunkGraph(plan: VideoPlan, chunk: ChunkPlan, ass: { file: string; fontsDir: string } | null): ChunkGraph {
  // libass needs the project's time: shift the timestamps to it and back. The shift is a whole number
  // of frames in the stream's own time base (a rounded seconds value put frame 445 at 444).
  const overlay = ass ? `,setpts=PTS+${chunk.startFrame}/(${plan.fps}*TB),subtitles=filename=${filterPath(ass.file)}:fontsdir=${filterPath(ass.fontsDir)},setpts=PTS-STARTPTS` : '';
  return { graph: `[0:v]setpts=N/(${plan.fps}*TB)${overlay},format=yuv420p[vout]`, frames: chunk.endFrame - chunk.startFrame };
}
