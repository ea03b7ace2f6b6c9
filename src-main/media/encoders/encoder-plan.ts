/**
 * How many segment encoders an export runs at once and with how many x264 threads each, pure: from
 * the machine's cores, the frame size and the quality preset, within a memory budget.
 *
 * x264's memory is the frames it holds, not the project's length: its look-ahead, B-frames and
 * reference frames, one frame per frame thread and (with threads) the look-ahead's own buffer, each
 * about three times a yuv420p frame (padded luma, its half-pixel planes, the 1/4 size look-ahead
 * copy). Measured on 1080x1920 frames (Debian ffmpeg 5.1, 2 cores): veryfast 215 MB with 1 thread,
 * 269 with 2, 293 with 3 (x264's own default there); medium 422 / 494; ultrafast 97 / 120. Two
 * 1080x1920 encoders at once (x264's default threads each) put the demo's export at ~935 MB; one at a
 * time with a thread per core keeps it near 520. Small frames still get two encoders at once (they
 * fit many times over and keep both cores busy while one segment starts or drains).
 */
import type { Quality } from '../../project/document.js';
import type { Size } from '../kenburns/path.js';

/** What the encoders of one export may hold together (MB): the export's 600 MB goal less node (~200) and the soundtrack's ffmpeg (~60). */
export const ENCODER_BUDGET_MB = 320;

/** Frames x264 holds beside the frame threads, per quality preset (look-ahead + B-frames + references + 2). */
const HELD: Record<Quality, { lookahead: number; bframes: number; refs: number }> = {
  draft: { lookahead: 0, bframes: 0, refs: 1 }, // ultrafast
  standard: { lookahead: 10, bframes: 3, refs: 1 }, // veryfast
  high: { lookahead: 40, bframes: 3, refs: 3 }, // medium
};

/** ffmpeg itself with a raw-frames input, libass and its buffers (MB). */
const BASE_MB = 60;
/** Bytes x264 keeps per held frame, in yuv420p frames (3.1-3.4 measured at 1080x1920). */
const PER_FRAME = 3.5;

export interface EncoderPlan {
  /** Segment encoders running at once. */
  parallel: number;
  /** x264 threads of each (passed as `-threads`, so the benchmark's floor encodes the same way). */
  threads: number;
}

/** An estimate of one x264 encoder's resident memory in MB (measured figures are 2-25% lower). */
export function encoderMemoryMb(size: Size, quality: Quality, threads: number): number {
  const h = HELD[quality];
  const frameMb = (size.width * size.height * 1.5) / (1024 * 1024);
  const syncLookahead = threads > 1 ? h.bframes + 1 : 0;
  const held = h.lookahead + h.bframes + h.refs + 2 + threads + syncLookahead;
  return BASE_MB + held * PER_FRAME * frameMb;
}

/**
 * The plan: two encoders at once, each with one thread per core of its half of the machine, when both
 * fit the budget; else one at a time with one thread per core. x264's own default is 1.5 threads per
 * core: each extra frame thread holds one more frame (and the look-ahead's buffer grows), while in an
 * export our frame drawing and libass already fill the gaps x264's frame threads leave. One core:
 * one encoder, one thread.
 */
export function planEncoders(input: { cores: number; size: Size; quality: Quality; budgetMb?: number }): EncoderPlan {
  const cores = Math.max(1, Math.floor(input.cores));
  const budget = input.budgetMb ?? ENCODER_BUDGET_MB;
  const half = Math.max(1, Math.floor(cores / 2));
  if (cores >= 2 && 2 * encoderMemoryMb(input.size, input.quality, half) <= budget) return { parallel: 2, threads: half };
  return { parallel: 1, threads: cores };
}
