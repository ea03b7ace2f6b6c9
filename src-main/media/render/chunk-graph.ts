/**
 * One chunk's ffmpeg filter graph and arguments, pure. The picture arrives as raw frames on one pipe
 * (drawn by chunk-frames.ts: Ken Burns and transitions); ffmpeg burns text overlays and captions from
 * one ASS script with libass (bundled fonts only) and encodes.
 */
import type { Quality } from '../../project/document.js';
import type { Size } from '../kenburns/path.js';
import { pipeInput } from '../ffmpeg/run-ffmpeg.js';
import { overlayChunk, type OverlaySource } from './overlay-graph.js';
import { SOFTWARE, type EncoderSpec } from '../encoders/encoders.js';
import type { ChunkPlan, VideoPlan } from './video-plan.js';

export { X264 } from '../encoders/encoders.js';

/**
 * Encoder arguments for an export's segments (the benchmark's encoder floor uses the same). `threads`
 * (encoders/encoder-plan.ts) sets libx264's threads; 0 leaves x264's own default.
 */
export function encoderArgs(spec: EncoderSpec, quality: Quality, fps: number, threads = 0): string[] {
  const threading = spec.id === SOFTWARE.id && threads > 0 ? ['-threads', String(threads)] : [];
  return [...spec.args(quality), ...threading, '-r', String(fps), '-video_track_timescale', String(fps * 1000)];
}

/** libx264's arguments for a quality. */
export function videoEncoderArgs(quality: Quality, fps: number, threads = 0): string[] {
  return encoderArgs(SOFTWARE, quality, fps, threads);
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
  /** ffmpeg input arguments after the frames' pipe (the overlay clips' files). */
  inputs: string[];
}

/**
 * The chunk's graph: its frames from pipe 0, the overlay tracks laid over them (overlay-graph.ts),
 * captions and text burned in, as [vout]; `encoderFilter` (an upload to the GPU for some hardware
 * encoders) comes last.
 */
export function chunkGraph(plan: VideoPlan, chunk: ChunkPlan, ass: { file: string; fontsDir: string } | null, overlays: readonly OverlaySource[] = [], encoderFilter: string | null = null): ChunkGraph {
  // libass needs the project's time: shift the timestamps to it and back. The shift is a whole number
  // of frames in the stream's own time base (a rounded seconds value put frame 445 at 444).
  const frames = chunk.endFrame - chunk.startFrame;
  const toProject = `setpts=PTS+${chunk.startFrame}/(${plan.fps}*TB)`;
  const subtitles = ass ? `subtitles=filename=${filterPath(ass.file)}:fontsdir=${filterPath(ass.fontsDir)},` : '';
  const tail = `format=yuv420p${encoderFilter ? `,${encoderFilter}` : ''}[vout]`;
  const over = overlayChunk(overlays, chunk, plan.fps, plan.size, 1, 'base', 'over');
  if (over.count > 0) {
    const graph = `[0:v]setpts=N/(${plan.fps}*TB),${toProject}[base];${over.graph};[over]${subtitles}setpts=PTS-STARTPTS,${tail}`;
    return { graph, frames, inputs: over.inputs };
  }
  const overlay = ass ? `,${toProject},${subtitles}setpts=PTS-STARTPTS` : '';
  return { graph: `[0:v]setpts=N/(${plan.fps}*TB)${overlay},${tail}`, frames, inputs: [] };
}
